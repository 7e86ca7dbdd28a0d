"""A Swedish city started with the documented commands only (`ikg init --languages sv,en`, the templates of
`ikg template` filled in, `ikg import`): no Norwegian name anywhere in its data, every named question in
bokmål and English with the city's Swedish names, and a row without its Swedish name refused."""

from __future__ import annotations

import csv
import io

import pytest

from graph.cli.main import main
from graph.history.shipped import open_store
from graph.questions.languages import data_languages, label_language
from graph.questions.library import list_questions
from graph.rdf.parsing import parse_rdf
from graph.rdf.shapes import shipped_data_files
from graph.store.memory import MemoryStore
from graph.vocab.languages import graph_languages, order_of
from tests.city.scenario import fill_template, ikg, start_city
from tests.city.test_start_city import PARAMS

LANGS = ("sv", "en")
CITY = "https://w3id.org/ikg/exempelvik-municipality/"
INIT = [
    "--name", "Exempelvik kommun", "--name-en", "Exempelvik Municipality", "--city", "Exempelvik",
    "--country", "SE", "--lat", "57.70", "--long", "11.97", "--languages", "sv,en",
    "--document", "Internationell strategi 2025–2028 | International strategy 2025–2028",
    "--document-url", "https://exempelvik.example/strategi-2025.pdf", "--document-date", "2025-01-15",
    "--target-area", "Klimat och miljö | Climate and environment",
    "--target-area", "Utbildning och ungdom | Education and youth",
    "--editor", "test",
]
SOURCE = {"source_reference": "Årsredovisning 2024 för Exempelvik"}
ROWS: list[tuple[str, list[dict[str, str]]]] = [
    ("country", [{"iso_code": "NO", "label_sv": "Norge", "label_en": "Norway", **SOURCE},
                 {"iso_code": "DE", "label_sv": "Tyskland", "label_en": "Germany", **SOURCE}]),
    ("place", [{"label_sv": "Nordstaden", "label_en": "North Town", "country": "Norge", "lat": "63.43",
                "long": "10.39", **SOURCE},
               {"label_sv": "Sydstaden", "label_en": "South Town", "country": "Tyskland", "lat": "48.14",
                "long": "11.58", **SOURCE}]),
    ("actor", [{"actor_type": "University", "label_sv": "Exempelviks universitet",
                "label_en": "Exempelvik University", "location": "Exempelvik", **SOURCE}]),
    ("network", [{"label_sv": "Kuststadsnätverket", "label_en": "Coastal Cities Network", "target_areas": "1",
                  "sdgs": "11", "status": "Active", "start": "2015", **SOURCE}]),
    ("membership", [{"member": "Exempelvik kommun", "network": "Kuststadsnätverket", "start": "2016", **SOURCE},
                    {"member": "Exempelviks universitet", "network": "Kuststadsnätverket", "start": "2018",
                     **SOURCE}]),
    ("twin-city-agreement", [{"city": "Nordstaden", "agreement_type": "Formal twinning", "status": "Active",
                              "start": "1950", **SOURCE},
                             {"city": "Sydstaden", "agreement_type": "Formal twinning", "status": "Ended",
                              "start": "1990", "end": "2020", **SOURCE}]),
]


@pytest.fixture(scope="module")
def swedish(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("swedish")
    store, _ = start_city(tmp, INIT, ROWS, LANGS)
    return store, tmp


def query(capsys, store, name, lang, *extra):
    code = main(["query", name, "--store", store, "--format", "csv", "--lang", lang, *extra])
    out, err = capsys.readouterr()
    assert code == 0, (name, lang, err)
    return list(csv.reader(io.StringIO(out)))


def test_the_data_has_no_norwegian_label_and_declares_its_languages(swedish):
    store = open_store(swedish[0])
    try:
        assert data_languages(store) == LANGS
        assert label_language(store, "nb") == "sv" and label_language(store, "en") == "en"
        # the city's own things (its namespace) have Swedish and English labels, none in bokmål
        counts = store.select(f"SELECT ?lang (COUNT(*) AS ?n) WHERE {{ ?x rdfs:label ?l BIND(lang(?l) AS ?lang) "
                              f"FILTER(STRSTARTS(STR(?x), '{CITY}')) }} GROUP BY ?lang ORDER BY ?lang").rows
        assert [(str(lang), int(str(n))) for lang, n in counts] == [("en", 17), ("sv", 17)]
        assert (tmp_text := (swedish[1] / "data" / "dataset.ttl").read_text(encoding="utf-8")).count('"sv,en"') == 1
        assert "@nb" not in tmp_text
    finally:
        store.close()


def test_twin_cities_networks_and_members_show_the_swedish_names(swedish, capsys):
    """In bokmål the data's names are Swedish (the data has no bokmål) and the vocabulary's are bokmål; in
    English both are English."""
    store, _ = swedish
    src = SOURCE["source_reference"]
    assert query(capsys, store, "twin-cities", "nb") == [
        ["city", "country", "since", "agreement", "status", "source"],
        ["Nordstaden", "Norge", "1950", "Formell vennskapsby", "Aktiv", src],
        ["Sydstaden", "Tyskland", "1990", "Formell vennskapsby", "Avsluttet", src]]
    assert query(capsys, store, "twin-cities", "en")[1:] == [
        ["North Town", "Norway", "1950", "Formal twinning", "Active", src],
        ["South Town", "Germany", "1990", "Formal twinning", "Ended", src]]
    assert query(capsys, store, "networks", "nb")[1:] == [["Kuststadsnätverket", "Klimat och miljö", "1", src]]
    assert query(capsys, store, "networks", "en")[1:] == [["Coastal Cities Network", "Climate and environment", "1",
                                                           src]]
    members = ["--param", "network=Kuststadsnätverket"]
    assert query(capsys, store, "members", "nb", *members)[1:] == [
        ["Exempelvik kommun", "By/kommune", "2016", "", "Medlem", src],
        ["Exempelviks universitet", "Universitet eller høgskole", "2018", "", "Medlem", src]]
    assert query(capsys, store, "members", "en", *members)[1:] == [
        ["Exempelvik Municipality", "City or municipality", "2016", "", "Member", src],
        ["Exempelvik University", "University or college", "2018", "", "Member", src]]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_named_question_runs_in_both_languages(swedish, capsys, lang):
    store, _ = swedish
    params = {"members": ["--param", "network=Kuststadsnätverket"],
              "path": ["--param", "from=Exempelviks universitet", "--param", "to=Sydstaden"],
              "collaborators": ["--param", "actor=Exempelvik kommun"]}
    assert set(params) == set(PARAMS)
    for q in list_questions():
        if q.name == "changes":  # needs two documents; the city has one
            continue
        query(capsys, store, q.name, lang, *params.get(q.name, []))


def test_a_row_without_its_swedish_name_is_refused(swedish, capsys):
    store, tmp = swedish
    row = {"label_en": "Baltic Cities", "status": "Active", **SOURCE}
    filled = fill_template(tmp / "templates" / "network.csv", "network", [row], tmp / "network-no-sv.csv", LANGS)
    assert ikg("import", str(filled), "--kind", "network", "--store", store, "--editor", "test") != 0
    out, err = capsys.readouterr()
    assert err == ("ikg: Row 2, column Name (sv) *: “Name (sv)” is missing. Write the name in sv, one of the "
                   "dataset's languages (every name is needed in each of them).\n"), out + err
    assert ikg("import", str(filled), "--kind", "network", "--store", store, "--editor", "test", "--lang", "nb") != 0
    out, err = capsys.readouterr()
    assert err.startswith("ikg: Rad 2, kolonne Name (sv) *: «Navn (sv)» mangler. Skriv navnet på sv,"), err


def test_the_shapes_ask_for_each_data_language():
    from rdflib import Graph

    from graph.rdf.shapes import validate

    g = Graph().parse(format="turtle", data='''@prefix ikg: <https://w3id.org/ikg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://example.org/d> a ikg:Dataset ; ikg:languageOrder "sv,en" ; rdfs:label "Data"@sv , "Data"@en .
        <https://example.org/n> a ikg:Network ; rdfs:label "Baltic Cities"@en , "Östersjöstäder"@nb .''')
    found = [(p.focus, p.message) for p in validate(g) if p.field == "label (rdfs:label)"]
    assert found == [
        ("https://example.org/n", "Every label (rdfs:label) needs one of the dataset's language tags (@sv @en); put "
                                  "other names in skos:altLabel."),
        ("https://example.org/n", "The label in sv is missing: add one rdfs:label with the tag @sv.")]
    nb = [p.message for p in validate(g, lang="nb") if p.focus == "https://example.org/n" and "sv" in p.message]
    assert nb == ["Hvert navn (rdfs:label) må ha en av datasettets språkkoder (@sv @en); legg andre navn i "
                  "skos:altLabel.",
                  "Navnet på sv mangler: legg til ett rdfs:label med språkkoden @sv."]


def test_languages_in_order():
    assert order_of(["sv,en"], ["en", "sv"]) == ("sv", "en")
    assert order_of([], ["en", "sv"]) == ("en", "sv")
    assert order_of([], []) == ("nb", "en")
    assert data_languages(MemoryStore()) == ("nb", "en")
    store = open_store("memory")  # Trondheim's shipped data
    assert data_languages(store) == ("nb", "en")
    assert label_language(store, "nb") == "nb" and label_language(store, "en") == "en"
    assert graph_languages(parse_rdf(next(p for p in shipped_data_files() if p.name == "dataset.ttl"))) == ("nb", "en")


def test_a_city_in_swedish_alone(tmp_path, capsys):
    """`--languages sv`: one name per thing, shown in bokmål and English alike; the vocabulary stays nb/en."""
    store = str(tmp_path / "store")
    only = [x for x in INIT if x not in ("--name-en", "Exempelvik Municipality")]
    only[only.index("sv,en")] = "sv"
    assert ikg("init", "--store", store, "--data", str(tmp_path / "data"), *only) == 0
    capsys.readouterr()
    for lang in ("nb", "en"):
        assert [r[:2] for r in query(capsys, store, "coverage-target-areas", lang)[1:]] == [
            ["1", "Klimat och miljö"], ["2", "Utbildning och ungdom"]]
        assert query(capsys, store, "dataset", lang)[1][2] == "Exempelvik kommun"
    assert "@nb" not in (tmp_path / "data" / "dataset.ttl").read_text(encoding="utf-8")


VISITOR_PAGES = ["network", "collaborators", "gaps", "review", "map", "timeline", "sparql", "history", "about"]


def _app_on(swedish, monkeypatch) -> None:
    """The app (AppTest, in this process) pointed at the Swedish city, with no cached answers of another."""
    import streamlit as st

    store, tmp = swedish
    monkeypatch.setenv("IKG_STORE", store)
    monkeypatch.setenv("IKG_DATA", str(tmp / "data"))
    monkeypatch.delenv("IKG_DEBUG", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_of_the_app_shows_the_data_names_in_order(swedish, lang, monkeypatch):
    """The explorer on the Swedish city: every page runs in both languages, each with the data's names in the
    reader's language when the data has it (English), else in the data's first language (Swedish)."""
    from streamlit.testing.v1 import AppTest

    from graph.i18n import t
    from tests.support import ROOT
    from tests.ui.navigation import SCRIPTS, recording

    _app_on(swedish, monkeypatch)
    with recording():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.sidebar.radio(key="lang").set_value(lang).run()
        unexpected = t("app.unexpected", lang, detail="")[:20]
        seen: dict[str, str] = {}
        for page in VISITOR_PAGES:
            at.switch_page(SCRIPTS[page]).run()
            assert not at.exception, (page, at.exception)
            assert not [e.value for e in at.error if e.value.startswith(unexpected)], page
            shown = [str(w.options) for w in at.selectbox] + [d.value.to_csv() for d in at.dataframe]
            seen[page] = "\n".join(shown + [m.value for m in at.markdown] + [x.value for x in at.text])
    # the data has Swedish and English names: English readers get the English, bokmål readers the Swedish
    names = {"nb": ("Exempelviks universitet", "Kuststadsnätverket", "Nordstaden", "Sydstaden"),
             "en": ("Exempelvik University", "Coastal Cities Network", "North Town", "South Town")}[lang]
    university, network, north, south = names
    assert university in seen["network"]
    assert university in seen["collaborators"] and network in seen["collaborators"]
    assert north in seen["map"] and south in seen["map"]
    assert network in seen["review"]
    other = {"nb": "Exempelvik University", "en": "Exempelviks universitet"}[lang]
    assert not [p for p, text in seen.items() if other in text or "Trondheim" in text]


def test_with_a_swedish_catalogue_the_app_speaks_swedish_and_shows_the_swedish_names(swedish, tmp_path,
                                                                                     monkeypatch):
    """The language switch offers the catalogue's language; in it, the pages' texts are the catalogue's (English
    where it has none) and the data's names are the data's Swedish ones."""
    from streamlit.testing.v1 import AppTest

    from tests.city.swedish_texts import SWEDISH, swedish_ui
    from tests.support import ROOT
    from tests.ui.navigation import SCRIPTS, recording

    _app_on(swedish, monkeypatch)
    with swedish_ui(tmp_path), recording():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        radio = at.sidebar.radio(key="lang")
        assert radio.options == ["Norsk bokmål", "English", "Svenska"]
        radio.set_value("sv").run()
        seen: dict[str, str] = {}
        for page in VISITOR_PAGES:
            at.switch_page(SCRIPTS[page]).run()
            assert not at.exception, (page, at.exception)
            shown = [str(w.options) for w in at.selectbox] + [d.value.to_csv() for d in at.dataframe]
            seen[page] = "\n".join(shown + [m.value for m in at.markdown] + [x.value for x in at.text]
                                   + [h.value for h in [*at.title, *at.header, *at.subheader]]
                                   + [s.label for s in at.slider])
    assert SWEDISH["review.title"] in seen["review"] and SWEDISH["progress.title"] in seen["review"]
    assert SWEDISH["network.title"] in seen["network"] and SWEDISH["network.year"] in seen["network"]
    assert "Progress" not in seen["review"]  # translated texts replace the English ones
    assert "Gaps in the portfolio" in seen["gaps"]  # not translated: English
    assert "Exempelviks universitet" in seen["collaborators"] and "Kuststadsnätverket" in seen["review"]
    assert "Nordstaden" in seen["map"] and "Sydstaden" in seen["map"]
    assert not [p for p, text in seen.items() if "Exempelvik University" in text or "Coastal Cities" in text]


@pytest.mark.parametrize(("language", "name", "not_shown"), [
    ("nb-NO,nb;q=0.9", "Kuststadsnätverket", "Coastal Cities Network"),  # no bokmål names: the first, Swedish
    ("en", "Coastal Cities Network", "Kuststadsnätverket"),
])
def test_an_iris_page_names_things_as_the_questions_do(swedish, language, name, not_shown):
    from graph.serve.pages import path_of, resolve

    store = open_store(swedish[0])
    iri = CITY + "network-coastal-cities-network"
    answer = resolve(store, path_of(iri), "text/html", language)
    assert answer is not None and answer.status == 200
    page = answer.body.decode("utf-8")
    assert f"<h1>{name}</h1>" in page and not_shown not in page.split("<h2>")[0]


def test_the_export_for_people_names_things_as_the_questions_do(swedish):
    from graph.render.exports import people_tables

    store = open_store(swedish[0])
    for lang, name, other in (("nb", "Kuststadsnätverket", "Coastal Cities Network"),
                              ("en", "Coastal Cities Network", "Kuststadsnätverket")):
        cells = {str(c) for _, (_, rows) in people_tables(store, lang).items() for row in rows for c in row}
        assert name in cells and other not in cells, lang


def test_the_history_in_plain_words_names_things_as_the_questions_do_and_tells_periods_and_sources(swedish):
    from rdflib import RDFS, URIRef

    from graph.history.changes import changes, diff
    from graph.render.view.changes_text import change_lines

    store = open_store(swedish[0])
    iri = URIRef(CITY + "network-coastal-cities-network")
    found = [diff(store, c.id, "nb") for c in changes(store)]
    added, removed = next((a, r) for a, r in found if (iri, RDFS.label, None) in a)  # the import of the network
    # the item by its Swedish name (the data's first language, for a bokmål reader); periods and citations in
    # plain words, no machine identifiers
    assert change_lines(store, added, removed, "nb") == [
        "Bærekraftsmål for Kuststadsnätverket: – → Bærekraftige byer og lokalsamfunn",
        "Kildehenvisning for Kuststadsnätverket: – → Årsredovisning 2024 för Exempelvik",
        "Målområde for Kuststadsnätverket: – → Klimat och miljö",
        "Navn for Kuststadsnätverket: – → Coastal Cities Network; Kuststadsnätverket",
        "Periode for Kuststadsnätverket: – → 2015–",
        "Status for Kuststadsnätverket: – → Aktiv",
        "Type for Kuststadsnätverket: – → Nettverk",
    ]
