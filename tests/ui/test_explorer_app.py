"""The explorer's pages in AppTest: the history in plain words in bokmål, the gaps' threshold."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, XSD

import tests.ui.test_app as base
from graph.history.changes import commit
from graph.rdf.skolem import fresh_genid
from graph.ui import cache
from tests.ui.test_app import goto, start

EX = Namespace("https://example.org/ikg/")
IKG = Namespace("https://w3id.org/ikg/ontology#")
SCHEMA = Namespace("https://schema.org/")

fresh_env = base.fresh_env
shared_env = base.shared_env


def test_history_tells_a_change_in_plain_words_with_the_triples_one_click_away(fresh_env):
    at = start("nb", "network")
    g = Graph()
    amount = fresh_genid()
    g.add((EX["m-uni-a"], IKG.annualCost, amount))
    g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
    g.add((amount, SCHEMA.value, Literal("25000", datatype=XSD.decimal)))
    g.add((amount, SCHEMA.currency, Literal("NOK")))
    commit(cache.opened().store, add=g, editor="Kari", action="correct-membership", why="fakturaen for 2026")
    goto(at, "history")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["handling"]) == ["rettet et medlemskap"]
    words = [base.plain(m.value) for m in at.markdown]
    assert any(w.startswith("**Kari, ") and "(rettet et medlemskap)" in w for w in words), words
    assert "- Årlig kostnad for Universitetet i Nettverk A: – → 25\u00a0000 NOK" in words
    assert "Hvorfor: fakturaen for 2026" in [x.value for x in at.text]
    assert at.expander[0].label == "Triplene (slik de er lagret)"
    assert "schema:value" in at.code[0].value  # the raw triples, inside the expander


def test_gaps_threshold_starts_at_the_thinnest_area(shared_env):
    at = start("en", "gaps")
    assert not at.exception
    threshold = at.number_input(key="gaps_thin_max")
    assert threshold.value == base_thinnest()
    thin = next(t for t in at.dataframe if "target area" in t.value.columns and "networks" in t.value.columns
                and len(t.value.columns) == 4)
    assert len(thin.value) >= 1
    threshold.set_value(0).run()
    assert not at.exception


def base_thinnest() -> int:
    return cache.thinnest(cache.opened().store, cache.opened().key, "en")


def test_timeline_page_runs_in_both_languages_and_filters(shared_env):
    for lang, heading in (("nb", "Hva pågikk når"), ("en", "What ran when")):
        at = start(lang, "network")
        goto(at, "timeline")
        assert not at.exception and at.header[0].value == heading
        counts = [x.value for x in at.text if x.value.startswith(("Viser", "Showing"))]
        assert counts and counts[0].split()[1] == counts[0].split()[3]  # everything shown at first
        at.text_input(key="tl_search").input("no such name").run()
        assert not at.exception
        assert [x.value for x in at.text if x.value.startswith(("Viser", "Showing"))][0].startswith(
            ("Viser 0 av", "Showing 0 of"))
