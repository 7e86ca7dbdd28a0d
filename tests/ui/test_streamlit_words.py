"""The words of Streamlit's own that the browser writes over: each has its catalogue text in both languages."""

from __future__ import annotations

import json
import re

import pytest

from graph.i18n import t
from graph.ui import streamlit_words
from tests.support.browser import launch_chromium, require_chromium


def test_english_keeps_streamlits_own_words_and_bokmal_has_its_own():
    prefixes = {english: key for english, (key, _) in streamlit_words.PREFIXES.items()}
    for english, key in {**streamlit_words.WORDS, **prefixes, **streamlit_words.COUNTED}.items():
        if english not in ("graph.ui.network_component.ikg_network", "st.iframe"):  # frames' names: ours
            assert t(key, "en") == english, key
        nb = t(key, "nb")
        assert nb and nb != english and nb.endswith(" ") == english.endswith(" "), key


def test_the_script_carries_the_catalogue_and_cannot_end_early():
    script = streamlit_words.script("nb")
    cfg = json.loads(re.search(r"const cfg = (\{.*?\});\n", script).group(1))
    assert cfg["words"]["Download as CSV"] == "Last ned som CSV"
    assert cfg["prefixes"]["Help for "] == "Hjelp for "
    assert script.count("</") == 1 and script.endswith("</script>")  # only its own closing tag
    assert json.loads(re.search(r"const cfg = (\{.*?\});\n", streamlit_words.script("en")).group(1))["words"][
        "Open"] == "Open"
    assert cfg["locale"] == "nb-NO"
    further = json.loads(re.search(r"const cfg = (\{.*?\});\n", streamlit_words.script("sv")).group(1))
    assert further["locale"] == "sv"  # a further language's calendar: its own code


PAGE = """<body>
<section aria-label="Sidebar"><button aria-label="Collapse sidebar"></button></section>
<button aria-label="Help for Slå sammen klyngene"></button>
<div data-baseweb="tag"><span title="Help for Ukraine" aria-label="Open">Open</span>
  <button aria-label="Remove Open"></button></div>
<span title="Help for Ukraine">a name from the data</span>
<div data-testid="stDateInputField"><span aria-label="day, dato"></span></div>
<span aria-label="day, dato"></span>
<a data-testid="stSkipToContent" href="#stMain">Skip to main content</a>
<p>Search</p>
<div id="later"></div>
</body>"""


@pytest.fixture(scope="module")
def blank_page():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        yield page
        browser.close()


def run_script(page, lang: str) -> None:
    body = re.search(r"<script>(.*)</script>", streamlit_words.script(lang), re.S).group(1)
    page.evaluate(f"() => {{ {body} }}")


def said(page) -> dict[str, list[str]]:
    return page.evaluate("""() => ({
        labels: Array.from(document.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label')),
        titles: Array.from(document.querySelectorAll('[title]')).map(e => e.getAttribute('title')),
        texts: Array.from(document.querySelectorAll('a, p, #later')).map(e => e.textContent.trim())})""")


@pytest.mark.browser
def test_the_script_writes_over_streamlits_words_and_never_the_datas(blank_page):
    page = blank_page
    page.set_content(PAGE)
    english = said(page)
    run_script(page, "nb")
    assert said(page) == {
        "labels": ["Sidepanel", "Skjul sidepanelet", "Hjelp for Slå sammen klyngene",
                   "Open",  # a chosen option's name (data), as it is
                   "Fjern Open", "dag, dato",
                   "day, dato"],  # "day, " outside a date field is not Streamlit's
        "titles": ["Help for Ukraine", "Help for Ukraine"],  # names from the data, as they are
        "texts": ["Gå til hovedinnholdet", "Search", ""]}  # only in the places Streamlit writes its words
    page.evaluate("""() => { const t = document.createElement('div'); t.setAttribute('data-testid', 'stTooltipContent');
        t.innerHTML = '<p>Download as CSV</p>'; document.getElementById('later').appendChild(t);
        document.querySelector('[aria-label="Sidepanel"]').setAttribute('aria-label', 'App pages'); }""")
    page.wait_for_function("() => document.getElementById('later').textContent.trim() === 'Last ned som CSV'")
    page.wait_for_function("() => document.querySelector('section').getAttribute('aria-label') === 'Sidene i appen'")
    run_script(page, "en")  # back in English: Streamlit's own words again
    back = said(page)
    assert back["labels"] == ["App pages", *english["labels"][1:]] and back["titles"] == english["titles"]
    assert back["texts"] == ["Skip to main content", "Search", "Download as CSV", "Download as CSV"]  # div, its p


CALENDAR = """<body><div data-testid="stDateInputCalendar" aria-label="Choose date">
<span>Use arrow keys to navigate dates. Enter to select. Escape to close.</span>
<div aria-label="Choose date, desember 2026"><h2>Choose date, desember 2026</h2>
<button aria-label="Previous month"></button><button aria-label="Next month"></button></div></div>
<h2>Choose date, a heading of ours</h2></body>"""


def calendar_said(page) -> dict:
    return page.evaluate("""() => ({language: navigator.language,
        labels: Array.from(document.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label')),
        texts: Array.from(document.querySelectorAll('span, h2')).map(e => e.textContent)})""")


@pytest.mark.browser
def test_the_calendar_is_given_the_pages_language_where_the_browsers_is_another(blank_page):
    page = blank_page
    page.set_content(CALENDAR)
    english = calendar_said(page)
    assert english["language"] == "en-US"  # Chromium's own here
    run_script(page, "nb")
    assert calendar_said(page) == {
        "language": "nb-NO",  # what Streamlit gives the calendar as it draws it next
        "labels": ["Velg dato", "Velg dato, desember 2026", "Forrige måned", "Neste måned"],
        "texts": ["Bruk piltastene for å flytte mellom datoene. Enter velger. Escape lukker.",
                  "Velg dato, desember 2026", "Choose date, a heading of ours"]}  # outside the calendar: as it is
    run_script(page, "en")
    assert calendar_said(page) == english  # an English browser keeps its own (en-US, Sunday first)
