"""A change in plain words, in both languages: names not identifiers, amounts as numbers people write."""

from __future__ import annotations

import time

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graph.history.changes import commit, diff
from graph.rdf.skolem import fresh_genid
from graph.render.view.changes_text import change_lines, when
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files

EX = Namespace("https://example.org/ikg/")
IKG = Namespace("https://w3id.org/ikg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = "http://www.w3.org/ns/org#"


def store_with_a_cost() -> tuple[MemoryStore, str]:
    store = MemoryStore()
    store.load(fixture_files())
    g = Graph()
    amount = fresh_genid()
    g.add((EX["m-uni-a"], IKG.annualCost, amount))
    g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
    g.add((amount, SCHEMA.value, Literal("25000", datatype=XSD.decimal)))
    g.add((amount, SCHEMA.currency, Literal("NOK")))
    return store, commit(store, add=g, editor="Kari", action="correct-membership", why="the invoice").id


def test_a_new_annual_cost_in_plain_words_in_both_languages():
    store, change = store_with_a_cost()
    for lang, line in (("en", "Annual cost of The University in Network A: – → 25,000 NOK"),
                       ("nb", "Årlig kostnad for Universitetet i Nettverk A: – → 25\u00a0000 NOK")):
        added, removed = diff(store, change, lang)
        lines = change_lines(store, added, removed, lang)
        assert lines == [line]
        assert "genid" not in " ".join(lines) and "^^" not in " ".join(lines)


def test_a_renamed_thing_and_its_undo_read_before_and_after():
    store = MemoryStore()
    store.load(fixture_files())
    old = Graph()
    old.add((EX.uni, RDFS.label, Literal("The University", lang="en")))
    new = Graph()
    new.add((EX.uni, RDFS.label, Literal("The Old University", lang="en")))
    change = commit(store, add=new, remove=old, editor="Kari", action="correct-actor").id
    added, removed = diff(store, change, "en")
    assert change_lines(store, added, removed, "en") == [
        "Name of The Old University: The University → The Old University"]


def test_times_as_people_write_them():
    assert when("2026-12-02T09:30:00Z", "nb") == "2. des. 2026, 09:30 UTC"  # the tests' zone (tests/conftest.py)
    assert when("2026-12-02T09:30:00Z", "en") == "2 Dec 2026, 09:30 UTC"
    assert when("not a time", "en") == "not a time"


def test_times_in_the_machines_own_zone_follow_its_summer_time(monkeypatch):
    """With no IKG_TIMEZONE, a time is shown in the machine's zone as it was at that moment: a June change made on
    a machine in Norway at 14:05 UTC was made at 16:05 CEST, whatever the season the page is read in."""
    monkeypatch.delenv("IKG_TIMEZONE")
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        assert when("2026-06-02T14:05:00Z", "nb") == "2. juni 2026, 16:05 CEST"
        assert when("2026-12-02T14:05:00Z", "nb") == "2. des. 2026, 15:05 CET"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_assessment_in_plain_words_named_by_what_it_assesses_with_its_dates_and_scores():
    """dcterms:date and prov:generatedAtTime come from other vocabularies: named from the catalogue, so
    bokmål shows no English property names (they read "Date" and "GeneratedAtTime" before); the
    assessment is named by what it assesses and a target area's score is told as its relevance, with no
    identifiers (they read "assessment-review-2026-m-uni-a" and "…-relevance-1" before)."""
    import datetime as dt

    from graph.edit.assessments import area_iris, save_assessment
    from graph.history.changes import changes

    store = MemoryStore()
    store.load(fixture_files())
    area = sorted(dict(area_iris(store)))[0]
    shown: dict[tuple[int, str], list[str]] = {}
    for n, (score, rec) in enumerate(((2, "keep"), (3, "leave"))):
        save_assessment(store, str(EX["m-uni-a"]), "Review 2026", {area: score}, "Useful", "", rec, "", "Kari",
                        dt.date(2026, 12, 5), now=dt.datetime(2026, 12, 5, 9, 30 + n, tzinfo=dt.UTC))
        change = changes(store, limit=1)[0].id
        for lang in ("nb", "en"):
            shown[n, lang] = change_lines(store, *diff(store, change, lang), lang)
    first_nb, first_en = shown[0, "nb"], shown[0, "en"]
    assert "Dato for vurdering av Universitetet i Nettverk A: – → 5. des. 2026" in first_nb
    assert "Registrert for vurdering av Universitetet i Nettverk A: – → 5. des. 2026, 09:30 UTC" in first_nb
    assert "Relevans for Handel for vurdering av Universitetet i Nettverk A: – → 2" in first_nb
    assert "Startet for Review 2026: – → 5. des. 2026, 09:30 UTC" in first_nb  # the round it opened
    assert "Date of assessment of The University in Network A: – → 5 Dec 2026" in first_en
    assert "Relevance to Trade of assessment of The University in Network A: – → 2" in first_en
    assert shown[1, "nb"] == ["Anbefaling for vurdering av Universitetet i Nettverk A: Behold → Avslutt",
                              "Registrert for vurdering av Universitetet i Nettverk A: 5. des. 2026, 09:30 UTC → "
                              "5. des. 2026, 09:31 UTC",
                              "Relevans for Handel for vurdering av Universitetet i Nettverk A: 2 → 3"]
    every = " ".join(line for lines in shown.values() for line in lines)
    assert "assessment-" not in every and "relevance-" not in every
    assert not any(line.startswith(("Date ", "GeneratedAtTime ", "StartedAtTime ")) for line in first_nb)


def test_every_property_of_the_shipped_data_and_vocabulary_has_a_name_in_both_languages():
    """The change history names a changed property: never its identifier ("MemberDuring for …")."""
    from graph.history.shipped import shipped_files
    from graph.render.view.changes_text import Words
    from graph.vocab.labels import REUSED_PROPERTIES

    store = MemoryStore()
    store.load(shipped_files())
    used = {p for (p,) in store.select("SELECT DISTINCT ?p WHERE { ?s ?p ?o }").rows}
    assert len(used) > 60
    for lang in ("nb", "en"):
        named = {p for (p,) in store.select(
            "SELECT ?p WHERE { ?p rdfs:label ?l FILTER(lang(?l) = ?lang) }", {"lang": Literal(lang)}).rows}
        unnamed = sorted(str(p) for p in used - named if str(p) not in REUSED_PROPERTIES)
        assert unnamed == [], lang
    nb, en = Words(store, "nb"), Words(store, "en")
    assert (nb.prop(URIRef(ORG + "memberDuring")), en.prop(URIRef(ORG + "memberDuring"))) == (
        "medlemsperiode", "membership period")


def test_corrected_coordinates_are_told_with_every_digit():
    """A city moved by 40 metres (63.4305 for 63.43): the change names both positions as recorded, in the
    language's decimals. Rounded to three decimals before, the latitude's line read the same on both sides and
    was left out, and the longitude read «10,39 → 10,395»."""
    store = MemoryStore()
    store.load(fixture_files())
    geo = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    old = Graph()
    old.add((EX.hometown, geo.lat, Literal("63.43", datatype=XSD.decimal)))
    old.add((EX.hometown, geo.long, Literal("10.39", datatype=XSD.decimal)))
    new = Graph()
    new.add((EX.hometown, geo.lat, Literal("63.4305", datatype=XSD.decimal)))
    new.add((EX.hometown, geo.long, Literal("10.39519", datatype=XSD.decimal)))
    change = commit(store, add=new, remove=old, editor="Kari", action="correct-city").id
    assert change_lines(store, *diff(store, change, "nb"), "nb") == [
        "Breddegrad for Hjemby kommune: 63,43 → 63,4305", "Lengdegrad for Hjemby kommune: 10,39 → 10,39519"]
    assert change_lines(store, *diff(store, change, "en"), "en") == [
        "Latitude of Hometown Municipality: 63.43 → 63.4305", "Longitude of Hometown Municipality: 10.39 → 10.39519"]


def test_a_country_and_a_network_are_named_as_the_forms_name_them():
    """«Located in of …» and «Organisation of …» read as no sentence; the lines say «Country of …», «Network of …»."""
    store = MemoryStore()
    store.load(fixture_files())
    g = Graph()
    g.add((EX.agency, SCHEMA.containedInPlace, EX.norway))
    g.add((EX["m-uni-a"], URIRef(ORG + "organization"), EX["net-b"]))
    lines = {lang: change_lines(store, g, Graph(), lang) for lang in ("en", "nb")}
    assert [line.split(":")[0] for line in lines["en"]] == ["Country of Innovation Agency",
                                                           "Network of The University in Network B"]
    assert [line.split(":")[0] for line in lines["nb"]] == [
        "Land for Innovasjonsetaten", "Nettverk for Universitetet i Nettverk B"]


def test_a_change_of_the_english_name_alone_is_named_in_bokmal():
    """The history's «hva» named a correction of the English name by that English name, the lines above and below
    it by the Norwegian one: the same society under two names on one page."""
    from graph.render.view.changes_text import items

    store = MemoryStore()
    store.load(fixture_files())
    old, new = Graph(), Graph()
    old.add((EX.uni, RDFS.label, Literal("The University", lang="en")))
    new.add((EX.uni, RDFS.label, Literal("The Old University", lang="en")))
    change = commit(store, add=new, remove=old, editor="Kari", action="correct-actor").id
    added, removed = diff(store, change, "nb")
    assert items(store, added, removed, "nb") == ["Universitetet"]
    assert change_lines(store, added, removed, "nb") == ["Navn for Universitetet: The University → The Old University"]
    assert items(store, added, removed, "en") == ["The Old University"]
