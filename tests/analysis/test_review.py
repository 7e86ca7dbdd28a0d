"""The section 5.1 review: rows, saving assessments as RDF and reading them back (the files: tests/render)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

import graph.questions.catalogue as queries
from graph.analysis import assessments, review_items
from graph.edit.assessments import save_assessment, set_round_status
from graph.errors import InputError
from graph.history import changes
from graph.rdf.shapes import validate
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from graph.vocab.namespaces import IKG
from tests.conftest import BACKENDS, fixture_files
from tests.conftest import make_store as conftest_store

EX = "https://example.org/ikg/"
FARCITY = EX + "agreement-farcity"
NET_A = EX + "m-home-a"
NOW = dt.datetime(2025, 3, 1, 10, 15, 0, tzinfo=dt.UTC)


def make_store(kind: str, path=None):
    store = MemoryStore() if kind == "memory" else OxigraphStore(path)
    store.load(fixture_files())
    return store


@pytest.fixture(params=["memory", "oxigraph"])
def store(request):
    return make_store(request.param)


def save(store, item=FARCITY, **changes):
    values = dict(
        round_label="Review 2025", relevance={"1": 3, "2": 1}, effect_seen="Student exchange every year",
        cost_benefit="Low cost, clear benefit", recommendation="keep", comment="Renew in 2026",
        reviewer="Kari Nordmann",
        date="2025-03-01",
    )
    lang = changes.pop("lang", "en")
    now = changes.pop("now", NOW)
    values.update(changes)
    return save_assessment(store, item, lang=lang, now=now, **values)


def test_review_rows(store):
    table = review_items.review_rows(store, "en")
    assert table.columns[:3] == ["item", "kind", "name"]
    assert table.rows == [
        [FARCITY, "agreement", "Hometown–Farcity", "1946", "Active", "", "", "", "", "2012", "Plan 2020 §2"],
        [EX + "agreement-oldcity", "agreement", "Hometown–Oldtown", "", "Planned", "", "", "", "", "",
         "Programme 2010 §1"],
        [NET_A, "membership", "Network A", "2015", "Active", "Trade", "Culture unit", "10000", "NOK", "",
         "Plan 2020 §2"],
        [EX + "m-home-b", "membership", "Network B", "", "Ended", "Trade", "", "", "", "", "Programme 2010 §1"],
    ]
    nb = review_items.review_rows(store, "nb")
    assert [r[1:3] for r in nb.rows][:3] == [["avtale", "Hjemby–Fjernby"], ["avtale", "Hjemby–Gammelby"],
                                             ["medlemskap", "Nettverk A"]]


def test_target_areas(store):
    assert assessments.target_areas(store, "nb") == [("1", "Handel"), ("2", "Kultur"), ("3", "Forskning")]


def test_save_writes_the_rdf(store):
    iri = save(store)
    assert iri == URIRef(EX + "assessment-review-2025-agreement-farcity")  # one IRI per item and round
    g = store.graph()
    round_iri = URIRef(EX + "review-round-review-2025")
    assert (iri, RDF.type, IKG.Assessment) in g
    assert (iri, IKG.assesses, URIRef(FARCITY)) in g
    assert (iri, IKG.reviewRound, round_iri) in g
    assert (round_iri, RDF.type, IKG.ReviewRound) in g
    assert (round_iri, IKG.status, IKG.Active) in g  # a round named for the first time is opened
    labels = {Literal("Review 2025", lang="nb"), Literal("Review 2025", lang="en")}
    assert set(g.objects(round_iri, RDFS.label)) == labels
    relevance = sorted(g.objects(iri, IKG.relevance))
    assert relevance == [URIRef(f"{iri}-relevance-1"), URIRef(f"{iri}-relevance-2")]  # IRIs, not blank nodes
    assert (relevance[0], IKG.targetArea, URIRef(EX + "ta1")) in g
    assert (relevance[0], IKG.score, Literal(3, datatype=XSD.integer)) in g
    assert (iri, IKG.recommendation, IKG.Keep) in g
    assert (iri, IKG.effectSeen, Literal("Student exchange every year")) in g
    assert (iri, IKG.costBenefit, Literal("Low cost, clear benefit")) in g
    assert (iri, RDFS.comment, Literal("Renew in 2026")) in g
    assert (iri, IKG.reviewer, Literal("Kari Nordmann")) in g
    assert (iri, DCTERMS.date, Literal("2025-03-01", datatype=XSD.date)) in g
    assert g.value(iri, PROV.generatedAtTime).toPython() == NOW


def test_saved_assessment_is_valid_against_the_shapes(store):
    save(store)
    save(store, item=NET_A, recommendation="leave", relevance={"1": 0}, now=NOW + dt.timedelta(minutes=1))
    problems = [p for p in validate(store.graph()) if "ssessment" in p.kind or "elevance" in p.kind or "ound" in p.kind]
    assert problems == []


def test_read_back_latest_per_item_per_round(store):
    save(store)
    save(store, recommendation="review", reviewer="Ola", now=NOW + dt.timedelta(hours=1))
    save(store, round_label="Review 2026", recommendation="leave", now=NOW + dt.timedelta(days=365))
    assert assessments.rounds(store, "en") == [(EX + "review-round-review-2025", "Review 2025"),
                                          (EX + "review-round-review-2026", "Review 2026")]
    latest = assessments.assessments(store, "en", "Review 2025")
    assert [(a.item, a.recommendation, a.reviewer) for a in latest] == [(FARCITY, "review", "Ola")]
    assert latest[0].relevance == {"1": 3, "2": 1}
    by_iri = assessments.assessments(store, "en", EX + "review-round-review-2026")
    assert [a.recommendation for a in by_iri] == ["leave"]
    assert len(assessments.assessments(store, "en")) == 2
    assert len(assessments.all_assessments(store, "en")) == 2  # the second save in 2025 replaced the first


def test_saving_again_replaces_the_assessment_as_one_change(store):
    first = save(store)
    second = save(store, recommendation="leave", relevance={"3": 2}, comment="", reviewer="Ola",
                  now=NOW + dt.timedelta(seconds=1))
    assert second == first
    [only] = assessments.all_assessments(store, "en")
    assert (only.recommendation, only.relevance, only.comment, only.reviewer) == ("leave", {"3": 2}, "", "Ola")
    saved = [c for c in changes.changes(store) if c.action == "assessment"]
    assert len(saved) == 2
    added, removed = changes.diff(store, saved[0].id)  # the newest first: old -> new
    assert (first, IKG.recommendation, IKG.Leave) in added and (first, IKG.recommendation, IKG.Keep) in removed
    assert (first, RDFS.comment, Literal("Renew in 2026")) in removed
    assert (URIRef(f"{first}-relevance-1"), IKG.score, Literal(3, datatype=XSD.integer)) in removed
    changes.undo(store, saved[0].id, editor="Kari Nordmann")
    [back] = assessments.all_assessments(store, "en")
    assert (back.recommendation, back.relevance, back.comment, back.reviewer) == (
        "keep", {"1": 3, "2": 1}, "Renew in 2026", "Kari Nordmann")


def test_a_closed_round_refuses_saves_and_nothing_changes(store):
    save(store)
    set_round_status(store, "Review 2025", "closed", "Kari Nordmann")
    before = store.graph()
    before = before.__class__() + before
    for lang, message in (
        ("en", "The round “Review 2025” is closed and cannot be changed. Reopen it (editors) or pick an open round."),
        ("nb", "Runden «Review 2025» er avsluttet og kan ikke endres. Åpne den igjen (redaktør) eller velg en åpen "
               "runde."),
    ):
        with pytest.raises(InputError) as err:
            save(store, recommendation="leave", lang=lang)
        assert str(err.value) == message and err.value.key == "err.round_closed"
    assert isomorphic(store.graph(), before)
    with pytest.raises(InputError, match="^The round “Review 2025” is already closed.$"):
        set_round_status(store, "Review 2025", "closed", "Kari Nordmann")
    set_round_status(store, EX + "review-round-review-2025", "open", "Kari Nordmann")
    save(store, recommendation="leave")
    assert [a.recommendation for a in assessments.assessments(store, "en", "Review 2025")] == ["leave"]
    with pytest.raises(InputError, match="^Unknown review round “Nope”; the rounds are: Review 2025.$"):
        set_round_status(store, "Nope", "open", "Kari Nordmann")


def test_persists_after_reopening(tmp_path):
    store = make_store("oxigraph", tmp_path / "store")
    iri = save(store)
    store.close()
    del store
    import gc

    gc.collect()
    reopened = OxigraphStore(tmp_path / "store")
    assert [a.iri for a in assessments.assessments(reopened, "en")] == [str(iri)]


@pytest.mark.parametrize(
    "changes, en, nb",
    [
        ({"recommendation": "stay"}, "Unknown recommendation “stay”: choose keep, review or leave.",
         "Ukjent anbefaling «stay»: velg behold (keep), vurder nærmere (review) eller avslutt (leave)."),
        ({"recommendation": " "}, "Choose a recommendation: keep, review or leave.",
         "Velg en anbefaling: behold, vurder nærmere eller avslutt."),
        ({"relevance": {"1": 4}}, "The relevance to target area 1 is “4”: give a whole number from 0 to 3.",
         "Relevansen for målområde 1 er «4»: gi et heltall fra 0 til 3."),
        ({"relevance": {"2": -1}}, "The relevance to target area 2 is “-1”: give a whole number from 0 to 3.",
         "Relevansen for målområde 2 er «-1»: gi et heltall fra 0 til 3."),
        ({"relevance": {"1": "high"}}, "The relevance to target area 1 is “high”: give a whole number from 0 to 3.",
         "Relevansen for målområde 1 er «high»: gi et heltall fra 0 til 3."),
        ({"relevance": {"9": 1}}, "Unknown target area “9”; the target areas are: 1, 2, 3.",
         "Ukjent målområde «9»; målområdene er: 1, 2, 3."),
        ({"reviewer": "  "}, "Write the name of the reviewer.", "Skriv navnet på den som vurderer."),
        ({"date": "1 March 2025"},
         "“1 March 2025” is not a date: write it as YYYY-MM-DD or DD.MM.YYYY, e.g. 2025-03-01.",
         "«1 March 2025» er ikke en dato: skriv den som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, f.eks. 01.03.2025."),
        ({"date": "30.02.2025"},  # written as asked, but no such day: which (it said to write it as DD.MM.YYYY)
         "The date “30.02.2025” does not exist: February 2025 has 28 days. Check the day and the month.",
         "Datoen «30.02.2025» finnes ikke: februar 2025 har 28 dager. Sjekk dag og måned."),
        ({"date": "2025-02-30"},
         "The date “2025-02-30” does not exist: February 2025 has 28 days. Check the day and the month.",
         "Datoen «2025-02-30» finnes ikke: februar 2025 har 28 dager. Sjekk dag og måned."),
        ({"round_label": " "}, "Give the review round a name, e.g. “Review 2025”.",
         "Gi gjennomgangsrunden et navn, f.eks. «Gjennomgang 2025»."),
        ({"item": EX + "uni"}, f"{EX}uni is not a membership or agreement in the graph; pick an item from the table.",
         f"{EX}uni er ikke et medlemskap eller en avtale i grafen; velg en sak fra tabellen."),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(store, changes, en, nb):
    before = store.graph()
    before = before.__class__() + before  # a copy: the memory store hands out its live graph
    for lang, message in (("en", en), ("nb", nb)):
        with pytest.raises(InputError) as err:
            save(store, lang=lang, **changes)
        assert str(err.value) == message
        assert err.value.key is not None and err.value.key.startswith(("err.", "edit.err."))  # by key, not text
    assert isomorphic(store.graph(), before)


def test_rounds_side_by_side(store):
    save(store)
    save(store, round_label="Review 2026", recommendation="review", reviewer="Ola", date="2026-02-01",
         now=NOW + dt.timedelta(days=365))
    table = review_items.rounds_side_by_side(store, "en")
    assert table.columns == ["name", "Review 2025", "Review 2026"]
    assert table.rows == [["Hometown–Farcity", "Keep (Kari Nordmann, 1 Mar 2025)", "Review (Ola, 1 Feb 2026)"]]
    table = review_items.rounds_side_by_side(store, "nb")  # the day as bokmål writes it
    assert table.rows == [["Hjemby–Fjernby", "Behold (Kari Nordmann, 1. mars 2025)",
                           "Vurder nærmere (Ola, 1. feb. 2026)"]]


def test_review_table_joins_the_latest_assessment(store):
    save(store)
    table = review_items.review_table(store, "nb", "Review 2025")
    row = dict(zip(table.columns, table.rows[0], strict=True))
    assert row["name"] == "Hjemby–Fjernby" and row["recommendation"] == "Behold"
    assert row["relevance"] == "1 Handel: 3; 2 Kultur: 1" and row["reviewer"] == "Kari Nordmann"
    assert dict(zip(table.columns, table.rows[1], strict=True))["recommendation"] == ""


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_effect_seen_in_a_review_counts_as_a_recorded_effect(backend, request):
    """The Gaps page listed a membership as having no recorded effect right after a review recorded the effect
    seen, so the review's work looked lost. An effect seen in any assessment of the membership now counts; an
    assessment without one does not, and the cost is still the membership's own annual cost."""
    store = conftest_store(backend, fixture_files(), request, f"unassessed-{uuid.uuid4().hex[:8]}")
    rows = lambda: queries.run(store, "unassessed-memberships", {}, "en").rows  # noqa: E731
    assert [[str(v) for v in row] for row in rows()] == [["Network A", "", "missing"],
                                                         ["Network B", "missing", "missing"]]
    save(store, NET_A, effect_seen="")  # an assessment with no effect seen: still none recorded
    save(store, EX + "m-home-b", effect_seen="Two joint applications")
    assert [[str(v) for v in row] for row in rows()] == [["Network A", "", "missing"], ["Network B", "missing", ""]]
    save(store, NET_A, round_label="Review 2026", effect_seen="Trade delegation to Farcity")
    assert [[str(v) for v in row] for row in rows()] == [["Network B", "missing", ""]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_review_shows_a_source_described_in_words_or_by_its_address(backend, request, tmp_path):
    """A new city's templates give a source in words ("Other source") or as a web address, not as a section of a
    document: the review's source column (and so its workbook and report) showed only cited sections, and so was
    empty for a new city's every item. It now shows each source as the twin-cities question does."""
    extra = tmp_path / "other-source.ttl"
    extra.write_text("""@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix schema: <https://schema.org/> .
<https://example.org/ikg/agreement-farcity> ikg:citation [ ikg:reference "Bystyrevedtak 1950" ;
    schema:url <https://example.org/vedtak-1950> ; ikg:evidence ikg:stated ] .
""", encoding="utf-8")
    store = conftest_store(backend, [*fixture_files(), extra], request, f"review-src-{uuid.uuid4().hex[:8]}")
    rows = {row[2]: row[-1] for row in review_items.review_rows(store, "en").rows}
    assert rows["Hometown–Farcity"] == "Bystyrevedtak 1950; https://example.org/vedtak-1950; Plan 2020 §2"
    assert rows["Network A"] == "Plan 2020 §2"


def test_a_review_date_can_be_written_as_norwegians_write_it(store):
    """A workbook's date typed as 01.12.2026 was refused (only 2026-12-01 was taken), though the forms and the
    templates take both."""
    save(store, date="01.03.2025")
    assert [a.date[:10] for a in assessments.assessments(store, "en")] == ["2025-03-01"]
