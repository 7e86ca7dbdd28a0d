"""`ikg`'s help and argparse's own words in the language `--lang` asks for (graph/i18n/text_cli.py): what
graph/cli/parser.py and the commands' own parsers write their help with."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from graph.config import env
from graph.i18n import TEXT, languages, t

GETTEXT = "_"  # argparse's name for gettext, which writes each of its words
ARGPARSE_WORDS = ("usage", "positionals", "options", "help", "error", "argument", "required", "one_required",
                  "unrecognized", "not_allowed", "ignored", "expected_one", "expected_at_most_one",
                  "expected_at_least_one", "ambiguous", "invalid_value", "invalid_choice", "unexpected")


def wanted_lang(argv: Sequence[str]) -> str:
    """The language `--lang` asks for anywhere on the command line (before or after the command), else
    IKG_LANG's, else English; one ikg does not speak counts as none (argparse then says so for --lang).

    >>> wanted_lang(["query", "x", "--lang", "nb"]), wanted_lang(["--lang=nb"]), wanted_lang(["--lang", "xx"])
    ('nb', 'nb', 'en')
    """
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in languages():
            return value
    setting = env("IKG_LANG").lower()  # IKG_LANG=NB is nb
    return setting if setting in languages() else "en"


def ignored_lang_setting(argv: Sequence[str], setting: str | None = None) -> str:
    """IKG_LANG (or `setting`) when it names a language ikg does not speak and no --lang is given ('' otherwise):
    said, so nobody wonders why the answers are in English.

    >>> [ignored_lang_setting(argv, x) for argv, x in ((["stats"], "sv-x"), (["--lang=nb"], "sv-x"), ([], "NB"))]
    ['sv-x', '', '']
    """
    if any(arg == "--lang" or arg.startswith("--lang=") for arg in argv):
        return ""
    setting = env("IKG_LANG") if setting is None else setting
    return setting if setting and setting.lower() not in languages() else ""


@contextlib.contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "the following arguments are required" ...) in `lang`
    while the block builds, parses or prints: argparse asks `argparse._` (gettext) for each, in English."""
    english = TEXT["en"]
    by_english = {english[f"cli.argparse.{w}"]: t(f"cli.argparse.{w}", lang) for w in ARGPARSE_WORDS}
    plain: Callable[[str], str] = getattr(argparse, GETTEXT)
    setattr(argparse, GETTEXT, lambda text: by_english.get(text) or plain(text))
    try:
        yield
    finally:
        setattr(argparse, GETTEXT, plain)


class Texts:
    """The help texts and value names of one language, for the parsers of graph/cli/commands too."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def help(self, key: str, **fmt: Any) -> str:
        return t(f"cli.help.{key}", self.lang, **fmt)

    def metavar(self, key: str) -> str:
        return t(f"cli.metavar.{key}", self.lang)


def choices_metavar(choices: Sequence[str]) -> str:
    """A positional's name as argparse writes its choices, `{start,stop,status}` (not its English dest)."""
    return "{" + ",".join(choices) + "}"
