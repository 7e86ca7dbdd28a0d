"""`ikg review` (issue 12): the assessment columns per round, the app's files, rounds opened and closed,
progress; a closed round refuses changes with a clear message and nothing changes."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name

EX = "https://example.org/ikg/"


def assess(store_dir: str, round_: str = "Spring 2025", rec: str = "leave", item: str = EX + "m-home-a") -> None:
    from graph.edit.assessments import save_assessment
    from graph.history.shipped import open_store

    store = open_store(store_dir)
    save_assessment(store, item, round_, {"1": 3, "2": 0}, "Two study visits", "Fee too high", rec,
                    "Ask the unit", "Kari", "2025-03-01")


def test_review_prints_the_assessment_columns_of_a_round(capsys, fixture_dir):  # noqa: F811
    assess(fixture_dir)
    assess(fixture_dir, round_="Autumn 2025", rec="keep")
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "--round", "Spring 2025", "--format", "csv")
    assert code == 0 and err == "Spring 2025 (open)\n"
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out))}
    assert list(rows) == ["Hometown–Farcity", "Hometown–Oldtown", "Network A", "Network B"]
    a = rows["Network A"]
    assert (a["round"], a["recommendation"], a["relevance"], a["effect_seen"], a["cost_benefit"], a["comment"],
            a["reviewer"], a["date"]) == ("Spring 2025", "Leave", "1 Trade: 3; 2 Culture: 0", "Two study visits",
                                          "Fee too high", "Ask the unit", "Kari", "2025-03-01")
    assert (a["annual_cost"], a["currency"]) == ("10000", "NOK")
    assert rows["Network B"]["recommendation"] == ""
    # without --round: the latest open round
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "--lang", "nb")
    assert err == "Autumn 2025 (åpen)\n"
    line = next(x for x in out.splitlines() if x.startswith("medlemskap  Nettverk A"))
    assert "Behold" in line and "1 Handel: 3; 2 Kultur: 0" in line
    assert line.endswith("Kari        1. mars 2025")  # the day as bokmål writes it (it read 2025-03-01)


def test_review_writes_the_apps_files(capsys, fixture_dir, tmp_path):  # noqa: F811
    assess(fixture_dir)
    code, _, err = ikg(capsys, "--store", fixture_dir, "review", "--format", "xlsx")
    assert (code, err.splitlines()[-1]) == (1, "ikg: --format xlsx writes a file: add --out FILE.")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    assert code == 0 and out.startswith(f"Wrote {tmp_path / 'r.xlsx'} (")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[0] == "Review"
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "html", "--out", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "Recommended to leave (1)" in page
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "md")
    assert out.splitlines()[0].startswith("| kind | name | since |")


def test_rounds_open_close_and_a_closed_round_refuses_changes(capsys, fixture_dir):  # noqa: F811
    assess(fixture_dir)
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "close", "Spring 2025", "--editor", "Ola")
    assert (code, out) == (0, "The round “Spring 2025” is closed.\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "rounds")
    assert out.splitlines()[2].split()[:3] == ["Spring", "2025", "closed"]
    from graph.errors import InputError
    from graph.history.shipped import open_store

    store = open_store(fixture_dir)
    before = store.count()
    try:
        assess(fixture_dir, rec="keep")
    except InputError as exc:
        assert str(exc) == ("The round “Spring 2025” is closed and cannot be changed. Reopen it (editors) or pick "
                            "an open round.")
    else:
        raise AssertionError("a closed round took a save")
    assert store.count() == before
    code, _, err = ikg(capsys, "--store", fixture_dir, "review", "close", "Spring 2025", "--lang", "nb")
    assert (code, err) == (1, "ikg: Runden «Spring 2025» er allerede avsluttet.\n")
    code, _, err = ikg(capsys, "--store", fixture_dir, "review", "open", "Nope")
    assert (code, err) == (1, "ikg: Unknown review round “Nope”; the rounds are: Spring 2025.\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "open", EX + "review-round-spring-2025")
    assert (code, out) == (0, "The round “Spring 2025” is open.\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "new", "Spring 2026", "--editor", "Ola")
    assert (code, out) == (0, "The round “Spring 2026” is open.\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history")
    assert [line.split()[3] for line in out.splitlines()[2:5]] == [
        "review-round-new", "review-round-open", "review-round-closed"]


def test_a_round_named_before_there_is_any_says_how_to_start_one(capsys, fixture_dir):  # noqa: F811
    start = {"en": "ikg: Unknown review round “Spring 2026”: there are no review rounds yet. Start one with "
                   "ikg review new \"Spring 2026\".\n",
             "nb": "ikg: Ukjent gjennomgangsrunde «Spring 2026»: det finnes ingen gjennomgangsrunder ennå. Start en "
                   "med ikg review new \"Spring 2026\".\n"}
    for lang, said in start.items():
        for args in (["review", "close", "Spring 2026"], ["review", "open", "Spring 2026"],
                     ["review", "--round", "Spring 2026"], ["review", "progress", "--round", "Spring 2026"]):
            code, out, err = ikg(capsys, "--store", fixture_dir, *args, "--lang", lang)
            assert (code, out, err) == (1, "", said), args

def test_progress_by_kind_and_unit(capsys, fixture_dir):  # noqa: F811
    assess(fixture_dir)
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "progress")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Assessed: 1 of 4"
    words = [x.split() for x in lines]
    assert ["agreement", "0", "2"] in words and ["membership", "1", "2"] in words
    assert ["Culture", "unit", "1", "1"] in words
    left = lines[lines.index("Left to assess (3)") + 3:]
    assert [x.split("  ")[0] for x in left if x] == ["Hometown–Farcity", "Hometown–Oldtown", "Network B"]


def test_import_a_workbook_all_or_nothing(capsys, fixture_dir, tmp_path):  # noqa: F811
    assess(fixture_dir)
    path = tmp_path / "review.xlsx"
    ikg(capsys, "--store", fixture_dir, "review", "--format", "xlsx", "--out", str(path))
    wb = load_workbook(path)
    ws = wb["Review"]
    heads = {c.value: c.column for c in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Network B")
    ws.cell(row, heads["recommendation"]).value = "Keep"
    ws.cell(row, heads["reviewer"]).value = "Ola"
    ws.cell(row, heads["date"]).value = "2025-04-02"
    ws.cell(row, heads["relevance 1: Trade"]).value = 7
    wb.save(path)
    code, _, err = ikg(capsys, "--store", fixture_dir, "review", "import", str(path))
    letter = ws.cell(row, heads["relevance 1: Trade"]).column_letter
    assert (code, err.splitlines()) == (1, [
        "ikg: The workbook was not imported; nothing has changed. 1 problem(s):",
        f"- Sheet “Review”, row {row}, column {letter} (relevance 1: Trade): the relevance is “7”: write a whole "
        "number from 0 to 3"])
    ws.cell(row, heads["relevance 1: Trade"]).value = 2
    wb.save(path)
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "import", str(path), "--dry-run")
    assert (code, out) == (0, "Dry run: 1 assessment(s) would change: Network B\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "import", str(path), "--editor", "Ola")
    assert (code, out) == (0, "Imported 1 assessment(s) in the round “Spring 2025”: Network B\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "csv")
    b = next(r for r in csv.DictReader(io.StringIO(out)) if r["name"] == "Network B")
    assert (b["recommendation"], b["relevance"], b["reviewer"], b["date"]) == (
        "Keep", "1 Trade: 2", "Ola", "2025-04-02")
    # a closed round refuses the workbook (CLI): the message, and nothing changes
    ikg(capsys, "--store", fixture_dir, "review", "close", "Spring 2025")
    ws.cell(row, heads["recommendation"]).value = "Leave"
    wb.save(path)
    code, _, err = ikg(capsys, "--store", fixture_dir, "review", "import", str(path))
    assert (code, err) == (1, "ikg: The round “Spring 2025” is closed and cannot be changed. Reopen it (editors) "
                              "or pick an open round.\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "csv")
    assert next(r for r in csv.DictReader(io.StringIO(out)) if r["name"] == "Network B")["recommendation"] == "Keep"


def test_an_option_or_a_name_the_action_does_not_use_is_refused_and_nothing_changes(capsys, fixture_dir):  # noqa: F811
    from graph.history.shipped import open_store

    before = open_store(fixture_dir).count()
    for args, told in (
        (["rounds", "extra"], "review rounds does not use “extra”; leave it out."),
        (["progress", "Spring 2025"], 'review progress takes no name (“Spring 2025”); a round is chosen with '
                                      '--round "Spring 2025".'),
        (["--lang", "nb", "show", "Vår"], 'review show tar ikke noe navn («Vår»); en runde velges med --round "Vår".'),
        (["rounds", "--out", "r.csv"], "review rounds does not use --out; leave it out."),
        (["--lang", "nb", "new", "Høst 2026", "--dry-run"], "review new bruker ikke --dry-run; ta det bort."),
        (["progress", "--format", "md"], "review progress does not use --format; leave it out."),
        (["open", "Spring 2025", "--round", "Spring 2025"], "review open does not use --round; leave it out."),
    ):
        code, out, err = ikg(capsys, "--store", fixture_dir, "review", *args)
        assert (code, out, err) == (1, "", f"ikg: {told}\n"), args
    assert open_store(fixture_dir).count() == before
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "rounds", "--format", "csv")
    assert code == 0 and out.startswith("round,status,")


def test_progress_says_why_the_units_add_up_to_more_than_the_items(capsys, fixture_dir):  # noqa: F811
    """An item with two responsible units counts under each: the CLI says so, as the app does."""
    from graph.history.shipped import open_store

    store = open_store(fixture_dir)
    ikg_, unit = "https://w3id.org/ikg/ontology#", URIRef(EX + "trade-unit")
    store.apply(add=[(URIRef(EX + "m-home-a"), URIRef(ikg_ + "responsibleUnit"), unit),
                     (unit, RDF.type, URIRef(ikg_ + "MunicipalUnit")),
                     (unit, RDFS.label, Literal("Næringsenheten", lang="nb")),
                     (unit, RDFS.label, Literal("Trade unit", lang="en"))])
    assess(fixture_dir)
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "progress", "--lang", "nb")
    assert code == 0, err
    assert ("En sak med flere ansvarlige enheter telles under hver av dem, så tallene her summerer til 5, ikke 4."
            in out), out


def test_open_or_close_with_no_round_names_the_rounds(capsys, fixture_dir):  # noqa: F811
    """`ikg review open` with no round said «Give the review round a name», the message of `new`."""
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "open")
    assert (code, out, err) == (1, "", 'ikg: There are no review rounds yet. Start one with ikg review new '
                                       '"Review 2025".\n')
    assess(fixture_dir)
    assess(fixture_dir, round_="Autumn 2025", rec="keep")
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "close", "--lang", "nb")
    assert (code, out) == (1, "")
    assert err.startswith('ikg: Oppgi runden: ikg review close "')
    assert "Rundene er: " in err and "Spring 2025" in err and "Autumn 2025" in err
    code, out, err = ikg(capsys, "--store", fixture_dir, "review", "new")
    assert (code, err) == (1, "ikg: Give the review round a name, e.g. “Review 2025”.\n")
