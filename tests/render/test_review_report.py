"""The section 5.1 review as files: the printable report (Markdown, HTML) and the CSV/XLSX exports."""

from __future__ import annotations

import datetime as dt
import io as stdio

import pytest
from openpyxl import load_workbook

from graph.edit.assessments import save_assessment
from graph.render import review_report
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

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


def test_report_is_grouped_by_recommendation(store):
    save(store)
    save(store, item=NET_A, recommendation="leave", relevance={"1": 0}, comment="<b>no</b> *effect*",
         now=NOW + dt.timedelta(minutes=1))
    md = review_report.report_markdown(store, "en", "Review 2025")
    heads = [line for line in md.splitlines() if line.startswith(("## ", "### "))]
    assert heads == [
        "## Summary",
        "## Recommended to keep (1)", "### Hometown–Farcity",
        "## Recommended for closer review (0)",
        "## Recommended to leave (1)", "### Network A",
        "## Not yet assessed (2)", "### Hometown–Oldtown", "### Network B",
    ]
    assert "- **sources:** Plan 2020 §2" in md
    assert "- **relevance:** 1 Trade: 3; 2 Culture: 1" in md
    assert "- **Assessed by:** Kari Nordmann, 1 Mar 2025" in md
    assert "\\<b\\>no\\</b\\> \\*effect\\*" in md  # data is escaped, never markup
    nb = review_report.report_markdown(store, "nb", "Review 2025")
    assert "## Anbefales beholdt (1)" in nb and "### Hjemby–Fjernby" in nb


def test_report_html_is_escaped_and_grouped(store):
    save(store, comment='<img src=x onerror=alert(1)> & "quotes"')
    page = review_report.report_html(store, "en", "Review 2025")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and page.count("<img") == 1  # the chart, a PNG, is the only picture
    assert '<img src="data:image/png;base64,' in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;" in page
    assert page.index("Recommended to keep (1)") < page.index("Hometown–Farcity") < page.index("Not yet assessed (3)")


def test_a_round_with_nothing_assessed_prints_no_empty_chart(store):
    page = review_report.report_html(store, "nb", None)
    assert "<img" not in page and "Ikke vurdert ennå (4)" in page


def test_csv_and_xlsx_neutralise_formulas(store):
    save(store, comment="=HYPERLINK(\"http://evil\")", effect_seen="+1", reviewer="@admin")
    csv = review_report.export_csv(store, "en", "Review 2025").decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[0].startswith("item (IRI),kind,name,since")
    row = next(line for line in lines if line.startswith(FARCITY))
    assert "'=HYPERLINK" in row and ",'+1," in row and ",'@admin," in row
    book = load_workbook(stdio.BytesIO(review_report.export_xlsx(store, "nb", "Review 2025")))
    assert book.sheetnames == ["Gjennomgang", "Alle vurderinger", "Runde"]
    cells = [c.value for row in book["Gjennomgang"].iter_rows() for c in row if c.value]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "'@admin" in cells
    assert not any(str(c).startswith(("=", "+", "@")) for c in cells)
    history = [[c.value for c in row] for row in book["Alle vurderinger"].iter_rows()]
    assert history[0][0] == "navn" and history[1][0] == "Hjemby–Fjernby"


def test_the_review_csv_opens_in_a_spreadsheet_in_the_language(store):
    """A byte-order mark, so Excel reads æ, ø and å; in bokmål fields apart by ';', as a Norwegian Excel splits
    them (with commas it put each line in one cell); and the import reads the file back as it was written."""
    from graph.edit.tabular.reader import read

    save(store, comment="Godt møte; neste i 2026", effect_seen="Ja, mange", reviewer="Åse")
    nb, en = (review_report.export_csv(store, lang, "Review 2025") for lang in ("nb", "en"))
    assert nb.startswith(b"\xef\xbb\xbf") and en.startswith(b"\xef\xbb\xbf")
    heading = nb.decode("utf-8-sig").split("\r\n")[0]
    assert heading.startswith("sak (IRI);slag;navn;siden;status;")
    assert en.decode("utf-8-sig").startswith("item (IRI),kind,name,since,")
    table = read("gjennomgang.csv", nb, None, "nb")
    row = next(cells for _, cells in table.rows if cells[0] == FARCITY)
    assert table.headers == heading.split(";") and "Godt møte; neste i 2026" in row and "Åse" in row




def test_report_summary_costs_chart_and_decision(store):
    from graph.edit.assessments import set_round_status

    save(store)
    save(store, item=NET_A, recommendation="keep", now=NOW + dt.timedelta(minutes=1))
    set_round_status(store, "Review 2025", "closed", "Kari")
    md = review_report.report_markdown(store, "nb", "Review 2025")
    lines = md.splitlines()
    assert "Status: avsluttet. Periode: –. Ledes av: –." in lines
    assert "## Sammendrag" in lines
    assert "Behold: 2. Vurder nærmere: 0. Avslutt: 0. Ikke vurdert ennå: 2." in lines
    assert ("Årlig kostnad for det som anbefales beholdt: 10\u00a0000 NOK (kostnad registrert for 1 av 2 "
            "saker)") in lines
    assert "Årlig kostnad for det som anbefales avsluttet: ingen kostnad registrert" in lines
    made = dt.date.today()
    assert f"Laget {made.day}. " in md and f"{made.year} fra kunnskapsgrafen" in md  # Babel's long date
    page = review_report.report_html(store, "en", "Review 2025")
    assert page.count('<img src="data:image/png;base64,') == 1 and "<script" not in page
    assert page.index('<h2 class="summary">Summary</h2>') < page.index("<img") < page.index("Recommended to keep (2)")
    assert "Annual cost of what is recommended to keep: 10,000 NOK (cost recorded for 1 of 2 items)" in page


def test_the_first_round_cites_section_5_1():
    from graph.history.shipped import fill_from_shipped

    store = OxigraphStore()
    fill_from_shipped(store)
    md = review_report.report_markdown(store, "en", "Review 2019-2022")
    assert "Round: Review 2019-2022" in md and "Status: planned. Period: 2019–2022. Led by: Executive Committee." in md
    assert ("> Som en oppfølging av strategien er det viktig at det blir gjort en gjennomgang av Trondheim kommunes "
            "eksisterende medlemskap og deltakelse i internasjonale nettverk, organisasjoner og "
            "vennskapsbysamarbeid. (Strategy 2019–2022 §5.1)") in md
