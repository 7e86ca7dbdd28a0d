"""The app's tests record what the app puts in Streamlit's navigation (see tests/ui/navigation.py)."""

from __future__ import annotations

import pytest

from tests.ui.navigation import recording


@pytest.fixture(autouse=True)
def navigation_menu():
    with recording() as menu:
        yield menu
