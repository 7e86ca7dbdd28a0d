"""The review workbook in a real spreadsheet program: LibreOffice Calc opens the round's workbook with the facts
locked and the assessment cells open and checked (a score 0–3, a recommendation from the list, a date), a
reviewer fills a row there, and what Calc saves comes back as that one assessment: Calc's own saving changes
no fact and no other row (a text that looks like a formula included). Calc runs headless
(tests/support/spreadsheet.py)."""

from __future__ import annotations

import pytest

from graph.analysis.assessments import assessments
from graph.edit.assessments import import_workbook, save_assessment
from graph.i18n import t
from graph.render.review_report import export_xlsx
from graph.render.review_workbook import headings
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files
from tests.support.spreadsheet import in_calc

EX = "https://example.org/ikg/"


@pytest.mark.parametrize("lang, name", [("nb", "Nettverk B"), ("en", "Network B")])
def test_a_row_filled_and_saved_in_calc_comes_back_as_its_assessment(tmp_path, lang, name):
    store = MemoryStore()
    store.load(fixture_files())
    save_assessment(store, EX + "agreement-farcity", "Review 2025", {"1": 3, "2": 1}, "Exchange", "Cheap", "keep",
                    "=HYPERLINK(\"x\")", "Kari", "2025-03-01")
    heads = headings(store, lang)
    recs = [t(f"rec.{key}", lang) for key in ("keep", "review", "leave")]
    cells = {heads["score:1"]: {"number": 2}, heads["effect_seen"]: "Ett møte", heads["recommendation"]: recs[2],
             heads["reviewer"]: "Ola", heads["date"]: {"date": "2025-04-02"}}
    seen, saved = in_calc(tmp_path, export_xlsx(store, lang, "Review 2025"), cells, row=name, clear=False)

    columns = seen["columns"]
    assert seen["protected"] is True
    assert [h for h, c in columns.items() if not c["locked"]] == [heads[k] for k in heads if k.startswith("score:")] + [
        heads[k] for k in ("effect_seen", "cost_benefit", "recommendation", "comment", "reviewer", "date")]
    score = columns[heads["score:1"]]
    assert (score["type"], score["formulas"], score["alert"], score["title"], score["error"]) == (
        "WHOLE", ["0", "3"], "STOP", t("wb.rule", lang), t("wb.score_rule", lang))
    rec = columns[heads["recommendation"]]
    assert (rec["type"], rec["values"], rec["error"]) == ("LIST", recs, t("wb.rec_rule", lang))
    assert (columns[heads["date"]]["type"], columns[heads["date"]]["error"]) == ("DATE", t("wb.date_rule", lang))
    assert columns[heads["name"]]["type"] == "ANY"
    assert seen["cells"][heads["date"]]["kind"] == "VALUE"

    assert import_workbook(store, saved, "Ola", lang=lang) == [name]  # no other row, no fact changed by Calc
    got = {a.item: a for a in assessments(store, "en", "Review 2025")}
    b = got[EX + "m-home-b"]
    assert (b.relevance, b.effect_seen, b.recommendation, b.reviewer, b.date) == (
        {"1": 2}, "Ett møte", "leave", "Ola", "2025-04-02")
    assert got[EX + "agreement-farcity"].comment == "=HYPERLINK(\"x\")"
    assert import_workbook(store, saved, "Ola", lang=lang) == []  # the same file again changes nothing
