"""The place template's example row lies at the store's own home city (Trondheim's for the shipped data,
Hometown's for the fixture), and at the example coordinates `ikg init` gives (60.39, 5.32) without one."""

from __future__ import annotations

import pytest

from graph.edit.tabular import template
from graph.edit.tabular.examples import starter_example


def example_row(store, lang: str) -> list[str]:
    text = template("place", "csv", lang, store=store).decode("utf-8-sig")
    return text.splitlines()[1].split(";" if lang == "nb" else ",")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_place_example_of_the_trondheim_store_lies_in_trondheim(shipped_store, lang):
    country = {"nb": "Norge", "en": "Norway"}[lang]
    assert example_row(shipped_store, lang)[1:7] == ["Eksempelby", "Example Town", "", country, "63.4305", "10.3951"]


def test_the_place_example_of_the_fixture_lies_at_its_home_city(fixture_store):
    row = starter_example("place", fixture_store, "en")
    assert (row["country"], row["lat"], row["long"]) == ("Norway", "63.43", "10.39")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_without_a_store_the_place_example_has_the_example_coordinates(lang):
    assert example_row(None, lang)[1:7] == ["Eksempelby", "Example Town", "", "", "60.39", "5.32"]
