"""Errors of `load`, `validate`, `import`, `init`, opening a store and the query settings in the language
asked for (bokmål here, English for some): one line saying what, where and how to fix it, no traceback, and
nothing written or changed."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import store as stores
from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name
from tests.cli.test_cli_help_language import run as parse_run
from tests.support import ROOT

TYPES = ".json, .jsonld, .nq, .nt, .trig, .ttl, .turtle"
BAD_TTL = '@prefix ex: <http://example.org/> .\nex:a ex:b "unclosed .\n'
BAD_NT = '<http://e/a> <http://e/b> "c" .\n"x" <http://e/b> <http://e/c> .\n'
BAD_JSON = '{"@id": "x", bad}\n'
JSON_NB = ('ikke gyldig JSON: her skulle det stått et navn i doble anførselstegn, f.eks. "@id"; er det et komma for '
           "mye foran, eller står navnet i enkle anførselstegn?")
NOT_A_FOLDER_NB = ("kan ikke åpne lageret i {path}: {path} er en fil, ikke en mappe. Et lager er en mappe: oppgi en "
                   "ny mappe eller en som allerede har et ikg-lager (eller memory, eller http(s)://…/sparql).")
INIT = ["--name", "X", "--city", "Bergen", "--country", "NO", "--lat", "60", "--long", "5", "--document", "A | B",
        "--target-area", "T | T", "--editor", "test"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code, out, err = ikg(capsys, *args)
    assert "Traceback" not in out + err
    return code, out, err


def count(folder: str) -> int:
    return stores.open_store(folder).count()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- load, validate, import -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "nb", "en"), [
    ("bad.ttl", BAD_TTL, ":2:22: en tekst har ikke noe avsluttende anførselstegn på linjen sin; avslutt den med \", "
     "eller bruk \"\"\" for tekst over flere linjer",
     ":2:22: a string has no closing quote on its line; close it with \", or use \"\"\" for text over several lines"),
    ("bad.jsonld", BAD_JSON, f":1:14: {JSON_NB}",
     ':1:14: not valid JSON: a name in double quotes was expected here, e.g. "@id"; is there a comma too many '
     "before it, or is the name in single quotes?"),
    ("bad.nt", BAD_NT, ":2:1: linja er ikke gyldig N-Triples; rett den. Databasemotorens tekniske melding (på "
     "engelsk): The subject of a triple must be an IRI or a blank node",
     ":2:1: the line is not valid N-Triples; fix it. The database engine's technical message: The subject of a "
     "triple must be an IRI or a blank node"),
])
def test_load_of_a_bad_file_is_told_in_the_language_and_changes_nothing(capsys, fixture_dir, tmp_path,  # noqa: F811
                                                                       name, text, nb, en):
    path = write(tmp_path, name, text)
    before = count(fixture_dir)
    for lang, expected in (("nb", nb), ("en", en)):
        code, out, err = run(capsys, "--lang", lang, "load", str(path), "--store", fixture_dir)
        assert (code, err.splitlines()[-1]) == (1, f"ikg: {path}{expected}")
        assert count(fixture_dir) == before


@pytest.mark.parametrize("made_before", [False, True])
def test_bad_ntriples_into_an_empty_store_is_told_in_bokmal_and_leaves_no_store_behind(capsys, tmp_path, made_before):
    path = write(tmp_path, "bad.nt", BAD_NT)
    folder = tmp_path / "stores" / "empty"
    folder.mkdir(parents=True) if made_before else folder.parent.mkdir()
    code, _, err = run(capsys, "--lang", "nb", "load", str(path), "--store", str(folder))
    assert (code, err.splitlines()[-1]) == (1, f"ikg: {path}:2:1: linja er ikke gyldig N-Triples; rett den. "
                                               "Databasemotorens tekniske melding (på engelsk): The subject of a "
                                               "triple must be an IRI or a blank node")
    if made_before:  # the user's own folder is kept, and holds an empty store
        assert count(str(folder)) == 0
    else:  # the folder the load made is gone, with the files it wrote beside it
        assert list(folder.parent.iterdir()) == []


@pytest.mark.parametrize("name", ["bad.txt", "bad.csv", "afolder"])
def test_load_of_a_folder_or_an_unknown_type_opens_no_store(capsys, tmp_path, name):
    path = tmp_path / name
    path.mkdir() if name == "afolder" else path.write_text("a,b\n", encoding="utf-8")
    store = tmp_path / "never"
    code, _, err = run(capsys, "--lang", "nb", "load", str(path), "--store", str(store))
    if name == "afolder":
        told = f"er en mappe, ikke en fil som kan leses; oppgi RDF-filene i den, av typene {TYPES}"
    else:
        told = f"ukjent filtype «{path.suffix}»; bruk en av {TYPES}"
    assert (code, err) == (1, f"ikg: {path}: {told}\n")
    assert not store.exists()


def test_validate_and_import_of_bad_json_ld_say_where_and_why_in_bokmal(capsys, fixture_dir, tmp_path):  # noqa: F811
    path = write(tmp_path, "bad.jsonld", '{"@id": "https://e/a",\n  "name": 1,}\n')
    expected = ('ikke gyldig JSON: her skulle det stått et navn i doble anførselstegn, f.eks. "@id"; er det et '
                "komma for mye foran, eller står navnet i enkle anførselstegn?")
    code, _, err = run(capsys, "--lang", "nb", "validate", str(path))
    assert (code, err) == (1, f"ikg: {path}:2:13: {expected}\n")
    before = count(fixture_dir)
    code, _, err = run(capsys, "--lang", "nb", "import", str(path), "--store", fixture_dir, "--editor", "Kari")
    assert code == 1 and f"{path.name}:2:13: {expected}" in err and "Expecting" not in err
    assert count(fixture_dir) == before


# --- init -------------------------------------------------------------------------------------------------

def test_init_with_an_impossible_date_and_a_bad_namespace_writes_nothing(capsys, caplog, tmp_path):
    data, store = tmp_path / "data", tmp_path / "store"
    with caplog.at_level(logging.WARNING):
        code, out, err = run(capsys, "--lang", "nb", "init", "--store", str(store), "--data", str(data), *INIT,
                             "--document-date", "2020-13-45", "--namespace", "notaniri")
    assert (code, out) == (1, "")
    assert err == (
        "ikg: Datoen «2020-13-45» finnes ikke i kalenderen (måned 1–12, og en dag som finnes i måneden): skriv en "
        "ekte dato, f.eks. 2024-05-31.\nNavnerommet «notaniri» er ikke en hel http(s)-IRI som slutter på / eller #: "
        "skriv f.eks. https://w3id.org/ikg/bergen/, eller utelat --namespace, så lages det av navnet.\n")
    assert not any("Failed to convert" in r.getMessage() for r in caplog.records)  # rdflib never saw the date
    assert not data.exists() and not store.exists()
    code, _, err = run(capsys, "init", "--store", str(store), "--data", str(data), *INIT,
                       "--namespace", "https://e.org/x")
    assert (code, err) == (1, "ikg: The namespace “https://e.org/x” is not a whole http(s) IRI ending in / or #: "
                              "write e.g. https://w3id.org/ikg/bergen/, or leave out --namespace to have it made "
                              "from the name.\n")
    assert not data.exists() and not store.exists()


def test_init_with_an_impossible_date_prints_no_warning_or_traceback_to_stderr(tmp_path):
    data, store = tmp_path / "data", tmp_path / "store"
    env = {**os.environ, "IKG_STORE": str(store), "IKG_DATA": str(data)}
    done = subprocess.run([sys.executable, "-m", "graph.cli", "--lang", "nb", "init", "--data", str(data), *INIT,
                           "--document-date", "2021-02-30"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("ikg: Datoen «2021-02-30» finnes ikke i kalenderen (måned 1–12, og en dag som finnes i "
                           "måneden): skriv en ekte dato, f.eks. 2024-05-31.\n")
    assert not data.exists() and not store.exists()


def test_init_into_a_file_says_so(capsys, tmp_path):
    data = write(tmp_path, "afile.csv", "a,b\n")
    code, _, err = run(capsys, "--lang", "nb", "init", "--store", str(tmp_path / "s"), "--data", str(data), *INIT)
    assert (code, err) == (1, f"ikg: {data} er en fil, ikke en mappe: oppgi en ny eller tom mappe med --data.\n")
    assert data.read_text(encoding="utf-8") == "a,b\n" and not (tmp_path / "s").exists()


# --- opening a store --------------------------------------------------------------------------------------

def test_an_unreachable_sparql_server_is_told_in_bokmal(capsys):
    code, _, err = run(capsys, "--lang", "nb", "--store", "http://127.0.0.1:9/sparql", "stats")
    assert (code, err) == (1, "ikg: kan ikke nå SPARQL-serveren på http://127.0.0.1:9/sparql: tilkoblingen ble "
                              "avvist; sjekk at serveren kjører og at adressen stemmer (--store eller IKG_STORE)\n")


def test_a_file_as_store_is_told_in_bokmal_and_left_alone(capsys, tmp_path):
    path = write(tmp_path, "afile.csv", "a,b\n")
    code, _, err = run(capsys, "--lang", "nb", "--store", str(path), "stats")
    assert (code, err) == (1, "ikg: " + NOT_A_FOLDER_NB.format(path=path) + "\n")
    code, _, err = run(capsys, "--lang", "nb", "--store", str(path / "inside"), "stats")
    assert code == 1 and f"{path} er en fil, ikke en mappe" in err
    assert path.read_text(encoding="utf-8") == "a,b\n"


def test_a_store_address_of_another_scheme_is_refused_and_makes_no_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--lang", "nb", "--store", "ftp://x/y", "stats")
    assert (code, err) == (1, "ikg: «ftp://x/y» er ikke et lager ikg kan åpne: adresser som begynner med ftp:// "
                              "støttes ikke. Oppgi en mappe (f.eks. .ikg-store), oxigraph:MAPPE, memory eller "
                              "adressen til et SPARQL-endepunkt, http(s)://…/sparql (--store eller IKG_STORE).\n")
    code, _, err = run(capsys, "--store", "file:///tmp/x", "stats")
    assert (code, err) == (1, "ikg: 'file:///tmp/x' is not a store ikg can open: addresses starting with file:// "
                              "are not supported. Give a folder (e.g. .ikg-store), oxigraph:FOLDER, memory, or a "
                              "SPARQL endpoint's address, http(s)://…/sparql (--store or IKG_STORE).\n")
    assert list(tmp_path.iterdir()) == []


# --- the query settings -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "value"), [("IKG_QUERY_SECONDS", "abc"), ("IKG_QUERY_ROWS", "x")])
def test_a_bad_query_setting_is_told_in_bokmal(capsys, fixture_dir, tmp_path, monkeypatch, name, value):  # noqa: F811
    query = write(tmp_path, "some.rq", "SELECT * WHERE { ?s ?p ?o } LIMIT 1\n")
    monkeypatch.setenv(name, value)
    code, out, err = run(capsys, "--lang", "nb", "query", str(query), "--store", fixture_dir)
    assert (code, out, err) == (1, "", f"ikg: {name}='{value}' er ikke et positivt tall; skriv et tall over null, "
                                       f"f.eks. {name}=10, eller fjern innstillingen for å bruke standardverdien\n")


@pytest.mark.parametrize(("lang", "args", "told"), [
    ("nb", ["--format", "ttl", "--out", "o.ttl", "--data", "dd"],
     "--data skriver dataene som Turtle per slag i en mappe; oppgi den alene, eller --format og --out uten den."),
    ("en", ["--out", "o.ttl", "--data", "dd"],
     "--data writes the data as Turtle per kind into a folder; give it alone, or --format and --out without it."),
    ("nb", ["--out", "o.ttl"], "Oppgi enten --data MAPPE (dataene som Turtle per slag) eller både --format og --out."),
])
def test_export_takes_a_folder_or_a_file_not_both_and_writes_nothing_else(capsys, fixture_dir, tmp_path,  # noqa: F811
                                                                         monkeypatch, lang, args, told):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    code, out, err = run(capsys, "--lang", lang, "export", "--store", fixture_dir, *args)
    assert (code, out, err) == (1, "", f"ikg: {told}\n")
    assert list((tmp_path / "here").iterdir()) == []


def test_data_loaded_without_the_vocabulary_is_told_how_to_add_it(capsys, tmp_path):
    data = write(tmp_path, "net.ttl", '@prefix ikg: <https://w3id.org/ikg/ontology#> .\n'
                                     '<https://example.org/n> a ikg:Network .\n')
    store = str(tmp_path / "store")
    code, out, err = run(capsys, "--lang", "nb", "load", str(data), "--store", store)
    assert code == 0 and out.startswith("lastet 1 tripler på ")
    assert ("merk: lageret har ikke ikg-vokabularet (ontology/ikg.ttl og ontology/sdg.ttl), som spørsmålene og appen "
            "kjenner slagene av ting og navnene deres fra: last inn de filene også (ikg load ontology/ikg.ttl "
            "ontology/sdg.ttl).\n") in err
    code, _, err = run(capsys, "load", str(ROOT / "ontology" / "ikg.ttl"), str(ROOT / "ontology" / "sdg.ttl"),
                       "--store", store)
    assert code == 0 and "vocabulary" not in err


@pytest.mark.parametrize(("lang", "told"), [
    ("nb", "`ikg validate` sjekker RDF-filer: Turtle (.ttl), JSON-LD (.jsonld eller .json) eller N-Triples (.nt); en "
           "tabell (.csv, .xlsx) prøves med `ikg import FIL --dry-run`."),
    ("en", "`ikg validate` checks RDF files: Turtle (.ttl), JSON-LD (.jsonld or .json) or N-Triples (.nt); a table "
           "(.csv, .xlsx) is tried with `ikg import FILE --dry-run`."),
])
def test_validate_of_a_file_of_no_type_it_reads_says_what_it_reads_not_what_import_does(capsys, tmp_path, lang, told):
    query = write(tmp_path, "members.rq", "SELECT * WHERE { ?s ?p ?o }\n")
    code, out, err = run(capsys, "--lang", lang, "validate", str(query))
    assert (code, out, err) == (1, "", f"ikg: {query}: {told}\n")


@pytest.mark.parametrize("lang, message", [
    ("nb", "argumentet --port: «99999» er ikke et portnummer: gi et heltall fra 0 til 65535"),
    ("en", "argument --port: “99999” is not a port number: give a whole number from 0 to 65535")])
def test_a_port_out_of_range_is_told_as_a_bad_value(capsys, lang, message):
    """`ikg serve --port 99999` ended in "uventet feil: bind(): port must be 0-65535" (English in bokmål, and
    called unexpected); it is a bad value, told as argparse tells one."""
    code, _, err = parse_run(capsys, "--lang", lang, "serve", "--store", "memory", "--port", "99999")
    assert code == 2 and err.strip().endswith(message) and "Traceback" not in err


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: Port {port} på 127.0.0.1 er allerede i bruk av et annet program: velg en annen med --port.\n"),
    ("en", "ikg: Port {port} on 127.0.0.1 is already used by another program: choose another with --port.\n")])
def test_a_port_in_use_is_told_in_the_users_words(capsys, lang, message):
    """A port another program listens on gave the system's English ("Address already in use") as an unexpected
    error."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "--lang", lang, "serve", "--store", "memory", "--port", str(port))
    assert (code, err) == (1, message.format(port=port))


@pytest.mark.parametrize("lang, note", [
    ("nb", "ikg: merk: {folder} fantes ikke, så et nytt lager ble laget der og fylt fra de medfølgende filene ({n} "
           "tripler). Var --store eller IKG_STORE feilskrevet, kan den mappen slettes.\n"),
    ("en", "ikg: note: {folder} did not exist, so a new store was made there and filled from the shipped files ({n} "
           "triples). If --store or IKG_STORE was mistyped, that folder can be deleted.\n")])
def test_a_store_made_by_a_command_is_noted(capsys, tmp_path, lang, note):
    """A mistyped --store made a new folder, filled it with the shipped data and answered from it, without a word;
    now the first command says so, once."""
    folder = tmp_path / "stroe"
    code, _, err = run(capsys, "--lang", lang, "--store", str(folder), "stats")
    n = count(str(folder))
    assert (code, err) == (0, note.format(folder=folder, n=f"{n:,}".replace(",", "\u00a0" if lang == "nb" else ",")))
    assert run(capsys, "--lang", lang, "--store", str(folder), "stats")[2] == ""  # only when it is made
