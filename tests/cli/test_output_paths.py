"""A wrong place to write to is one clear message in the user's language, and nothing is written: a missing
folder (create it first), a folder where a file is wanted (name a file), a file where a folder is wanted
(name a folder or remove the file), a place one may not write to (check the permissions). `backup`,
`export`, `export --data`, `template`, `catalogue`, `review --out` and `reset --export-first`."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import open_store
from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name


def count(store_dir: str) -> int:
    return open_store(store_dir).count()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def place(tmp_path):
    """A folder holding one file (`file.csv`) and one folder (`folder`); what is in it before a command."""
    root = tmp_path / "place"
    (root / "folder").mkdir(parents=True)
    (root / "file.csv").write_text("kept\n", encoding="utf-8")
    return root


def refused(capsys, store_dir: str, place: Path, lang: str, *args: str) -> str:
    """Run `ikg --lang LANG ARGS` on the store; it must exit 1, print nothing on stdout, change neither the
    store nor `place`; returns its message."""
    before, files = count(store_dir), listing(place)
    code, out, err = ikg(capsys, "--store", store_dir, "--lang", lang, *args)
    assert (code, out) == (1, ""), (code, out, err)
    assert count(store_dir) == before and listing(place) == files
    assert (place / "file.csv").read_text(encoding="utf-8") == "kept\n"
    return err


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/b.txt: en sikkerhetskopi er N-Triples: gi den navnet …/noe.nt eller …/noe.nt.gz\n"),
    ("en", "ikg: {p}/b.txt: a backup is N-Triples: name it …/something.nt or …/something.nt.gz\n"),
])
def test_backup_needs_an_nt_name(capsys, fixture_dir, place, lang, message):  # noqa: F811
    assert refused(capsys, fixture_dir, place, lang, "backup", str(place / "b.txt")) == message.format(p=place)


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/missing: mappen finnes ikke; opprett den først\n"),
    ("en", "ikg: {p}/missing: no such folder; create it first\n"),
])
def test_backup_into_a_missing_folder(capsys, fixture_dir, place, lang, message):  # noqa: F811
    err = refused(capsys, fixture_dir, place, lang, "backup", str(place / "missing" / "b.nt"))
    assert err == message.format(p=place)


def test_backup_to_a_folder_or_under_a_file(capsys, fixture_dir, place):  # noqa: F811
    err = refused(capsys, fixture_dir, place, "nb", "backup", str(place / "folder"))
    assert err == f"ikg: {place}/folder er en mappe: oppgi en fil, f.eks. {place}/folder/ikg-backup.nt.gz\n"
    err = refused(capsys, fixture_dir, place, "en", "backup", str(place / "file.csv" / "b.nt"))
    assert err == f"ikg: {place}/file.csv is a file, not a folder: name a folder, or remove the file\n"


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/missing/dir: mappen finnes ikke; opprett den først\n"),
    ("en", "ikg: {p}/missing/dir: no such folder; create it first\n"),
])
def test_export_into_a_missing_folder(capsys, fixture_dir, place, lang, message):  # noqa: F811
    err = refused(capsys, fixture_dir, place, lang, "export", "--format", "ttl", "--out",
                  str(place / "missing" / "dir" / "x.ttl"))
    assert err == message.format(p=place)


def test_export_to_a_folder(capsys, fixture_dir, place):  # noqa: F811
    err = refused(capsys, fixture_dir, place, "nb", "export", "--format", "xlsx", "--out", str(place / "folder"))
    assert err == f"ikg: {place}/folder er en mappe: oppgi en fil, f.eks. {place}/folder/ikg-export.xlsx\n"
    err = refused(capsys, fixture_dir, place, "en", "export", "--format", "ttl", "--out", str(place / "folder"))
    assert err == f"ikg: {place}/folder is a folder: name a file, e.g. {place}/folder/ikg-export.ttl\n"


def test_import_of_a_folder_names_the_types_import_takes(capsys, fixture_dir, place):  # noqa: F811
    """It listed the types the RDF reader knows (.nq, .trig), which an import then refused."""
    err = refused(capsys, fixture_dir, place, "en", "import", str(place), "--editor", "Kari")
    assert err == f"ikg: {place} is a folder: ikg import takes one file at a time, of the types .csv, .json, " \
                  ".jsonld, .nt, .ttl, .xlsx.\n"


def test_export_under_another_formats_name(capsys, fixture_dir, place):  # noqa: F811
    """`--format xlsx --out g.csv` wrote a workbook named .csv, which a spreadsheet then opens as garbage."""
    err = refused(capsys, fixture_dir, place, "nb", "export", "--format", "xlsx", "--out", str(place / "g.csv"))
    assert err == "ikg: «g.csv» slutter ikke på .xlsx, som --format xlsx skriver: kall filen g.xlsx, eller velg " \
                  "formatet navnet sier.\n"
    err = refused(capsys, fixture_dir, place, "en", "export", "--format", "nt", "--out", str(place / "g.ttl"))
    assert err == "ikg: “g.ttl” does not end in .nt, which --format nt writes: name the file g.nt, or choose the " \
                  "format its name says.\n"
    code, out, err = ikg(capsys, "--store", fixture_dir, "export", "--format", "jsonld", "--out", str(place / "g.json"))
    assert code == 0 and (place / "g.json").is_file(), err  # .json is JSON-LD's too; no ending is no claim
    code, out, err = ikg(capsys, "--store", fixture_dir, "export", "--format", "ttl", "--out", str(place / "graph"))
    assert code == 0 and (place / "graph").is_file(), err


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/file.csv er en fil, ikke en mappe: oppgi en mappe, eller fjern filen\n"),
    ("en", "ikg: {p}/file.csv is a file, not a folder: name a folder, or remove the file\n"),
])
@pytest.mark.parametrize("args", [
    ("export", "--format", "csv", "--out", "{p}/file.csv"),
    ("export", "--data", "{p}/file.csv"),
    ("template", "actor", "--out", "{p}/file.csv"),
    ("reset", "--from-data", "--yes", "--export-first", "{p}/file.csv"),
], ids=["export-csv", "export-data", "template", "reset-export-first"])
def test_a_file_where_a_folder_is_wanted(capsys, fixture_dir, place, lang, message, args):  # noqa: F811
    err = refused(capsys, fixture_dir, place, lang, *(a.format(p=place) for a in args))
    assert err == message.format(p=place)


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/missing: mappen finnes ikke; opprett den først\n"),
    ("en", "ikg: {p}/missing: no such folder; create it first\n"),
])
@pytest.mark.parametrize("args", [
    ("review", "--format", "csv", "--out", "{p}/missing/x.csv"),
    ("template", "actor", "--out", "{p}/missing/sheets"),
    ("catalogue", "sv", "--out", "{p}/missing/sv.po"),
    ("export", "--data", "{p}/missing/data"),
    ("export", "--format", "csv", "--out", "{p}/missing/csv"),
], ids=["review", "template", "catalogue", "export-data", "export-csv"])
def test_no_missing_parent_folder_is_made(capsys, fixture_dir, place, lang, message, args):  # noqa: F811
    err = refused(capsys, fixture_dir, place, lang, *(a.format(p=place) for a in args))
    assert err == message.format(p=place)
    assert not (place / "missing").exists()


def test_review_and_catalogue_to_a_folder(capsys, fixture_dir, place):  # noqa: F811
    err = refused(capsys, fixture_dir, place, "nb", "review", "--format", "html", "--out", str(place / "folder"))
    assert err == f"ikg: {place}/folder er en mappe: oppgi en fil, f.eks. {place}/folder/review.html\n"
    err = refused(capsys, fixture_dir, place, "en", "catalogue", "sv", "--out", str(place / "folder"))
    assert err == f"ikg: {place}/folder is a folder: name a file, e.g. {place}/folder/sv.po\n"


@pytest.mark.parametrize("lang, message", [
    ("nb", "ikg: {p}/x.ttl: du har ikke lov til å skrive her; sjekk tillatelsene til mappen\n"),
    ("en", "ikg: {p}/x.ttl: not allowed to write here; check the folder's permissions\n"),
])
def test_not_allowed_to_write(capsys, fixture_dir, place, monkeypatch, lang, message):  # noqa: F811
    def denied(self, data):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", denied)  # tests run as root too, where chmod would not stop them
    err = refused(capsys, fixture_dir, place, lang, "export", "--format", "ttl", "--out", str(place / "x.ttl"))
    assert err == message.format(p=place)


def test_a_folder_named_for_the_output_is_still_made(capsys, fixture_dir, place):  # noqa: F811
    """The folder itself may be new (README: `ikg template all --out sheets`); only its parent must exist."""
    code, _, err = ikg(capsys, "--store", fixture_dir, "template", "actor", "--format", "csv",
                       "--out", str(place / "sheets"))
    assert (code, err) == (0, "") and (place / "sheets" / "actor.csv").is_file()
    code, _, err = ikg(capsys, "--store", fixture_dir, "export", "--format", "csv", "--out", str(place / "csv"))
    assert (code, err) == (0, "") and (place / "csv" / "actors.csv").is_file()
