"""The synthetic benchmark data (bench/generate.py): deterministic, valid, in the model's patterns."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from tests.support import ROOT

if str(ROOT) not in sys.path:  # plain `pytest` does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from bench.generate import esc, generate, write  # noqa: E402

IKG = "https://w3id.org/ikg/ontology#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
SCHEMA = "https://schema.org/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PREFIXES = f"""PREFIX ikg: <{IKG}> PREFIX org: <{ORG}> PREFIX time: <{TIME}>
PREFIX schema: <{SCHEMA}> PREFIX geo: <{GEO}> PREFIX skos: <{SKOS}>
PREFIX rdfs: <{RDFS}> PREFIX rdf: <{RDF}> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
SIZE = 10_000


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return list(generate(SIZE, seed=42))


@pytest.fixture(scope="module")
def graph(lines) -> Graph:
    g = Graph()
    g.parse(data="".join(lines), format="nt")
    return g


@pytest.fixture(scope="module")
def store(lines) -> ox.Store:
    s = ox.Store()
    s.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return s


@pytest.fixture(scope="module")
def store_with_ontology(lines) -> ox.Store:
    s = ox.Store()
    s.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    s.load(path=str(ROOT / "ontology" / "ikg.ttl"), format=ox.RdfFormat.TURTLE)
    return s


def ask(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(row) for row in store.query(PREFIXES + query)]


# (1) deterministic -------------------------------------------------------------------------

def test_same_seed_same_lines_other_seed_differs(lines):
    assert list(generate(SIZE, seed=42)) == lines
    other = list(generate(SIZE, seed=7))
    assert other != lines


def test_write_is_byte_identical_and_cli_works(tmp_path):
    a, b = tmp_path / "a.nt", tmp_path / "b.nt"
    stats = write(a, 5_000, seed=3)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--triples", "5000", "--seed", "3",
         "--out", str(b)], capture_output=True, text=True, check=True)
    assert a.read_bytes() == b.read_bytes()
    assert f"triples={stats['triples']}" in done.stderr
    assert "cities=" in done.stderr and "seconds=" in done.stderr


# (2) parses, right size --------------------------------------------------------------------

def test_parses_with_rdflib_and_oxigraph(lines, graph, store):
    assert all(line.endswith(" .\n") for line in lines)
    assert 9_000 <= len(graph) <= 11_000
    assert len(store) == len(graph) == len(lines)  # and no duplicate triples


@pytest.mark.parametrize("size", [2_000, 50_000])
def test_size_scales(size):
    stats: dict = {}
    n = sum(1 for _ in generate(size, seed=1, stats=stats))
    assert n == stats["triples"]
    assert 0.9 * size <= n <= 1.1 * size


def test_literals_are_escaped():
    assert esc('a "b" \\ c\nd\re') == 'a \\"b\\" \\\\ c\\nd\\re'
    g = Graph()
    g.parse(data=f'<urn:s> <urn:p> "{esc(chr(34) + "x" + chr(10))}" .\n', format="nt")
    assert next(iter(g.objects())) == Literal('"x\n')


# (3) every kind, in the model's patterns ---------------------------------------------------

@pytest.mark.parametrize("cls", [
    "ikg:City", "ikg:Country", "ikg:TwinCityAgreement", "ikg:Network", "org:Membership",
    "ikg:Project", "ikg:Participation", "ikg:FundingProgramme", "ikg:WorkingGroup",
    "ikg:Delegation", "ikg:Visit", "ikg:Seminar", "ikg:YouthExchange", "ikg:CulturalEvent",
    "ikg:MunicipalUnit", "ikg:University", "ikg:ResearchInstitute", "ikg:Company",
    "ikg:StateAgency", "ikg:TargetArea", "ikg:SDG", "ikg:SourceDocument", "ikg:Section",
    "ikg:Dataset",
])
def test_every_kind_present(store, cls):
    assert ask(store, f"SELECT ?s WHERE {{ ?s a {cls} }} LIMIT 1"), cls


def test_counts_of_fixed_vocabularies(store):
    def count(cls):
        return int(ask(store, f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a {cls} }}")[0][0].value)

    assert count("ikg:TargetArea") == 5
    assert count("ikg:SDG") == 17
    assert 35 <= count("ikg:Country") <= 45
    notations = sorted(r[0].value for r in ask(store, "SELECT ?n WHERE { ?t a ikg:TargetArea ; skos:notation ?n }"))
    assert notations == ["1", "2", "3", "4", "5"]


def test_home_dataset(store):
    rows = ask(store, "SELECT ?home WHERE { ?d a ikg:Dataset ; ikg:homeActor ?home . ?home a ikg:City }")
    assert len(rows) == 1


def test_every_city_has_coordinates_in_europe_and_a_country(store):
    bad = ask(store, """SELECT ?c WHERE { ?c a ikg:City .
        FILTER NOT EXISTS { ?c geo:lat ?lat ; geo:long ?long ; schema:containedInPlace ?k .
                            ?k a ikg:Country ; schema:identifier ?iso .
                            FILTER(?lat > 34 && ?lat < 72 && ?long > -25 && ?long < 45) } }""")
    assert bad == []


def test_every_labelled_entity_has_one_nb_and_one_en_label(graph):
    unlabelled = {URIRef(ORG + "Membership"), URIRef(IKG + "Participation"),
                  URIRef(TIME + "Interval"), URIRef(TIME + "Instant"),
                  URIRef(SCHEMA + "MonetaryAmount")}
    checked = 0
    for s, cls in graph.subject_objects(RDF.type):
        if cls in unlabelled:
            continue
        langs = sorted(lbl.language for lbl in graph.objects(s, RDFS.label))
        assert langs == ["en", "nb"], (s, cls, langs)
        checked += 1
    assert checked > 100


def test_citations_on_entities_memberships_participations_agreements(store):
    bad = ask(store, """SELECT ?s ?t WHERE {
        VALUES ?t { ikg:City org:Membership ikg:Participation ikg:TwinCityAgreement ikg:Network
                    ikg:Project ikg:FundingProgramme ikg:WorkingGroup ikg:Delegation ikg:Visit
                    ikg:Seminar ikg:YouthExchange ikg:CulturalEvent ikg:MunicipalUnit
                    ikg:University ikg:Company ikg:TargetArea }
        ?s a ?t .
        FILTER NOT EXISTS { ?s ikg:citation ?c . ?c ikg:section ?sec ; ikg:quote ?q ; ikg:evidence ?e .
                            ?sec a ikg:Section ; dcterms:isPartOf ?doc . ?doc a ikg:SourceDocument } }
        LIMIT 5""")
    assert bad == []


def test_relation_patterns(store_with_ontology):
    store = store_with_ontology
    # twin-city agreements: two city parties, a type, a status
    assert ask(store, """SELECT ?a WHERE { ?a a ikg:TwinCityAgreement .
        FILTER NOT EXISTS { ?a ikg:party ?x , ?y ; ikg:agreementType ?t ; ikg:status ?st .
                            ?x a ikg:City . ?y a ikg:City . ?t a ikg:AgreementType . ?st a ikg:Status
                            FILTER(?x != ?y) } }""") == []
    # memberships: member, network, role, status
    assert ask(store, """SELECT ?m WHERE { ?m a org:Membership .
        FILTER NOT EXISTS { ?m org:member ?x ; org:organization ?n ; org:role ?r ; ikg:status ?st .
                            ?n a ikg:Network . ?r a ikg:Role . ?st a ikg:Status } }""") == []
    # participations: project, participant, role
    assert ask(store, """SELECT ?p WHERE { ?p a ikg:Participation .
        FILTER NOT EXISTS { ?p ikg:project ?x ; ikg:participant ?a ; org:role ?r .
                            ?x a ikg:Project . ?r a ikg:Role } }""") == []
    # projects: programme and a period with a begin year
    assert ask(store, """SELECT ?p WHERE { ?p a ikg:Project .
        FILTER NOT EXISTS { ?p ikg:programme ?f ; ikg:period ?i . ?f a ikg:FundingProgramme .
                            ?i a time:Interval ; time:hasBeginning ?b .
                            ?b a time:Instant ; time:inXSDgYear ?y } }""") == []
    # every instant has a gYear; every amount a non-negative value and a currency
    assert ask(store, """SELECT ?i WHERE { ?i a time:Instant .
        FILTER NOT EXISTS { ?i time:inXSDgYear ?y FILTER(datatype(?y) = xsd:gYear) } }""") == []
    assert ask(store, """SELECT ?m WHERE { ?m a schema:MonetaryAmount .
        FILTER NOT EXISTS { ?m schema:value ?v ; schema:currency ?c FILTER(?v >= 0 && strlen(?c) = 3) } }""") == []
    # municipal units belong to a city; activities have a context and participants
    assert ask(store, """SELECT ?u WHERE { ?u a ikg:MunicipalUnit .
        FILTER NOT EXISTS { ?u org:unitOf ?c . ?c a ikg:City } }""") == []
    assert ask(store, """SELECT ?a WHERE { ?a a/rdfs:subClassOf* ikg:Activity .
        FILTER NOT EXISTS { ?a ikg:partOf ?x ; ikg:participant ?p ; ikg:period ?i } }""") == []
    # networks: 1-2 target areas, 0-3 SDGs
    rows = ask(store, """SELECT ?n (COUNT(DISTINCT ?t) AS ?nt) (COUNT(DISTINCT ?g) AS ?ng) WHERE {
        ?n a ikg:Network . OPTIONAL { ?n ikg:targetArea ?t } OPTIONAL { ?n ikg:sdg ?g } } GROUP BY ?n""")
    assert rows and all(1 <= int(r[1].value) <= 2 and int(r[2].value) <= 3 for r in rows)


def test_links_are_skewed():
    stats: dict = {}
    g = ox.Store()
    g.load("".join(generate(100_000, seed=42, stats=stats)).encode(), format=ox.RdfFormat.N_TRIPLES)
    rows = ask(g, """SELECT ?n (COUNT(?m) AS ?c) WHERE { ?m org:organization ?n }
                     GROUP BY ?n ORDER BY DESC(?c)""")
    counts = [int(r[1].value) for r in rows]
    assert counts[0] >= 5 * counts[len(counts) // 2]
    home = ask(g, "SELECT ?h WHERE { ?d ikg:homeActor ?h }")[0][0]
    top = ask(g, """SELECT ?a (COUNT(*) AS ?c) WHERE { ?p ikg:participant ?a }
                    GROUP BY ?a ORDER BY DESC(?c) LIMIT 1""")[0][0]
    assert top == home


# (4) valid against the shapes ------------------------------------------------------------------

def test_validates_against_shapes(graph):
    from graph.rdf.shapes import format_problem, validate

    ontology = Graph().parse(ROOT / "ontology" / "ikg.ttl", format="turtle")
    problems = validate(graph, ontology_graph=ontology)
    assert problems == [], "\n".join(format_problem(p) for p in problems[:20])
