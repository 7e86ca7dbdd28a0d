"""Shared test helpers: paths, the browser, the Virtuoso server."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
SHAPE_EXAMPLES = TESTS / "shapes"
