"""A further UI language is one catalogue file: `ikg catalogue sv` writes it, a translator fills it in, and
with the file in place the app and the CLI offer Swedish, with English for what it leaves out."""

from __future__ import annotations

import os
import subprocess
import sys

from babel.messages.pofile import read_po

from graph import i18n
from graph.cli.main import main
from graph.i18n import language_name, languages, number, t
from graph.questions.library import get_question, is_named, list_questions
from tests.city.swedish_texts import SWEDISH, WRONG, swedish_ui, write_swedish
from tests.support import ROOT


def test_the_catalogue_file_holds_every_text_and_question_to_translate(tmp_path, capsys):
    path = tmp_path / "sv.po"
    assert main(["catalogue", "sv", "--out", str(path)]) == 0
    with path.open("rb") as f:
        catalog = read_po(f)
    ids = {str(m.id) for m in catalog if m.id}
    named = {f"rq.{q.name}" for q in list_questions() if is_named(q)}
    assert len(named) == 21
    assert ids == set(i18n.TEXT["en"]) | named
    assert not [m.id for m in catalog if m.id and m.string]  # nothing translated yet
    review = catalog["page.review"]
    assert review.auto_comments == ["en: Membership review", "nb: Gjennomgang av medlemskap"]
    out = capsys.readouterr().out
    assert out == (f"wrote {path}: 0 of {len(ids)} texts translated. Put the file in {i18n.CATALOGUE_DIR} or in "
                   "the folder $IKG_UI_CATALOGUES names; what is left empty shows in English.\n")


def test_running_it_again_keeps_the_translations_and_names_what_is_left_out(tmp_path, capsys):
    path = write_swedish(tmp_path)
    capsys.readouterr()
    assert main(["catalogue", "sv", "--out", str(path)]) == 0
    with path.open("rb") as f:
        kept = {str(m.id): m.string for m in read_po(f) if m.id and m.string}
    assert kept == {**SWEDISH, **WRONG}
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "left out (shown in English): col.status: {state} is not filled in this text"
    assert lines[1].startswith(f"wrote {path}: {len(SWEDISH)} of ")


def test_bad_codes_and_names_are_refused_and_nothing_is_written(tmp_path, capsys):
    for args, message in [
        (["nb"], "ikg: nb er innebygd (graph/i18n/text_*.py); en katalogfil er for andre språk, "
                 "f.eks. sv, de eller nn"),
        (["xx-q"], "ikg: 'xx-q' er ikke en språkkode; bruk en kode som sv, de, fr eller nn"),
        (["sv", "svenska.po"], f"ikg: {tmp_path / 'svenska.po'}: katalogfila for sv må hete sv.po"),
    ]:
        name = args[1] if len(args) > 1 else f"{args[0]}.po"
        assert main(["catalogue", args[0], "--out", str(tmp_path / name), "--lang", "nb"]) == 1
        assert capsys.readouterr().err.strip() == message
    assert list(tmp_path.iterdir()) == []


def test_with_the_file_in_place_swedish_is_a_language_with_english_for_the_rest(tmp_path):
    assert languages() == ("nb", "en")
    with swedish_ui(tmp_path):
        assert languages() == ("nb", "en", "sv")
        assert language_name("sv") == "Svenska"
        assert t("page.network", "sv") == "Nätverk"
        assert t("sparql.rows", "sv", n=number(12345, "sv")) == "12\xa0345 rader"  # Swedish digit grouping
        assert t("page.gaps", "sv") == "Gaps"  # not translated: English
        assert t("col.status", "sv") == "status"  # the wrong entry is left out
        assert i18n.REJECTED["sv"] == ["col.status: {state} is not filled in this text"]
        assert get_question("twin-cities").description("sv") == SWEDISH["rq.twin-cities"]
        assert get_question("path").description("sv") == get_question("path").description("en")
    assert languages() == ("nb", "en")
    assert "sv" not in i18n.TEXT


def test_the_cli_speaks_swedish_when_the_folder_is_configured(tmp_path):
    write_swedish(tmp_path)
    env = {**os.environ, i18n.CATALOGUES_ENV: str(tmp_path)}
    command = [sys.executable, "-m", "graph.cli", "query", "twin-cities", "--store", "memory", "--lang", "sv"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["stad", "land", "sedan", "avtal", "status", "sources"]  # sources: not translated
    # Trondheim's data has nb and en names: a Swedish reader gets the data's first language, bokmål
    assert [x for x in lines if x.startswith("Dunfermline")][0].split()[:2] == ["Dunfermline", "Skottland"]
    # without the folder there is no Swedish: argparse names the languages there are
    env.pop(i18n.CATALOGUES_ENV)
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "invalid choice: 'sv' (choose from 'nb', 'en')" in done.stderr


def test_a_broken_file_or_unknown_code_offers_no_language_and_says_why(tmp_path, monkeypatch):
    (tmp_path / "klingon.po").write_text('msgid "page.network"\nmsgstr "x"\n', encoding="utf-8")
    (tmp_path / "da.po").write_text('msgid "page.network"\nmsgstr "Netværk\n', encoding="utf-8")  # no closing quote
    monkeypatch.setenv(i18n.CATALOGUES_ENV, str(tmp_path))
    try:
        i18n.reload()
        assert languages() == ("nb", "en")  # neither is offered: no text cut short ("Netvær"), no made-up code
        assert i18n.REJECTED["da"] == ['da.po: line 2: msgstr "Netværk: a text must stand in "…" (a quote is '
                                       'written \\")']
        assert i18n.REJECTED["klingon"] == [
            "klingon.po: 'klingon' is not a language code Babel knows (e.g. sv, de, fr)"]
    finally:
        monkeypatch.delenv(i18n.CATALOGUES_ENV)
        i18n.reload()
    assert languages() == ("nb", "en")


def test_updating_a_broken_file_refuses_and_leaves_it_as_it_was(tmp_path, capsys):
    path = tmp_path / "sv.po"
    broken = 'msgid "page.network"\nmsgstr "Nätverk\n'
    path.write_text(broken, encoding="utf-8")
    assert main(["catalogue", "sv", "--out", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f'ikg: cannot read {path} as a .po file: line 2: msgstr "Nätverk: a text must stand in "…" (a quote is '
        'written \\")')
    assert path.read_text(encoding="utf-8") == broken
