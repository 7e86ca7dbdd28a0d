"""Texts of the explorer's pictures: network, map, timeline, gaps and plain-words history."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
    },
    "en": {
    },
}
