"""`ikg restore` refuses a missing, unreadable or damaged backup in the user's language (no Python or
rdflib English in it) and changes nothing; `ikg password` with nothing typed or piped in says so, and reads
a piped password without getpass's English warnings."""

from __future__ import annotations

import errno
import gzip
import io
import re
from pathlib import Path

import pytest

import graph.edit.auth as auth
from graph.store import open_store
from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name
from tests.cli.test_cli_history import AtTerminal


@pytest.fixture
def snapshot(capsys, fixture_dir, tmp_path):  # noqa: F811
    """The text of a backup of the fixture store (written by `ikg backup`)."""
    path = tmp_path / "snap.nt"
    assert ikg(capsys, "--store", fixture_dir, "backup", str(path))[0] == 0
    return path.read_text(encoding="utf-8")


def restore_refused(capsys, store_dir: str, lang: str, path: Path) -> str:
    """`ikg --lang LANG restore PATH --yes` exits 1, prints nothing on stdout, leaves the store as it was."""
    before = sorted(open_store(store_dir).graph())
    code, out, err = ikg(capsys, "--store", store_dir, "--lang", lang, "restore", str(path), "--yes")
    assert (code, out) == (1, ""), (code, out, err)
    assert sorted(open_store(store_dir).graph()) == before
    return err


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}: filen finnes ikke; sjekk navnet og mappen\n"),
    ("en", "ikg: {p}: no such file; check the name and folder\n"),
])
def test_a_missing_backup(capsys, fixture_dir, tmp_path, lang, message):  # noqa: F811
    path = tmp_path / "missing.nt"
    assert restore_refused(capsys, fixture_dir, lang, path) == message.format(p=path)


def test_a_folder_or_an_unreadable_backup(capsys, fixture_dir, tmp_path, monkeypatch):  # noqa: F811
    err = restore_refused(capsys, fixture_dir, "nb", tmp_path)
    assert err == f"ikg: {tmp_path} er en mappe: oppgi sikkerhetskopien i den (en .nt- eller .nt.gz-fil)\n"
    path = tmp_path / "snap.nt"
    path.write_text("x", encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "denied")))
    err = restore_refused(capsys, fixture_dir, "nb", path)
    assert err == f"ikg: {path}: du har ikke lov til å lese filen; sjekk tillatelsene til den\n"
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
    err = restore_refused(capsys, fixture_dir, "en", path)
    assert err == f"ikg: {path}: cannot be read (error EIO); check the disk, or use another backup\n"


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}: ikke en hel gzip-fil; bruk en annen sikkerhetskopi\n"),
    ("en", "ikg: {p}: not a complete gzip file; use another backup\n"),
])
@pytest.mark.parametrize("damage", [lambda gz: gz[:-20], lambda gz: gz[:5] + b"x" * 40], ids=["cut", "garbled"])
def test_a_damaged_gzip_backup(capsys, fixture_dir, tmp_path, snapshot, lang, message, damage):  # noqa: F811
    path = tmp_path / "bad.nt.gz"
    path.write_bytes(damage(gzip.compress(snapshot.encode("utf-8"))))
    assert restore_refused(capsys, fixture_dir, lang, path) == message.format(p=path)


def test_not_a_backup(capsys, fixture_dir, tmp_path):  # noqa: F811
    path = tmp_path / "other.nt"
    path.write_text("<a:b> <a:c> <a:d> .\n", encoding="utf-8")
    err = restore_refused(capsys, fixture_dir, "nb", path)
    assert err == (f"ikg: {path}: ikke en sikkerhetskopi skrevet av `ikg backup` (den første linjen er ikke "
                   "«# ikg backup: …»)\n")
    path.write_bytes(b"# ikg backup: 1 triples\n\xff\xfe\n")
    err = restore_refused(capsys, fixture_dir, "en", path)
    assert err == f"ikg: {path}: not a backup written by `ikg backup` (not UTF-8 text)\n"


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}:3: skadet linje; sikkerhetskopien er ufullstendig, bruk en annen\n"),
    ("en", "ikg: {p}:3: damaged line; the backup is incomplete, use another one\n"),
])
def test_a_damaged_line(capsys, fixture_dir, tmp_path, snapshot, lang, message):  # noqa: F811
    lines = snapshot.splitlines(keepends=True)
    path = tmp_path / "cut.nt"
    path.write_text("".join([*lines[:2], lines[2][:10] + "\n", *lines[3:]]), encoding="utf-8")
    assert restore_refused(capsys, fixture_dir, lang, path) == message.format(p=path)


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}: har {n} tripler, men ble skrevet med {m}; sikkerhetskopien er ufullstendig, bruk en annen\n"),
    ("en", "ikg: {p}: holds {n} triples, but was written with {m}; the backup is incomplete, use another one\n"),
])
def test_a_backup_with_lines_missing(capsys, fixture_dir, tmp_path, snapshot, lang, message):  # noqa: F811
    lines = snapshot.splitlines(keepends=True)
    m = int(re.match(r"# ikg backup: (\d+) triples", lines[0]).group(1))
    path = tmp_path / "short.nt"
    path.write_text("".join(lines[:-3]), encoding="utf-8")
    assert restore_refused(capsys, fixture_dir, lang, path) == message.format(p=path, n=m - 3, m=m)


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: ikke noe passord ble gitt: skriv det inn når du blir spurt, eller send det inn som én linje på "
           "standard inndata\n"),
    ("en", "ikg: no password was given: type it at the prompt, or pipe it in as one line\n"),
])
def test_password_with_nothing_piped_in(capsys, monkeypatch, lang, message):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("getpass is not for piped input"))
    assert ikg(capsys, "--lang", lang, "password") == (1, "", message)


def test_password_ended_at_the_terminal(capsys, monkeypatch):
    """Ctrl-D at the prompt: getpass raises EOFError."""
    monkeypatch.setattr("sys.stdin", AtTerminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": (_ for _ in ()).throw(EOFError()))
    code, out, err = ikg(capsys, "--lang", "nb", "password")
    assert (code, out) == (1, "") and err.endswith("ikg: ikke noe passord ble gitt: skriv det inn når du blir "
                                                   "spurt, eller send det inn som én linje på standard inndata\n")


def test_a_piped_password_is_read_without_warnings(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long passphrase\r\n"))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("getpass is not for piped input"))
    code, out, err = ikg(capsys, "--lang", "nb", "password")
    stored = re.search(r'editor_password_hash = "(scrypt:[^"]+)"', out).group(1)
    assert (code, err) == (0, "") and auth.check_password("a long passphrase", stored)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, out, err = ikg(capsys, "--lang", "nb", "password")
    assert (code, out) == (1, "") and err.startswith("ikg: passordet er for kort: bruk minst 10 tegn")
