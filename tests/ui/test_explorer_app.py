"""The explorer's pages in AppTest: the history in plain words in bokmål, the gaps' threshold."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, XSD

import tests.ui.test_app as base
from graph.history.changes import commit
from graph.rdf.skolem import fresh_genid
from graph.ui import cache
from tests.ui.test_app import goto, start

EX = Namespace("https://example.org/ikg/")
IKG = Namespace("https://w3id.org/ikg/ontology#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
ORG = Namespace("http://www.w3.org/ns/org#")

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


def test_gaps_threshold_takes_a_thinnest_area_of_thousands(shared_env, monkeypatch):
    # the 1M benchmark graph's thinnest target area has 1,586 networks and projects: the field had a
    # ceiling of 100, and the page failed with Streamlit's "value 1586 is greater than the max_value 100"
    monkeypatch.setattr(cache, "thinnest", lambda *args: 1586)
    for lang in ("nb", "en"):
        at = start(lang, "gaps")
        assert not at.exception
        assert at.number_input(key="gaps_thin_max").value == 1586
        assert not [e for e in at.error if "max_value" in e.value]


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



def shown_count(at) -> str:
    return next(x.value for x in at.text if x.value.startswith(("Viser", "Showing")))


def test_timeline_kinds_are_all_shown_and_chosen_in_both_languages(shared_env):
    """The four kinds as pills (a multiselect's box cut the fourth chip off), each named in the language."""
    for lang, names in (("nb", ["medlemskap", "avtaler", "prosjekter", "aktiviteter"]),
                        ("en", ["memberships", "agreements", "projects", "activities"])):
        at = start(lang, "timeline")
        kinds = at.pills(key=f"tl_kinds.{lang}")
        assert kinds.options == names and kinds.value == ["membership", "agreements", "projects", "activities"]
        assert not at.multiselect
        kinds.unselect("projects").run()
        assert shown_count(at) == ("Viser 4 av 5" if lang == "nb" else "Showing 4 of 5")


def test_timeline_year_starts_at_the_first_year_so_started_from_shows_every_bar(shared_env):
    """The year used to start at the last year, after which nothing had started: the choice was empty."""
    total = len(cache.timeline(cache.opened().store, cache.opened().key, "en"))
    for lang, choice, count in (("nb", "det som startet i 1946 eller senere", f"Viser {total} av {total}"),
                                ("en", "what started in 1946 or later", f"Showing {total} of {total}")):
        at = start(lang, "timeline")
        assert at.slider(key="tl_year").value == 1946  # the fixture's first year (Hometown–Farcity)
        assert choice in at.radio(key=f"tl_only.{lang}").options
        at.radio(key=f"tl_only.{lang}").set_value("from").run()
        assert not at.exception and shown_count(at) == count
        at.slider(key="tl_year").set_value(2016).run()
        assert shown_count(at).startswith(("Viser 2 av", "Showing 2 of"))  # 2016 and 2018


def test_timeline_name_search_finds_a_name_in_the_other_language(shared_env):
    """The bokmål page finds a thing by its English name, and the English page by its bokmål name."""
    for lang, words, found in (("nb", "Project X", "Viser 1 av 5"), ("nb", "network a", "Viser 2 av 5"),
                               ("en", "Prosjekt X", "Showing 1 of 5"), ("en", "universitetet", "Showing 1 of 5")):
        at = start(lang, "timeline")
        at.text_input(key="tl_search").input(words).run()
        assert not at.exception and shown_count(at) == found, (lang, words)

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


def test_a_long_timeline_is_drawn_a_page_at_a_time_in_both_languages(fresh_env):
    """A national graph has tens of thousands of dated items: 200 bars a page, with the totals."""
    from graph.ui.pages.timeline import PAGE_BARS

    g = Graph()
    net = EX["net-many"]
    g.add((net, RDF.type, IKG.Network))
    g.add((net, RDFS.label, Literal("Many network", lang="en")))
    g.add((net, RDFS.label, Literal("Mangenettverket", lang="nb")))
    for i in range(PAGE_BARS + 30):
        city, m, period, start_ = EX[f"many-city-{i}"], EX[f"many-m-{i}"], EX[f"many-p-{i}"], EX[f"many-b-{i}"]
        g.add((city, RDF.type, IKG.City))
        g.add((city, RDFS.label, Literal(f"City {i:03d}", lang="en")))
        g.add((city, RDFS.label, Literal(f"By {i:03d}", lang="nb")))
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, city))
        g.add((m, ORG.organization, net))
        g.add((m, ORG.memberDuring, period))
        g.add((period, RDF.type, TIME.Interval))
        g.add((period, TIME.hasBeginning, start_))
        g.add((start_, TIME.inXSDgYear, Literal(str(1990 + i % 30), datatype=XSD.gYear)))
    commit(cache.opened().store, add=g, editor="Kari", action="import", why="many")
    total = len(cache.timeline(cache.opened().store, cache.opened().key, "en"))
    assert total > PAGE_BARS + 30
    pages = -(-total // PAGE_BARS)
    for lang, first_page, second_page in (
            ("nb", f"Viser 1–200 av {total} (av {total} i alt), side 1 av {pages}: snevre inn med slag, navn eller år "
                   "for å se færre",
             f"Viser 201–{min(400, total)} av {total} (av {total} i alt), side 2 av {pages}: snevre inn med slag, navn "
             "eller år for å se færre"),
            ("en", f"Showing 1–200 of {total} ({total} in all), page 1 of {pages}: narrow by kind, name or year to "
                   "see fewer",
             f"Showing 201–{min(400, total)} of {total} ({total} in all), page 2 of {pages}: narrow by kind, name or "
             "year to see fewer")):
        at = start(lang, "timeline")
        assert not at.exception
        texts = [x.value for x in at.text]
        assert first_page in texts, texts
        page_box = next(n for n in at.number_input if n.label in ("Side", "Page"))
        page_box.set_value(2).run()
        assert not at.exception and second_page in [x.value for x in at.text]
        at.text_input(key="tl_search").input("City 00" if lang == "en" else "By 00").run()  # narrowed: one page
        assert [x.value for x in at.text if x.value.startswith(("Viser", "Showing"))] == [
            f"Viser 10 av {total}" if lang == "nb" else f"Showing 10 of {total}"]
