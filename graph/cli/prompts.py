"""What a command asks of the person at the terminal: who they are, a yes before replacing a store, and the
answers `ikg init` needs."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from graph.config import env
from graph.errors import InputError
from graph.i18n import t


def editor_name(args: argparse.Namespace) -> str:
    """Who makes a change from the command line: --editor, IKG_EDITOR, or the login name."""
    if getattr(args, "editor", None):
        return str(args.editor)
    if env("IKG_EDITOR"):
        return env("IKG_EDITOR")
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ikg"


def confirmed(args: argparse.Namespace, what: str, question: str) -> bool:
    """--yes, or a yes typed in a terminal; refuses without a terminal rather than guess. The end of the input
    (Ctrl-D) is a no."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise InputError.of("cli.needs_confirmation", args.lang, what=what)
    try:
        answer = input(f"{question} {t('cli.yes_no', args.lang)} ")
    except EOFError:  # Ctrl-D: no yes was given
        answer = ""
        print()
    if answer.strip().lower() in ("y", "yes", "j", "ja"):
        return True
    print(t("cli.nothing_changed", args.lang))
    return False


def ask(question: str, *, default: str = "", need: str = "", check: Callable[[str], str] | None = None) -> str:
    """An answer typed at the terminal, `default` for an empty one. An empty answer to a question that
    `need`s one says `need` and asks again, as does an answer `check` finds wrong (it returns what is wrong,
    '' when the answer is fine). The end of the input (Ctrl-D) ends the question's line and raises EOFError."""
    hint = f" [{default}]" if default else ""
    while True:
        try:
            answer = input(f"{question}{hint}: ").strip() or default
        except EOFError:
            print()
            raise
        problem = need if not answer else (check(answer) if check is not None else "")
        if not problem:
            return answer
        print(problem)
