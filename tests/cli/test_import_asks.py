"""`ikg import` of a file whose preview has notes asks before it writes, as the app's Import page does.

The notes say "check this before it goes in" (a row left from the template, a file read as Windows-1252):
in a terminal the command asks, without one it needs --yes, and a file without notes is written at once.
The terminal is a real pseudo-terminal, so the command meets what a person's shell gives it.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest
from rdflib import Literal

import graph.history.changes as history
from graph.edit.tabular import template
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files
from tests.support import ROOT

NAME = {"nb": "Nettverket for små byer i Sør-Trøndelag", "en": "Small towns of Sør-Trøndelag"}
QUESTION = {"nb": "Importere nettverk.csv likevel, med merknadene over? [j/N] ",
            "en": "Import nettverk.csv all the same, with the notes above? [y/N] "}


@pytest.fixture
def folder(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    store.load(fixture_files())
    store.close()
    return tmp_path / "store"


def excel_csv(tmp_path, lang, encoding="cp1252"):
    """A network CSV as Excel's plain "CSV" saves it on a Norwegian Windows: Windows-1252, semicolons, CRLF."""
    store = MemoryStore()
    store.load(fixture_files())
    header, example = template("network", "csv", lang, store=store).decode("utf-8-sig").splitlines()
    row = (example.replace("Eksempelnettverket", NAME["nb"]).replace("The Example Network", NAME["en"])
           .replace("www.example.org", "www.ntnu.no"))
    path = tmp_path / "nettverk.csv"
    path.write_bytes(f"{header}\r\n{row}\r\n".encode(encoding))
    return path


def ikg(folder, lang, path, *extra, answer=None):
    """Run `ikg import` in a new process; with an answer, its stdin is a terminal that answer is typed into."""
    command = [sys.executable, "-m", "graph.cli", "--lang", lang, "--store", str(folder), "import", str(path),
               "--kind", "network", "--editor", "Kari", *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if answer is None:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout, done.stderr
    main, terminal = pty.openpty()
    os.write(main, answer.encode() + b"\n")
    try:
        done = subprocess.run(command, stdin=terminal, capture_output=True, text=True, env=env, timeout=120)
    finally:
        os.close(terminal)
        os.close(main)
    return done.returncode, done.stdout, done.stderr


def imported(folder):
    """The store's recorded changes, newest first, and the new network's names in it."""
    store = OxigraphStore(folder)
    try:
        names = {str(row["name"]) for row in store.select(
            "SELECT ?name WHERE { ?n a ikg:Network ; rdfs:label ?name . FILTER(STR(?name) IN (?nb, ?en)) }",
            {"nb": Literal(NAME["nb"]), "en": Literal(NAME["en"])}).dicts()}
        return [change.action for change in history.changes(store)], names
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_no_at_the_terminal_writes_nothing(folder, tmp_path, lang):
    before = imported(folder)
    code, out, err = ikg(folder, lang, excel_csv(tmp_path, lang), answer="n")
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == {"nb": "Import av", "en": "Import of"}[lang] + f" {tmp_path / 'nettverk.csv'}"
    assert lines[-3:] == [{"nb": "Merk:", "en": "Note:"}[lang], {
        "nb": "  - Filen er ikke lagret som UTF-8, så den er lest som Windows-1252 (det Excel lagrer som «CSV»). Se "
              "etter at æ, ø, å og andre bokstaver er riktige i verdiene fra filen; er de ikke det, lagre filen som "
              "«CSV UTF-8» og importer den på nytt.",
        "en": "  - The file is not saved as UTF-8, so it was read as Windows-1252 (what Excel saves as “CSV”). Check "
              "that æ, ø, å and other letters are right in the file's values; if they are not, save the file as "
              "“CSV UTF-8” and import it again."}[lang],
        QUESTION[lang] + {"nb": "ingenting ble endret.", "en": "nothing changed."}[lang]]
    assert imported(folder) == before and before[1] == set()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_end_of_the_input_at_the_question_is_a_no(folder, tmp_path, lang):
    """Ctrl-D at «[j/N]» ends the question as a no: nothing is written, and no «uventet feil» is shown."""
    before = imported(folder)
    code, out, err = ikg(folder, lang, excel_csv(tmp_path, lang), answer="\x04")
    assert (code, err) == (1, "")
    assert out.splitlines()[-2:] == [QUESTION[lang], {"nb": "ingenting ble endret.", "en": "nothing changed."}[lang]]
    assert imported(folder) == before


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_yes_at_the_terminal_imports_the_file(folder, tmp_path, lang):
    actions = imported(folder)[0]
    code, out, err = ikg(folder, lang, excel_csv(tmp_path, lang), answer={"nb": "j", "en": "y"}[lang])
    assert code == 0 and err == ""
    question, saved = out.splitlines()[-1].split("? ", 1)
    assert question + "? " == QUESTION[lang][:-6] and saved.startswith({"nb": "[j/N] Lagret som endring ",
                                                                       "en": "[y/N] Saved as change "}[lang])
    assert saved.endswith({"nb": " (16 lagt til, 0 fjernet); angre med `ikg undo {id}`.",
                           "en": " (16 added, 0 removed); undo it with `ikg undo {id}`."}[lang].format(
        id=saved.split()[4]))
    assert imported(folder) == (["import", *actions], {NAME["nb"], NAME["en"]})  # æ and å read right


def test_without_a_terminal_it_needs_yes(folder, tmp_path):
    path = excel_csv(tmp_path, "nb")
    before = imported(folder)
    code, out, err = ikg(folder, "nb", path)
    assert (code, err) == (1, "ikg: import må bekreftes: kjør kommandoen i en terminal, eller legg til --yes\n")
    assert out.splitlines()[-2] == "Merk:" and imported(folder) == before
    code, out, err = ikg(folder, "nb", path, "--yes")
    assert code == 0 and err == "" and out.splitlines()[-1].startswith("Lagret som endring ")
    assert imported(folder)[1] == {NAME["nb"], NAME["en"]}


def test_a_file_without_notes_is_written_at_once(folder, tmp_path):
    code, out, err = ikg(folder, "en", excel_csv(tmp_path, "en", encoding="utf-8-sig"))  # no terminal, no --yes
    assert code == 0 and err == ""
    assert "Note:" not in out and out.splitlines()[-1].startswith("Saved as change ")
    assert imported(folder)[1] == {NAME["nb"], NAME["en"]}
