"""Texts of starting and keeping a city's own graph: init, templates, export of data."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
    },
    "en": {
    },
}
