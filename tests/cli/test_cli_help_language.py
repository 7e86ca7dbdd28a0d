"""`ikg --help` and argparse's messages in the language asked for: `--lang nb` (anywhere on the line) or
IKG_LANG=nb gives bokmål help and errors with no English help text left; English stays as it was."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from graph.cli.main import main
from graph.cli.parser import build_parser
from graph.cli.speaking import ARGPARSE_WORDS, GETTEXT
from graph.i18n import TEXT


def run(capsys, *args: str) -> tuple[int, str, str]:
    """`ikg ARGS` in this process: its exit code (argparse exits 0 after help, 2 on an error), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """Help text without argparse's line wrapping."""
    return re.sub(r"\s+", " ", text)


def commands() -> list[str]:
    return list(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


ENGLISH_ONLY = {key: text for key, text in TEXT["en"].items()
                if key.startswith(("cli.help.", "cli.argparse.")) and text != TEXT["nb"][key]}


def english_left(out: str) -> list[str]:
    """The English help texts (their first 40 characters) that occur in `out`."""
    shown = flat(out)
    return [key for key, text in ENGLISH_ONLY.items() if len(text) > 12 and flat(text)[:40].strip() in shown]


def test_the_main_help_in_bokmal(capsys):
    code, out, err = run(capsys, "--lang", "nb", "--help")
    assert code == 0 and err == ""
    assert out.startswith("bruk: ikg [-h] [--store LAGER] [--lang {nb,en}] [--version] KOMMANDO ...\n")
    assert "\nargumenter:\n" in out and "\nvalg:\n" in out
    assert "-h, --help      vis denne hjelpeteksten og avslutt" in out
    assert "--version       vis programmets versjon og avslutt" in out
    assert "query         svar på et navngitt spørsmål eller kjør en .rq-fil som bare" in out
    assert english_left(out) == []


@pytest.mark.parametrize("command", commands())
def test_every_command_help_in_bokmal_has_no_english_help_left(capsys, command):
    code, out, err = run(capsys, command, "--help", "--lang", "nb")  # --lang after the command, as people type it
    assert code == 0 and err == ""
    assert out.startswith(f"bruk: ikg {command} [-h] [--store LAGER] [--lang {{nb,en}}]")
    assert "vis denne hjelpeteksten og avslutt" in out
    assert english_left(out) == [], command
    assert "usage:" not in out and "options:" not in out and "positional arguments" not in out


def test_the_english_help_is_as_before(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("usage: ikg [-h] [--store STORE] [--lang {nb,en}] [--version] COMMAND ...\n")
    assert "\npositional arguments:\n" in out and "\noptions:\n" in out
    assert "show this help message and exit" in out
    assert flat(TEXT["en"]["cli.help.description"]) in flat(out)


@pytest.mark.parametrize(("args", "message"), [
    (["query"], "ikg query: feil: disse argumentene mangler: SPØRSMÅL"),
    (["query", "twin-cities", "--format", "xx"],
     "ikg query: feil: argumentet --format: ugyldig valg: 'xx' (velg blant 'table', 'csv', 'json')"),
    (["gaps", "--since", "toårs"], "ikg gaps: feil: argumentet --since: ugyldig tall: 'toårs'"),
    (["query", "twin-cities", "--param"], "ikg query: feil: argumentet --param: mangler en verdi"),
    (["history", "--bogus"], "ikg: feil: ukjente argumenter: --bogus"),
    (["share", "go"], "ikg share: feil: argumentet {start,stop,status}: ugyldig valg: 'go' "
                      "(velg blant 'start', 'stop', 'status')"),
])
def test_a_command_line_argparse_cannot_read_is_answered_in_bokmal(capsys, args, message):
    code, out, err = run(capsys, "--lang", "nb", *args)
    assert code == 2 and out == ""
    assert err.startswith("bruk: ikg")
    assert err.splitlines()[-1] == message


def test_the_same_errors_in_english(capsys):
    code, _, err = run(capsys, "gaps", "--since", "x")
    assert code == 2
    assert err.splitlines() == ["usage: ikg gaps [-h] [--store STORE] [--lang {nb,en}] [--since YEAR]",
                                "ikg gaps: error: argument --since: invalid int value: 'x'"]


def test_ikg_lang_sets_the_default_and_lang_wins(capsys, monkeypatch):
    monkeypatch.setenv("IKG_LANG", "nb")
    _, out, _ = run(capsys, "--help")
    assert out.startswith("bruk: ikg")
    _, out, _ = run(capsys, "--help", "--lang", "en")
    assert out.startswith("usage: ikg")
    monkeypatch.setenv("IKG_LANG", "xx")  # not a language ikg speaks: English, and said so (it was silent)
    _, out, err = run(capsys, "--help")
    assert out.startswith("usage: ikg")
    assert err == "ikg: note: IKG_LANG=xx is not a language ikg speaks (nb, en); answering in English.\n"
    _, out, err = run(capsys, "--help", "--lang", "nb")  # --lang given: the setting does not matter
    assert out.startswith("bruk: ikg") and err == ""
    monkeypatch.setenv("IKG_LANG", "NB")  # as people write it: bokmål
    _, out, err = run(capsys, "--help")
    assert out.startswith("bruk: ikg") and err == ""


def test_argparse_is_left_in_english_after_a_bokmal_run(capsys):
    run(capsys, "--lang", "nb", "query")  # an error: argparse exits in the middle of it
    gettext = getattr(argparse, GETTEXT)
    assert gettext("usage: ") == "usage: " and gettext("options") == "options"
    assert build_parser().format_help().startswith("usage: ikg")


def test_every_argparse_word_is_one_argparse_writes():
    """Each English text is argparse's own, word for word (a Python whose argparse words them otherwise
    would leave them untranslated), and each translation takes argparse's values."""
    source = inspect.getsource(argparse)
    values = {"prog": "ikg", "message": "m", "argument_name": "--x", "option": "--f", "matches": "--a, --b",
              "type": "int", "value": "v", "choices": "'a', 'b'"}
    for word in ARGPARSE_WORDS:
        english = TEXT["en"][f"cli.argparse.{word}"]
        assert english.replace("\n", "\\n") in source, word
        for lang in ("nb", "en"):
            text = TEXT[lang][f"cli.argparse.{word}"]
            assert (text % values if "%(" in text else text % "x" if "%" in text else text), (word, lang)
