"""What a reviewer sees beside an item (issue 12, item 3): SDGs, the network's other members, the home
city's networks that share members with it, and the round's progress by kind and responsible unit."""

from __future__ import annotations

import pytest

from graph.analysis.review_items import item_context, progress, review_rows
from graph.edit.assessments import save_assessment
from graph.history.shipped import open_store
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"


@pytest.fixture(params=["memory", "oxigraph"])
def store(request):
    store = MemoryStore() if request.param == "memory" else OxigraphStore()
    store.load(fixture_files())
    return store


def test_item_context(store):
    assert item_context(store, EX + "m-home-a", "en") == {
        "sdgs": ["Sustainable cities and communities"], "other_members": ["The University"],
        "overlapping": ["Network B (1 shared)"]}
    assert item_context(store, EX + "m-home-b", "nb")["overlapping"] == ["Nettverk A (1 felles)"]
    assert item_context(store, EX + "agreement-farcity", "en") == {"sdgs": [], "other_members": [], "overlapping": []}


def test_progress_counts_the_round_only(store):
    save_assessment(store, EX + "m-home-a", "Review 2025", {"1": 2}, "", "", "keep", "", "Kari", "2025-03-01")
    save_assessment(store, EX + "m-home-b", "Review 2026", {}, "", "", "leave", "", "Kari", "2026-03-01")
    done = progress(store, "en", "Review 2025")
    assert (done.done, done.total) == (1, 4)
    assert done.by_kind.rows == [["agreement", "0", "2"], ["membership", "1", "2"]]
    assert done.by_unit.rows == [["(no responsible unit)", "0", "3"], ["Culture unit", "1", "1"]]
    assert done.left.rows == [["Hometown–Farcity", "agreement", ""], ["Hometown–Oldtown", "agreement", ""],
                              ["Network B", "membership", ""]]


def test_an_item_with_two_responsible_units_shows_both_and_counts_under_each():
    """The shipped membership of ECHO has two responsible units: its row names both, in each language, and
    the progress counts it under each (it stood under whichever unit's name sorted first in the reader's
    language: "Nidarosdomen" in bokmål, "Chief Municipal Executive" in English)."""
    shipped = open_store("memory")
    echo = "https://w3id.org/ikg/trondheim/membership-trondheim-echo"
    for lang, units, counts in (
            ("nb", "Nidarosdomen; Rådmannen (kommunedirektøren)", [["Nidarosdomen", "0", "1"],
                                                                  ["Rådmannen (kommunedirektøren)", "0", "5"]]),
            ("en", "Chief Municipal Executive; Nidaros Cathedral", [["Chief Municipal Executive", "0", "5"],
                                                                   ["Nidaros Cathedral", "0", "1"]])):
        rows = {row[0]: row for row in review_rows(shipped, lang).rows}
        assert rows[echo][6] == units
        shown = progress(shipped, lang)
        assert [row for row in shown.by_unit.rows if row[0] in units.split("; ")] == counts
        assert shown.total == 49
