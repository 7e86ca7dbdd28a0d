"""Issue 10 attacks on imports: facts on existing entities need a source (item 7); names must not make lookup
ambiguous or hide characters, while free text stays verbatim (item 10); a triple limit. Each attack is
refused with its exact message and the store stays unchanged."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile

import openpyxl
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graph.edit.importing import ImportErrors, apply, import_file, prepare
from graph.edit.tabular import TableErrors
from graph.history.changes import undo

HEAD = ("@prefix ikg: <https://w3id.org/ikg/ontology#> .\n@prefix trd: <https://w3id.org/ikg/trondheim/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")
TRD = "https://w3id.org/ikg/trondheim/trondheim"
CITED = ' ; ikg:citation [ ikg:reference "Byleksikon" ; ikg:evidence ikg:stated ] .\n'
NEEDS_SOURCE = (f"- line 4, column 1: <{TRD}> is already in the graph and this file adds statements about it without a "
                "source: add ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] "
                f"(or ikg:reference \"…\") on <{TRD}> in the same file.")
ONE = "attack.ttl was not imported and nothing was changed; fix this problem and try again:"


def hidden(field: str, chars: str) -> str:
    return (f"- line 4, column 1: the name {field} of <{TRD}> holds invisible, control, line-break or text-direction "
            f"characters ({chars}): remove them (a name is one line of visible text; comments and quotes may hold "
            "such characters).")


def refused(store, body: str, lang: str = "en") -> list[str]:
    before = frozenset(store.graph())
    with pytest.raises(ImportErrors) as caught:
        prepare(store, "attack.ttl", (HEAD + body).encode(), lang=lang)
    assert frozenset(store.graph()) == before
    return str(caught.value).splitlines()


def ambiguous(name: str, other: str, short: str) -> str:
    return (f"- line 4, column 1: the name “{name}” of <{TRD}> cannot be told apart from “{other}”, which "
            f"<https://w3id.org/ikg/trondheim/{short}> already has, so looking things up by name would be ambiguous: "
            f"choose another name, or use <https://w3id.org/ikg/trondheim/{short}>.")


def test_alt_labels_on_existing_entity_without_source_refused(memory_shipped):
    """The attack of item 7: Trondheim takes the names of two other actors, without a source."""
    assert refused(memory_shipped, 'trd:trondheim skos:altLabel "Innovasjon Norge", "NTNU" .\n') == [
        "attack.ttl was not imported and nothing was changed; fix these 3 problems and try again:", NEEDS_SOURCE,
        ambiguous("Innovasjon Norge", "Innovasjon Norge", "innovasjon-norge"), ambiguous("NTNU", "NTNU", "ntnu")]


def test_status_on_existing_entity_without_source_refused(memory_shipped):
    assert refused(memory_shipped, "trd:trondheim ikg:status ikg:Ended .\n") == [ONE, NEEDS_SOURCE]


def test_needs_source_in_bokmal(memory_shipped):
    assert refused(memory_shipped, "trd:trondheim ikg:status ikg:Ended .\n", "nb") == [
        "attack.ttl ble ikke importert, og ingenting er endret; rett dette problemet og prøv igjen:",
        f"- linje 4, kolonne 1: <{TRD}> finnes allerede i grafen, og filen legger til utsagn om den uten kilde: legg "
        "til ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] (eller ikg:reference \"…\") "
        f"på <{TRD}> i samme fil."]


def test_cited_alt_label_on_existing_entity_accepted(memory_shipped):
    before = frozenset(memory_shipped.graph())
    preview = prepare(memory_shipped, "ok.ttl", (HEAD + 'trd:trondheim skos:altLabel "Trondhjem"@nb' + CITED).encode(),
                      lang="en")
    assert preview.added_count == 4 and frozenset(memory_shipped.graph()) == before  # name, citation, its 2 fields


def test_a_file_repeating_a_present_citation_cites_its_new_statement(writable_store):
    """The source check reads the whole file: a citation the graph already holds, repeated beside a new
    statement, is the new statement's source (the file's own triples that are already present are not
    "added", but they are in the file)."""
    store = writable_store
    first = HEAD + 'trd:trondheim skos:altLabel "Trondhjem"@nb' + CITED
    change = apply(store, prepare(store, "first.ttl", first.encode()), editor="Kari")
    again = HEAD + 'trd:trondheim skos:altLabel "Kaupangen"@nb' + CITED  # the same citation, one new name
    preview = prepare(store, "again.ttl", again.encode())
    assert {(s, p, str(o)) for s, p, o in preview.add} == {
        (URIRef(TRD), URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), "Kaupangen")}
    undo(store, change.id, editor="Kari")


def test_free_text_keeps_hidden_characters_verbatim(writable_store):
    """A comment is free text, not a name: stored as the file gives it (the terminal shows it escaped)."""
    store = writable_store
    text = "Evil\x1b[2J \u202e comment\nsecond line"
    body = (HEAD + 'trd:trondheim <http://www.w3.org/2000/01/rdf-schema#comment> '
            '"Evil\\u001b[2J \\u202e comment\\nsecond line"' + CITED)
    preview = prepare(store, "comment.ttl", body.encode())
    assert (URIRef(TRD), RDFS.comment, Literal(text)) in preview.add


@pytest.mark.parametrize(("name", "field", "chars"), [
    ("Innovasjon\\u200b Norge", "skos:altLabel", "U+200B"),
    ("Trond\\u202eheim", "skos:altLabel", "U+202E"),
    ("Trond\\u001b]0;pwned\\u0007heim", "skos:altLabel", "U+001B, U+0007"),
    ("Trond\\nheim\\t", "skos:altLabel", "U+000A, U+0009"),
    ('Trond\\u202eheim"@en', "skos:altLabel@en", "U+202E"),
])
def test_hidden_characters_in_a_name_refused_naming_the_field(memory_shipped, name, field, chars):
    body = f'trd:trondheim skos:altLabel "{name}' + ('' if name.endswith("@en") else '"') + CITED
    assert refused(memory_shipped, body) == [ONE, hidden(field, chars)]


def test_hidden_characters_in_a_label_refused_in_bokmal(memory_shipped):
    """A new network named with a right-to-left override: refused like a name of an existing thing."""
    body = ('trd:network-evil a ikg:Network ; <http://www.w3.org/2000/01/rdf-schema#label> "Evil\\u202e"@nb, '
            '"Evil"@en' + CITED)
    assert refused(memory_shipped, body, "nb") == [
        "attack.ttl ble ikke importert, og ingenting er endret; rett dette problemet og prøv igjen:",
        "- linje 4, kolonne 1: navnet rdfs:label@nb på <https://w3id.org/ikg/trondheim/network-evil> har usynlige "
        "tegn, kontrolltegn, linjeskift eller "
        "tegn som snur skriveretningen (U+202E): fjern dem (et navn er én linje med synlig tekst; kommentarer og "
        "sitater kan ha slike tegn)."]


def test_nfkc_lookalike_name_refused(memory_shipped):
    lines = refused(memory_shipped, 'trd:trondheim skos:altLabel "ＮＴＮＵ"' + CITED)
    assert lines == [ONE, ambiguous("ＮＴＮＵ", "NTNU", "ntnu")]


def test_triple_limit(memory_shipped, monkeypatch):
    monkeypatch.setenv("IKG_MAX_TRIPLES", "1")
    lines = refused(memory_shipped, 'trd:x skos:altLabel "a" , "b" .\n')
    assert lines == [ONE, "- attack.ttl holds 2 triples, more than the limit of 1 for one import (IKG_MAX_TRIPLES): "
                     "split the file."]


# ---------------------------------------------------------------------------------------------
# Item 8: resources. A sheet is read within bounds whatever it declares; a file is read up to the limit.
# ---------------------------------------------------------------------------------------------


def _sheet_xml(data: bytes, change) -> bytes:
    """The workbook with its first sheet's XML rewritten by `change`."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = change(part.decode("utf-8")).encode("utf-8")
            target.writestr(item.filename, part)
    return out.getvalue()


def _workbook(cells: dict[str, str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Network"
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_refused(store, name: str, data: bytes, lang: str = "en") -> list[tuple]:
    count = store.count()
    started = time.perf_counter()
    with pytest.raises(TableErrors) as caught:
        prepare(store, name, data, lang=lang)
    assert time.perf_counter() - started < 5 and store.count() == count
    return caught.value.problems


def test_a_small_workbook_declaring_the_whole_sheet_is_refused_at_once(memory_shipped):
    """The attack: 5 KB declaring A1:XFD1048576 took 29 s and 759 MB and was accepted."""
    data = _sheet_xml(_workbook({"A1": "Name (nb)", "A2": "x"}),
                      lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml))
    assert len(data) < 6000
    assert table_refused(memory_shipped, "big.xlsx", data) == [(None, "", (
        "The sheet “Network” declares the range A1:XFD1048576, larger than a table can be (at most 100,000 rows "
        "and 200 columns): copy just the table into a new sheet or workbook and save it again."))]
    assert table_refused(memory_shipped, "big.xlsx", data, "nb") == [(None, "", (
        "Arket «Network» oppgir området A1:XFD1048576, større enn en tabell kan være (høyst 100\u00a0000 rader og "
        "200 kolonner): kopier bare tabellen over i et nytt ark eller en ny arbeidsbok og lagre på nytt."))]


def test_a_cell_far_to_the_right_under_a_lying_range_is_refused(memory_shipped):
    data = _sheet_xml(_workbook({"A1": "Name (nb)", "A2": "x", "XFD2": "far"}),
                      lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:A2"/>', xml))
    assert table_refused(memory_shipped, "wide.xlsx", data) == [(None, "", (
        "Row 2 of the sheet “Network” has data in column XFD; a table can have at most 200 "
        "columns: remove what is to the right of the table."))]


def test_a_row_far_below_under_a_lying_range_stops_the_reading(memory_shipped):
    data = _sheet_xml(_workbook({"A1": "Name (nb)", "A2": "x", "A1048576": "far"}),
                      lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:A2"/>', xml))
    assert table_refused(memory_shipped, "long.xlsx", data) == [(None, "", (
        "Reading the sheet “Network” stopped at row 1,048,576: a table can have at most 100,000 rows and 2,000,000 "
        "cells: remove empty rows and everything below the table, or split it."))]


def test_import_reads_no_further_than_the_limit(memory_shipped, monkeypatch):
    """The attack: `ikg import /dev/zero` read forever (the size check trusted st_size, which is 0)."""
    monkeypatch.setenv("IKG_MAX_UPLOAD_MB", "1")
    count = memory_shipped.count()
    with pytest.raises(ImportErrors) as caught:
        import_file(memory_shipped, "/dev/zero", editor="Kari")
    assert str(caught.value) == ("/dev/zero is larger than the limit of 1 MB (reading stopped there): split it into "
                                 "smaller files, or ask whoever runs the tool to raise IKG_MAX_UPLOAD_MB.")
    with pytest.raises(ImportErrors) as caught:
        import_file(memory_shipped, "/dev/zero", editor="Kari", lang="nb")
    assert str(caught.value) == ("/dev/zero er større enn grensen på 1 MB (lesingen ble stoppet der): del den opp i "
                                 "mindre filer, eller be den som drifter verktøyet om å heve IKG_MAX_UPLOAD_MB.")
    assert memory_shipped.count() == count


# ---------------------------------------------------------------------------------------------
# Item 10: years and amounts in one range for files, forms and spreadsheets.
# ---------------------------------------------------------------------------------------------

PERIOD = ("@prefix time: <http://www.w3.org/2006/time#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
          "@prefix schema: <https://schema.org/> .\n")


def test_years_2999_and_99999_in_turtle_refused(memory_shipped):
    body = (PERIOD + "trd:network-future a ikg:Network ; <http://www.w3.org/2000/01/rdf-schema#label> \"Future\"@en, "
            "\"Framtid\"@nb ;\n    ikg:period [ a time:Interval ; time:hasBeginning [ a time:Instant ; "
            "time:inXSDgYear \"2999\"^^xsd:gYear ] ;\n    time:hasEnd [ a time:Instant ; "
            "time:inXSDgYear \"99999\"^^xsd:gYear ] ]"
            + CITED)
    assert refused(memory_shipped, body) == [
        "attack.ttl was not imported and nothing was changed; fix these 2 problems and try again:",
        "- line 7, column 1: the year in time:inXSDgYear “2999” is outside 1800–2100, as forms and spreadsheets also "
        "require: check that it is written right.",
        "- line 7, column 1: the year in time:inXSDgYear “99999” is outside 1800–2100, as forms and spreadsheets also "
        "require: check that it is written right."]
    assert refused(memory_shipped, body, "nb")[1] == (
        "- linje 7, kolonne 1: året i time:inXSDgYear «2999» er utenfor 1800–2100, som også skjema og regneark krever: "
        "sjekk at det er riktig skrevet.")


def test_a_year_out_of_range_in_json_ld_refused(memory_shipped):
    data = json.dumps({"@id": TRD, "http://purl.org/dc/terms/date": {
        "@value": "2999-01-01", "@type": "http://www.w3.org/2001/XMLSchema#date"},
        "https://w3id.org/ikg/ontology#citation": {
            "https://w3id.org/ikg/ontology#reference": "x",
            "https://w3id.org/ikg/ontology#evidence": {"@id": "https://w3id.org/ikg/ontology#stated"}}})
    count = memory_shipped.count()
    with pytest.raises(ImportErrors) as caught:
        prepare(memory_shipped, "attack.jsonld", data.encode())
    assert str(caught.value).splitlines() == [
        "attack.jsonld was not imported and nothing was changed; fix this problem and try again:",
        "- line 1, column 9: the year in dcterms:date “2999-01-01” is outside 1800–2100, as forms and spreadsheets "
        "also require: check that it is written right."]
    assert memory_shipped.count() == count


def test_a_5000_digit_amount_in_turtle_refused(memory_shipped):
    body = (PERIOD + "trd:trondheim ikg:budget [ a schema:MonetaryAmount ; schema:value " + "1" * 5000
            + '.0 ; schema:currency "NOK" ]' + CITED)
    assert refused(memory_shipped, body) == [ONE.replace("line 4", "line 7"), (
        "- line 7, column 1: the amount schema:value “111111111111111111111111111111111111111…” is outside "
        "0–10,000,000,000,000 or has more than two decimals, as forms and spreadsheets also require: check the "
        "number.")]


@pytest.mark.parametrize(("value", "lang", "message"), [
    ("1" * 5000, "en", "The amount “1111111111111111111111111111111111111111” is outside 0–10,000,000,000,000 or has "
     "more than two decimals: check the number."),
    ("12345.5", "en", None),
    ("5,1255", "nb", "Beløpet «5,1255» er utenfor 0–10\u00a0000\u00a0000\u00a0000\u00a0000 eller har mer enn to "
     "desimaler: "
     "sjekk tallet."),
])
def test_forms_and_spreadsheets_cap_amounts_the_same_way(memory_shipped, value, lang, message):
    from graph.edit.build import build
    from graph.edit.checks import FieldErrors
    from tests.edit.test_injection_forms import base_values

    values = {**base_values(memory_shipped)["project"], "budget": value}
    count = memory_shipped.count()
    if message is None:
        assert build(memory_shipped, "project", values, lang) is not None
        return
    with pytest.raises(FieldErrors) as caught:
        build(memory_shipped, "project", values, lang)
    assert caught.value.problems == [("budget", message)]
    assert memory_shipped.count() == count


def test_a_lone_surrogate_refused_in_words(memory_shipped):
    """The attack: "x\\uD800y" in Turtle passed the checks, and the write failed with "unexpected error"."""
    body = 'trd:trondheim <http://www.w3.org/2000/01/rdf-schema#comment> "x\\uD800y"' + CITED
    assert refused(memory_shipped, body) == [ONE, (
        "- line 4, column 1: the text in rdfs:comment “x\\ud800y” holds a lone surrogate (\\uD800–\\uDFFF), which is "
        "not a character and cannot be stored: remove it, or write the character meant (e.g. \\U0001F600 for one "
        "outside the BMP).")]


# ---------------------------------------------------------------------------------------------
# Item 11: `ikg validate FILE` refuses what `ikg import` refuses, with the same message.
# ---------------------------------------------------------------------------------------------

PREFIX = "@prefix ikg: <https://w3id.org/ikg/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
ATTACKS = {
    "space.ttl": PREFIX + "<https://w3id.org/ikg/trondheim/a\\u0020b> a ikg:Network .\n",
    "redefine.ttl": PREFIX + 'ikg:Network <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n',
    "imports.ttl": PREFIX + "<https://w3id.org/ikg/trondheim/x> owl:imports <http://127.0.0.1:9/o.ttl> .\n",
    "relative.ttl": PREFIX + "<network-x> a ikg:Network .\n",
    "empty.ttl": "",
    "surrogate.ttl": PREFIX + '<https://w3id.org/ikg/trondheim/trondheim> ikg:quote "\\uD800" .\n',
    "table.csv": "Identifier\nx\n",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_validate_refuses_what_import_refuses_with_the_same_message(capsys, tmp_path, name):
    from tests.cli.test_cli import ikg

    path = tmp_path / name
    path.write_text(ATTACKS[name], encoding="utf-8")
    code, out, err = ikg(capsys, "validate", str(path))
    assert code == 1 and not out and err.startswith("ikg: ") and "Traceback" not in err
    if name == "table.csv":  # a table is checked by the import's dry run, which validate names
        assert err == (f"ikg: {path} is a table (CSV or Excel): `ikg validate` checks RDF files; try the table with "
                       f"`ikg import {path} --dry-run`.\n")
        return
    imported = ikg(capsys, "--store", "memory", "import", str(path), "--dry-run", "--editor", "Kari")
    assert imported[:2] == (1, "")
    assert same_problems(imported[2], err, "would be refused by an import; fix th", "validate again:")
    if name == "imports.ttl":  # and in bokmål (one case: each run fills a graph in memory)
        code, out, err_nb = ikg(capsys, "--lang", "nb", "validate", str(path))
        nb = ikg(capsys, "--lang", "nb", "--store", "memory", "import", str(path), "--dry-run", "--editor", "Kari")
        assert nb[:2] == (1, "") and "ble ikke importert, og ingenting er endret" in nb[2]
        assert same_problems(nb[2], err_nb, "ville blitt avvist ved import; rett d", "valider igjen:")


def same_problems(imported: str, validated: str, *head: str) -> bool:
    """The same problems, listed alike; validate's first line says the file would be refused by an import (it
    said «was not imported», to someone who had not tried) where the import's says it was not imported. A
    one-line refusal (syntax, the gate) is the same line in both."""
    if "\n" not in imported.strip():
        return imported == validated
    first, *rest = validated.splitlines()
    return rest == imported.splitlines()[1:] and all(part in first for part in head)


def test_validate_reads_no_further_than_the_limit(capsys, monkeypatch):
    from tests.cli.test_cli import ikg

    monkeypatch.setenv("IKG_MAX_UPLOAD_MB", "1")
    assert ikg(capsys, "validate", "/dev/zero") == (1, "", (
        "ikg: /dev/zero is larger than the limit of 1 MB (reading stopped there): split it into smaller files, or ask "
        "whoever runs the tool to raise IKG_MAX_UPLOAD_MB.\n"))


# ---------------------------------------------------------------------------------------------
# Item 7 for tables: a spreadsheet's new things may not take names that make lookup ambiguous.
# ---------------------------------------------------------------------------------------------


def network_table(store, others: str, fmt: str = "csv") -> bytes:
    import csv

    from graph.edit.kinds import kind_spec
    from graph.edit.tabular import header
    from tests.edit.test_injection_forms import base_values

    values = {**base_values(store)["network"], "id": "network-lookalike", "alt_labels": others}
    fields = kind_spec("network").fields
    if fmt == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Network"
        sheet.append([header(f, "en") for f in fields])
        sheet.append([values.get(f.name, "") for f in fields])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header(f, "en") for f in fields])
    writer.writerow([values.get(f.name, "") for f in fields])
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_table_giving_a_new_network_a_lookalike_name_is_refused(memory_shipped, fmt):
    count = memory_shipped.count()
    with pytest.raises(TableErrors) as caught:
        prepare(memory_shipped, f"networks.{fmt}", network_table(memory_shipped, "ＮＴＮＵ", fmt))
    iri = "https://w3id.org/ikg/trondheim/network-lookalike"
    assert caught.value.problems == [(2, "", (
        f"the name “ＮＴＮＵ” of <{iri}> cannot be told apart from “NTNU”, which <https://w3id.org/ikg/trondheim/ntnu> "
        "already has, so looking things up by name would be ambiguous: choose another name, or use "
        "<https://w3id.org/ikg/trondheim/ntnu>."))]
    assert memory_shipped.count() == count
    preview = prepare(memory_shipped, f"networks.{fmt}", network_table(memory_shipped, "Lookalike Net", fmt))
    assert preview.new and memory_shipped.count() == count  # a name of its own is fine


def test_a_table_name_with_a_hidden_character_is_refused_by_its_column(memory_shipped):
    with pytest.raises(TableErrors) as caught:
        prepare(memory_shipped, "networks.csv", network_table(memory_shipped, "Trond\u202eheim"))
    assert caught.value.problems == [(2, "Other names", (
        "The name holds invisible or text-direction characters (U+202E), so it looks like something it is not; "
        "type it again without them."))]


def test_a_number_of_thousands_of_digits_gets_a_short_message(memory_shipped):
    """Python refuses to convert integers of more than 4,300 digits; the user gets the import's own message,
    quoting the value cut short."""
    data = ("Name in English,Name in Norwegian,Target areas,Status,Start,Other source\n"
            f"Net X,Nett X,1,Active,{'9' * 5000},Letter\n").encode()
    problems = table_refused(memory_shipped, "networks.csv", data)
    assert [message for *_, message in problems] == [
        f"“{'9' * 40}…” is not a year or a date: write the year (2019) or the date as YYYY-MM-DD or DD.MM.YYYY, "
        "e.g. 2019-03-01 or 01.03.2019."]
