"""The review workbook round trip (issue 12, item 5): export a round, fill cells with openpyxl as a person
would in Excel, import, compare; a score of 7, an unknown recommendation or a changed fact is refused
with its sheet, row and column, and the store does not change."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from rdflib.compare import isomorphic

from graph.analysis.assessments import assessments
from graph.edit.assessments import import_workbook, new_round, save_assessment, set_round_status
from graph.errors import InputError
from graph.history import changes
from graph.render.review_report import export_xlsx
from graph.render.review_workbook import workbook_bytes
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"
ROUND = EX + "review-round-review-2025"


@pytest.fixture(params=["memory", "oxigraph"])
def store(request):
    store = MemoryStore() if request.param == "memory" else OxigraphStore()
    store.load(fixture_files())
    save_assessment(store, EX + "agreement-farcity", "Review 2025", {"1": 3, "2": 1}, "Exchange", "Cheap", "keep",
                    "=HYPERLINK(\"x\")", "Kari", "2025-03-01")
    return store


def book(store, lang="en"):
    return load_workbook(io.BytesIO(export_xlsx(store, lang, "Review 2025")))


def col(ws, heading: str) -> int:
    return next(c.column for c in ws[1] if c.value == heading)


def row_of(ws, name: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == name)


def saved(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def snapshot(store):
    g = store.graph()
    return g.__class__() + g


def test_the_export_is_a_workbook_to_fill_in(store):
    wb = book(store)
    assert wb.sheetnames == ["Review", "All assessments", "Round"]
    ws = wb["Review"]
    heads = [c.value for c in ws[1]]
    assert heads == ["name", "kind", "since", "status", "target areas", "responsible unit", "annual cost",
                     "currency", "last activity", "sources", "relevance 1: Trade", "relevance 2: Culture",
                     "relevance 3: Research", "effect seen", "cost-benefit", "recommendation", "comment",
                     "reviewer", "date", "item (IRI, do not change)"]
    a = row_of(ws, "Network A")
    assert ws.cell(a, col(ws, "since")).value == 2015 and ws.cell(a, col(ws, "annual cost")).value == 10000
    farcity = row_of(ws, "Hometown–Farcity")
    assert [ws.cell(farcity, col(ws, h)).value for h in ("relevance 1: Trade", "relevance 2: Culture",
                                                          "recommendation", "comment", "date")] == [
        3, 1, "Keep", "'=HYPERLINK(\"x\")", dt.datetime(2025, 3, 1)]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:T{ws.max_row}"
    assert ws.protection.sheet and not ws.protection.autoFilter
    assert ws.cell(a, col(ws, "name")).protection.locked  # facts locked
    assert not ws.cell(a, col(ws, "recommendation")).protection.locked  # the assessment open
    rules = {(v.type, v.formula1, str(v.sqref)) for v in ws.data_validations.dataValidation}
    assert ("list", '"Keep,Review,Leave"', f"P2:P{ws.max_row}") in rules
    assert ("whole", "0", " ".join(f"{c}2:{c}{ws.max_row}" for c in "KLM")) in rules
    assert ("date", "36526", f"S2:S{ws.max_row}") in rules
    assert all(ws.column_dimensions[get_column_letter(i)].width >= 8 for i in range(1, 21))
    assert wb["Round"]["B1"].value == ROUND


def test_filled_in_cells_come_back_as_one_change(store):
    wb = book(store, "nb")
    ws = wb.worksheets[0]
    b, farcity = row_of(ws, "Nettverk B"), row_of(ws, "Hjemby–Fjernby")
    for heading, value in (("relevans 1: Handel", 2), ("effekt sett", "Ett møte"), ("anbefaling", "Avslutt"),
                           ("vurdert av", "Ola"), ("dato", dt.datetime(2025, 4, 2))):
        ws.cell(b, col(ws, heading)).value = value
    ws.cell(farcity, col(ws, "anbefaling")).value = "Vurder nærmere"
    count = len(changes.changes(store))
    assert import_workbook(store, saved(wb), "Ola", lang="nb") == ["Hjemby–Fjernby", "Nettverk B"]
    got = {a.item: a for a in assessments(store, "en", "Review 2025")}
    nb = got[EX + "m-home-b"]
    assert (nb.relevance, nb.effect_seen, nb.recommendation, nb.reviewer, nb.date) == (
        {"1": 2}, "Ett møte", "leave", "Ola", "2025-04-02")
    far = got[EX + "agreement-farcity"]
    assert (far.recommendation, far.relevance, far.comment, far.reviewer) == (
        "review", {"1": 3, "2": 1}, "=HYPERLINK(\"x\")", "Kari")  # the neutralised text comes back as written
    new = changes.changes(store)
    assert len(new) == count + 1 and (new[0].action, new[0].editor) == ("review-import", "Ola")
    assert import_workbook(store, saved(wb), "Ola", lang="nb") == []  # the same file again changes nothing


@pytest.mark.parametrize("heading, value, column, message", [
    ("relevance 2: Culture", 7, "L", "the relevance is “7”: write a whole number from 0 to 3"),
    ("recommendation", "Maybe", "P", "unknown recommendation “Maybe”: choose Keep, Review, Leave"),
    ("since", 1999, "C", "facts cannot be changed here (was “2015”, now “1999”); correct facts in the app under "
                         "Edit"),
    ("comment", "=1+1", "Q", "a formula is not allowed here; write plain text"),
])
def test_a_wrong_cell_is_refused_by_sheet_row_and_column_and_nothing_changes(store, heading, value, column, message):
    wb = book(store)
    ws = wb["Review"]
    a = row_of(ws, "Network A")
    for h, v in (("recommendation", "Keep"), ("reviewer", "Ola"), ("date", dt.date(2025, 4, 2))):
        ws.cell(a, col(ws, h)).value = v
    ws.cell(a, col(ws, heading)).value = value
    before, count = snapshot(store), len(changes.changes(store))
    with pytest.raises(InputError) as err:
        import_workbook(store, saved(wb), "Ola")
    assert str(err.value).splitlines() == [
        "The workbook was not imported; nothing has changed. 1 problem(s):",
        f"- Sheet “Review”, row {a}, column {column} ({heading}): {message}"]
    assert isomorphic(store.graph(), before) and len(changes.changes(store)) == count


def test_every_problem_is_listed_in_norwegian(store):
    wb = book(store, "nb")
    ws = wb.worksheets[0]
    a = row_of(ws, "Nettverk A")
    ws.cell(a, col(ws, "relevans 1: Handel")).value = 7
    ws.cell(a, col(ws, "anbefaling")).value = "kanskje"
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        import_workbook(store, saved(wb), "Ola", lang="nb")
    assert str(err.value).splitlines() == [
        "Arbeidsboken ble ikke lest inn, ingenting er endret. 4 problem(er):",
        f"- Ark «Gjennomgang», rad {a}, kolonne K (relevans 1: Handel): relevansen er «7»: skriv et heltall fra 0 "
        "til 3",
        f"- Ark «Gjennomgang», rad {a}, kolonne P (anbefaling): ukjent anbefaling «kanskje»: velg Behold, Vurder "
        "nærmere, Avslutt",
        f"- Ark «Gjennomgang», rad {a}, kolonne R (vurdert av): Skriv navnet på den som vurderer.",
        f"- Ark «Gjennomgang», rad {a}, kolonne S (dato): «» er ikke en dato: skriv den som DD.MM.ÅÅÅÅ eller "
        "ÅÅÅÅ-MM-DD, f.eks. 01.03.2025."]
    assert isomorphic(store.graph(), before)


def test_a_closed_round_refuses_the_workbook(store):
    wb = book(store)
    ws = wb["Review"]
    ws.cell(row_of(ws, "Hometown–Farcity"), col(ws, "recommendation")).value = "Leave"
    set_round_status(store, ROUND, "closed", "Kari")
    before = snapshot(store)
    with pytest.raises(InputError, match="^The round “Review 2025” is closed and cannot be changed."):
        import_workbook(store, saved(wb), "Ola")
    assert isomorphic(store.graph(), before)


def test_a_file_that_is_not_a_workbook_is_refused(store):
    with pytest.raises(InputError) as err:
        import_workbook(store, b"not a workbook", "Ola", name="review.xlsx")
    assert str(err.value).splitlines()[1] == (
        "- review.xlsx is not an Excel workbook: an .xlsx file is a zip archive and this one is not; open it in "
        "Excel and save it as “Excel Workbook (.xlsx)”.")
    with pytest.raises(InputError) as err:
        import_workbook(store, b"name,recommendation\nNetwork A,Keep\n", "Ola", name="review.csv")
    assert str(err.value).splitlines()[1] == (
        "- The file cannot be read as an Excel workbook (.xlsx): download the workbook again and fill it in.")


def rezipped(data: bytes, name: str, part: bytes) -> bytes:
    """The workbook with one part replaced, zipped again."""
    source, buf = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for n in source.namelist():
            out.writestr(n, part if n == name else source.read(n))
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_upload_gate_refuses_a_workbook_built_to_attack_its_reader(store, lang):
    """A review workbook passes the gate every uploaded file passes (graph.edit.uploads) before openpyxl reads
    it: a part that unpacks hundreds of times its size, or declares entities, is refused, and nothing changes."""
    data = export_xlsx(store, lang, "Review 2025")
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    bomb = rezipped(data, "xl/worksheets/sheet1.xml", sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * 4_000_000))
    laughs = rezipped(data, "xl/worksheets/sheet1.xml", b'<!DOCTYPE w [<!ENTITY a "Avslutt">]>' + sheet)
    before, count = snapshot(store), len(changes.changes(store))
    refused = {"en": "The workbook was not imported; nothing has changed. 1 problem(s):",
               "nb": "Arbeidsboken ble ikke lest inn, ingenting er endret. 1 problem(er):"}[lang]
    with pytest.raises(InputError) as err:
        import_workbook(store, bomb, "Ola", lang=lang, name="vurdering.xlsx")
    first, problem = str(err.value).splitlines()
    assert first == refused and problem.startswith("- vurdering.xlsx ")
    assert "xl/worksheets/sheet1.xml" in problem and {"en": "zip bomb", "nb": "zip-bombe"}[lang] in problem
    with pytest.raises(InputError) as err:
        import_workbook(store, laughs, "Ola", lang=lang, name="vurdering.xlsx")
    assert str(err.value).splitlines()[1] == {
        "en": "- vurdering.xlsx: the part xl/worksheets/sheet1.xml contains a DOCTYPE or ENTITY declaration, which is "
              "refused because it can make a reader expand entities without end; save the workbook again from Excel.",
        "nb": "- vurdering.xlsx: delen xl/worksheets/sheet1.xml inneholder en DOCTYPE- eller ENTITY-deklarasjon, og "
              "det avvises fordi den kan få en leser til å utvide entiteter uten ende; lagre arbeidsboka på nytt "
              "fra Excel."}[lang]
    assert isomorphic(store.graph(), before) and len(changes.changes(store)) == count


@pytest.mark.parametrize("lang, message", [
    ("en", "The workbook belongs to no review round (it was downloaded before there was one). Start a round on the "
           "Membership review page or with ikg review new “Review 2027”, write the round's name in the sheet “Round” "
           "next to “round”, and import the workbook again."),
    ("nb", "Arbeidsboken hører ikke til noen gjennomgangsrunde (den ble lastet ned før det fantes en). Start en runde "
           "på siden Gjennomgang av medlemskap eller med ikg review new «Gjennomgang 2027», skriv navnet på runden i "
           "arket «Runde» ved siden av «runde», og importer arbeidsboken på nytt.")])
def test_a_workbook_made_before_any_round_says_how_to_take_it_back(lang, message):
    """A new city's first workbook, downloaded before any round existed, could never be taken back: the message
    said to download the round's workbook again, which gave the same workbook. Now it says what to do, and the
    round's name typed into the workbook is enough."""
    store = MemoryStore()
    store.load(fixture_files())
    wb = load_workbook(io.BytesIO(workbook_bytes(store, lang)))
    ws = wb.worksheets[0]
    heads = {"en": ("recommendation", "Keep", "reviewer", "date"), "nb": ("anbefaling", "Behold", "vurdert av", "dato")}
    rec, keep, who, day = heads[lang]
    farcity = row_of(ws, {"en": "Hometown–Farcity", "nb": "Hjemby–Fjernby"}[lang])  # no round: none assessed
    for heading, value in ((rec, keep), (who, "Kari"), (day, "01.12.2026")):
        ws.cell(farcity, col(ws, heading)).value = value
    before = snapshot(store)
    with pytest.raises(InputError) as refused:
        import_workbook(store, saved(wb), "Kari", lang=lang)
    assert str(refused.value) == message and isomorphic(store.graph(), before)
    new_round(store, "Spring 2026", "Kari", lang=lang)
    wb.worksheets[-1]["B2"] = "Spring 2026"
    name = {"en": "Hometown–Farcity", "nb": "Hjemby–Fjernby"}[lang]
    assert import_workbook(store, saved(wb), "Kari", lang=lang) == [name]
    got = [(a.recommendation, a.date[:10]) for a in assessments(store, "en", "Spring 2026")]
    assert got == [("keep", "2026-12-01")]  # the date as Norwegians write it
