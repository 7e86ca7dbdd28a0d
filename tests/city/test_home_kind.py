"""`ikg init --kind`: a municipality is its home city (ikg:City); a county authority or another organisation
is written as its own class, based in (ikg:location) the home city. The place template's example lies at
the home city, whichever kind starts the graph."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from graph.cli.main import main

IKG = Namespace("https://w3id.org/ikg/ontology#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
TRD = Namespace("https://w3id.org/ikg/trondelag-county-authority/")
COUNTY = ["--name", "Trøndelag fylkeskommune", "--name-en", "Trøndelag County Authority", "--city", "Steinkjer",
          "--country", "NO", "--lat", "64.01", "--long", "11.49",
          "--document", "Regional planstrategi | Regional planning strategy", "--target-area", "Klima | Climate",
          "--editor", "test"]


def example(path, delimiter: str) -> list[str]:
    """The example row of a CSV template."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter))[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang, kind", [("nb", "fylkeskommune"), ("en", "county"), ("en", "County authority")])
def test_init_of_a_county_writes_a_county_authority_based_in_its_city(tmp_path, capsys, lang, kind):
    data = tmp_path / "data"
    code, out, err = run(capsys, "init", "--data", str(data), "--no-fill", "--kind", kind, *COUNTY, "--lang", lang)
    assert code == 0, err
    g = Graph().parse(data / "dataset.ttl")
    home, city = TRD["trondelag-fylkeskommune"], TRD["steinkjer"]
    assert (TRD["dataset"], IKG.homeActor, home) in g
    assert set(g.predicate_objects(home)) - {(IKG.citation, x) for x in g.objects(home, IKG.citation)} == {
        (RDF.type, IKG.CountyAuthority), (RDFS.label, Literal("Trøndelag fylkeskommune", lang="nb")),
        (RDFS.label, Literal("Trøndelag County Authority", lang="en")), (IKG.location, city)}
    assert set(g.predicate_objects(city)) - {(IKG.citation, x) for x in g.objects(city, IKG.citation)} == {
        (RDF.type, IKG.City), (RDFS.label, Literal("Steinkjer", lang="nb")),
        (RDFS.label, Literal("Steinkjer", lang="en")),
        (SCHEMA.containedInPlace, TRD["country-no"]), (GEO.lat, Literal("64.01", datatype=XSD.decimal)),
        (GEO.long, Literal("11.49", datatype=XSD.decimal))}
    sources = Graph().parse(data / "sources.ttl")
    assert set(sources.objects(TRD["doc-1"], URIRef("http://purl.org/dc/terms/publisher"))) == {home}
    code, out, err = run(capsys, "validate", *map(str, sorted(data.glob("*.ttl"))), "--lang", lang)
    valid = {"nb": "gyldig: ingen problemer funnet.", "en": "valid: no problems found."}
    assert (code, out.strip()) == (0, valid[lang])


def test_init_without_a_kind_writes_the_municipality_as_its_home_city(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, err = run(capsys, "init", "--data", str(data), "--no-fill", *COUNTY)
    assert code == 0, err
    g = Graph().parse(data / "dataset.ttl")
    home = TRD["steinkjer"]
    assert list(g.objects(None, IKG.homeActor)) == [home]
    assert set(g.objects(home, RDF.type)) == {IKG.City} and (home, IKG.location, None) not in g
    assert set(g.objects(home, SKOS.altLabel)) == {Literal("Steinkjer")}
    assert (None, RDF.type, IKG.CountyAuthority) not in g


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: Det finnes ikke noe organisasjonsslag som heter «planet»: velg et av disse: by/kommune, "
           "fylkeskommune, regionalt samarbeidsorgan, statlig organ, universitet eller høgskole, forskningsinstitutt, "
           "næringsorganisasjon, frivillig organisasjon, kulturinstitusjon, internasjonal organisasjon, bedrift.\n"),
    ("en", "ikg: There is no kind of organisation called “planet”: choose one of municipality, county, "
           "regional-body, state-agency, university, research-institute, business-association, "
           "voluntary-organisation, cultural-institution, international-organisation, company.\n"),
])
def test_an_unknown_kind_names_the_kinds_and_writes_nothing(tmp_path, capsys, lang, message):
    code, out, err = run(capsys, "init", "--data", str(tmp_path / "d"), "--no-fill", "--kind", "planet", *COUNTY,
                         "--lang", lang)
    assert (code, out, err) == (1, "", message)
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("kind, based_in", [
    ("municipality", {"nb": "Trøndelag fylkeskommune", "en": "Trøndelag County Authority"}),  # the home city itself
    ("county", {"nb": "Steinkjer", "en": "Steinkjer"})])  # the city the county authority is based in
def test_the_templates_examples_lie_at_the_home_city_of_a_new_store(tmp_path, capsys, kind, based_in):
    store = str(tmp_path / "store")
    assert run(capsys, "init", "--store", store, "--data", str(tmp_path / "d"), "--kind", kind, *COUNTY)[0] == 0
    country = {"nb": "Norge", "en": "Norway"}
    for lang, comma in (("nb", ";"), ("en", ",")):
        out = tmp_path / lang
        code, _, err = run(capsys, "template", "all", "--store", store, "--format", "csv", "--out", str(out),
                           "--lang", lang)
        assert code == 0, err
        assert example(out / "place.csv", comma)[1:7] == [
            "Eksempelby", "Example Town", "", country[lang], "64.01", "11.49"]
        assert example(out / "actor.csv", comma)[9] == based_in[lang]  # its place (ikg:location) is a city


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A graph started by a county authority, in a store folder (Oxigraph) and filled from its data folder."""
    tmp = tmp_path_factory.mktemp("county")
    code = main(["init", "--store", str(tmp / "store"), "--data", str(tmp / "data"), "--kind", "county", *COUNTY])
    assert code == 0
    return tmp


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_a_county_graph_has_its_city_on_the_map_as_home(county, backend, monkeypatch, capsys):
    """The map and `ikg query places` show the city the county authority is based in as the home city: with the
    county written as itself, neither had a home city at all."""
    monkeypatch.setenv("IKG_DATA", str(county / "data"))
    store = "memory" if backend == "memory" else str(county / "store")
    for lang in ("nb", "en"):
        code, out, err = run(capsys, "query", "places", "--store", store, "--format", "csv", "--lang", lang)
        assert (code, err) == (0, ""), err
        assert out.splitlines()[1:] == ["Steinkjer,home,64.01,11.49,,,"], lang


@pytest.mark.parametrize("lang, message", [
    ("nb", "En vennskapsbyavtale er mellom to byer, og Trøndelag fylkeskommune er ikke en by, men en fylkeskommune. "
           "Et samarbeid med en region eller en by kan registreres som et prosjekt eller et nettverksmedlemskap."),
    ("en", "A twin-city agreement is between two cities, and Trøndelag County Authority is not a city but a county "
           "authority. Cooperation with a region or a city can be recorded as a project or a network membership.")])
def test_a_county_is_told_why_it_holds_no_twin_city_agreement(county, lang, message):
    from graph.edit.build import save
    from graph.edit.checks import FieldErrors
    from graph.history.shipped import open_store

    store = open_store(str(county / "store"))
    before = set(store.graph())
    values = {"city": "Steinkjer", "agreement_type": "Formal twinning", "source_reference": "Brev, 2026"}
    with pytest.raises(FieldErrors) as refused:
        save(store, "twin-city-agreement", values, editor="test", lang=lang)
    assert [p for p in refused.value.problems if p[0] == "city"] == [("city", message)]
    assert set(store.graph()) == before


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: ingen dokument heter Zzzz; grafen har bare denne: Regional planstrategi\n"),
    ("en", "ikg: no document called Zzzz; the graph has only this one: Regional planning strategy\n")])
def test_a_name_not_found_among_one_says_which_one_there_is(county, capsys, lang, message):
    """A new graph has one strategy document: «grafen har 1 slike, blant dem …» read as broken Norwegian."""
    code, out, err = run(capsys, "query", "changes", "--store", str(county / "store"), "--param", "newer=Zzzz",
                         "--lang", lang)
    assert (code, out, err) == (1, "", message)
