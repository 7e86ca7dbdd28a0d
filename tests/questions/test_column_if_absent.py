"""`# Column-if-absent:` (graph.questions.question): `collaborators` asked for no actor lists every actor's
links with the actor's name first, on every backend and from a kept answer; asked for one actor it is as
before. The Oxigraph variant's rows are compared with the portable text's in tests/questions/test_variants.py."""

from __future__ import annotations

import pytest

import graph.questions.kept as kept
from graph.answers import ask
from graph.questions.library import get_question
from graph.questions.question import parse_text
from tests.questions.test_kept import questions_asked
from tests.store.test_derived import folder, fresh, let_go  # noqa: F401 - the fixture

EVERY_LINK_EN = [
    ["Culture unit", "Hometown Municipality", "Delegation to Farcity", "Delegation", "Programme 2010 §1"],
    ["Farcity", "Hometown Municipality", "Hometown–Farcity", "Twin-city agreement", "Plan 2020 §2"],
    ["Farcity", "Hometown Municipality", "Project X", "Project", "Plan 2020 §2"],
    ["Hometown Municipality", "Culture unit", "Delegation to Farcity", "Delegation", "Programme 2010 §1"],
    ["Hometown Municipality", "Farcity", "Hometown–Farcity", "Twin-city agreement", "Plan 2020 §2"],
    ["Hometown Municipality", "Farcity", "Project X", "Project", "Plan 2020 §2"],
    ["Hometown Municipality", "Innovation Agency", "Trade group", "Working group", "Programme 2010 §1"],
    ["Hometown Municipality", "Oldtown", "Hometown–Oldtown", "Twin-city agreement", "Programme 2010 §1"],
    ["Hometown Municipality", "The University", "Network A", "Network", "Plan 2020 §2"],
    ["Hometown Municipality", "The University", "Network B", "Network", "Programme 2010 §1"],
    ["Hometown Municipality", "The University", "Trade group", "Working group", "Programme 2010 §1"],
    ["Innovation Agency", "Hometown Municipality", "Trade group", "Working group", "Programme 2010 §1"],
    ["Innovation Agency", "The University", "Trade group", "Working group", "Programme 2010 §1"],
    ["Oldtown", "Hometown Municipality", "Hometown–Oldtown", "Twin-city agreement", "Programme 2010 §1"],
    ["The University", "Hometown Municipality", "Network A", "Network", "Plan 2020 §2"],
    ["The University", "Hometown Municipality", "Network B", "Network", "Programme 2010 §1"],
    ["The University", "Hometown Municipality", "Trade group", "Working group", "Programme 2010 §1"],
    ["The University", "Innovation Agency", "Trade group", "Working group", "Programme 2010 §1"],
]
COLUMNS = ["collaborator", "via", "via_type", "source"]


def test_collaborators_of_every_actor_say_whose_on_every_backend(fixture_store):
    table = ask(fixture_store, "collaborators", {}, "en")
    assert table.columns == ["actor_name", *COLUMNS]
    assert table.rows == EVERY_LINK_EN
    nb = ask(fixture_store, "collaborators", {}, "nb")
    assert nb.columns == ["actor_name", *COLUMNS]
    assert nb.rows[:3] == [
        ["Fjernby", "Hjemby kommune", "Hjemby–Fjernby", "Vennskapsbyavtale", "Plan 2020 §2"],
        ["Fjernby", "Hjemby kommune", "Prosjekt X", "Prosjekt", "Plan 2020 §2"],
        ["Gammelby", "Hjemby kommune", "Hjemby–Gammelby", "Vennskapsbyavtale", "Program 2010 §1"],
    ]
    assert len(nb.rows) == len(EVERY_LINK_EN)


def test_collaborators_of_one_actor_are_as_before(fixture_store):
    table = ask(fixture_store, "collaborators", {"actor": "The University"}, "en")
    assert table.columns == COLUMNS
    assert table.rows == [row[1:] for row in EVERY_LINK_EN if row[0] == "The University"]


def test_the_header_names_an_optional_parameter_and_a_column():
    q = get_question("collaborators")
    assert q.if_absent == {"actor": "actor_name"} and q.columns == COLUMNS and q.sort == ["collaborator", "via"]
    every = q.asked_with({"lang", "dlang"})
    assert (every.columns, every.sort) == (["actor_name", *COLUMNS], ["actor_name", "collaborator", "via"])
    assert q.asked_with({"actor", "lang"}) is q
    with pytest.raises(ValueError, match="must name an optional parameter"):
        parse_text("x", "# Param: actor (actor)\n# Column-if-absent: actor — actor_name\nSELECT * {}")
    with pytest.raises(ValueError, match="must name an optional parameter"):
        parse_text("x", "# Column-if-absent: actor — actor_name\nSELECT * {}")


def test_the_kept_answers_keep_their_own_columns(folder, monkeypatch):  # noqa: F811
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)
    store = fresh(folder)
    every, one = ask(store, "collaborators", {}, "nb"), ask(store, "collaborators", {"actor": "NTNU"}, "nb")
    store.close()
    del store  # the last reference: Oxigraph lets go of the folder
    let_go()
    store = fresh(folder)
    asked_of_graph = questions_asked(store, monkeypatch)
    again, again_one = ask(store, "collaborators", {}, "nb"), ask(store, "collaborators", {"actor": "NTNU"}, "nb")
    assert asked_of_graph == []
    assert (again.columns, again.rows) == (every.columns, every.rows) and every.columns[0] == "actor_name"
    assert (again_one.columns, again_one.rows) == (one.columns, one.rows) and one.columns == COLUMNS
