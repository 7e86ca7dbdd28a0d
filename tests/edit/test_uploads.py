"""The upload gate (graph/edit/uploads.py): every refused file gets one exact message, in nb and en, and an
import that the gate refuses leaves the store exactly as it was, on every backend."""

from __future__ import annotations

import io
import os
import zipfile

import openpyxl
import pytest

import graph.edit.importing as importing
import graph.edit.uploads as uploads
from graph.edit.uploads import check_upload
from graph.errors import InputError
from tests.support import FIXTURES

UPLOADS = FIXTURES / "upload"
TTL = b"@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n"


def refusal(name: str, data: bytes, lang: str = "en", **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        check_upload(name, data, lang, **kwargs)
    assert caught.value.__cause__ is None  # one line for people, no chained parser error
    return str(caught.value)


def workbook(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


MINIMAL_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                           b'content-types"/>',
    "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
}


def real_workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["name_en", "name_nb"])
    book.active.append(["Network X", "Nettverk X"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- accepted files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name, data, kind", [
    ("x.ttl", TTL, "turtle"),
    ("X.TTL", TTL, "turtle"),
    ("x.nt", b"<https://e/a> <https://e/b> <https://e/c> .\n", "nt"),
    ("x.jsonld", b'{"@id": "https://e/a"}', "json-ld"),
    ("x.json", b'\xef\xbb\xbf  [{"@id": "https://e/a"}]', "json-ld"),
    ("x.csv", "name_en,name_nb\nTromsø,Tromsø\n".encode(), "csv"),
])
def test_accepted_text_files(name, data, kind):
    assert check_upload(name, data, "en") == kind


def test_a_real_workbook_is_accepted():
    assert check_upload("networks.xlsx", real_workbook(), "en") == "xlsx"


# --- size --------------------------------------------------------------------------------------


def test_over_the_size_limit():
    data = TTL + b"#" * (150 - len(TTL))
    assert refusal("big.ttl", data, max_bytes=100) == (
        "big.ttl is 150 bytes, over the limit of 100 bytes: split it into smaller files, or ask whoever runs the "
        "tool to raise IKG_MAX_UPLOAD_MB."
    )
    assert refusal("big.ttl", data, "nb", max_bytes=100) == (
        "big.ttl er 150 byte, mer enn grensen på 100 byte: del den opp i mindre filer, eller be den som drifter "
        "verktøyet om å heve IKG_MAX_UPLOAD_MB."
    )


def test_the_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("IKG_MAX_UPLOAD_MB", "0.5")
    assert uploads.max_upload_bytes() == 512 * 1024
    assert refusal("big.ttl", TTL + b"#" * (600 * 1024)) == (
        "big.ttl is 600.1 KB, over the limit of 512 KB: split it into smaller files, or ask whoever runs the tool "
        "to raise IKG_MAX_UPLOAD_MB."
    )
    monkeypatch.setenv("IKG_MAX_UPLOAD_MB", "ten")
    assert refusal("x.ttl", TTL) == "IKG_MAX_UPLOAD_MB must be a positive number of megabytes, not “ten”."
    monkeypatch.delenv("IKG_MAX_UPLOAD_MB")
    assert uploads.max_upload_bytes() == uploads.DEFAULT_MAX == 10 * 1024 * 1024


def test_sizes_are_written_for_people():
    assert [uploads.size_text(n) for n in (0, 1023, 1024, 1536, 10 * 1024 * 1024, 15_000_000)] == [
        "0 bytes", "1023 bytes", "1 KB", "1.5 KB", "10 MB", "14.3 MB"]
    assert uploads.size_text(15_000_000, "nb") == "14,3 MB"


def test_empty_file():
    assert refusal("x.ttl", b"") == "x.ttl is empty: choose the file again, or check that it was saved."


# --- types ---------------------------------------------------------------------------------------


def test_unknown_type_lists_the_accepted_ones():
    expected = ("notes.pdf: files of this type cannot be imported; use Turtle (.ttl), JSON-LD (.jsonld or .json), "
                "N-Triples (.nt), CSV (.csv) or Excel (.xlsx).")
    assert refusal("notes.pdf", b"%PDF-1.7") == expected
    assert refusal("notes", TTL).startswith("notes: files of this type cannot be imported")
    assert refusal("notes.pdf", b"%PDF-1.7", "nb") == (
        "notes.pdf: filer av denne typen kan ikke importeres; bruk Turtle (.ttl), JSON-LD (.jsonld eller .json), "
        "N-Triples (.nt), CSV (.csv) eller Excel (.xlsx).")


RDF_XML_EN = ("{name} is RDF/XML, which is not accepted (an XML reader can be made to expand entities without end or "
              "to read files on the server): convert it to Turtle on your own machine first, e.g. with "
              "`rdfpipe -i xml -o turtle {name} > file.ttl`, and import the .ttl file.")


@pytest.mark.parametrize("name", ["rdf-xml.rdf", "ontology.owl", "data.XML"])
def test_rdf_xml_is_refused_with_advice_to_convert(name):
    assert refusal(name, (UPLOADS / "rdf-xml.rdf").read_bytes()) == RDF_XML_EN.format(name=name)


def test_rdf_xml_in_norwegian():
    assert refusal("rdf-xml.rdf", (UPLOADS / "rdf-xml.rdf").read_bytes(), "nb") == (
        "rdf-xml.rdf er RDF/XML, som ikke tas imot (en XML-leser kan lures til å utvide entiteter uten ende eller "
        "lese filer på tjeneren): gjør den om til Turtle på din egen maskin først, f.eks. med "
        "`rdfpipe -i xml -o turtle rdf-xml.rdf > fil.ttl`, og importer .ttl-filen.")


def test_xml_content_under_a_turtle_name_is_refused():
    assert refusal("rdf-xml-named.ttl", (UPLOADS / "rdf-xml-named.ttl").read_bytes()) == (
        "rdf-xml-named.ttl contains XML, not Turtle: RDF/XML is not accepted; convert it to Turtle on your own "
        "machine first, e.g. with `rdfpipe -i xml -o turtle file.rdf > file.ttl`, and import the .ttl file.")
    assert refusal("x.jsonld", b'  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>').startswith(
        "x.jsonld contains XML, not JSON-LD:")


# --- entity expansion ("billion laughs") ---------------------------------------------------------

DOCTYPE_EN = ("{name}, line {line}: the file contains a DOCTYPE or ENTITY declaration (“{found}”), which is refused "
              "because it can make a reader expand entities without end; remove the declaration (Turtle, JSON-LD, "
              "N-Triples and CSV never need one).")


def test_billion_laughs_as_turtle():
    data = (UPLOADS / "billion-laughs.ttl").read_bytes()
    assert len(data) <= 1024
    assert refusal("billion-laughs.ttl", data) == DOCTYPE_EN.format(name="billion-laughs.ttl", line=2,
                                                                     found="<!DOCTYPE")
    assert refusal("billion-laughs.ttl", data, "nb") == (
        "billion-laughs.ttl, linje 2: filen inneholder en DOCTYPE- eller ENTITY-deklarasjon («<!DOCTYPE»), og det "
        "avvises fordi den kan få en leser til å utvide entiteter uten ende; fjern deklarasjonen (Turtle, JSON-LD, "
        "N-Triples og CSV trenger den aldri).")


def test_billion_laughs_as_rdf_xml_is_never_read():
    data = (UPLOADS / "billion-laughs.rdf").read_bytes()
    assert refusal("billion-laughs.rdf", data) == RDF_XML_EN.format(name="billion-laughs.rdf")


@pytest.mark.parametrize("name, data, line, found", [
    ("x.ttl", TTL + b'ex:a ex:b "<!doctype html>" .\n', 3, "<!doctype"),
    ("x.jsonld", b'{\n "@id": "https://e/a",\n "https://e/b": "<!DOCTYPE x>"}', 3, "<!DOCTYPE"),
    ("x.csv", b"name_en\n<!ENTITY a 'b'>\n", 2, "<!ENTITY"),
    ("x.nt", b'<https://e/a> <https://e/b> "<!DocType>" .\n', 1, "<!DocType"),
])
def test_any_doctype_in_any_text_file_is_refused(name, data, line, found):
    assert refusal(name, data) == DOCTYPE_EN.format(name=name, line=line, found=found)


# --- text that is not text ----------------------------------------------------------------------


def test_non_utf8_text():
    assert refusal("latin1.ttl", (UPLOADS / "latin1.ttl").read_bytes()) == (
        "latin1.ttl, line 4, column 34: the text is not UTF-8 (byte 0xf8); save the file as UTF-8 (in Excel: "
        "“CSV UTF-8”) and import it again.")
    # a CSV may be Windows-1252, as Excel's plain "CSV" saves it; one that is neither is refused
    assert check_upload("members.csv", "name\nTromsø\n".encode("cp1252"), "nb") == "csv"
    assert refusal("members.csv", "name\nTromsø\n".encode("cp1252") + b"\x81\n", "nb") == (
        "members.csv, linje 2, kolonne 6: teksten er ikke UTF-8 (byte 0xf8); lagre filen som UTF-8 (i Excel: "
        "«CSV UTF-8») og importer den på nytt.")
    assert refusal("members.ttl", "ex:a ex:b \"Tromsø\" .\n".encode("cp1252"), "nb").startswith(
        "members.ttl, linje 1, kolonne 17: teksten er ikke UTF-8 (byte 0xf8)")  # RDF is UTF-8 by its standards


def test_utf16_text():
    assert refusal("members.csv", "name\nTromsø\n".encode("utf-16")) == (
        "members.csv is saved as UTF-16; save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it again.")


def test_binary_content_under_a_text_suffix():
    assert refusal("x.ttl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        "x.ttl contains binary data, not Turtle text: check that you chose the right file.")
    assert refusal("x.ttl", real_workbook()) == (
        "x.ttl is a zip file (perhaps an Excel workbook), not Turtle text: if it is a workbook, name it .xlsx.")


def test_json_suffix_without_json():
    assert refusal("x.json", TTL) == (
        "x.json does not contain JSON (JSON-LD starts with “{” or “[”): check that you chose the right file; a "
        "Turtle file is named .ttl.")


# --- workbooks -----------------------------------------------------------------------------------


def test_xlsx_that_is_not_a_zip():
    assert refusal("not-a-zip.xlsx", (UPLOADS / "not-a-zip.xlsx").read_bytes()) == (
        "not-a-zip.xlsx is not an Excel workbook: an .xlsx file is a zip archive and this one is not; open it in "
        "Excel and save it as “Excel Workbook (.xlsx)”.")
    assert refusal("not-a-zip.xlsx", (UPLOADS / "not-a-zip.xlsx").read_bytes(), "nb") == (
        "not-a-zip.xlsx er ikke en Excel-arbeidsbok: en .xlsx-fil er et zip-arkiv, og denne er det ikke; åpne den "
        "i Excel og lagre den som «Excel-arbeidsbok (.xlsx)».")


def test_old_excel_file_named_xlsx():
    assert refusal("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100) == (
        "old.xlsx is an old Excel file (.xls) or a password-protected workbook: save it as “Excel Workbook "
        "(.xlsx)” without a password.")


def test_zip_that_is_not_a_workbook():
    assert refusal("photos.xlsx", workbook({"a.txt": b"hello"})) == (
        "photos.xlsx is a zip archive but not an Excel workbook (it has no [Content_Types].xml): save it from "
        "Excel as “Excel Workbook (.xlsx)”.")


def test_zip_bomb_by_compression_ratio():
    data = workbook({**MINIMAL_PARTS, "xl/worksheets/sheet1.xml": b"<" + b"0" * (4 * 1024 * 1024)})
    assert len(data) < 20_000  # a few KB that unpack to 4 MB
    part = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    ratio = int(part.file_size / part.compress_size)
    assert refusal("bomb.xlsx", data) == (
        f"bomb.xlsx is refused: its part xl/worksheets/sheet1.xml is compressed {ratio} times (more than 100 times "
        "is a zip bomb, not a spreadsheet); save the workbook again from Excel, or save the sheet as CSV.")


def test_zip_bomb_by_total_size(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNPACKED", 100_000)
    parts = {**MINIMAL_PARTS, **{f"xl/media/image{n}.bin": os.urandom(30_000) for n in range(4)}}
    assert refusal("big.xlsx", workbook(parts, zipfile.ZIP_STORED)) == (
        "big.xlsx is refused: it would unpack to 117.3 KB (the limit is 97.7 KB); this is not an ordinary "
        "spreadsheet: save the sheet as CSV, or split it.")


def test_doctype_inside_a_workbook_part():
    parts = {**MINIMAL_PARTS, "xl/sharedStrings.xml": b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><sst/>'}
    assert refusal("laughs.xlsx", workbook(parts)) == (
        "laughs.xlsx: the part xl/sharedStrings.xml contains a DOCTYPE or ENTITY declaration, which is refused "
        "because it can make a reader expand entities without end; save the workbook again from Excel.")
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><sst/>'.encode("utf-16")
    assert refusal("laughs16.xlsx", workbook({**MINIMAL_PARTS, "xl/sharedStrings.xml": utf16})).startswith(
        "laughs16.xlsx: the part xl/sharedStrings.xml contains a DOCTYPE")


# --- through the importer: the exact message, and the store unchanged ----------------------------

GATE_CASES = [
    ("big.ttl", TTL + b"#" * 200, "big.ttl is 254 bytes, over the limit of 100 bytes: split it into smaller files, "
     "or ask whoever runs the tool to raise IKG_MAX_UPLOAD_MB."),
    ("billion-laughs.ttl", None, DOCTYPE_EN.format(name="billion-laughs.ttl", line=2, found="<!DOCTYPE")),
    ("billion-laughs.rdf", None, RDF_XML_EN.format(name="billion-laughs.rdf")),
    ("rdf-xml.rdf", None, RDF_XML_EN.format(name="rdf-xml.rdf")),
    ("not-a-zip.xlsx", None, "not-a-zip.xlsx is not an Excel workbook: an .xlsx file is a zip archive and this one "
     "is not; open it in Excel and save it as “Excel Workbook (.xlsx)”."),
    ("latin1.ttl", None, "latin1.ttl, line 4, column 34: the text is not UTF-8 (byte 0xf8); save the file as UTF-8 "
     "(in Excel: “CSV UTF-8”) and import it again."),
    ("bomb.xlsx", workbook({**MINIMAL_PARTS, "xl/worksheets/sheet1.xml": b"0" * (1024 * 1024)}), None),
]


@pytest.mark.parametrize("name, data, expected", GATE_CASES, ids=[case[0] for case in GATE_CASES])
def test_refused_upload_changes_nothing(shipped_store, name, data, expected):
    data = (UPLOADS / name).read_bytes() if data is None else data
    before = (shipped_store.generation, shipped_store.count())
    with pytest.raises(importing.ImportErrors) as caught:
        importing.prepare(shipped_store, name, data, lang="en", max_bytes=100 if name == "big.ttl" else None)
    if expected:
        assert str(caught.value) == expected
    else:
        assert str(caught.value).startswith(f"{name} is refused: its part xl/worksheets/sheet1.xml is compressed")
    assert [str(p) for p in caught.value.problems] == [str(caught.value)]
    assert (shipped_store.generation, shipped_store.count()) == before
