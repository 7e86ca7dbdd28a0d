"""The example city, started once for the tests of this folder (they only read it, or copy it first)."""

from __future__ import annotations

import pytest

from tests.city.scenario import start_city


@pytest.fixture(scope="session")
def city(tmp_path_factory):
    """(store folder, data folder) of the fictional Eksempelvik, started with init, templates and imports."""
    return start_city(tmp_path_factory.mktemp("city"))
