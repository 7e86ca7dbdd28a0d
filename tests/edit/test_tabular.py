"""Spreadsheet import and templates (graph/edit/tabular/): the forms' rules for every row, all or nothing,
every problem with its row and column, headers in both languages, on every backend."""

from __future__ import annotations

import io as stdio
import uuid

import pytest
from openpyxl import Workbook, load_workbook

import graph.edit.importing as importing
import graph.edit.tabular as tabular
import graph.edit.tabular.reader as reader
import graph.history.changes as history
import graph.questions.catalogue as queries
from graph.edit.build import save
from graph.edit.kinds import KIND_BY_NAME
from graph.edit.tabular import TableErrors, patch_from_table, template
from graph.errors import InputError
from graph.store.memory import MemoryStore
from tests.conftest import BACKENDS, fixture_files, make_store
from tests.support import FIXTURES

IMPORT = FIXTURES / "import"
EX = "https://example.org/ikg/"


@pytest.fixture(params=BACKENDS)
def store(request):
    """A fresh store per test, for the tests that write what they import."""
    s = make_store(request.param, fixture_files(), request, f"tabular-{uuid.uuid4().hex[:10]}")
    yield s
    if request.param == "virtuoso":
        s.clear()


def read(name: str) -> bytes:
    return (IMPORT / name).read_bytes()


def refused(store, name, data, **kwargs) -> TableErrors:
    """An import that must fail; nothing may be written."""
    before = store.count()
    with pytest.raises(TableErrors) as info:
        patch_from_table(store, name, data, **kwargs)
    assert store.count() == before
    return info.value


def workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = stdio.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_template_imports_cleanly(fixture_store, fmt, lang):
    before = fixture_store.count()
    for kind in KIND_BY_NAME:
        data = template(kind, fmt, lang, store=fixture_store)
        same = kind in ("document", "funding-programme") and fmt == "csv"  # the same columns: say which
        patch = patch_from_table(fixture_store, f"{kind}.{fmt}", data, lang=lang, kind=kind if same else None)
        expected = {kind: 1, "participation": 1} if kind == "project" else {kind: 1}
        assert (patch.kind, patch.rows, patch.counts) == (kind, 1, expected), kind
        assert len(patch.add) > 5 and len(patch.remove) == 0
        # the example row is said to be one, before anything is written (a country's example is a real one)
        assert patch.examples == ([] if kind == "country" else [2]), kind
    assert fixture_store.count() == before


def test_the_template_example_row_is_pointed_out_before_import(fixture_store):
    data = template("membership", "csv", "nb", store=fixture_store)
    preview = importing.prepare(fixture_store, "medlemskap.csv", data, lang="nb")
    assert preview.warnings == [
        "Rad 2 er eksempelraden fra malen (kilden er https://www.example.org/). Bekrefter du, blir den importert som "
        "ekte data: slett raden, eller skriv inn dine egne verdier og kilden deres, og importer filen på nytt."]
    header, example = template("network", "csv", "en", store=fixture_store).decode("utf-8-sig").splitlines()
    second = example.replace("Example", "Other").replace("Eksempel", "Annet")
    twice = importing.prepare(fixture_store, "to.csv", "\n".join([header, example, second]).encode(), lang="en")
    assert twice.warnings == [
        "Rows 2, 3 have the template's example source (https://www.example.org/). If you confirm, they are imported "
        "as real data: delete them, or type in your own values and their sources, and import the file again."]
    own = example.replace("https://www.example.org/", "https://www.trondheim.kommune.no/")
    assert importing.prepare(fixture_store, "own.csv", f"{header}\n{own}".encode(), lang="en").warnings == []


def test_an_active_thing_whose_end_is_past_is_pointed_out(fixture_store):
    header, example = template("network", "csv", "nb", store=fixture_store).decode("utf-8-sig").splitlines()
    row = example.replace(";2024;;", ";2015;2019;").replace("https://www.example.org/", "https://www.ntnu.no/")
    ended = row.replace("Aktiv", "Avsluttet").replace("Eksempel", "Annet").replace("Example", "Other")
    preview = importing.prepare(fixture_store, "nett.csv", "\n".join([header, row, ended]).encode(), lang="nb")
    assert preview.warnings == ["Rad 2 har status «Aktiv», men slutter i 2019, som er passert: sett status "
                                "«Avsluttet» hvis den er over, eller rett sluttdatoen."]
    later = row.replace(";2015;2019;", ";2015;2099;")
    assert importing.prepare(fixture_store, "nett.csv", f"{header}\n{later}".encode(), lang="nb").warnings == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_csv_excel_saved_as_windows_1252_imports_and_says_so(fixture_store, lang):
    header, example = template("network", "csv", lang, store=fixture_store).decode("utf-8-sig").splitlines()
    row = (example.replace("Eksempelnettverket", "Nettverket for små byer i Sør-Trøndelag")
           .replace("The Example Network", "Small towns of Sør-Trøndelag").replace("www.example.org", "www.ntnu.no"))
    data = f"{header}\r\n{row}\r\n".encode("cp1252")  # Excel's "CSV": Windows-1252, CRLF, no BOM
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    before = fixture_store.count()
    preview = importing.prepare(fixture_store, "nettverk.csv", data, lang=lang)
    assert [e.label for e in preview.new] == [
        {"nb": "Nettverket for små byer i Sør-Trøndelag", "en": "Small towns of Sør-Trøndelag"}[lang]]
    assert preview.warnings == [{
        "nb": "Filen er ikke lagret som UTF-8, så den er lest som Windows-1252 (det Excel lagrer som «CSV»). Se etter "
              "at æ, ø, å og andre bokstaver er riktige i verdiene fra filen; er de ikke det, lagre "
              "filen som «CSV UTF-8» og importer den på nytt.",
        "en": "The file is not saved as UTF-8, so it was read as Windows-1252 (what Excel saves as “CSV”). Check that "
              "æ, ø, å and other letters are right in the file's values; if they are not, save "
              "the file as “CSV UTF-8” and import it again."}[lang]]
    assert fixture_store.count() == before  # a preview writes nothing
    utf8 = importing.prepare(fixture_store, "nettverk.csv", data.decode("cp1252").encode("utf-8-sig"), lang=lang)
    assert utf8.warnings == [] and [e.label for e in utf8.new] == [e.label for e in preview.new]


def test_a_new_project_names_its_partners_participations_by_its_own_name(fixture_store):
    data = template("project", "csv", "en", store=fixture_store)
    preview = importing.prepare(fixture_store, "project.csv", data, lang="en")
    assert [(e.kind, e.label, e.iri.rsplit("/", 1)[1]) for e in preview.new] == [
        ("Project", "The Example Project", "project-the-example-project"),
        ("Project participation", "Hometown Municipality in The Example Project",
         "participation-hometown-municipality-in-the-example-project")]
    assert [(line.item, line.after) for line in preview.values if line.what == "name"] == [
        ("Hometown Municipality in The Example Project",
         "Hjemby kommune i Eksempelprosjektet; Hometown Municipality in The Example Project"),
        ("The Example Project", "Eksempelprosjektet; The Example Project")]


@pytest.mark.parametrize("named", ["network", "Nettverk", " NETWORK ", "Network"])
def test_a_kind_is_named_by_its_name_or_its_label_in_either_language(fixture_store, named):
    wanted = refused(fixture_store, "m.csv", b"Name in English,Colour\nX,red\n", kind=named, lang="nb")
    assert wanted.problems[0][2].startswith("Kolonneoverskriftene passer ikke for nettverk: ukjent «Colour»")
    assert wanted.problems[0][2].endswith("(på Importer-siden, eller `ikg template network --out MAPPE`).")


def test_an_unknown_kind_lists_the_kinds(fixture_store):
    with pytest.raises(InputError, match=r"^Ukjent slag «Nettverket»; slagene er: actor, network, membership, "):
        refused(fixture_store, "m.csv", b"Name in English\nX\n", kind="Nettverket", lang="nb")


def test_a_row_naming_what_a_refused_row_adds_points_to_that_row(fixture_store):
    data = (b"Kind,Name in Norwegian,Name in English,Target areas,Member,Network,Other source\n"
            b"Network,Byer for fred,Cities for Peace,9,,,Letter\n"  # no target area 9
            b"Membership,,,,Hometown Municipality,Cities for Peace,Letter\n"
            b"Membership,,,,The University,byer for fred,Letter\n")
    error = refused(fixture_store, "mixed.csv", data, lang="en")
    assert [p for p in error.problems if p[0] != 2] == [
        (3, "Network", "“Cities for Peace” is added by row 2 of this file, which has a problem of its own: mend "
                       "row 2 first."),
        (4, "Network", "“byer for fred” is added by row 2 of this file, which has a problem of its own: mend row 2 "
                       "first.")]
    assert [p[1] for p in error.problems if p[0] == 2] == ["Target areas"]
    nb = refused(fixture_store, "mixed.csv", data, lang="nb")
    assert nb.problems[1] == (3, "Network", "«Cities for Peace» legges til av rad 2 i denne filen, som har et problem "
                                            "selv: rett rad 2 først.")


def test_csv_template_headers_and_example():
    en = template("network", "csv", "en").decode("utf-8-sig").splitlines()
    assert en[0] == ("Identifier,Name in Norwegian *,Name in English *,Other names,Target areas,SDGs,Status,Start,End,"
                     "Source: section,Source: quote,Other source,Source web address,Evidence")
    assert en[1] == (",Eksempelnettverket,The Example Network,,1,11; 17,Active,2024,,,,"
                     "\"E-mail from the international relations unit, 3 March 2026\",https://www.example.org/,"
                     "Stated by the source")
    raw = template("membership", "csv", "nb")
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads æøå right
    nb = raw.decode("utf-8-sig").splitlines()
    assert nb[0] == ("Identifikator;Medlem *;Nettverk *;Rolle;Status;Start;Slutt;Ansvarlig enhet;Årlig kostnad;"
                     "Valuta;Navn på norsk;Navn på engelsk;Kilde: avsnitt;Kilde: sitat;Annen kilde;Kildens nettadresse;"
                     "Belegg")


def test_xlsx_template_has_the_kind_sheet_and_help():
    wb = load_workbook(stdio.BytesIO(template("twin-city-agreement", "xlsx", "nb")))
    assert wb.sheetnames == ["Vennskapsbyavtale", "Hjelp", "Lister"]
    ws = wb["Vennskapsbyavtale"]
    assert [c.value for c in ws[1]][:4] == ["Identifikator", "Vennskapsby *", "Avtaletype *", "Status *"]
    assert [c.value for c in ws[2]][2:5] == ["Intensjonsavtale", "Planlagt", "2025"]
    help_rows = {row[0]: row for row in wb["Hjelp"].iter_rows(min_row=6, values_only=True)}
    assert help_rows["Status *"][1:] == ("ja", "Velg aktiv, sovende, avsluttet eller planlagt, slik den nyeste kilden "
                                                "sier.", "Aktiv; Avsluttet; Planlagt; Sovende")
    actor = load_workbook(stdio.BytesIO(template("actor", "xlsx", "en")))["Help"]
    rows = {row[0]: row for row in actor.iter_rows(min_row=6, values_only=True)}
    assert rows["Country"][1] == "for city or municipality"
    assert rows["Unit of"][1] == "for municipal unit"


def test_template_cells_are_neutralised():
    s = MemoryStore()
    s.load(fixture_files())
    save(s, "network", {"label_nb": "=HYPERLINK(\"http://x\")", "label_en": "=HYPERLINK(\"http://x\")",
                        "source_reference": "Letter"}, editor="Kari")
    text = template("membership", "csv", "en", store=s).decode("utf-8-sig").splitlines()[1]
    assert "'=HYPERLINK" in text
    ws = load_workbook(stdio.BytesIO(template("membership", "xlsx", "en", store=s)))["Membership"]
    assert ws["C2"].value == "'=HYPERLINK(\"http://x\")"
    # read back, the cell names the network again
    patch = patch_from_table(s, "m.xlsx", template("membership", "xlsx", "en", store=s), lang="en")
    assert patch.counts == {"membership": 1}


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def test_headers_of_both_languages(fixture_store):
    nb = patch_from_table(fixture_store, "networks-nb.csv", read("networks-nb.csv"), lang="nb")
    assert nb.preview("nb") == "2 rader lest fra networks-nb.csv: 2 × Nettverk."
    assert nb.items == [(2, EX + "network-climate-cities", "Klimabyer"), (3, EX + "network-port-cities", "Havnebyer")]
    en = patch_from_table(fixture_store, "networks-en.csv", read("networks-en.csv"), kind="network", lang="en")
    assert en.preview("en") == "2 rows read from networks-en.csv: 2 × Network."
    machine = b"label_en,label_nb,source_reference\nClimate Cities,Klimabyer,Letter\n"
    one = patch_from_table(fixture_store, "m.csv", machine, kind="network", lang="en")
    assert one.preview("en") == "1 row read from m.csv: 1 × Network."
    assert one.summary == {"kind": "network", "rows": 1, "new": {"network": 1}}
    guessed = patch_from_table(fixture_store, "m.csv", machine, lang="en")  # these columns fit networks best
    assert guessed.kind == "network"


def test_a_network_and_memberships_in_it_from_one_file(store):
    patch = patch_from_table(store, "mixed.csv", read("network-and-memberships.csv"), lang="en")
    assert (patch.kind, patch.counts) == ("mixed", {"network": 1, "membership": 2})
    assert store.ask("ASK { ?n rdfs:label \"Climate Cities\"@en }") is False  # nothing written yet
    history.commit(store, add=patch.add, remove=patch.remove, editor="Kari", action="import", why="mixed.csv")
    members = queries.run(store, "members", {"network": "Climate Cities"}, "en").rows
    letter = "E-mail from the EU office, 3 March 2026"  # a free-text source shows (issue 14)
    assert members == [["Hometown Municipality", "City or municipality", "2019", "", "Member", letter],
                       ["The University", "University or college", "2020", "", "Member", letter]]
    review = [r for r in queries.run(store, "review", {}, "en").rows if r[1] == "Climate Cities"]
    assert review == [["membership", "Climate Cities", "2019", "Active", "", "", "12500", "NOK", "",
                       "E-mail from the EU office, 3 March 2026"]]  # the source the file gave in words
    again = refused(store, "mixed.csv", read("network-and-memberships.csv"), lang="en")  # adds no copies
    assert again.problems == [
        (2, "Identifier", "The identifier “climate-cities” is already used by “Climate Cities” "
                          "<https://example.org/ikg/climate-cities>: choose another identifier, or correct the "
                          "existing one."),
        (3, "", "“Hometown Municipality” is already a member of “Climate Cities” in the graph (“Hometown Municipality "
                "in Climate Cities” <https://example.org/ikg/membership-hometown-municipality-in-climate-cities>): to "
                "change that membership, do so on the Edit page; otherwise remove this row."),
        (4, "", "“The University” is already a member of “Climate Cities” in the graph (“The University in Climate "
                "Cities” <https://example.org/ikg/membership-the-university-in-climate-cities>): to change that "
                "membership, do so on the Edit page; otherwise remove this row.")]


def test_wrong_csv_headers(fixture_store):
    error = refused(fixture_store, "wrong.csv", read("wrong-headers.csv"), kind="network", lang="en")
    assert error.problems == [(1, "", "The column headers do not fit network: unknown “Colour”. The columns are: "
                                      "Identifier, Name in Norwegian *, Name in English *, Other names, Target areas, "
                                      "SDGs, Status, Start, End, Source: section, Source: quote, Other source, Source "
                                      "web address, Evidence (those marked * must be there). The template shows "
                                      "them (on the Import page, or `ikg template network --out FOLDER`).")]
    missing = b"Name in English,Other source\nClimate Cities,Letter\n"
    error = refused(fixture_store, "m.csv", missing, kind="network", lang="nb")
    assert error.problems[0][2].startswith("Kolonneoverskriftene passer ikke for nettverk: mangler «Navn på norsk *»")
    error = refused(fixture_store, "wrong.csv", read("wrong-headers.csv"), lang="en")
    assert error.problems == [(1, "", "Cannot tell what kind of thing the file holds: its columns fit no template "
                                      "(“Name in English”, “Name in Norwegian”, “Colour”, “Other source”). Choose the "
                                      "kind (on the Import page, or `ikg import --kind KIND`), or use a template: "
                                      "Actor, Network, Membership, Twin-city agreement, "
                                      "Project, Project participation, Activity, Country, City, Source document, "
                                      "Section, Target area, Funding programme.")]


def test_a_csv_row_with_an_unquoted_separator_is_told_as_that(fixture_store):
    """«11; 17» unquoted split a row into one field too many: each shifted column was refused in turn («"17" is not
    one of the choices for Status», «A web address alone is not enough»). The row is told once, as what it is."""
    data = ("Navn på norsk *;Navn på engelsk *;Bærekraftsmål;Status;Annen kilde\n"
            "Klimabyer;Climate Cities;11; 17;Aktiv;Brev 2024\n"
            "Havbyer;Ocean Cities;14;Aktiv;Brev 2024\n").encode()
    error = refused(fixture_store, "n.csv", data, kind="network", lang="nb")
    assert error.problems == [(2, "", "Raden har 6 felt, men overskriften har 5: en verdi med «;» i seg må stå i "
                                      "anførselstegn (\"11; 17\"), ellers deles den i to felt.")]


def test_xlsx_with_a_wrong_sheet(fixture_store):
    data = workbook({"Sheet1": [["Name in English", "Name in Norwegian"], ["Climate Cities", "Klimabyer"]]})
    error = refused(fixture_store, "networks.xlsx", data, lang="en")
    assert error.problems == [(None, "", "The workbook has no sheet for any kind: its sheets are “Sheet1”. Name the "
                                         "sheet holding the data one of: “Actor”, “Network”, “Membership”, “Twin-city "
                                         "agreement”, “Project”, “Project participation”, “Activity”.")]
    error = refused(fixture_store, "networks.xlsx", data, kind="network", lang="nb")
    assert str(error) == ("Arbeidsboka har ikke et ark for nettverk: arkene heter «Sheet1». Gi arket med dataene et "
                          "av disse navnene: «Nettverk» / «Network».")


def test_several_bad_rows_are_all_listed(fixture_store):
    error = refused(fixture_store, "bad.csv", read("bad-rows.csv"), kind="membership", lang="en")
    assert error.problems == [
        (2, "Network *", "There is no network called “Network C” in the graph: write its name as the graph has it, "
                         "or its identifier, or add it first."),
        (3, "Start", "The date “31.02.2019” does not exist: February 2019 has 28 days. Check the day and the month."),
        (3, "Annual cost", "The amount “-100” is negative: write the cost as a positive number."),
        (4, "Currency", "“kr” is not a currency code: write the ISO 4217 code in three capital letters, e.g. NOK or "
                        "EUR."),
        (4, "Source web address", "“www.example.org” is not a web address: write the whole address, starting with "
                                  "http:// or https://, without spaces and without the characters < > \" { } | "
                                  "\\ ^ `."),
        (4, "Other source", "A web address alone is not enough: describe the source under “Other source” too (e.g. "
                            "the page's title and date)."),
    ]
    assert str(error).splitlines()[1] == ("Row 3, column Start: The date “31.02.2019” does not exist: February 2019 "
                                          "has 28 days. Check the day and the month.")


def test_bad_rows_in_a_workbook_name_the_column_letter(fixture_store):
    rows = [["Medlem *", "Nettverk *", "Start", "Slutt", "Annen kilde"],
            ["Universitetet", "Nettverk A", "2019", "2010", "Brev"],
            ["Universitetet", "Nettverk A", "=TODAY()", None, "Brev"],
            ["Ensom AS", "Nettverk B", dt_cell(), None, None]]
    error = refused(fixture_store, "m.xlsx", workbook({"Medlemskap": rows}), lang="nb")
    assert error.problems == [
        (2, "Slutt (D)", "Slutten (2010) er før starten (2019): sjekk datoene (kanskje de er byttet om)."),
        (3, "Start (C)", "Cellen inneholder en formel (=TODAY()): skriv selve verdien."),
        (3, "", "«Universitetet» er allerede medlem av «Nettverk A» i grafen («Universitetet i Nettverk A» "
                "<https://example.org/ikg/m-uni-a>): vil du endre medlemskapet, gjør det på Rediger-siden; ellers "
                "tar du raden bort."),
        (4, "Annen kilde (E)", "Kilde mangler: hvert nytt faktum trenger en kilde. Velg avsnittet og lim inn sitatet, "
                               "eller beskriv kilden under «Annen kilde»."),
    ]


def dt_cell():
    import datetime as dt

    return dt.datetime(2019, 3, 1)


def test_all_or_nothing(fixture_store):
    error = refused(fixture_store, "five.csv", read("five-rows-one-bad.csv"), lang="en")
    assert error.problems == [(5, "target_areas", "Unknown target area “9”; the target areas are: 1 Trade, 2 Culture, "
                                                  "3 Research.")]
    fixed = read("five-rows-one-bad.csv").replace(b",9,", b",2,")
    patch = patch_from_table(fixture_store, "five.csv", fixed, lang="en")
    assert (patch.rows, patch.counts) == (5, {"network": 5})


def test_duplicate_identifiers_in_the_file_and_the_store(fixture_store):
    data = (b"Identifier,Name in English,Name in Norwegian,Other source\n"
            b"net-x,X,X,Letter\nnet-x,Y,Y,Letter\nnet-a,Z,Z,Letter\n")
    error = refused(fixture_store, "dup.csv", data, kind="network", lang="en")
    assert error.problems == [
        (3, "Identifier", "The identifier “net-x” is already used in row 2 of this file: give each row its own "
                          "identifier."),
        (4, "Identifier", "The identifier “net-a” is already used by “Network A” <https://example.org/ikg/net-a>: "
                          "choose another identifier, or correct the existing one."),
    ]


def test_problems_of_the_file_as_a_whole(fixture_store):
    def only(data, name="x.csv", **kwargs):
        return refused(fixture_store, name, data, lang="en", **kwargs).problems

    assert only(b"") == [(None, "", "The file is empty: fill in the template (row 1 holds the headers, one row per "
                                    "thing) and import it again.")]
    assert only("\ufeffName in English,Name in Norwegian,Other source\n".encode(), kind="network") == [
        (None, "", "The file has headers but no rows of data: fill in one row per thing under the headers.")]
    assert only("Name in English,Other\nKøbenhavn,x\n".encode("latin-1") + b"\x81\n") == [  # nor Windows-1252
        (None, "", "The file is not UTF-8: save it as “CSV UTF-8” (in Excel: Save as › CSV UTF-8).")]
    assert only(b"PK\x03\x04 not really a workbook", name="x.xlsx") == [
        (None, "", "The file cannot be read as an Excel workbook (.xlsx): open it in Excel and save it as .xlsx, or "
                   "save it as CSV UTF-8.")]
    assert only(b"\xd0\xcf\x11\xe0 old excel", name="old.xls") == [
        (None, "", "“old.xls” is neither CSV nor Excel (.xlsx): save the file as CSV (UTF-8) or as an Excel workbook "
                   "(.xlsx).")]
    mixed = "Kind,Name in English,Name in Norwegian,Member,Other source\nTrain,X,X,,Letter\nNetwork,Y,Y,Lonely Ltd,L\n"
    assert only(mixed.encode()) == [
        (2, "Kind", "Unknown kind “Train”: write one of Actor, Network, Membership, Twin-city agreement, Project, "
                    "Project participation, Activity, Country, City, Source document, Section, Target area, "
                    "Funding programme."),
        (3, "Member", "This column is not used for rows of the kind network: leave the cell empty.")]


def test_too_many_rows(fixture_store, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 4)
    error = refused(fixture_store, "five.csv", read("five-rows-one-bad.csv"), lang="nb")
    assert error.problems == [(None, "", "Filen har mer enn 4 rader med data: del den opp i filer med høyst 4 rader.")]


def test_table_errors_is_an_input_error():
    error = TableErrors([(None, "", "The file is empty."), (3, "", "Whole row."), (4, "Start (C)", "Bad.")], "nb")
    assert isinstance(error, InputError)
    assert str(error) == "The file is empty.\nRad 3: Whole row.\nRad 4, kolonne Start (C): Bad."
    assert tabular.format_problem((2, "Network", "x"), "en") == "Row 2, column Network: x"
