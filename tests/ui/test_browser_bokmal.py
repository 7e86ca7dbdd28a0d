"""Every page of the app in bokmål, as a person sees it in headless Chromium: no English sentence of our
catalogues, and of Streamlit's own English only the few texts it gives no way to replace (listed in
graph/ui/widget_texts.py and the README). Streamlit's "Press Enter to apply" under a field and the
uploader's "Upload" and "200MB per file", and "No results" of a search in a list that matches nothing, show
our own bokmål text instead; dates read 03.12.2026 and the SPARQL console's time 0,25 s."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.dates import format_date

import tests.ui.test_browser as base
from graph.ui.widget_texts import STREAMLIT_ENGLISH
from tests.support.bokmal import english_sentences
from tests.support.browser import AppServer, chromium_missing_reason, wait_idle
from tests.ui.test_browser import EDITOR_PASSWORD, expect, network_frame, shot, widget

pytestmark = pytest.mark.browser

app = base.app  # the module's app server (an editor password configured) and browser, as in test_browser.py
browser = base.browser

VISITOR_PAGES = ["", "collaborators", "gaps", "review", "map", "timeline", "sparql", "about", "history"]


@pytest.fixture
def visit(browser, app):
    yield from base.visitor_for(browser, app)


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory):
    """An app on a data folder without a dataset: it opens on the first-run page."""
    if chromium_missing_reason():
        yield None
        return
    tmp = tmp_path_factory.mktemp("browser-bokmal-start")
    (tmp / "data").mkdir()
    server = AppServer(tmp / "store", log_dir=tmp, env={"IKG_DATA": str(tmp / "data")}).start()
    yield server
    server.stop()


@pytest.fixture
def visit_empty(browser, empty_app):
    yield from base.visitor_for(browser, empty_app)


# ---------------------------------------------------------------------------------------------
# What a person sees and hears
# ---------------------------------------------------------------------------------------------


def shown(page) -> str:
    """The page's text, its frames' text, and what CSS draws in place of Streamlit's texts (::after)."""
    text = page.locator("body").inner_text()
    for frame in page.frames[1:]:
        try:
            text += "\n" + frame.locator("body").inner_text(timeout=2_000)
        except Exception:  # noqa: BLE001 - a frame being replaced by a rerun
            pass
    return text + "\n" + "\n".join(drawn(page))


def drawn(page) -> list[str]:
    """The texts CSS draws after Streamlit's hidden ones (instructions, the uploader), as shown."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
            '[data-testid="InputInstructions"], [data-testid="stFileUploaderDropzoneInstructions"],'
            + ' [data-testid="stFileUploaderDropzone"] button'))
        .filter(e => e.getClientRects().length)
        .map(e => getComputedStyle(e, '::after').content)
        .filter(c => c && c !== 'none').map(c => JSON.parse(c))""")


def attributes(page) -> list[tuple[str, bool]]:
    """What a screen reader or a hover says: aria-label, title and placeholder of every element shown, each
    with whether it describes a chart's mark (Vega's "field: value; field: value" from our titles and data)."""
    return [tuple(x) for x in page.evaluate("""() => Array.from(document.querySelectorAll(
            '[aria-label], [title], [placeholder]'))
        .filter(e => e.getClientRects().length)
        .flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => [e.getAttribute(a),
                                                                      e.hasAttribute('aria-roledescription')]))
        .filter(x => x[0])""")]


# words of Streamlit's and Vega's English templates ("Y-axis for a discrete scale", "Press Enter to apply")
TEMPLATE_WORDS = re.compile(r"\b(the|of|with|axis|scale|legend|titled|values|press|enter|link|heading|skip|main|"
                            r"sidebar|pages|help|show|hide|open|close|clear|upload|download|search|choose|"
                            r"progress|remove|selected|fullscreen|columns|collapse|expand|copy|increment|decrement|"
                            r"st\.iframe|graph\.ui)\b", re.I)
FIELD = re.compile(r"(?:^|; )([^:;]+): ")


def english_on(page) -> list[str]:
    """The English a person meets on the page beyond the known list (empty when it is all bokmål)."""
    english = english_sentences()
    text = shown(page)
    found = sorted(s for s in english if s in text)
    found += [s for s in ("Press Enter", "Press Ctrl+Enter", "per file", "Browse files", "Drag and drop",
                          "Choose an option", "Choose options", "Upload") if s in text]
    for label, mark in sorted(set(attributes(page))):
        if label in STREAMLIT_ENGLISH:  # Streamlit's own, documented
            continue
        if any(s in label for s in english):
            found.append(f"[attribute] {label}")
        elif mark:  # the data may be English (names of networks): the field names must be ours, in bokmål
            raw = [f for f in FIELD.findall(label) if re.fullmatch(r"[a-z_0-9]+", f) and f not in ("status", "til")]
            if raw:
                found.append(f"[chart field names {raw}] {label}")
        elif TEMPLATE_WORDS.search(label):
            found.append(f"[attribute] {label}")
    return found


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_idle(page, timeout=120_000)
    page.wait_for_timeout(300)


def log_in_nb(page, name: str = "Kari Nordmann") -> None:
    """Log in as an editor from the sidebar, in bokmål."""
    base.submit_login(page, name, EDITOR_PASSWORD, "nb")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text(f"Innlogget som redaktør: {name}")).to_be_visible(timeout=30_000)
    wait_idle(page)


def go_nb(page, label: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(label, exact=True).click()
    page.wait_for_timeout(500)
    wait_idle(page, timeout=60_000)


# ---------------------------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", VISITOR_PAGES)
def test_every_visitor_page_in_bokmal_shows_no_english(visit, name):
    page = visit.page
    open_page(page, visit.server.url + "/" + name)
    found = english_on(page)
    assert found == [], f"English on /{name} in bokmål:\n" + "\n".join(found)


@pytest.mark.parametrize(("lang", "title", "why", "close"), [
    ("nb", "Siden finnes ikke", "Siden du ba om, finnes ikke (lenken kan være gammel eller feilskrevet). Appens første "
     "side vises i stedet.", "Lukk"),
    ("en", "Page not found", "The page that you have requested does not seem to exist. Running the app's main page.",
     "Close"),
])
def test_an_address_of_no_page_is_told_in_the_pages_language(visit, lang, title, why, close):
    page = visit.page
    open_page(page, f"{visit.server.url}/importing?lang={lang}")  # a mistyped or old link
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text(title)
    expect(dialog).to_contain_text(why)
    expect(dialog.get_by_role("button", name=close, exact=True)).to_be_visible()
    if lang == "nb":
        assert english_on(page) == []
    dialog.get_by_role("button", name=close, exact=True).click()


def test_the_network_pages_name_as_an_address_opens_it_with_the_links_filters(visit):
    """/network (the page's name, which people type and bookmark) opens the first page, at the root,
    with the link's language and filters, and no "page not found"."""
    page = visit.page
    open_page(page, f"{visit.server.url}/network?lang=nb&ta=4")
    expect(page.get_by_role("heading", name="Nettverket", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Viser \d+ av \d+ noder \(\d+ i hele nettverket\)$"))).to_be_visible()
    assert page.get_by_role("dialog").count() == 0


def test_a_filters_list_offers_to_choose_all_in_bokmal(visit):
    page = visit.page
    open_page(page, visit.server.url + "/?lang=nb")
    areas = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Målområder")
    areas.locator("input").click()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("option").first).to_have_text("Velg alle")
    assert english_on(page) == []
    page.keyboard.type("ven")  # only the names holding the text typed: «fuzzy» took any with v…e…n (three)
    expect(page.get_by_role("option")).to_have_count(1)
    expect(page.get_by_role("option").first).to_have_text("4 Vennskapsbysamarbeid")
    for _ in "ven":
        page.keyboard.press("Backspace")
    page.keyboard.type("sam")  # several: the first offers to choose them all, «Velg 3 treff», in bokmål
    names = page.get_by_role("option").all_inner_texts()[1:]
    assert len(names) > 1 and all("sam" in name.lower() for name in names), names
    expect(page.get_by_role("option").first).to_have_text(f"Velg {len(names)} treff")
    assert english_on(page) == []
    page.keyboard.press("Escape")


def test_the_reviews_files_are_named_in_bokmal(visit):
    page = visit.page
    open_page(page, visit.server.url + "/review?lang=nb")
    names, files = [], []
    for label in ("CSV", "Rapport (HTML, for utskrift)"):
        with page.expect_download() as info:
            page.get_by_role("button", name=label, exact=True).click()
        names.append(info.value.suggested_filename)
        files.append(Path(info.value.path()).read_bytes())
    assert names == ["gjennomgang.csv", "gjennomgang-rapport.html"]
    widget(page, "review_view.nb").get_by_text("Porteføljen (for beslutningen)").click()  # its chart, named alike
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Last ned diagrammet (PNG)", exact=True).click()
    assert info.value.suggested_filename == "gjennomgang-portefølje.png"  # it was «review-portfolio.png»
    # as a Norwegian Excel opens it: UTF-8 marked as such, and fields apart by ';'
    assert files[0].startswith("\ufeffsak (IRI);slag;navn;siden;status;målområder;".encode())


def test_the_drawings_png_is_named_in_bokmal(visit):
    """«Lagre som PNG» saved «network.png», beside «nettverk.svg» and «nettverk-utsnitt.graphml»."""
    page = visit.page
    open_page(page, visit.server.url + "/?lang=nb")
    frame = network_frame(page)
    with page.expect_download() as info:
        frame.click("#ikg-png")
    assert info.value.suggested_filename == "nettverk.png"
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_known_streamlit_english_is_the_documented_list():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for text in STREAMLIT_ENGLISH:
        assert text in readme, f"{text!r} is Streamlit's English left in bokmål: the README must say so"
    assert not set(STREAMLIT_ENGLISH) & english_sentences()


def labels(page) -> set[str]:
    return {label for label, _ in attributes(page)}


def tooltip_of(page, button) -> str:
    """The tooltip a table's toolbar button shows on hover."""
    page.locator('[data-testid="stDataFrame"]').first.hover()
    button.hover()
    tip = page.locator('[data-testid="stTooltipContent"]')
    expect(tip).to_have_count(1)
    return tip.inner_text()


def test_streamlits_own_labels_and_tooltips_are_in_the_pages_language(visit):
    page = visit.page
    open_page(page, visit.server.url + "/review")
    toolbar = page.locator('[data-testid="stDataFrame"]').first.locator('[data-testid="stElementToolbarButton"]')
    said = {"nb": ["Vis eller skjul kolonner", "Last ned som CSV", "Søk", "Fullskjerm"],
            "en": ["Show/hide columns", "Download as CSV", "Search", "Fullscreen"]}
    names = {"nb": {"Sidepanel", "Sidene i appen", "Skjul sidepanelet", "Åpne", "Lenke til overskriften", "framdrift"},
             "en": {"Sidebar", "App pages", "Collapse sidebar", "Open", "Link to heading", "progress"}}
    for lang in ("nb", "en", "nb"):  # and back: the words written in English are Streamlit's own again
        if lang != "nb" or page.url.endswith("lang=en"):
            base.set_language(page, lang)
            page.wait_for_timeout(300)
        expect(page.locator('[data-testid="stSkipToContent"]')).to_have_text(
            {"nb": "Gå til hovedinnholdet", "en": "Skip to main content"}[lang])
        assert names[lang] <= labels(page), names[lang] - labels(page)
        assert not names["en" if lang == "nb" else "nb"] & labels(page)
        for i, tip in enumerate(said[lang]):
            assert tooltip_of(page, toolbar.nth(i)) == tip
        page.mouse.move(0, 0)
        if lang == "nb":
            assert english_on(page) == []


def test_sparql_page_in_bokmal_times_errors_and_field_line(visit):
    page = visit.page
    open_page(page, visit.server.url + "/sparql")
    area = widget(page, "sparql_text").locator("textarea")
    area.fill("SELECT ?s WHERE { ?s a foo:Nothing }")  # typed, not yet applied; foo: is not declared
    expect(widget(page, "sparql_text").locator('[data-testid="InputInstructions"]')).to_be_visible()
    assert drawn(page) == ["Trykk Ctrl+Enter for å bruke"]
    assert english_on(page) == []
    area.press("Control+Enter")
    wait_idle(page)
    widget(page, "sparql_run").locator("button").click()
    wait_idle(page)
    error = page.locator('[data-testid="stAlertContentError"]')
    expect(error).to_have_text("Feil i spørringen ved linje 1, kolonne 35: prefikset «foo:» er ikke definert; legg "
                               "til linjen PREFIX foo: <…> øverst.")
    expect(page.get_by_text("Databasemotorens tekniske melding (på engelsk)")).to_be_visible()
    assert english_on(page) == []
    area.fill("SELECT ?s WHERE { ?s ?p }")  # not SPARQL: the checker's message, in bokmål
    area.press("Control+Enter")
    wait_idle(page)
    widget(page, "sparql_run").locator("button").click()
    wait_idle(page)
    expect(error).to_have_text("Feil i spørringen ved linje 1, kolonne 19: sjekk skrivemåten rett før dette stedet "
                               "(parenteser, punktum, stavemåten av nøkkelord).")
    assert english_on(page) == []
    area.fill("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10")
    area.press("Control+Enter")
    wait_idle(page)
    widget(page, "sparql_run").locator("button").click()
    wait_idle(page)
    took = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=re.compile(r"^Tok ")).first
    expect(took).to_have_text(re.compile(r"^Tok \d+,\d\d s\.$"))
    expect(page.get_by_text("10 rader", exact=True)).to_be_visible()
    assert english_on(page) == []
    shot(page, "sparql-nb.png")


def test_a_refused_edit_is_told_in_a_whole_toast_in_bokmal(visit):
    """The toast of a refused save shows every problem, without Streamlit's English «view more» under a text
    cut at three lines."""
    page = visit.page
    open_page(page, visit.server.url + "/?lang=nb")
    log_in_nb(page)
    go_nb(page, "Rediger")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text("Rediger grafen")
    page.get_by_role("button", name="Legg til", exact=True).click()
    toast = page.locator('[data-testid="stToast"]')
    expect(toast).to_contain_text("Kilde: avsnitt: Kilde mangler: hvert nytt faktum trenger en kilde.")
    expect(toast).to_be_in_viewport()
    expect(page.locator('[data-testid="stToastViewButton"]')).to_be_hidden()
    assert "view more" not in toast.inner_text() and english_on(page) == []


def test_editor_pages_in_bokmal_show_no_english(visit):
    page = visit.page
    open_page(page, visit.server.url + "/")
    log_in_nb(page)
    go_nb(page, "Importer")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text("Importer data")
    dropzone = page.locator('[data-testid="stFileUploaderDropzone"]')
    expect(dropzone).to_be_visible()
    assert drawn(page) == ["Last opp", "Høyst 10 MB per fil • CSV, XLSX, TTL, JSONLD, JSON, NT"]
    expect(page.get_by_text("Største filstørrelse: 10 MB.")).to_have_count(0)  # said once, in the box
    assert english_on(page) == []
    shot(page, "import-nb.png")
    file = page.evaluate_handle("() => { const d = new DataTransfer();"
                                " d.items.add(new File(['x'], 'a.ttl', {type: 'text/turtle'})); return d; }")
    dropzone.dispatch_event("dragenter", {"dataTransfer": file})  # a file dragged over the uploader
    expect(dropzone.get_by_text("Slipp en fil her", exact=True)).to_be_visible()
    assert "Drag and drop" not in dropzone.inner_text()
    dropzone.dispatch_event("dragleave", {"dataTransfer": file})
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "b.ttl", "mimeType": "text/turtle", "buffer": b""}])
    expect(dropzone.get_by_role("button", name="Fjern b.ttl")).to_be_visible()
    expect(dropzone.get_by_role("button", name="Legg til filer")).to_be_visible()
    assert drawn(page) == []  # the chosen file's cross and the + beside it draw no "Last opp" over themselves
    dropzone.get_by_role("button", name="Fjern b.ttl").click()
    wait_idle(page)

    go_nb(page, "Rediger")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text("Rediger grafen")
    assert english_on(page) == []
    why = page.locator('[class*="st-key-edit_"][class*="-why"] input').first
    why.fill("ny avtale")  # typed in a form, not sent
    expect(page.locator('[data-testid="stForm"] [data-testid="InputInstructions"]').first).to_be_visible()
    assert "Trykk Enter for å sende skjemaet" in drawn(page)
    assert english_on(page) == []
    shot(page, "edit-nb.png")

    go_nb(page, "Gjennomgang av medlemskap")  # the review form, an editor's: its date as Norwegians write it
    date = page.locator('[data-testid="stDateInputField"]').first
    expect(date).to_have_text(re.compile(r"^\d\d\.\d\d\.\d{4}$"))
    assert english_on(page) == []


def test_start_page_in_bokmal_shows_no_english(visit_empty):
    page = visit_empty.page
    open_page(page, visit_empty.server.url + "/")
    expect(page.get_by_text("Start grafen for din kommune eller organisasjon", exact=True)).to_be_visible()
    assert english_on(page) == []
    widget(page, "start.city").locator("input").fill("Bergen")
    assert "Trykk Enter for å sende skjemaet" in drawn(page)
    assert english_on(page) == []


def empty_list_line(page) -> tuple[str, str]:
    """What the open list of a select box or multiselect says when nothing matches: the text CSS draws
    (::after) and the font size of Streamlit's own English under it."""
    line = page.locator('[role="listbox"][data-empty="true"] [role="option"] > span')
    expect(line).to_be_attached()
    return tuple(line.evaluate("e => [JSON.parse(getComputedStyle(e, '::after').content),"
                               " getComputedStyle(e).fontSize]"))


def search_in_vain(page, box) -> tuple[str, str]:
    wait_idle(page)
    box.locator("input").click()
    page.keyboard.type("zzxqy")
    said = empty_list_line(page)
    page.keyboard.press("Escape")
    wait_idle(page)
    return said


def test_a_search_that_matches_nothing_says_so_in_the_visitors_language(visit):
    """Streamlit writes "No results" in English in its browser code: our line is drawn in its place."""
    page = visit.page
    open_page(page, visit.server.url + "/collaborators")
    for lang, said in (("nb", "Ingen treff"), ("en", "No results")):
        if lang == "en":
            base.set_language(page, "en")
            base.go(page, "collaborators", "en")
        selectbox = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
        assert search_in_vain(page, selectbox) == (said, "0px"), lang
        base.go(page, "network", lang)
        multiselect = page.locator('[data-testid="stMultiSelect"]').first
        assert search_in_vain(page, multiselect) == (said, "0px"), lang


# ---------------------------------------------------------------------------------------------
# The calendar a date field opens
# ---------------------------------------------------------------------------------------------


def open_calendar(page) -> dict:
    """Open the review form's calendar: its weekday letters, its heading and labels, and the month it shows."""
    field = page.locator('[data-testid="stDateInputField"]').first
    field.evaluate("e => e.scrollIntoView({block: 'center'})")  # room below it for the calendar
    page.locator('[data-testid="stDateInput"]').first.locator("button").last.click()
    calendar = page.locator('[data-testid="stDateInputCalendar"]')
    expect(calendar.locator("th")).to_have_count(7)
    return calendar.evaluate("""c => ({
        week: Array.from(c.querySelectorAll('th')).map(e => e.textContent).join(''),
        heading: c.querySelector('h2').textContent,
        hint: c.querySelector(':scope > span').textContent,
        buttons: Array.from(c.querySelectorAll('header > button')).map(e => e.getAttribute('aria-label')),
        first: c.querySelector('[role=gridcell] [role=button]').getAttribute('aria-label')})""")


def test_the_calendar_speaks_the_pages_language_and_starts_weeks_as_it_does(browser, app):
    """Streamlit gives the calendar the browser's language. In a US-English browser a bokmål page's calendar
    is Norwegian and starts on Monday; an English page's is the browser's own (Sunday first). In a
    Norwegian browser an English page's is British English (Monday first). A day picked there is the one
    the field shows."""
    us = browser.new_context(viewport=base.VIEWPORT, locale="en-US")
    page = us.new_page()
    open_page(page, app.url + "/review")
    log_in_nb(page)
    field = page.locator('[data-testid="stDateInputField"]').first
    expect(field).to_have_text(re.compile(r"^\d\d\.\d\d\.\d{4}$"))
    month, year = (int(x) for x in re.sub(r"\s", "", field.text_content()).split(".")[1:])
    name = {lang: format_date(dt.date(year, month, 1), "LLLL", locale=lang) for lang in ("nb", "en")}
    area = "3 Styrke samspillet mellom forskning og utvikling (FoU), næringsliv og offentlig sektor"
    assert area in labels(page) and not [label for label in labels(page) if "\\" in label]  # no Markdown escapes
    seen = open_calendar(page)
    assert seen == {"week": "MTOTFLS", "heading": f"Velg dato, {name['nb']} {year}",
                    "hint": "Bruk piltastene for å flytte mellom datoene. Enter velger. Escape lukker.",
                    "buttons": ["Forrige måned", "Neste måned"], "first": seen["first"]}
    assert seen["first"].startswith("mandag ")
    assert english_on(page) == []
    page.locator('[data-testid="stDateInputCalendar"] [role=gridcell]:not([aria-disabled]) [role=button]').filter(
        has_text=re.compile(r"^15$")).click()  # a day picked in the Norwegian calendar
    expect(field).to_have_text(f"15.{month:02d}.{year}")

    base.set_language(page, "en")
    wait_idle(page)
    seen = open_calendar(page)
    assert seen == {"week": "SMTWTFS", "heading": f"Choose date, {name['en']} {year}",
                    "hint": "Use arrow keys to navigate dates. Enter to select. Escape to close.",
                    "buttons": ["Previous month", "Next month"], "first": seen["first"]}
    assert seen["first"].startswith("Sunday, ")
    us.close()

    norwegian = browser.new_context(viewport=base.VIEWPORT, locale="nb-NO")
    page = norwegian.new_page()
    open_page(page, app.url + "/review?lang=en")
    base.submit_login(page, "Kari Nordmann", EDITOR_PASSWORD, "en")
    wait_idle(page)
    seen = open_calendar(page)
    assert (seen["week"], seen["buttons"]) == ("MTWTFSS", ["Previous month", "Next month"])
    assert seen["first"].startswith("Monday, ")
    norwegian.close()
