"""`ikg history`, `ikg undo`, `ikg backup`, `ikg restore` and `ikg password` as a user types them."""

from __future__ import annotations

import re

import pytest

import graph.edit.auth as auth
from graph.cli.main import main
from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name

ITEM = "https://example.org/ikg/m-home-a"


class AtTerminal:
    """Standard input at a terminal: `ikg password` asks with getpass (piped input is read as one line)."""

    def isatty(self) -> bool:
        return True


def assess(store_dir: str) -> str:
    from graph.edit.assessments import save_assessment
    from graph.history.shipped import open_store

    store = open_store(store_dir)
    save_assessment(store, ITEM, "Runde 1", {}, "", "", "keep", "", "Kari", "2026-11-01")
    from graph.history.changes import changes

    return changes(store)[0].id


def test_history_lists_and_shows_a_change(capsys, fixture_dir):  # noqa: F811
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history")
    assert (code, out.strip()) == (0, "(no rows)")
    change = assess(fixture_dir)
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["id", "time", "editor", "action", "triples", "undo", "why"]
    assert re.match(rf"{change}\s+\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+Kari\s+assessment\s+\+\d+ -0", lines[2])
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history", "--show", change[:12])
    assert code == 0 and out.startswith(f"change {change}  ") and "\n+ " in out


def test_undo_from_the_command_line(capsys, fixture_dir, monkeypatch):  # noqa: F811
    change = assess(fixture_dir)
    monkeypatch.setenv("IKG_EDITOR", "Ola")
    code, out, err = ikg(capsys, "--store", fixture_dir, "undo", change, "--why", "wrong item")
    assert code == 0 and out.startswith(f"undid change {change}: new change ")
    code, _, err = ikg(capsys, "--store", fixture_dir, "undo", change)
    assert code == 1 and err.startswith(f"ikg: Change {change} was already undone (by change ")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history")
    assert "Ola" in out and "wrong item" in out
    code, _, err = ikg(capsys, "--store", fixture_dir, "--lang", "nb", "undo", "0000")
    assert (code, err) == (1, "ikg: Ingen endring har id «0000»; se `ikg history` eller historikksiden for id-ene.\n")


def test_backup_and_restore_from_the_command_line(capsys, fixture_dir, tmp_path):  # noqa: F811
    path = tmp_path / "snap.nt.gz"
    code, out, _ = ikg(capsys, "--store", fixture_dir, "backup", str(path))
    assert code == 0 and re.match(r"wrote \d{1,3}(,\d{3})* triples from oxigraph:.* to .*snap.nt.gz", out)
    assess(fixture_dir)
    code, _, err = ikg(capsys, "--store", fixture_dir, "restore", str(path))
    assert (code, err) == (1, "ikg: restore needs confirmation: run it in a terminal, or add --yes\n")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "restore", str(path), "--yes", "--editor", "Ola")
    assert code == 0 and "(undo with `ikg undo`)" in out
    code, out, _ = ikg(capsys, "--store", fixture_dir, "review", "--format", "csv")
    assert "Kari" not in out  # the assessment made after the backup is gone
    code, _, err = ikg(capsys, "--store", fixture_dir, "restore", str(tmp_path / "missing.nt"), "--yes")
    assert (code, err) == (1, f"ikg: {tmp_path / 'missing.nt'}: no such file; check the name and folder\n")


def test_a_reason_the_program_wrote_reads_in_the_readers_language(capsys, fixture_dir, tmp_path):  # noqa: F811
    """A restore and its undo made in bokmål, without --why, record their reasons in bokmål; the history
    read in English tells them in English (what a person typed, "wrong item" above, stays as typed)."""
    path = tmp_path / "snap.nt.gz"
    ikg(capsys, "--store", fixture_dir, "backup", str(path))
    assess(fixture_dir)
    code, _, err = ikg(capsys, "--store", fixture_dir, "--lang", "nb", "restore", str(path), "--yes", "--editor", "Ola")
    assert code == 0, err
    from graph.history.changes import changes
    from graph.history.shipped import open_store

    restored = changes(open_store(fixture_dir))[0]
    assert restored.comment == "Hentet tilbake fra sikkerhetskopien snap.nt.gz"
    ikg(capsys, "--store", fixture_dir, "--lang", "nb", "undo", restored.id, "--editor", "Ola")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history")
    assert "Restored from the backup snap.nt.gz" in out and f"Undoes change {restored.id}" in out
    assert "Hentet" not in out and "Angrer" not in out
    code, out, _ = ikg(capsys, "--store", fixture_dir, "history", "--show", restored.id)
    assert out.splitlines()[0].endswith("  — Restored from the backup snap.nt.gz")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "--lang", "nb", "history")
    assert "Hentet tilbake fra sikkerhetskopien snap.nt.gz" in out


def test_password_makes_a_hash_that_logs_in(capsys, monkeypatch):
    answers = iter(["a long passphrase", "a long passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin", AtTerminal())
    code, out, _ = ikg(capsys, "password")
    stored = re.search(r'editor_password_hash = "(scrypt:[^"]+)"', out).group(1)
    assert code == 0 and "[ikg]" in out
    assert auth.check_password("a long passphrase", stored) and not auth.check_password("a long passphrasE", stored)


@pytest.mark.parametrize("answers, message", [
    (["short", "short"], "ikg: the password is too short: use at least 10 characters"),
    (["a long passphrase", "another passphrase"], "ikg: the two passwords differ; nothing was made"),
])
def test_password_refuses_short_or_differing(capsys, monkeypatch, answers, message):
    it = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(it))
    monkeypatch.setattr("sys.stdin", AtTerminal())
    code, _, err = ikg(capsys, "password")
    assert code == 1 and err.startswith(message)


def test_main_is_importable():
    assert callable(main)


def test_history_refuses_a_limit_below_one(capsys, fixture_dir):  # noqa: F811
    code, out, err = ikg(capsys, "history", "--store", fixture_dir, "--limit", "-3", "--lang", "nb")
    assert (code, out) == (1, "")
    assert err == "ikg: --limit -3: skriv hvor mange av de nyeste endringene som skal vises, 1 eller flere\n"
    code, _, err = ikg(capsys, "history", "--store", fixture_dir, "--limit", "0")
    assert (code, err) == (1, "ikg: --limit 0: give how many of the latest changes to show, 1 or more\n")
