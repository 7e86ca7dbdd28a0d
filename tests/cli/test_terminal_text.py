"""Text from the data never reaches the terminal raw (issue 10, item 9): an OSC sequence retitling the
terminal, an ESC sequence clearing the screen and a right-to-left override in a label or a file name are
printed as visible escapes by `ikg import --dry-run`, `ikg history` and the tables."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graph.cli.output import format_table, markdown_table
from graph.questions.table import Table
from tests.cli.test_cli import ikg
from tests.support import FIXTURES

EVIL = "\x1b]0;pwned\x07 \x1b[2J \u202e"
SHOWN = "\\x1b]0;pwned\\x07 \\x1b[2J \\u202e"  # how it must look on the terminal
RAW = ("\x1b", "\x07", "\u202e")
GOOD = (FIXTURES / "upload" / "good-network.ttl").read_text(encoding="utf-8")


def clean(text: str) -> bool:
    return not any(char in text for char in RAW)


@pytest.fixture
def store_dir(tmp_path) -> str:
    return str(tmp_path / "store")


def test_a_label_with_escape_sequences_is_never_printed_raw_by_the_import(capsys, store_dir, tmp_path):
    path = tmp_path / "evil.ttl"
    turtle_label = '"Nordic\\u001b]0;pwned\\u0007 \\u001b[2J \\u202e Network"@en'
    path.write_text(GOOD.replace('"Nordic Culture Network"@en', turtle_label, 1), encoding="utf-8")
    code, out, err = ikg(capsys, "--store", store_dir, "import", str(path), "--dry-run", "--editor", "Kari")
    assert clean(out) and clean(err)
    assert code == 1 and "U+001B" in err and "nothing was changed" in err  # such a name is refused outright
    code, out, _ = ikg(capsys, "--store", store_dir, "history")
    assert (code, out.strip()) == (0, "(no rows)")


def test_the_import_preview_shows_a_hostile_file_name_escaped(capsys, store_dir, tmp_path):
    path = tmp_path / f"net{EVIL}.ttl"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = ikg(capsys, "--store", store_dir, "import", str(path), "--dry-run", "--editor", "Kari")
    assert code == 0, err
    assert clean(out) and clean(err)
    lines = out.splitlines()
    assert lines[0] == f"Import of {tmp_path}/net{SHOWN}.ttl"
    assert lines[-1] == "Nothing was written (--dry-run)."
    assert "Nordic Culture Network" in out


def test_history_shows_hostile_labels_editor_and_reason_escaped(capsys, store_dir):
    from graph.history.changes import commit
    from graph.history.shipped import open_store

    code, _, err = ikg(capsys, "--store", store_dir, "history")  # fills the new store
    assert code == 0, err
    store = open_store(store_dir)
    thing = URIRef("https://w3id.org/ikg/trondheim/network-test-nordic-culture")
    change = commit(store, add=[(thing, RDFS.label, Literal(f"Evil{EVIL}", lang="en"))],
                    editor=f"Mallory{EVIL}", action="import", why=f"because{EVIL}\nsecond line")
    store.close()
    del store

    code, out, err = ikg(capsys, "--store", store_dir, "history")
    assert code == 0, err
    assert clean(out) and f"Mallory{SHOWN}" in out and "because" in out and "\\nsecond line" in out
    assert len(out.splitlines()) == 3  # the reason's line break does not start a new row

    code, out, err = ikg(capsys, "--store", store_dir, "history", "--show", change.id)
    assert code == 0, err
    assert clean(out) and clean(err)
    assert out.startswith(f"change {change.id}  ") and f"Mallory{SHOWN}" in out
    assert f'"Evil{SHOWN}"@en' in out and f"because{SHOWN}\\nsecond line" in out


def test_tables_make_control_and_bidi_characters_visible():
    table = Table([f"name{EVIL}", "source"], [[f"Evil{EVIL}", f"doc{EVIL}\nnext"]])
    for text, cell in ((format_table(table), f"doc{SHOWN}\\nnext"), (markdown_table(table), f"doc{SHOWN} next")):
        assert clean(text)
        assert f"Evil{SHOWN}" in text and cell in text and f"name{SHOWN}" in text


def test_csv_to_a_pipe_keeps_the_data_and_to_a_terminal_escapes_it(capsys, monkeypatch):
    import sys

    from graph.cli.output import emit

    table = Table(["name"], [[f"Evil{EVIL}"]])
    emit(table, "csv")
    assert capsys.readouterr().out == f"name\nEvil{EVIL}\n"  # a file or a pipe gets the data as it is
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    emit(table, "csv")
    out = capsys.readouterr().out
    assert clean(out) and f"Evil{SHOWN}" in out

