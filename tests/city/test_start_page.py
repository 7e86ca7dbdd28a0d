"""The app's first-run page: a store without a dataset opens on it, and its form does what `ikg init` does."""

from __future__ import annotations

import gc
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support import ROOT
from tests.ui.navigation import goto

APP = str(ROOT / "app.py")


@pytest.fixture
def empty_env(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("IKG_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("IKG_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("IKG_DEBUG", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    gc.collect()
    yield tmp_path
    st.cache_data.clear()
    st.cache_resource.clear()
    gc.collect()


def plain(markdown: str) -> str:
    """Markdown as the reader sees it (the app escapes messages)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def fill(at: AppTest, country: str) -> None:
    at.text_input(key="start.name").set_value("Eksempelvik kommune")
    at.text_input(key="start.name_en").set_value("Eksempelvik Municipality")
    at.text_input(key="start.city").set_value("Eksempelvik")
    at.selectbox(key="start.country").set_value(country)
    at.text_input(key="start.lat").set_value("62.47")
    at.text_input(key="start.long").set_value("6.15")
    at.text_input(key="start.document").set_value("Strategi 2025 | Strategy 2025")
    at.text_area(key="start.target_areas").set_value("Klima | Climate\nUtdanning | Education")


def test_first_run_page_starts_a_city(empty_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert at.header[0].value == "Start grafen for din kommune eller organisasjon"
    assert at.text_input(key="start.folder").value == str(empty_env / "data")
    assert at.text_input(key="start.name").placeholder == "f.eks. Bergen kommune"  # an example, not a value
    fill(at, "Norge")
    at.text_input(key="start.lat").set_value("nord")
    at.button(key="start.submit").click().run()
    assert [plain(e.value) for e in at.error] == [
        "Breddegraden «nord» er ikke et tall fra -90 til 90 (nord er positivt, f.eks. 60.39)."]
    assert not list((empty_env / "data").glob("*.ttl"))  # a refusal writes nothing
    at.text_input(key="start.lat").set_value("62.47")
    at.text_input(key="start.document_date").set_value("20.06.2025")  # as Norwegians write a date
    at.button(key="start.submit").click().run()
    assert not at.exception, at.exception
    assert sorted(p.name for p in (empty_env / "data").glob("*.ttl")) == ["concepts.ttl", "dataset.ttl", "sources.ttl"]
    assert '"2025-06-20"^^xsd:date' in (empty_env / "data" / "sources.ttl").read_text(encoding="utf-8")
    # at once the explorer, its menu and the confirmation over its first page: no reload needed
    assert at.sidebar.title[0].value == "Internasjonale relasjoner for Eksempelvik kommune"
    assert at.header[0].value != "Start grafen for din kommune eller organisasjon"
    told = re.fullmatch(r"Grafen er startet: (1\xa0\d{3}) tripler fra (.+) "
                        r"\(dataset.ttl, sources.ttl, concepts.ttl\)\. Sidene er i menyen til venstre\.",
                        plain(at.success[0].value))
    assert told is not None and told.group(2) == str(empty_env / "data")  # a thousand and more, as bokmål writes it
    at.run()
    assert not at.success  # shown once
    # the new graph's gaps: the matrix says why it draws nothing, not «Ingen rader.» above the coverage table
    goto(at, "gaps")
    assert not at.exception, at.exception
    assert "Ingen nettverk eller prosjekter er knyttet til noen av dem ennå, så det er ingenting å tegne." in [
        plain(i.value) for i in at.info]


@pytest.mark.parametrize(("lang", "told"), [
    ("nb", ["Organisasjonen trenger et navn på norsk og på engelsk.", "Skriv navnet på hjembyen.",
            "Velg landet hjembyen ligger i.",
            "Byen trenger en breddegrad, et tall fra -90 til 90 (nord er positivt, f.eks. 60.39).",
            "Byen trenger en lengdegrad, et tall fra -180 til 180 (øst er positivt, f.eks. 5.32).",
            "Oppgi minst ett strategidokument.", "Oppgi minst ett målområde."]),
    ("en", ["The organisation needs a name in Norwegian and in English.", "Give the name of the home city.",
            "Choose the country the home city is in.",
            "The city needs a latitude, a number from -90 to 90 (north is positive, e.g. 60.39).",
            "The city needs a longitude, a number from -180 to 180 (east is positive, e.g. 5.32).",
            "Give at least one strategy document.", "Give at least one target area."]),
])
def test_an_empty_form_is_told_one_message_per_answer_naming_no_command_line_option(empty_env, lang, told):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.sidebar.radio(key="lang").set_value(lang).run()
    at.button(key="start.submit").click().run()
    assert not at.exception, at.exception
    assert [plain(e.value) for e in at.error] == told
    assert not list((empty_env / "data").glob("*.ttl"))


def test_a_county_started_on_the_page_is_written_as_a_county_authority(empty_env):
    """The page asks what kind of organisation starts the graph, as `ikg init` does: a county authority is
    written as itself, based in its city, not as a city."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

    ikg = Namespace("https://w3id.org/ikg/ontology#")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.sidebar.radio(key="lang").set_value("en").run()
    kinds = at.selectbox(key="start.kind")
    assert kinds.label == "Kind of organisation" and kinds.value == "municipality"
    assert kinds.options[:3] == ["City or municipality", "County authority", "Regional body"]
    fill(at, "Norway")
    at.text_input(key="start.name").set_value("Eksempel fylkeskommune")
    at.text_input(key="start.name_en").set_value("Eksempel County Authority")
    kinds.set_value("county")
    at.button(key="start.submit").click().run()
    assert not at.exception and not at.error, (at.exception, at.error)
    g = Graph().parse(empty_env / "data" / "dataset.ttl")
    home = next(g.objects(None, ikg.homeActor))
    assert set(g.objects(home, RDF.type)) == {ikg.CountyAuthority}
    city = next(g.objects(home, ikg.location))
    assert (city, RDF.type, ikg.City) in g
