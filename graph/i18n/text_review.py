"""Texts of the section 5.1 review: rounds, forms, portfolio, workbook and report."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
    },
    "en": {
    },
}
