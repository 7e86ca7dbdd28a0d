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


def test_network_search_chain_and_clusters_say_what_they_found_in_both_languages(shared_env):
    words = {"en": ("Found in the drawing (2): Network A; Network B", "Chain: Innovation Agency → Trade group → "
                    "Hometown Municipality → Hometown–Farcity → Farcity",
                    "No node in the drawing has “Oslo” in its name."),
             "nb": ("Funnet i tegningen (2): Nettverk A; Nettverk B", "Kjede: Innovasjonsetaten → Handelsgruppa → "
                    "Hjemby kommune → Hjemby–Fjernby → Fjernby",
                    "Ingen node i tegningen har «Oslo» i navnet.")}
    for lang, (found, chain, none) in words.items():
        at = start(lang, "network")
        at.text_input(key="net_find").input("netw" if lang == "en" else "nettv").run()
        at.selectbox(key=f"net_chain_a.{lang}").set_value(str(EX["agency"])).run()
        at.selectbox(key=f"net_chain_b.{lang}").set_value(str(EX["farcity"])).run()
        assert not at.exception
        assert f"{found}\n{chain}" in [x.value for x in at.text]
        at.button(key="net_clear").click().run()
        assert at.text_input(key="net_find").value == "" and at.selectbox(key=f"net_chain_a.{lang}").value == ""
        assert not any(x.value.startswith(found[:8]) for x in at.text)
        at.text_input(key="net_find").input("Oslo").run()
        assert none in [x.value for x in at.text]
        at.toggle(key="net_collapse").set_value(True).run()  # the clusters collapsed: the page still runs
        assert not at.exception and at.toggle(key="net_collapse").value


def test_one_chain_is_one_chain_in_both_languages(shared_env):
    for lang, one, two in (("nb", "1 kjede:", "2 kjeder (korteste først):"),
                           ("en", "1 chain:", "2 chains (shortest first):")):
        at = start(lang, "collaborators")
        at.number_input(key="chain_max").set_value(1).run()
        at.selectbox(key=f"chain_from.{lang}").set_value(str(EX["agency"])).run()
        at.selectbox(key=f"chain_to.{lang}").set_value(str(EX["uni"])).run()
        assert not at.exception
        assert one in [x.value for x in at.text]
        at.selectbox(key=f"chain_from.{lang}").set_value(str(EX["farcity"])).run()
        at.selectbox(key=f"chain_to.{lang}").set_value(str(EX["hometown"])).run()
        assert two in [x.value for x in at.text]
