"""The review form in a real browser (issue 12, item 1), on the shipped data and its first review round.

Reproduces the bug a new user met: assess item A with distinct scores and texts, choose item B, and B's
form must show B's own values (the defaults here), not A's; save B, and the store must hold A's and B's
own values; save B again, and the store holds one assessment of B in the round; undo on the history page
brings the earlier one back. What the store holds is read through the app's own downloads (CSV, and the
workbook's sheet of every assessment). Needs /usr/bin/chromium; IKG_SKIP_BROWSER=1 skips it instead.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from tests.support.browser import ROOT, editor_app, wait_idle
from tests.ui.test_browser import (
    choose,
    expect,
    go,
    log_in,
    no_error_boxes,
    open_app,
    set_language,
    shot,
    visitor_for,
    widget,
)
from tests.ui.test_browser_editing import browser  # noqa: F401 - the module-scoped browser, used by name

pytestmark = pytest.mark.browser

PASSWORD = "the review editors' password"
SHOTS = ROOT / "docs" / "screenshots"
A, B = "Cruise Network (membership)", "Aviation Forum (membership)"
A_ROW, B_ROW = "Cruise Network", "Aviation Forum"
ROUND = "Review 2019-2022"


@pytest.fixture(scope="module")
def review_app(tmp_path_factory):
    yield from editor_app(tmp_path_factory, "browser-review", PASSWORD)


@pytest.fixture
def visit(browser, review_app):  # noqa: F811
    yield from visitor_for(browser, review_app)


def scores(page) -> list[str]:
    """The relevance sliders' shown values, target area 1 to 5."""
    return [widget(page, f"rel_{n}.en").locator('[data-testid="stSliderThumbValue"]').inner_text() for n in "12345"]


def set_score(page, area: str, value: int) -> None:
    thumb = widget(page, f"rel_{area}.en").locator('input[type="range"]')
    thumb.press("Home")
    for _ in range(value):
        thumb.press("ArrowRight")
    expect(widget(page, f"rel_{area}.en").locator('[data-testid="stSliderThumbValue"]')).to_have_text(
        ["0 none", "1 low", "2 medium", "3 high"][value])
    wait_idle(page)


def write(page, key: str, text: str) -> None:
    area = widget(page, key).locator("textarea")
    area.fill(text)
    area.press("Control+Enter")
    wait_idle(page)


def shown(page) -> dict:
    return {"scores": scores(page),
            "effect": widget(page, "review_effect").locator("textarea").input_value(),
            "comment": widget(page, "review_comment").locator("textarea").input_value(),
            "rec": widget(page, "review_rec.en").locator('input[type="radio"]:checked').evaluate_all(
                "es => es.length ? es[0].closest('label').innerText.trim() : null")}


DEFAULTS = {"scores": ["0 none"] * 5, "effect": "", "comment": "", "rec": None}  # no recommendation made


def assess(page, item: str, rel: dict[str, int], effect: str, rec: str, comment: str) -> None:
    for area, value in rel.items():
        set_score(page, area, value)
    write(page, "review_effect", effect)
    widget(page, "review_rec.en").get_by_text(rec, exact=True).click()
    wait_idle(page)
    write(page, "review_comment", comment)
    widget(page, "review_save").locator("button").click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(  # a write and a rerun: on a
        f"The assessment of {item} in", timeout=20_000)  # busy machine more than the 5 s default (seen once)
    wait_idle(page)


def download(page, label: str) -> bytes:
    wait_idle(page)  # a rerun after an import redraws the buttons: click the one that stays
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    path = info.value.path()
    with open(path, "rb") as f:
        return f.read()


def csv_rows(page) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(download(page, "CSV").decode("utf-8-sig")))
    return {r["name"]: r for r in rows}


def every_assessment(page) -> list[list]:
    book = load_workbook(io.BytesIO(download(page, "Excel (XLSX)")))
    return [[c.value for c in row] for row in book["All assessments"].iter_rows()]


def test_each_item_shows_and_saves_its_own_values(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page, "Kari Browser", PASSWORD)
    go(page, "review", "en")
    expect(widget(page, "review_round_pick.en").locator("input")).to_have_value(f"{ROUND} (planned)")

    choose(page, "review_item.en", A, typed="Cruise")
    assert shown(page) == DEFAULTS
    assess(page, A, {"2": 1, "3": 1}, "Cruise: ten port calls", "Leave", "Cruise comment")
    assert shown(page) == {"scores": ["0 none", "1 low", "1 low", "0 none", "0 none"],
                           "effect": "Cruise: ten port calls", "comment": "Cruise comment", "rec": "Leave"}

    choose(page, "review_item.en", B, typed="Aviation")
    assert shown(page) == DEFAULTS  # nothing of the Cruise Network's form carried over
    assess(page, B, {"3": 1}, "Aviation: two meetings", "Review", "Aviation comment")

    choose(page, "review_item.en", A, typed="Cruise")  # A opens with A's saved values
    assert shown(page) == {"scores": ["0 none", "1 low", "1 low", "0 none", "0 none"],
                           "effect": "Cruise: ten port calls", "comment": "Cruise comment", "rec": "Leave"}

    rows = csv_rows(page)
    assert rows[A_ROW]["recommendation"] == "Leave" and rows[A_ROW]["effect seen"] == "Cruise: ten port calls"
    assert rows[A_ROW]["relevance"].split("; ")[1:3] == [
        "2 Development through participation in EU projects and international project cooperation: 1",
        "3 Strengthening the interplay between research and development (R&D), business and the public sector: 1"]
    assert [s.rsplit(": ", 1)[1] for s in rows[A_ROW]["relevance"].split("; ")] == ["0", "1", "1", "0", "0"]
    assert [s.rsplit(": ", 1)[1] for s in rows[B_ROW]["relevance"].split("; ")] == ["0", "0", "1", "0", "0"]
    assert (rows[B_ROW]["recommendation"], rows[B_ROW]["comment"]) == ("Review", "Aviation comment")

    # B saved again: one assessment of B in the round, the new values
    choose(page, "review_item.en", B, typed="Aviation")
    assert shown(page)["effect"] == "Aviation: two meetings"
    write(page, "review_effect", "Aviation: three meetings")
    widget(page, "review_save").locator("button").click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_have_text(
        f"The assessment of {B} in the round “{ROUND}” is saved (it replaced the earlier one).")
    wait_idle(page)
    history = every_assessment(page)
    assert [r[0] for r in history[1:]].count(B_ROW) == 1
    assert csv_rows(page)[B_ROW]["effect seen"] == "Aviation: three meetings"
    no_error_boxes(page)

    # the change history shows the save as one change; undoing it brings the earlier values back
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Change history", exact=True).click()
    wait_idle(page)
    expect(widget(page, "history_pick.en").locator("input")).to_have_value(
        re.compile(r" · assessment · assessment of .+ · Kari Browser · \S+$"))
    change = widget(page, "history_pick.en").locator("input").input_value().split(" · ")[-1]
    widget(page, "undo_sure").get_by_text(f"Yes, undo change {change}").click()
    page.get_by_role("button", name="Undo the change", exact=True).click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(f"Change {change} is undone")
    wait_idle(page)
    go(page, "review", "en")
    assert csv_rows(page)[B_ROW]["effect seen"] == "Aviation: two meetings"


def upload(page, data: bytes) -> None:
    widget(page, "review_wb_upload").locator('input[type="file"]').set_input_files(
        {"name": "review.xlsx", "mimeType": "application/octet-stream", "buffer": data})
    wait_idle(page)
    widget(page, "review_wb_import").locator("button").click()
    wait_idle(page)


def test_a_workbook_comes_back_through_the_app_and_the_portfolio_and_report_show_it(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page, "Kari Browser", PASSWORD)
    go(page, "review", "en")
    wb = load_workbook(io.BytesIO(download(page, "Excel (XLSX)")))
    ws = wb["Review"]
    heads = {c.value: c.column for c in ws[1]}
    scores = [h for h in heads if str(h).startswith("relevance ")]
    recs = ["Keep", "Keep", "Review", "Leave"]
    for i, r in enumerate(range(2, 26)):
        for j, h in enumerate(scores):
            ws.cell(r, heads[h]).value = (i + j) % 4
        ws.cell(r, heads["recommendation"]).value = recs[i % 4]
        ws.cell(r, heads["effect seen"]).value = f"Effect noted in row {r}"
        ws.cell(r, heads["reviewer"]).value = "Kari Browser"
        ws.cell(r, heads["date"]).value = "2026-11-30"
    ws.cell(5, heads[scores[0]]).value = 7  # one wrong cell: nothing is imported
    buf = io.BytesIO()
    wb.save(buf)
    upload(page, buf.getvalue())
    error = page.locator('[data-testid="stAlertContentError"]')
    expect(error).to_contain_text("The workbook was not imported; nothing has changed. 1 problem(s):")
    expect(error).to_contain_text(f"Sheet “Review”, row 5, column K ({scores[0]}): the relevance is “7”")
    assert csv_rows(page)[ws.cell(2, 1).value]["recommendation"] == ""

    ws.cell(5, heads[scores[0]]).value = 2
    buf = io.BytesIO()
    wb.save(buf)
    upload(page, buf.getvalue())
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(
        f"Imported 24 assessment(s) in the round “{ROUND}”: ")
    rows = csv_rows(page)
    assert [rows[ws.cell(r, 1).value]["recommendation"] for r in (2, 3, 4, 5)] == recs

    for lang, suffix in (("en", ""), ("nb", "-nb")):
        set_language(page, lang)
        widget(page, f"review_view.{lang}").get_by_text(
            {"en": "The portfolio (for the decision)", "nb": "Porteføljen (for beslutningen)"}[lang]).click()
        wait_idle(page)
        expect(page.locator('[data-testid="stImage"] img')).to_be_visible()
        no_error_boxes(page)
        shot(page, f"review-portfolio{suffix}.png", max_height=2600)
        report = download(page, {"en": "Report (HTML, printable)", "nb": "Rapport (HTML, for utskrift)"}[lang])
        html = report.decode("utf-8")
        assert "<script" not in html and "data:image/png;base64," in html
        other = visit.new_page()
        other.set_content(html)
        heading = {"en": "Summary", "nb": "Sammendrag"}[lang]
        expect(other.get_by_role("heading", name=heading)).to_be_visible()
        other.set_viewport_size({"width": 1000, "height": 2400})
        other.screenshot(path=str(SHOTS / f"review-report{suffix}.png"))
        other.close()
        widget(page, f"review_view.{lang}").get_by_text(
            {"en": "Assess the items", "nb": "Vurder sakene"}[lang]).click()
        wait_idle(page)


def test_a_reload_with_unsaved_edits_asks_first(visit):
    """Unsaved edits live in this browser session only, and a reload dropped them without a word. While any item has
    unsaved edits, the browser now asks before the page is left or reloaded; with none, nothing is asked."""
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page, "Kari Browser", PASSWORD)
    go(page, "review", "en")
    asked = visit.dialogs  # each dialog the page opens, answered "stay on the page" (dismissed)
    page.reload()  # nothing typed: left at once
    wait_idle(page, timeout=60_000)
    assert asked == []
    choose(page, "review_item.en", "EUniverCities Network (membership)", typed="EUniver")
    write(page, "review_effect", "Typed, not saved")
    expect(page.get_by_text("Unsaved changes (kept until you save or discard them): EUniverCities Network "
                            "(membership)")).to_be_visible()
    page.evaluate("() => { location.reload(); }")
    assert asked == ["beforeunload: "]
    assert widget(page, "review_effect").locator("textarea").input_value() == "Typed, not saved"  # still here
    widget(page, "review_discard").locator("button").click()
    wait_idle(page)
    expect(page.get_by_text("Unsaved changes", exact=False)).to_have_count(0)
    page.reload()
    wait_idle(page, timeout=60_000)
    assert asked == ["beforeunload: "]  # no question once the edits were discarded
    asked.clear()  # the one dialog this test expects


def test_on_a_phone_the_target_areas_read_in_order(visit):
    """On a phone Streamlit stacks columns: the sliders made as two columns read 1, 3, 5, 2, 4 there. Made a row at a
    time, they read 1 to 5 from the top, and side by side on a wide screen as before."""
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page, "Kari Browser", PASSWORD)
    go(page, "review", "en")
    choose(page, "review_item.en", A, typed="Cruise")

    def tops() -> list[float]:
        return [widget(page, f"rel_{n}.en").bounding_box()["y"] for n in "12345"]

    size = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    narrow = tops()
    assert narrow == sorted(narrow) and len(set(narrow)) == 5, narrow
    page.set_viewport_size(size)
    page.wait_for_timeout(500)
    wide = tops()
    assert wide[0] == wide[1] and wide[2] == wide[3] and wide[1] < wide[2] < wide[4]  # pairs, in order
