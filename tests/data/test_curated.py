"""The curated data says what the three documents say (issue 11): each correction and each added
policy fact is pinned here on the shipped data, in a store filled from ontology/ and data/.

Sections: strategy 2019–2022 §1, §2, §3.4, §3.5, §3.6, §5.1; the 2011–2012 action programme; the
2020 article on the UN centre.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

try:  # the questions module is being moved; follow it
    from graph.questions.catalogue import run
except ImportError:  # pragma: no cover
    from graph.queries import run

IKG = "https://w3id.org/ikg/ontology#"
TRD = "https://w3id.org/ikg/trondheim/"


def trd(name: str) -> URIRef:
    return URIRef(TRD + name)


def ikg(name: str) -> URIRef:
    return URIRef(IKG + name)


@pytest.fixture
def store(memory_shipped):
    return memory_shipped


def values(store, query: str, **bindings) -> set:
    """The first column of a SELECT, as a set of Python values (IRIs as strings)."""
    rows = store.select(query, bindings or None).rows
    return {row[0].toPython() if isinstance(row[0], Literal) else str(row[0]) for row in rows}


def citations(store, subject: URIRef, prop: URIRef | None = None) -> list[tuple[str, str, str]]:
    """(section IRI, quote, evidence IRI) of the citations of `subject` (only those about `prop` if given,
    else only those about the thing as a whole)."""
    if prop is None:
        query = """SELECT ?sec ?q ?ev WHERE { ?s ikg:citation ?c . ?c ikg:section ?sec ; ikg:quote ?q ; ikg:evidence ?ev .
                   FILTER NOT EXISTS { ?c ikg:aboutProperty ?any } }"""
        rows = store.select(query, {"s": subject}).rows
    else:
        query = """SELECT ?sec ?q ?ev WHERE { ?s ikg:citation ?c . ?c ikg:section ?sec ; ikg:quote ?q ; ikg:evidence ?ev ;
                   ikg:aboutProperty ?p }"""
        rows = store.select(query, {"s": subject, "p": prop}).rows
    return [(str(sec), str(q), str(ev)) for sec, q, ev in rows]


# --------------------------------------------------------------------------------------------
# 3: the twin-cities question lists the 15 agreements of §3.4 and nothing else
# --------------------------------------------------------------------------------------------

SECTION_3_4 = [
    # "Liste over vennskapsbyer med formelle avtaler" + the letter of intent + the MoU
    ["Darmstadt", "Germany", "1968", "Formal twinning"],
    ["Dunfermline", "Scotland", "1945", "Formal twinning"],
    ["Graz", "Austria", "1968", "Formal twinning"],
    ["Keren", "Eritrea", "", "Memorandum of understanding"],
    ["Klaksvík", "Faroe Islands", "1987", "Formal twinning"],
    ["Kópavogur", "Iceland", "1946", "Formal twinning"],  # ó sorts as o
    ["Kraków", "Poland", "", "Letter of intent"],
    ["Norrköping", "Sweden", "1946", "Formal twinning"],
    ["Odense", "Denmark", "1946", "Formal twinning"],
    ["Petah Tikva", "Israel", "1975", "Formal twinning"],
    ["Ramallah", "Palestine", "2004", "Formal twinning"],
    ["Split", "Croatia", "1956", "Formal twinning"],
    ["Tampere", "Finland", "1946", "Formal twinning"],
    ["Tiraspol", "Transnistria", "1987", "Formal twinning"],
    ["Vallejo", "United States", "1956", "Formal twinning"],
]


def test_twin_cities_question_lists_exactly_the_15_agreements_of_section_3_4(store):
    table = run(store, "twin-cities", {}, "en")
    assert [row[:4] for row in table.rows] == SECTION_3_4
    assert all("Strategy 2019–2022 §3.4" in row[5] for row in table.rows)


def test_twin_cities_question_in_norwegian_has_the_same_15_cities(store):
    table = run(store, "twin-cities", {}, "nb")
    assert [row[0] for row in table.rows] == [
        "Darmstadt", "Dunfermline", "Graz", "Keren", "Klaksvik", "Kópavogur", "Krakow", "Norrköping", "Odense",
        "Petach Tikva", "Ramallah", "Split", "Tampere", "Tiraspol", "Vallejo",
    ]


@pytest.mark.parametrize("name, city, kind", [
    ("agreement-hamburg", "hamburg", "ProjectBasedRelation"),
    ("agreement-chongqing", "chongqing", "ProjectBasedRelation"),
    ("agreement-wroclaw", "wroclaw", "ProjectBasedRelation"),
    ("agreement-puerto-montt", "puerto-montt", "PlannedRelation"),
])
def test_other_city_relations_are_not_twin_city_agreements(store, name, city, kind):
    relation = trd(name)
    assert store.ask("ASK { ?r a ikg:CityRelation ; ikg:party ?home , ?city ; ikg:agreementType ?kind }",
                     {"r": relation, "home": trd("trondheim"), "city": trd(city), "kind": ikg(kind)})
    assert not store.ask("ASK { ?r a ikg:TwinCityAgreement }", {"r": relation})


def test_a_city_relation_is_an_agreement_not_a_twin_city_agreement(store):
    assert store.ask("ASK { ikg:CityRelation rdfs:subClassOf ikg:Agreement }")
    assert not store.ask("ASK { ikg:CityRelation rdfs:subClassOf* ikg:TwinCityAgreement }")


def test_hamburg_is_formalised_outside_the_twin_city_portfolio(store):
    quotes = [q for _, q, _ in citations(store, trd("agreement-hamburg"))]
    assert "SØT-samarbeidet er formalisert på utsiden av vennskapsbyporteføljen og det samme kan sies om relasjonen til Hamburg." in quotes


# --------------------------------------------------------------------------------------------
# 1: §3.6, last row but one: the network is "Nordisk Plattform Vennskapsbysamarbeid"
# --------------------------------------------------------------------------------------------

HEADINGS_3_6 = {
    "Globalt partnerskap og solidaritet",
    "Utvikling gjennom deltagelse i EU prosjekter og internasjonalt prosjektsamarbeid",
    "Styrke samspillet mellom FoU, næringsliv og offentlig sektor",
    "Vennskapsbysamarbeid",
    "Innbyggernes internasjonale profil",
}


def test_no_network_is_named_after_a_heading_of_the_network_table(store):
    labels = values(store, "SELECT ?l WHERE { ?n a ikg:Network ; rdfs:label ?l . FILTER(lang(?l) = 'nb') }")
    named_after_heading = {
        label for label in labels
        if label.removesuffix(" (nettverk)") in HEADINGS_3_6 or label.endswith("(nettverk)")
    }
    assert named_after_heading == set()
    assert not store.ask("ASK { ?n ?p ?o }", {"n": trd("network-vennskapsbysamarbeid")})


def test_the_last_row_network_is_nordisk_plattform_vennskapsbysamarbeid(store):
    platform = trd("network-nordic-platform")
    assert ("https://w3id.org/ikg/trondheim/doc-2019-s3-6", "Nordisk Plattform Vennskapsbysamarbeid",
            IKG + "stated") in citations(store, platform)
    assert "Nordisk Plattform Vennskapsbysamarbeid" in values(store, "SELECT ?a WHERE { ?n skos:altLabel ?a }", n=platform)
    table = run(store, "networks", {}, "en")
    area = {row[0]: row[2] for row in table.rows}
    assert area["Nordic Platform"] == "4"
    assert "Twin-city cooperation (network)" not in area


# --------------------------------------------------------------------------------------------
# 2: Tiraspol, formerly Moldova, now Transnistria
# --------------------------------------------------------------------------------------------

def test_tiraspol_lies_in_transnistria_now_and_formerly_in_moldova(store):
    tiraspol = trd("tiraspol")
    assert values(store, "SELECT ?c WHERE { ?t schema:containedInPlace ?c }", t=tiraspol) == {TRD + "transnistria"}
    assert values(store, "SELECT ?c WHERE { ?t ikg:formerCountry ?c }", t=tiraspol) == {TRD + "moldova"}
    for prop in ("https://schema.org/containedInPlace", IKG + "formerCountry"):
        cites = citations(store, tiraspol, URIRef(prop))
        assert cites, prop
        assert all(sec == TRD + "doc-2019-s3-4" and "(tidl. Moldova, nå Transnistria)" in q and ev == IKG + "stated"
                   for sec, q, ev in cites), prop


def test_transnistria_is_a_country_with_its_footnote(store):
    transnistria = trd("transnistria")
    assert store.ask("ASK { ?t a ikg:Country ; schema:identifier 'MD-SN' }", {"t": transnistria})
    quotes = [q for _, q, _ in citations(store, transnistria)]
    assert "Tiraspol er hovedstaden i Transnistria, som er en utbryterrepublikken som få land har anerkjent." in quotes


# --------------------------------------------------------------------------------------------
# 4: the Network of Excellence is an ambition
# --------------------------------------------------------------------------------------------

def test_network_of_excellence_memberships_are_planned_not_active(store):
    statuses = store.select("""SELECT ?m ?st WHERE { ?m org:organization ?n . OPTIONAL { ?m ikg:status ?st } }""",
                            {"n": trd("network-network-of-excellence")}).rows
    assert len(statuses) == 8  # Trondheim and the seven first cities
    assert {str(st) for _, st in statuses} == {IKG + "Planned"}
    assert store.ask("ASK { ?n ikg:status ikg:Planned }", {"n": trd("network-network-of-excellence")})


def test_founder_role_of_the_seven_cities_is_not_stated(store):
    rows = store.select("""SELECT ?m WHERE { ?m org:organization ?n ; org:role ikg:FounderRole }""",
                        {"n": trd("network-network-of-excellence")}).rows
    assert len(rows) == 7
    for (membership,) in rows:
        role_cites = citations(store, membership, URIRef("http://www.w3.org/ns/org#role"))
        assert role_cites and all(ev == IKG + "inferred" for _, _, ev in role_cites), membership


# --------------------------------------------------------------------------------------------
# 5: "(Nordic Edge, 26.09.2019)" is the declaration's source; Trondheim is not a party
# --------------------------------------------------------------------------------------------

def test_no_nordic_edge_seminar_is_made_of_the_declaration_source(store):
    assert not store.ask("ASK { ?a ?p ?o }", {"a": trd("activity-nordic-edge-2019")})
    assert not store.ask("""ASK { ?a a ?t ; ikg:period/time:hasBeginning/time:inXSDDate "2019-09-26"^^xsd:date .
                                  ?t rdfs:subClassOf* ikg:Activity }""")


def test_trondheim_is_not_a_party_to_the_stavanger_declaration(store):
    declaration = trd("stavanger-declaration")
    assert not store.ask("ASK { ?d ikg:party ?x }", {"d": declaration})
    assert not store.ask("ASK { ?d ?p ?o }", {"d": trd("agreement-stavanger-declaration")})
    assert store.ask("ASK { ?d dcterms:source 'Nordic Edge, 26.09.2019' ; dcterms:date '2019-09-26'^^xsd:date }",
                     {"d": declaration})
    assert any("helt i tråd med Stavangerdeklarasjonen" in q for _, q, _ in citations(store, declaration))


# --------------------------------------------------------------------------------------------
# 6: Corps Consulaire; engagement is not a stated membership
# --------------------------------------------------------------------------------------------

def test_trondheim_is_not_a_member_of_the_consular_corps_but_the_consuls_are_in_the_forum(store):
    assert not store.ask("ASK { ?m org:member ?t ; org:organization ?cc }",
                         {"t": trd("trondheim"), "cc": trd("corps-consulaire")})
    members = run(store, "members", {"network": TRD + "network-internasjonalt-forum"}, "nb")
    assert "Corps Consulaire i Trondheim" in {row[0] for row in members.rows}


@pytest.mark.parametrize("network", ["visit-trondheim", "network-festivaler-idrettsarrangement"])
def test_engagement_in_visit_trondheim_and_festivals_is_not_a_stated_membership(store, network):
    rows = store.select("SELECT ?m WHERE { ?m org:member ?t ; org:organization ?n }",
                        {"t": trd("trondheim"), "n": trd(network)}).rows
    assert len(rows) == 1
    whole = citations(store, rows[0][0])
    assert whole and all(ev == IKG + "inferred" for _, _, ev in whole)


# --------------------------------------------------------------------------------------------
# 7, 8: POLIS's Norwegian label; what the 2019 strategy replaces
# --------------------------------------------------------------------------------------------

def test_polis_norwegian_label_is_as_the_source_writes_it(store):
    label = values(store, "SELECT ?l WHERE { ?n rdfs:label ?l . FILTER(lang(?l) = 'nb') }", n=trd("network-polis"))
    assert label == {"POLIS – European Cities and Regions Networking for Innovative Transport Solution"}


def test_the_2019_strategy_replaces_the_2010_strategy_and_the_2017_2018_programme(store):
    replaced = values(store, "SELECT ?o WHERE { ?d dcterms:replaces ?o }", d=trd("doc-2019"))
    assert replaced == {TRD + "strategy-2010", TRD + "programme-2017-2018"}
    title = values(store, "SELECT ?t WHERE { ?d dcterms:title ?t }", d=trd("strategy-2010"))
    assert title == {"Store lille Trondheim - i verden, internasjonal strategi for Trondheim kommune"}
    for doc in ("strategy-2010", "programme-2017-2018"):
        assert any(sec == TRD + "doc-2019-s1" and ev == IKG + "stated" for sec, _, ev in citations(store, trd(doc))), doc


# --------------------------------------------------------------------------------------------
# Added: the decisions on twin cities
# --------------------------------------------------------------------------------------------

def test_council_decision_2017_no_new_formal_twin_city_agreements(store):
    rows = store.select("""SELECT ?d WHERE { ?d a ikg:Decision ; prov:wasAttributedTo ?council ;
                             dcterms:date "2017"^^xsd:gYear ; ikg:scope ikg:TwinCityAgreement ;
                             ikg:targetArea ?ta ; ikg:period/time:hasEnd/time:inXSDgYear "2022"^^xsd:gYear }""",
                        {"council": trd("bystyret"), "ta": trd("target-area-4")}).rows
    assert len(rows) == 1
    assert (TRD + "doc-2019-s3-4",
            "I denne strategiperioden vil Trondheim kommune ikke inngå nye formelle vennskapsbysamarbeid. ref. Bystyrevedtak 2017.",
            IKG + "stated") in citations(store, rows[0][0])


def test_council_decisions_of_2011_on_twin_cities(store):
    categories = trd("decision-city-council-twin-city-categories")
    assert store.ask("ASK { ?d a ikg:Decision ; prov:wasAttributedTo ?c ; ikg:scope ikg:TwinCityAgreement }",
                     {"d": categories, "c": trd("bystyret")})
    assert "Bystyret har vedtatt en inndeling av vennskapsbyene i fire kategorier." in [
        q for _, q, _ in citations(store, categories)]
    january = trd("decision-city-council-2011-01-twin-cities")
    assert store.ask("ASK { ?d a ikg:Decision ; dcterms:date '2011-01'^^xsd:gYearMonth }", {"d": january})
    assert "Sak til bystyret vedtatt januar 2011" in [q for _, q, _ in citations(store, january)]


def test_council_adopted_the_2010_strategy_on_28_january_2010(store):
    decision = trd("decision-city-council-2010-strategy")
    assert store.ask("ASK { ?d a ikg:Decision ; dcterms:date '2010-01-28'^^xsd:date ; dcterms:subject ?s }",
                     {"d": decision, "s": trd("strategy-2010")})


# --------------------------------------------------------------------------------------------
# Added: §5.1 as the first review round
# --------------------------------------------------------------------------------------------

def test_the_first_review_round_is_section_5_1(store):
    rounds = store.select("SELECT ?r WHERE { ?r a ikg:ReviewRound }").rows
    assert len(rounds) == 1
    round_ = rounds[0][0]
    assert values(store, "SELECT ?k WHERE { ?r ikg:scope ?k }", r=round_) == {
        "http://www.w3.org/ns/org#Membership", IKG + "TwinCityAgreement"}
    assert values(store, "SELECT ?s WHERE { ?r ikg:status ?s }", r=round_) == {IKG + "Planned"}
    assert values(store, "SELECT ?u WHERE { ?r ikg:responsibleUnit ?u }", r=round_) == {TRD + "formannskapet"}
    assert values(store, "SELECT ?y WHERE { ?r ikg:period/time:hasBeginning/time:inXSDgYear ?y }", r=round_) == {
        Literal("2019", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")).toPython()}
    labels = values(store, "SELECT ?l WHERE { ?r rdfs:label ?l }", r=round_)
    assert len(labels) == 2
    stated_5_1 = [q for sec, q, ev in citations(store, round_) if sec == TRD + "doc-2019-s5-1" and ev == IKG + "stated"]
    assert ("Som en oppfølging av strategien er det viktig at det blir gjort en gjennomgang av Trondheim kommunes "
            "eksisterende medlemskap og deltakelse i internasjonale nettverk, organisasjoner og vennskapsbysamarbeid."
            ) in stated_5_1
    assert any(q.startswith("En vurdering av vennskapsbyordningen") for q in stated_5_1)
    # who leads it and when are the curator's reading, and say so
    for prop in ("responsibleUnit", "period", "status"):
        cites = citations(store, round_, ikg(prop))
        assert cites and all(ev == IKG + "inferred" for _, _, ev in cites), prop


# --------------------------------------------------------------------------------------------
# Added: the documents the strategy rests on and announces
# --------------------------------------------------------------------------------------------

def test_master_plan_2012_2020_and_its_four_main_goals(store):
    goals = store.select("""SELECT ?n ?l WHERE { ?g skos:inScheme ?s ; skos:notation ?n ; rdfs:label ?l .
                              FILTER(lang(?l) = 'nb') } ORDER BY ?n""",
                         {"s": trd("master-plan-2012-2020-goals")}).rows
    assert [str(label) for _, label in goals] == [
        "I 2020 er Trondheim en internasjonalt anerkjent teknologi- og kunnskapsby",
        "I 2020 er Trondheim en bærekraftig by, der det er lett å leve miljøvennlig",
        "I 2020 er Trondheim en inkluderende og mangfoldig by",
        "I 2020 er Trondheim kommune en aktiv samfunnsutvikler og attraktiv arbeidsgiver",
    ]
    assert store.ask("ASK { ?d dcterms:references ?p . ?p dcterms:hasPart ?s }",
                     {"d": trd("doc-2019"), "p": trd("master-plan-2012-2020"), "s": trd("master-plan-2012-2020-goals")})


@pytest.mark.parametrize("plan, first, last", [("action-plan-2019-2020", "2019", "2020"),
                                               ("action-plan-2021-2022", "2021", "2022")])
def test_action_plans_announced_by_the_strategy(store, plan, first, last):
    assert store.ask("""ASK { ?d dcterms:references ?p . ?p ikg:status ikg:Planned ;
                              ikg:period [ time:hasBeginning/time:inXSDgYear ?y1 ; time:hasEnd/time:inXSDgYear ?y2 ] }""",
                     {"d": trd("doc-2019"), "p": trd(plan),
                      "y1": Literal(first, datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
                      "y2": Literal(last, datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))})


# --------------------------------------------------------------------------------------------
# Added: the 2011 measures and figures
# --------------------------------------------------------------------------------------------

def test_europe_office_competence_areas(store):
    areas = values(store, """SELECT ?l WHERE { ?m org:member ?t ; org:organization ?o ; dcterms:subject ?a .
                               ?a rdfs:label ?l . FILTER(lang(?l) = 'en') }""",
                   t=trd("trondheim"), o=trd("trondelags-europakontor"))
    assert areas == {"Food", "Youth", "Climate", "Environment", "Energy"}


@pytest.mark.parametrize("activity, quote", [
    ("activity-involve-immigrant-voluntary-organisations", "Involvering av innvadrer- organisasjoner og andre frivillige organisasjoner"),
    ("activity-multilingual-web-pages", "Oppdatering og drift av hjemmeside /flerspråklig"),
    ("activity-information-international-students", "Informasjon til internasjonale studenter jf, helhetlig studentpolitikk"),
    ("activity-regional-programmes", "Sikre deltakelse fra Trondheim i regionale program"),
])
def test_measures_of_2011_are_there_with_their_source(store, activity, quote):
    assert store.ask("ASK { ?a a ikg:Activity ; ikg:theme ?th ; ikg:status ?st }", {"a": trd(activity)})
    assert (quote, IKG + "stated") in [(q, ev) for _, q, ev in citations(store, trd(activity))]


def test_student_policy(store):
    assert store.ask("ASK { ?a dcterms:relation ?p . ?p rdfs:label 'Helhetlig studentpolitikk'@nb }",
                     {"a": trd("activity-information-international-students"), "p": trd("student-policy")})


def test_figures_stated_in_the_documents(store):
    figures = {
        str(about).rsplit("/", 1)[-1] + ":" + str(unit or "count"): value.toPython()
        for about, value, unit in store.select(
            """SELECT ?about ?v ?u WHERE { ?f a schema:Observation ; schema:observationAbout ?about ; schema:value ?v .
                 OPTIONAL { ?f schema:unitText ?u } }""").rows
    }
    assert figures == {"trondheim:count": 29539, "trondheim:%": Decimal("15.3"), "norway:%": Decimal("17.3")}
    employees = values(store, "SELECT ?v WHERE { ?t schema:numberOfEmployees/schema:value ?v }", t=trd("trondheim"))
    assert employees == {14000}
    eea = store.select("""SELECT ?y1 ?y2 WHERE { ?p ikg:period [ time:hasBeginning/time:inXSDgYear ?y1 ;
                                                                time:hasEnd/time:inXSDgYear ?y2 ] }""",
                       {"p": trd("programme-eea-grants-2009-2014")}).rows
    assert [(str(a), str(b)) for a, b in eea] == [("2009", "2014")]


# --------------------------------------------------------------------------------------------
# Weakened or removed links the text does not make
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("network", ["network-ks-storby", "network-ks-radikal-innovasjon", "network-olavsvegene"])
def test_trondheim_is_not_made_a_member_where_the_text_does_not_say_so(store, network):
    assert not store.ask("ASK { ?m org:member ?t ; org:organization ?n }", {"t": trd("trondheim"), "n": trd(network)})


def test_norrkoping_coordinates_the_school_cooperation_not_the_platform(store):
    membership = trd("membership-norrkoping-nordic-platform")
    assert not store.ask("ASK { ?m org:role ikg:CoordinatorRole }", {"m": membership})
    assert not store.ask("ASK { ?m org:role ikg:CoordinatorRole ; org:organization ?n }",
                         {"n": trd("network-nordic-platform")})


def test_nordic_day_has_no_place_and_the_wind_power_seminar_is_not_tourism(store):
    assert not store.ask("ASK { ?a ikg:location ?c }", {"a": trd("activity-nordens-dag-2011")})
    assert not store.ask("ASK { ?a ikg:theme ?t }", {"a": trd("activity-hamburg-seminar-2011"), "t": trd("theme-reiseliv")})


def test_ntnu_freiberg_has_no_status(store):
    assert not store.ask("ASK { ?a ikg:status ?s }", {"a": trd("agreement-ntnu-freiberg")})


# --------------------------------------------------------------------------------------------
# The display label people use
# --------------------------------------------------------------------------------------------

def test_ntnu_is_shown_as_ntnu_and_keeps_its_full_name(store):
    ntnu = trd("ntnu")
    assert values(store, "SELECT ?l WHERE { ?x rdfs:label ?l }", x=ntnu) == {"NTNU"}
    assert values(store, "SELECT ?l WHERE { ?x skos:altLabel ?l }", x=ntnu) >= {
        "Norges teknisk-naturvitenskapelige universitet", "Norwegian University of Science and Technology"}
    # by IRI: resolving a name on the rdflib store can be very slow (see the report of issue 11)
    table = run(store, "collaborators", {"actor": TRD + "innovasjon-norge"}, "en")
    assert ("NTNU", "International Forum") in {(row[0], row[1]) for row in table.rows}


# --------------------------------------------------------------------------------------------
# Labels of everything curated
# --------------------------------------------------------------------------------------------

def test_every_labelled_thing_in_the_data_has_one_label_in_nb_and_one_in_en(store):
    bad = store.select("""SELECT ?x (COUNT(?nb) AS ?n_nb) (COUNT(?en) AS ?n_en) WHERE {
                            ?x rdfs:label ?any . FILTER(STRSTARTS(STR(?x), STR(trd:)))
                            OPTIONAL { ?x rdfs:label ?nb . FILTER(lang(?nb) = 'nb') }
                            OPTIONAL { ?x rdfs:label ?en . FILTER(lang(?en) = 'en') } }
                          GROUP BY ?x HAVING (COUNT(DISTINCT ?nb) != 1 || COUNT(DISTINCT ?en) != 1)""").rows
    assert [str(row[0]) for row in bad] == []
