"""Texts of graph/editing.py (nb and en), merged into graph.i18n."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {},
    "en": {},
}
