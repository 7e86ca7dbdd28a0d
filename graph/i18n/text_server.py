"""Texts of the shared store, the SPARQL endpoint and the pages of the graph's IRIs."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
    },
    "en": {
    },
}
