"""The shipped data answers the questions the documents answer, on every backend.

These rows are facts stated by the source documents (strategy 2019–2022 §1, §3.4, §3.6; the
2011–2012 action programme's Internasjonalt forum section), so a curation error fails here.
"""

from __future__ import annotations

import graph.questions.catalogue as queries
from graph.vocab.namespaces import IKG, TRD
from tests.data.test_curated import SECTION_3_4  # the same 15 agreements, in the same order


def test_twin_cities_of_section_3_4(shipped_store):
    table = queries.run(shipped_store, "twin-cities", {}, "en")
    in_3_4 = [row[:4] for row in table.rows if "Strategy 2019–2022 §3.4" in row[5]]
    assert in_3_4 == SECTION_3_4


def test_the_relation_planned_in_2011_is_a_city_relation_not_a_twin_city(shipped_store):
    # Puerto Montt was a planned relation in 2011, not one of the agreements of §3.4 (issue 11).
    rows = {row[0]: row for row in queries.run(shipped_store, "twin-cities", {}, "en").rows}
    assert "Puerto Montt" not in rows
    kinds = shipped_store.select(
        "SELECT ?t WHERE { ?a a ?t ; ikg:party ?c . ?c rdfs:label \"Puerto Montt\"@en }").rows
    assert (IKG.CityRelation,) in kinds


def test_target_areas_of_section_1(shipped_store):
    table = queries.run(shipped_store, "coverage-target-areas", {}, "nb")
    assert [row[:2] for row in table.rows] == [
        ["1", "Globalt partnerskap og solidaritet"],
        ["2", "Utvikling gjennom deltagelse i EU-prosjekter og internasjonalt prosjektsamarbeid"],
        ["3", "Styrke samspillet mellom forskning og utvikling (FoU), næringsliv og offentlig sektor"],
        ["4", "Vennskapsbysamarbeid"],
        ["5", "Det internasjonale samfunnet i Trondheim"],
    ]


def test_networks_of_section_3_6_serve_their_row(shipped_store):
    table = queries.run(shipped_store, "networks", {}, "en")
    area = {row[0]: row[2] for row in table.rows}
    assert area["ICORN – International Cities of Refuge Network"] == "5"
    assert area["Study Trondheim"] == "5"
    assert area["Nordic City Network"] == "4"
    assert area["Technoport"] == "3"
    assert area["POLIS – European Cities and Regions Networking for Innovative Transport Solutions"] == "2"
    assert area["EUniverCities Network"] == "2"
    assert area["Climate-KIC"] == "1"
    assert all(row[3] for row in table.rows), "every network row has a source"


def test_members_of_internasjonalt_forum(shipped_store):
    table = queries.run(shipped_store, "members", {"network": "Internasjonalt forum"}, "nb")
    members = sorted({row[0] for row in table.rows})
    assert members == [
        "Corps Consulaire i Trondheim", "European Enterprise Network", "Høgskolen i Sør-Trøndelag",
        "Innovasjon Norge", "Midt-Norsk Handelskammer", "NTNU", "Nord-Trøndelag fylkeskommune",
        "Næringsforeningen i Trondheimsregionen",
        "Næringslivets Hovedorganisasjon", "SINTEF", "Sør-Trøndelag fylkeskommune", "Trondheim kommune",
        "Trøndelags Europakontor",
    ]
    since = {row[0]: row[2] for row in table.rows}
    assert since["Innovasjon Norge"] == "2009"


def test_who_works_with_innovation_norway(shipped_store):
    table = queries.run(shipped_store, "collaborators", {"actor": "Innovasjon Norge"}, "en")
    links = {(row[0], row[1]) for row in table.rows}
    assert ("NTNU", "International Forum") in links
    assert ("NTNU", "Working group India 2011") in links
    assert ("Trondheim Municipality", "Working group Hamburg delegation") in links
    assert all(row[3] for row in table.rows), "every link has a source"


def test_every_answer_cites_a_document_section(shipped_store):
    for name in ("twin-cities", "networks", "review"):
        table = queries.run(shipped_store, name, {}, "en")
        source = table.columns.index("source")
        assert all(row[source] for row in table.rows), name


def test_changes_between_2011_and_2019(shipped_store):
    # The default now compares the two newest source documents (2019 and 2020); the 2019 strategy no
    # longer "replaces" the 2011 programme (issue 11), so the pair is named.
    table = queries.run(shipped_store, "changes", {"older": str(TRD["doc-2011"]), "newer": str(TRD["doc-2019"])}, "en")
    change = {row[1]: row[2] for row in table.rows}
    assert change["Trondheim–Puerto Montt"] == "gone"
    assert change["Trondheim Municipality in ICORN – International Cities of Refuge Network"] == "new"
    assert change["Trondheim Municipality in ECHO – European Cities of Historical Organs"] == "both"
