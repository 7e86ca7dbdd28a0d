"""Editing through forms (graph/edit/) on every backend: each kind added, corrected, retired and
deleted, shown by the named questions and valid; every bad value refused with the message a person
sees, and the store left exactly as it was."""

from __future__ import annotations

import uuid

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, TIME, XSD

import graph.history.changes as history
import graph.questions.catalogue as queries
from graph.edit.build import build as build_draft
from graph.edit.build import save
from graph.edit.checks import FieldErrors
from graph.edit.choices import choices
from graph.edit.correct import correct, retire
from graph.edit.current import entity_values, kind_of
from graph.edit.delete import delete
from graph.edit.fields import FIELD_TYPES, TYPES
from graph.edit.kinds import BASE_FIELDS, KINDS, kind_spec
from graph.errors import InputError
from graph.rdf.shapes import validate
from graph.vocab.namespaces import IKG, ORG, SCHEMA
from tests.conftest import BACKENDS, fixture_files, make_store

EX = "https://example.org/ikg/"
SOURCE = {"source_reference": "E-mail from the EU office, 3 March 2026", "source_url": "https://www.example.org/mail"}
MAIL = "E-mail from the EU office, 3 March 2026; https://www.example.org/mail"  # how the questions show that source
NETWORK = {"label_nb": "Klimabyer", "label_en": "Climate Cities", "target_areas": "1; 3", "sdgs": "13, 11",
           "start": "01.03.2019", **SOURCE}


@pytest.fixture(params=BACKENDS)
def store(request):
    """A fresh store holding the ontology and the small fixture graph, one per test (tests write)."""
    s = make_store(request.param, fixture_files(), request, f"editing-{uuid.uuid4().hex[:10]}")
    yield s
    if request.param == "virtuoso":
        s.clear()


def state(store):
    return sorted(store.graph())


def problems_of(store, new_iris):
    """SHACL problems of the graph that concern the given things."""
    return [p for p in validate(store.graph()) if p.focus in {str(i) for i in new_iris}]


def add(store, kind, values, lang="en"):
    change = save(store, kind, values, editor="Kari Nordmann", why="test", lang=lang)
    assert change.action == f"add-{kind}"
    return change


def rejected(store, call, *args, **kwargs):
    """Run a call that must be refused; the store must not change. Returns the error."""
    before = state(store)
    with pytest.raises(InputError) as info:
        call(store, *args, **kwargs)
    assert state(store) == before
    return info.value


# ---------------------------------------------------------------------------------------------
# The specification of the forms
# ---------------------------------------------------------------------------------------------


def test_kinds_and_their_fields():
    assert [k.name for k in KINDS] == ["actor", "network", "membership", "twin-city-agreement", "project",
                                       "participation", "activity"]
    membership = kind_spec("membership")
    assert membership.names == [
        "id", "member", "network", "role", "status", "start", "end", "responsible_unit", "annual_cost", "currency",
        "label_nb", "label_en", "source_section", "source_quote", "source_reference", "source_url", "evidence"]
    assert [f.name for f in membership.fields if f.required] == ["member", "network"]
    assert membership.field("network").classes == (IKG.Network,)
    assert membership.field("status").scheme == IKG.Statuses
    assert (membership.field("role").default, membership.field("currency").default) == ("member", "NOK")
    assert membership.label("nb") == "Medlemskap" and membership.label("en") == "Membership"
    for kind in KINDS:
        assert kind.label("nb") != f"edit.kind.{kind.name}" and kind.help("en") != f"edit.kind_help.{kind.name}"
        for lang in ("nb", "en"):
            labels = [f.label(lang) for f in kind.fields]
            assert len(set(labels)) == len(labels), (kind.name, lang)
        for f in kind.fields:
            assert f.type in FIELD_TYPES
            assert f.label("nb") and f.label("en") and f.help("nb") and f.help("en")
            assert not f.help("en").startswith("edit.") and not f.label("nb").startswith("edit.")
    # a header of one field never names another field in the other language
    names = {}
    for f in BASE_FIELDS.values():
        for text in (f.label("nb"), f.label("en")):
            assert names.setdefault(text.casefold(), f.name) == f.name, text


def test_one_class_per_field_type():
    assert FIELD_TYPES == ("id", "text", "label_nb", "label_en", "list", "class", "entity", "entities", "concept",
                           "date", "amount", "currency", "url", "number", "target_areas", "sdgs")
    assert all(TYPES[name].name == name for name in FIELD_TYPES)
    assert {n for n in FIELD_TYPES if TYPES[n].picker} == {"class", "entity", "entities", "concept", "target_areas",
                                                            "sdgs"}
    assert {n for n in FIELD_TYPES if TYPES[n].multiple} == {"list", "entities", "target_areas", "sdgs"}
    assert [n for n in FIELD_TYPES if TYPES[n].default_assumed] == ["concept"]
    assert [n for n in FIELD_TYPES if TYPES[n].default_shown] == ["currency"]
    # the kinds of actor and activity come from the ontology, in its order (a picker's order)
    assert BASE_FIELDS["actor_type"].options == (
        IKG.City, IKG.MunicipalUnit, IKG.University, IKG.ResearchInstitute, IKG.Company, IKG.BusinessAssociation,
        IKG.StateAgency, IKG.CountyAuthority, IKG.RegionalBody, IKG.VoluntaryOrganisation, IKG.CulturalInstitution,
        IKG.YouthCouncil, IKG.InternationalOrganisation, IKG.UNOrganisation, IKG.ConsularCorps, IKG.Person)
    assert BASE_FIELDS["activity_type"].options == (
        IKG.Activity, IKG.Delegation, IKG.Visit, IKG.Seminar, IKG.YouthExchange, IKG.CulturalEvent)


def test_unknown_kind_and_field(store):
    error = rejected(store, build_draft, "planet", {}, "en")
    assert str(error) == ("Unknown kind “planet”; the kinds are: actor, network, membership, twin-city-agreement, "
                          "project, participation, activity, country, place, document, section, target-area, "
                          "funding-programme.")
    error = rejected(store, save, "network", {**NETWORK, "colour": "red"}, editor="Kari")
    assert error.problems == [("", "Network has no field “colour”; its fields are: id, label_nb, label_en, "
                                   "alt_labels, target_areas, sdgs, status, start, end, source_section, source_quote, "
                                   "source_reference, source_url, evidence.")]


# ---------------------------------------------------------------------------------------------
# Adding every kind
# ---------------------------------------------------------------------------------------------


def coverage(store):
    return {r[0]: r[2] for r in queries.run(store, "coverage-target-areas", {}, "en").rows}


def test_add_network(store):
    assert coverage(store) == {"1": "2", "2": "0", "3": "0"}
    change = add(store, "network", NETWORK)
    iri = URIRef(EX + "network-climate-cities")
    g = store.graph()
    assert set(g.objects(iri, RDFS.label)) == {Literal("Klimabyer", lang="nb"), Literal("Climate Cities", lang="en")}
    assert set(g.objects(iri, IKG.targetArea)) == {URIRef(EX + "ta1"), URIRef(EX + "ta3")}
    period = g.value(iri, IKG.period)
    start = g.value(period, TIME.hasBeginning)
    assert str(period).startswith("https://w3id.org/.well-known/genid/")
    assert g.value(start, TIME.inXSDgYear) == Literal("2019", datatype=XSD.gYear)
    assert g.value(start, TIME.inXSDDate) == Literal("2019-03-01", datatype=XSD.date)
    citation = g.value(iri, IKG.citation)
    assert g.value(citation, IKG.reference) == Literal(SOURCE["source_reference"])
    assert g.value(citation, SCHEMA.url) == URIRef(SOURCE["source_url"])
    assert g.value(citation, IKG.evidence) == IKG.stated
    assert coverage(store) == {"1": "3", "2": "0", "3": "1"}
    assert problems_of(store, [iri]) == []
    assert (change.added_count, history.changes(store)[0].action) == (17, "add-network")
    # the same name again gets the next free identifier
    build = build_draft(store, "network", NETWORK, "en")
    assert build.iri == URIRef(EX + "network-climate-cities-2")


def test_add_membership_shows_in_members_and_review(store):
    add(store, "network", NETWORK)
    add(store, "membership", {"member": "Hometown Municipality", "network": "Climate Cities", "start": "2019",
                              "annual_cost": "12 500,50", "currency": "eur", "responsible_unit": "Culture unit",
                              **SOURCE})
    add(store, "membership", {"member": EX + "lonely", "network": EX + "network-climate-cities", "role": "Board member",
                              "start": "2020-05-01", "end": "2022", **SOURCE}, lang="nb")
    members = queries.run(store, "members", {"network": "Climate Cities"}, "en").rows
    assert members == [["Hometown Municipality", "City or municipality", "2019", "", "Member", MAIL],
                       ["Lonely Ltd", "Company", "2020", "2022", "Board member", MAIL]]
    networks = [r for r in queries.run(store, "networks", {}, "en").rows if r[0] == "Climate Cities"]
    assert networks == [["Climate Cities", "Trade", "1", MAIL], ["Climate Cities", "Research", "3", MAIL]]
    review = [r for r in queries.run(store, "review", {}, "en").rows if r[1] == "Climate Cities"]
    assert review == [["membership", "Climate Cities", "2019", "Active", "Research; Trade", "Culture unit", "12500.5",
                       "EUR", "", MAIL]]  # the source given in words and by address, as the other questions show it
    iri = URIRef(EX + "membership-hometown-municipality-in-climate-cities")
    g = store.graph()
    assert set(g.objects(iri, RDFS.label)) == {Literal("Hjemby kommune i Klimabyer", lang="nb"),
                                               Literal("Hometown Municipality in Climate Cities", lang="en")}
    assert (g.value(iri, ORG.role), g.value(iri, IKG.status)) == (IKG.MemberRole, IKG.Active)
    assert problems_of(store, [iri, URIRef(EX + "membership-lonely-ltd-in-climate-cities")]) == []


def test_a_form_refuses_what_the_graph_has_and_allows_a_rejoining_after_the_end(store):
    # Hometown has been a member of Network A since 2015, with no end: a second membership overlaps it
    membership = {"member": "Hometown Municipality", "network": "Network A", "start": "2020", **SOURCE}
    error = rejected(store, save, "membership", membership, editor="Kari Nordmann", lang="nb")
    assert error.problems == [("", f"«Hjemby kommune» er allerede medlem av «Nettverk A» i grafen («Hjemby kommune i "
                                    f"Nettverk A» <{EX}m-home-a>), i en periode som overlapper: vil du endre det "
                                    "medlemskapet, velg «Rette»; er dette et nytt medlemskap etter at det gamle tok "
                                    "slutt, gi det gamle en sluttdato først.")]
    network = rejected(store, save, "network", {**NETWORK, "label_en": "network a"}, editor="Kari Nordmann")
    assert network.problems == [("label_en", f"The name “network a” is already used by the network “Network A” "
                                             f"<{EX}net-a> in the graph: to change that, choose “Correct”; if this is "
                                             "about something else, give it a name of its own.")]
    wide = rejected(store, save, "network", {**NETWORK, "label_en": "ＮＥＴＷＯＲＫ Ａ"}, editor="Kari Nordmann")
    assert [(f, m.split(" <")[0][-26:]) for f, m in wide.problems] == [("label_en", "by the network “Network A”")]
    # once the old membership has its end, a new one after it is a rejoining, not a repeat
    correct(store, EX + "m-home-a", {"end": "2018", **SOURCE}, editor="Kari Nordmann")
    change = add(store, "membership", membership)
    assert [r[:4] for r in queries.run(store, "members", {"network": "Network A"}, "en").rows
            if r[0] == "Hometown Municipality"] == [["Hometown Municipality", "City or municipality", "2015", "2018"],
                                                     ["Hometown Municipality", "City or municipality", "2020", ""]]
    assert change.added_count > 0


def test_a_correction_may_not_make_a_thing_another_ones_repeat(store):
    # Hometown's ended membership of Network B moved to Network A, where Hometown is a member since 2015
    moved = rejected(store, correct, EX + "m-home-b", {"network": EX + "net-a", **SOURCE}, editor="Kari Nordmann")
    assert moved.problems == [("", f"“Hometown Municipality” is already a member of “Network A” in the graph "
                                   f"(“Hometown Municipality in Network A” <{EX}m-home-a>), in a period that overlaps "
                                   "this one: correct that membership instead, or give the two periods that do not "
                                   "overlap.")]
    renamed = rejected(store, correct, EX + "net-b", {"label_en": "Network A"}, editor="Kari Nordmann", lang="nb")
    assert renamed.problems == [("label_en", f"Navnet «Network A» er allerede brukt av nettverk «Nettverk A» "
                                             f"<{EX}net-a> i grafen: bruk et annet navn her; er de to det samme, "
                                             "rett den andre oppføringen og slett denne.")]
    correct(store, EX + "net-b", {"label_en": "Network Bravo"}, editor="Kari Nordmann")  # its own new name
    correct(store, EX + "net-b", {"label_en": "network bravo"}, editor="Kari Nordmann")  # itself is no repeat
    # a repeat from before the check (written past the forms) can still be corrected, one field at a time
    twin = URIRef(EX + "m-home-a-twice")
    history.commit(store, add=[(twin, RDF.type, ORG.Membership), (twin, ORG.member, URIRef(EX + "hometown")),
                               (twin, ORG.organization, URIRef(EX + "net-a"))], editor="Kari Nordmann", action="import")
    correct(store, twin, {"role": "Board member", **SOURCE}, editor="Kari Nordmann")
    assert store.graph().value(twin, ORG.role) == IKG.BoardRole


def test_other_names_get_the_check_of_names_when_adding_and_correcting(store):
    # «UNI» is the other name of the University: as another actor's other name, in any case and spacing, refused
    before = state(store)
    new = {"actor_type": "Company", "label_nb": "Nordlys AS", "label_en": "Nordlys Ltd", "alt_labels": "Nordlys; uni "}
    added = rejected(store, save, "actor", {**new, **SOURCE}, editor="Kari Nordmann", lang="nb")
    assert added.problems == [("alt_labels", "Navnet «uni» er allerede brukt av universitet eller høgskole "
                                             f"«Universitetet» <{EX}uni> i grafen: vil du endre den oppføringen, velg "
                                             "«Rette»; gjelder det noe annet, gi det et eget navn.")]
    # a main name of another thing as an other name, on correcting
    fixed = rejected(store, correct, EX + "lonely", {"alt_labels": "Nordlys; innovation agency"},
                     editor="Kari Nordmann")
    assert fixed.problems == [("alt_labels", "The name “innovation agency” is already used by the state agency "
                                             f"“Innovation Agency” <{EX}agency> in the graph: give this one a name of "
                                             "its own; if the two are the same thing, correct the other and delete "
                                             "this one.")]
    # a new main name that is another thing's other name
    named = rejected(store, save, "actor", {**new, "alt_labels": "", "label_en": "Hjemby", **SOURCE},
                     editor="Kari Nordmann")
    assert [(f, m.split(" <")[0]) for f, m in named.problems] == [
        ("label_en", "The name “Hjemby” is already used by the city or municipality “Hometown Municipality”")]
    assert state(store) == before
    correct(store, EX + "lonely", {"alt_labels": "Nordlys; Ensom"}, editor="Kari Nordmann")  # its own name: no repeat
    assert {str(x) for x in store.graph().objects(URIRef(EX + "lonely"), SKOS.altLabel)} == {"Nordlys", "Ensom"}



def test_dates_of_a_period_refused_are_shown_as_the_language_writes_them(store):
    # in bokmål 15.06.2026 (not 2026-06-15); in English the ISO form; a year as it is
    period = {**NETWORK, "start": "15.06.2026", "end": "31.12.2025"}
    nb = rejected(store, save, "network", period, editor="Kari Nordmann", lang="nb")
    assert nb.problems == [("end", "Slutten (31.12.2025) er før starten (15.06.2026): sjekk datoene (kanskje de er "
                                   "byttet om).")]
    en = rejected(store, save, "network", period, editor="Kari Nordmann", lang="en")
    assert en.problems == [("end", "The end (2025-12-31) is before the start (2026-06-15): check the dates (perhaps "
                                   "they are swapped).")]
    year = rejected(store, save, "network", {**period, "start": "2026"}, editor="Kari Nordmann", lang="nb")
    assert year.problems[0][1].startswith("Slutten (31.12.2025) er før starten (2026): ")

def test_add_city_and_twin_city_agreement(store):
    add(store, "actor", {"actor_type": "City", "label_nb": "Nyby", "label_en": "Newtown", "country": "Sweden",
                         "lat": "59,33", "long": "18.07", **SOURCE})
    add(store, "twin-city-agreement", {"city": "Newtown", "agreement_type": "loi", "start": "2020", **SOURCE})
    rows = queries.run(store, "twin-cities", {}, "en").rows
    assert ["Newtown", "Sweden", "2020", "Letter of intent", "Active", MAIL] in rows
    agreement = URIRef(EX + "agreement-hometown-municipality-newtown")
    g = store.graph()
    assert set(g.objects(agreement, IKG.party)) == {URIRef(EX + "hometown"), URIRef(EX + "newtown")}
    assert g.value(agreement, RDFS.label) in {Literal("Hometown Municipality–Newtown", lang="en"),
                                              Literal("Hjemby kommune–Nyby", lang="nb")}
    assert problems_of(store, [agreement, URIRef(EX + "newtown")]) == []


def test_add_project_with_partners(store):
    add(store, "project", {"label_nb": "Prosjekt Y", "label_en": "Project Y", "programme": "Horizon 2020",
                           "budget": "1000000", "currency": "EUR", "partners": ["Lonely Ltd", EX + "farcity"],
                           "start": "2020", "end": "2024", "target_areas": "2", "sdgs": "sdg 7", **SOURCE})
    assert queries.run(store, "collaborators", {"actor": "Lonely Ltd"}, "en").rows == [
        ["Farcity", "Project Y", "Project", MAIL]]
    project = URIRef(EX + "project-y")
    parts = [URIRef(EX + "participation-lonely-ltd-in-project-y"), URIRef(EX + "participation-farcity-in-project-y")]
    g = store.graph()
    assert all(g.value(p, ORG.role) == IKG.PartnerRole and g.value(p, IKG.project) == project for p in parts)
    assert problems_of(store, [project, *parts]) == []
    assert entity_values(store, project, "en")["partners"] == [EX + "farcity", EX + "lonely"]


def test_add_activity_and_participation(store):
    add(store, "activity", {"activity_type": "Seminar or meeting", "label_nb": "Seminar om klima",
                            "label_en": "Climate seminar", "start": "03.05.2021", "location": "Farcity",
                            "participants": "Lonely Ltd; Innovation Agency", "part_of": "Network A",
                            "target_areas": "Culture", **SOURCE})
    add(store, "participation", {"project": "Project X", "participant": "Innovation Agency", "role": "coordinator",
                                 "source_section": EX + "doc-plan-s2", "source_quote": "Prosjekt X i 2018",
                                 "evidence": "inferred"})
    collaborators = queries.run(store, "collaborators", {"actor": "Innovation Agency"}, "en").rows
    assert ["Lonely Ltd", "Climate seminar", "Seminar or meeting", MAIL] in collaborators
    assert ["Hometown Municipality", "Project X", "Project", "Plan 2020 §2"] in collaborators
    activity = URIRef(EX + "activity-climate-seminar")
    participation = URIRef(EX + "participation-innovation-agency-in-project-x")
    # an activity has an end but no status: retiring it sets the end only
    retired = retire(store, activity, end="2021-05-04", source="Minutes", editor="Kari")
    assert retired.action == "retire-activity"
    assert entity_values(store, activity, "en")["end"] == "2021-05-04"
    g = store.graph()
    assert g.value(activity, RDF.type) == IKG.Seminar
    citation = g.value(participation, IKG.citation)
    assert (g.value(citation, IKG.section), g.value(citation, IKG.evidence)) == (URIRef(EX + "doc-plan-s2"),
                                                                                  IKG.inferred)
    assert problems_of(store, [activity, participation]) == []


def test_save_needs_an_editor(store):
    error = rejected(store, save, "network", NETWORK, editor="  ")
    assert str(error) == "Write your name: every change is saved with who made it."


# ---------------------------------------------------------------------------------------------
# Refusing bad values, with every problem at once, and writing nothing
# ---------------------------------------------------------------------------------------------

BAD = [
    ("network", {**NETWORK, "start": "31.02.2019"},
     [("start", "The date “31.02.2019” does not exist: February 2019 has 28 days. Check the day and the month.")]),
    ("network", {**NETWORK, "start": "2019-13-01"},
     [("start", "“2019-13-01” is not a date: there is no month 13; months go from 1 to 12.")]),
    ("network", {**NETWORK, "start": "19"},
     [("start", "“19” is not a year or a date: write the year (2019) or the date as YYYY-MM-DD or DD.MM.YYYY, "
                "e.g. 2019-03-01 or 01.03.2019.")]),
    ("network", {**NETWORK, "start": "1066"},
     [("start", "The year 1066 is outside 1800–2100: check that the year is written right, with four digits.")]),
    ("network", {**NETWORK, "start": "2019", "end": "01.06.2018"},
     [("end", "The end (2018-06-01) is before the start (2019): check the dates (perhaps they are swapped).")]),
    ("network", {**NETWORK, "target_areas": "1; 9"},
     [("target_areas", "Unknown target area “9”; the target areas are: 1 Trade, 2 Culture, 3 Research.")]),
    ("network", {**NETWORK, "sdgs": "18"},
     [("sdgs", "“18” is not an SDG: write a number from 1 to 17 (several separated by semicolons).")]),
    ("network", {**NETWORK, "id": "net-a"},
     [("id", "The identifier “net-a” is already used by “Network A” <https://example.org/ikg/net-a>: choose another "
             "identifier, or correct the existing one.")]),
    ("network", {**NETWORK, "id": "Net A!"},
     [("id", "“Net A!” cannot be an identifier: use lower-case letters, digits and hyphens, e.g. network-icorn (or a "
             "whole http(s) address).")]),
    ("network", {**NETWORK, "label_en": "   "},
     [("label_en", "“Name in English” is missing. Write the English name; translate it yourself if the source is "
                   "Norwegian.")]),
    ("network", {**NETWORK, "source_reference": "", "source_url": ""},
     [("source_section", "The source is missing: every new fact needs one. Choose the section and paste the quote, "
                         "or describe the source under “Other source”.")]),
    ("network", {**NETWORK, "source_reference": "", "source_url": "", "source_section": "Plan 2020 §1"},
     [("source_quote", "The quote is missing: paste the sentence from the section that states this, word for word.")]),
    ("network", {**NETWORK, "source_reference": "", "source_url": "", "source_quote": "Klimabyer"},
     [("source_section", "The quote needs its section: choose the section of the document it comes from, or move "
                         "the text to “Other source”.")]),
    ("network", {**NETWORK, "source_url": "www.example.org"},
     [("source_url", "“www.example.org” is not a web address: write the whole address, starting with http:// or "
                     "https://, without spaces and without the characters < > \" { } | \\ ^ `.")]),
    ("network", {**NETWORK, "source_url": "https://example.org/a b"},
     [("source_url", "“https://example.org/a b” is not a web address: write the whole address, starting with "
                     "http:// or https://, without spaces and without the characters < > \" { } | \\ ^ `.")]),
    ("network", {**NETWORK, "status": "Sleeping"},
     [("status", "“Sleeping” is not one of the choices for Status: use one of these: Active, Dormant, Ended, "
                 "Planned.")]),
    ("membership", {"member": "The University", "network": "Network C", **SOURCE},
     [("network", "There is no network called “Network C” in the graph: write its name as the graph has it, or "
                  "its identifier, or add it first.")]),
    ("membership", {"member": EX + "net-a", "network": "Network A", **SOURCE},
     [("member", "“Network A” cannot be used here: it is registered as “network”, and the field needs: actor.")]),
    ("membership", {"member": "The University", "network": "Network A", "annual_cost": "-100", **SOURCE},
     [("annual_cost", "The amount “-100” is negative: write the cost as a positive number.")]),
    ("membership", {"member": "The University", "network": "Network A", "annual_cost": "1.500", **SOURCE},
     [("annual_cost", "“1.500” can be read two ways: write the amount without thousands separators, e.g. 12500 or "
                      "12500.50.")]),
    ("membership", {"member": "The University", "network": "Network A", "annual_cost": "ten", **SOURCE},
     [("annual_cost", "“ten” is not an amount: write a number without currency, e.g. 12500 or 12500.50.")]),
    ("membership", {"member": "The University", "network": "Network A", "annual_cost": "100", "currency": "kr",
                    **SOURCE},
     [("currency", "“kr” is not a currency code: write the ISO 4217 code in three capital letters, e.g. NOK or EUR.")]),
    ("membership", {"member": "The University", "network": "Network A", "annual_cost": "100", "currency": " ",
                    **SOURCE},
     [("currency", "The amount has no currency: write the currency code, e.g. NOK or EUR.")]),
    ("membership", {"member": "", "network": "", **SOURCE},
     [("member", "“Member” is missing. Choose the actor that is the member."),
      ("network", "“Network” is missing. Choose the network the actor is a member of.")]),
    ("actor", {"actor_type": "City", "label_nb": "Nyby", "label_en": "Newtown", "lat": "95", **SOURCE},
     [("lat", "“95” is not a number from -90 to 90: write the Latitude in decimal degrees, e.g. 63.43."),
      ("country", "“Country” is needed for a city or municipality. Choose the country the city lies in (needed for "
                  "cities)."),
      ("long", "“Longitude” is needed for a city or municipality. The city's longitude in decimal degrees, e.g. "
               "10.39 (east is positive; needed for cities).")]),
    ("actor", {"actor_type": "Bakery", "label_nb": "Bakeriet", "label_en": "The Bakery", **SOURCE},
     [("actor_type", "“Bakery” is not one of the choices for Kind of actor: use one of these: City or municipality, "
                     "Municipal unit, University or college, Research institute, Company, Business association, State "
                     "agency, County authority, Regional body, Voluntary organisation, Cultural institution, Youth "
                     "council, International organisation, UN organisation, Consular corps, Person.")]),
    ("twin-city-agreement", {"city": "Hometown Municipality", "agreement_type": "Formal twinning", **SOURCE},
     [("city", "The twin city must be another city than Hometown Municipality: choose the twin city.")]),
]


@pytest.mark.parametrize("kind, values, expected", BAD, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD)])
def test_bad_values_are_refused(kind, values, expected, memory_fixture_store):
    error = rejected(memory_fixture_store, save, kind, values, editor="Kari")
    assert isinstance(error, FieldErrors)
    assert error.problems == expected


@pytest.fixture(scope="module")
def memory_fixture_store():
    from graph.store.memory import MemoryStore

    s = MemoryStore()
    s.load(fixture_files())
    return s


def test_every_problem_at_once_on_every_backend(store):
    values = {"member": "The University", "network": "Network C", "start": "31.02.2019", "end": "2010",
              "annual_cost": "-5", "currency": "kroner", "source_url": "htp://example.org"}
    error = rejected(store, save, "membership", values, editor="Kari")
    assert error.problems == [
        ("network", "There is no network called “Network C” in the graph: write its name as the graph has it, or "
                    "its identifier, or add it first."),
        ("start", "The date “31.02.2019” does not exist: February 2019 has 28 days. Check the day and the month."),
        ("annual_cost", "The amount “-5” is negative: write the cost as a positive number."),
        ("currency", "“kroner” is not a currency code: write the ISO 4217 code in three capital letters, e.g. NOK or "
                     "EUR."),
        ("source_url", "“htp://example.org” is not a web address: write the whole address, starting with http:// or "
                       "https://, without spaces and without the characters < > \" { } | \\ ^ `."),
        ("source_reference", "A web address alone is not enough: describe the source under “Other source” too (e.g. "
                             "the page's title and date)."),
    ]
    assert str(error).splitlines()[0] == ("Network: There is no network called “Network C” in the graph: write its "
                                          "name as the graph has it, or its identifier, or add it first.")
    assert history.changes(store) == []


def test_messages_in_norwegian(store):
    values = {**NETWORK, "start": "31.02.2019", "target_areas": "9", "source_reference": "", "source_url": ""}
    error = rejected(store, save, "network", values, editor="Kari", lang="nb")
    assert error.problems == [
        ("target_areas", "Ukjent målområde «9»; målområdene er: 1 Handel, 2 Kultur, 3 Forskning."),
        ("start", "Datoen «31.02.2019» finnes ikke: februar 2019 har 28 dager. Sjekk dag og måned."),
        ("source_section", "Kilde mangler: hvert nytt faktum trenger en kilde. Velg avsnittet og lim inn sitatet, "
                           "eller beskriv kilden under «Annen kilde»."),
    ]
    error = rejected(store, save, "membership", {"member": "Universitetet", "network": "Nettverkk B",
                                                         **SOURCE}, editor="Kari", lang="nb")
    assert error.problems == [("network", "Det finnes ingen nettverk som heter «Nettverkk B» i grafen (mente du "
                                          "«Nettverk B»?): skriv navnet slik grafen har det, eller identifikatoren, "
                                          "eller legg den til først.")]


# ---------------------------------------------------------------------------------------------
# Correcting, retiring, deleting
# ---------------------------------------------------------------------------------------------


def test_entity_values_prefill_a_correction(store):
    values = entity_values(store, EX + "m-home-a", "en")
    assert values == {
        "id": EX + "m-home-a", "member": EX + "hometown", "network": EX + "net-a", "role": str(IKG.MemberRole),
        "status": str(IKG.Active), "start": "2015", "end": "", "responsible_unit": EX + "culture-unit",
        "annual_cost": "10000", "currency": "NOK", "label_nb": "", "label_en": "", "source_section": "",
        "source_quote": "", "source_reference": "", "source_url": "", "evidence": "stated"}
    error = rejected(store, correct, EX + "m-home-a", values, editor="Kari")
    assert str(error) == "This changes nothing: the graph already says exactly this."
    assert kind_of(store, EX + "net-a") == "network"
    assert kind_of(store, EX + "doc-plan") is None


def test_correct_changes_only_the_given_fields(store):
    add(store, "network", NETWORK)
    iri = EX + "network-climate-cities"
    before = entity_values(store, iri, "en")
    correct(store, iri, {"label_en": "Cities for Climate"}, editor="Kari")  # names need no source
    error = rejected(store, correct, iri, {"status": "Dormant", "end": "2024"}, editor="Kari")
    assert error.problems == [("source_section", "The source is missing: every new fact needs one. Choose the "
                                                 "section and paste the quote, or describe the source under “Other "
                                                 "source”.")]
    error = rejected(store, correct, iri, {"start": "2019", "end": "2018", **SOURCE}, editor="Kari")
    assert error.problems == [("end", "The end (2018) is before the start (2019): check the dates (perhaps they are "
                                      "swapped).")]
    change = correct(store, iri, {"status": "Dormant", "target_areas": ["2"], "end": "2024", **SOURCE},
                             editor="Kari", why="new report")
    assert change.action == "correct-network"
    after = entity_values(store, iri, "en")
    assert after == {**before, "label_en": "Cities for Climate", "status": str(IKG.Dormant),
                     "target_areas": [EX + "ta2"], "end": "2024"}
    g = store.graph()
    assert len(list(g.objects(URIRef(iri), IKG.period))) == 1
    assert len(list(g.objects(URIRef(iri), IKG.citation))) == 2
    assert problems_of(store, [iri]) == []


def test_an_other_name_added_keeps_the_others_and_their_language(store):
    """The form shows the other names without their language, joined by semicolons. Adding one removed them all
    and wrote them back without their language tag (and the change log read as if they were replaced); now
    only the new name is added, and a name taken off the list is the only one removed."""
    home = URIRef(EX + "hometown")
    change = correct(store, home, {"alt_labels": "Hjemby; Home Town"}, editor="Kari")
    assert (change.added_count, change.removed_count) == (1, 0)
    assert set(store.graph().objects(home, SKOS.altLabel)) == {Literal("Hjemby", lang="nb"), Literal("Home Town")}
    change = correct(store, home, {"alt_labels": "Home Town"}, editor="Kari")
    assert (change.added_count, change.removed_count) == (0, 1)
    assert set(store.graph().objects(home, SKOS.altLabel)) == {Literal("Home Town")}


def test_correct_cost_cites_the_property(store):
    correct(store, EX + "m-home-a", {"annual_cost": "12000", "currency": "EUR",
                                             "source_section": "Plan 2020 §2", "source_quote": "Nettverk A"},
                    editor="Kari")
    row = [r for r in queries.run(store, "review", {}, "en").rows if r[1] == "Network A"][0]
    assert row[6:8] == ["12000", "EUR"]
    g = store.graph()
    amounts = list(g.objects(URIRef(EX + "m-home-a"), IKG.annualCost))
    assert len(amounts) == 1 and len(list(g.subjects(RDF.type, SCHEMA.MonetaryAmount))) == 2  # old one gone
    about = [g.value(c, IKG.aboutProperty) for c in g.objects(URIRef(EX + "m-home-a"), IKG.citation)]
    assert IKG.annualCost in about


def test_retire_keeps_the_history(store):
    change = retire(store, EX + "m-home-a", end="31.12.2024", source={"source_reference": "Letter 2025"},
                            editor="Kari", why="left the network")
    assert change.action == "retire-membership"
    members = queries.run(store, "members", {"network": "Network A"}, "en").rows
    assert ["Hometown Municipality", "City or municipality", "2015", "2024", "Member",
            "Letter 2025; Plan 2020 §2"] in members
    row = [r for r in queries.run(store, "review", {}, "en").rows if r[1] == "Network A"][0]
    assert row[3] == "Ended"
    assert entity_values(store, EX + "m-home-a", "en")["start"] == "2015"  # the start stays
    error = rejected(store, retire, EX + "m-home-a", end="2025", source="Letter", editor="Kari")
    assert error.problems == [("end", "“Hometown Municipality in Network A” already ended in 2024-12-31: correct the "
                                      "end instead of retiring it again.")]
    error = rejected(store, retire, EX + "m-uni-b", end="2025", editor="Kari")
    assert error.problems == [("source_section", "The source is missing: every new fact needs one. Choose the section "
                                                 "and paste the quote, or describe the source under “Other source”.")]
    error = rejected(store, retire, EX + "agreement-farcity", end="1940", source="Letter", editor="Kari")
    assert error.problems == [("end", "The end (1940) is before the start (1946): check the dates (perhaps they are "
                                      "swapped).")]
    error = rejected(store, retire, EX + "uni", end="2025", source="Letter", editor="Kari")
    assert str(error) == ("“The University” (actor) cannot be retired; only memberships, twin-city agreements, "
                          "networks, projects and activities can be retired. Use “delete” for something entered by "
                          "mistake.")
    retire(store, EX + "agreement-oldcity", end="2020", status="Dormant", source="Letter", editor="Kari")
    rows = queries.run(store, "twin-cities", {}, "en").rows
    assert ["Oldtown", "Sweden", "", "Planned relation", "Dormant", "Letter; Programme 2010 §1"] in rows


def test_delete_refused_while_referenced_or_unconfirmed(store):
    error = rejected(store, delete, EX + "net-a", confirm="Network A", editor="Kari")
    assert str(error) == ("“Network A” cannot be deleted while other things point at it: “Hometown Municipality in "
                          "Network A” (membership), “The University in Network A” (membership), “Trade group” "
                          "(working group). Delete or correct those first.")
    error = rejected(store, delete, EX + "net-b", confirm="Network", editor="Kari")
    assert str(error) == ("Type the name (“Network B”) or the identifier <https://example.org/ikg/net-b> to confirm "
                          "the deletion (capitals or not); you typed “Network”.")
    error = rejected(store, delete, EX + "nothing-here", confirm="x", editor="Kari")
    assert str(error) == ("There is nothing with the identifier <https://example.org/ikg/nothing-here> in the graph: "
                          "pick it from the list.")
    error = rejected(store, delete, str(IKG.Active), confirm="Active", editor="Kari")
    assert str(error) == "“Active” belongs to the vocabulary and cannot be deleted here."


def test_delete_removes_the_thing_and_what_it_holds(store):
    before = state(store)
    add(store, "network", NETWORK)
    add(store, "membership", {"member": "The University", "network": "Climate Cities", "start": "2019",
                              "annual_cost": "100", "currency": "NOK", **SOURCE})
    membership = EX + "membership-the-university-in-climate-cities"
    delete(store, membership, confirm=membership, editor="Kari")
    change = delete(store, EX + "network-climate-cities", confirm="klimabyer", editor="Kari", why="mistake")
    assert (change.action, change.added_count, change.removed_count) == ("delete-network", 0, 17)
    records = {s for s, _, _ in store.graph() if str(s).startswith(history.CHANGE_BASE)}
    assert len(records) == 4
    assert [t for t in state(store) if t[0] not in records] == before  # nothing else is left


def test_undo_a_save(store):
    before = state(store)
    change = add(store, "network", NETWORK)
    history.undo(store, change.id, editor="Kari")
    records = {s for s, _, _ in store.graph() if str(s).startswith(history.CHANGE_BASE)}
    assert [t for t in state(store) if t[0] not in records] == before


# ---------------------------------------------------------------------------------------------
# Pickers
# ---------------------------------------------------------------------------------------------


def test_choices(store):
    assert choices(store, "network", "en") == [(EX + "net-a", "Network A"), (EX + "net-b", "Network B")]
    assert choices(store, "status", "nb") == [
        (str(IKG.Active), "Aktiv"), (str(IKG.Ended), "Avsluttet"), (str(IKG.Planned), "Planlagt"),
        (str(IKG.Dormant), "Sovende")]
    assert choices(store, "target_areas", "en") == [(EX + "ta1", "1 Trade"), (EX + "ta2", "2 Culture"),
                                                            (EX + "ta3", "3 Research")]
    sdgs = choices(store, "sdgs", "en")
    assert len(sdgs) == 17 and sdgs[6] == ("http://metadata.un.org/sdg/7", "7 Affordable and clean energy")
    assert choices(store, "membership", "en")[0] == (EX + "m-home-a", "Hometown Municipality in Network A")
    assert choices(store, "city", "en") == [(EX + "farcity", "Farcity"), (EX + "hometown",
                                                                                  "Hometown Municipality"),
                                                    (EX + "oldcity", "Oldtown")]
    assert choices(store, "source_section", "en")[0] == (EX + "doc-plan-s1", "Plan 2020 §1")
    assert choices(store, "evidence", "en") == [(str(IKG.inferred), "Inferred by the curator"),
                                                        (str(IKG.stated), "Stated by the source")]
    assert ("https://w3id.org/ikg/ontology#University", "University or college") in choices(
        store, "actor_type", "en")
    assert [label for _, label in choices(store, "actor", "en")][:3] == [
        "Culture unit", "Farcity", "Hometown Municipality"]
    with pytest.raises(InputError):
        choices(store, "colour", "en")
