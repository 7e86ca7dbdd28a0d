"""Commands that look after the store as a whole: `reset`, `backup`, `restore`, and the editors' `password`."""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from graph.cli.prompts import confirmed, editor_name
from graph.errors import InputError
from graph.history.shipped import changes_since_fill, data_folder, open_store, reset_from_data
from graph.i18n import decimal, number, t
from graph.store.output_paths import output_folder


def cmd_reset(args: argparse.Namespace) -> int:
    if getattr(args, "export_first", None):
        output_folder(args.export_first, args.lang)  # a wrong folder is refused before anything is asked
    store = open_store(args.store, fill=False)
    folder = data_folder(store)
    added, missing = changes_since_fill(store, folder)
    if added:
        print(t("city.reset.added", args.lang, n=number(added, args.lang), m=number(missing, args.lang), folder=folder))
        if not getattr(args, "export_first", None):
            print(t("city.reset.export_hint", args.lang))
    kept = "" if args.drop_assessments else t("cli.reset.kept", args.lang)
    question = t("city.reset.question", args.lang, store=store.describe(), folder=folder)
    if not confirmed(args, "reset", f"{question}{kept}"):
        return 1
    if getattr(args, "export_first", None):
        from graph.render.data_export import export_data

        export_data(store, args.export_first, args.lang)
        print(t("city.reset.exported", args.lang, folder=args.export_first))
    start = time.perf_counter()
    n = reset_from_data(store, keep_assessments=not args.drop_assessments, editor=editor_name(args), data=folder)
    seconds = time.perf_counter() - start
    print(t("cli.reset.done", args.lang, store=store.describe(), n=number(n, args.lang), folder=folder,
            seconds=decimal(seconds, args.lang, 1), kept=kept))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from graph.history.backup import backup

    store = open_store(args.store)
    n = backup(store, args.path, args.lang)
    print(t("cli.backup.done", args.lang, n=number(n, args.lang), store=store.describe(), path=args.path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from graph.history.backup import read_backup, restore

    store = open_store(args.store, fill=False)
    n = len(read_backup(args.path, args.lang))  # check the whole file before asking
    question = t("cli.restore.question", args.lang, store=store.describe(), n=n, path=args.path)
    if not confirmed(args, "restore", question):
        return 1
    changed = restore(store, args.path, editor=editor_name(args), why=args.why, lang=args.lang)
    print(t("cli.restore.done" if changed else "cli.restore.same", args.lang, n=number(n, args.lang), path=args.path,
            store=store.describe()))
    return 0


def _typed(prompt: str, lang: str) -> str:
    """A password typed at the terminal without echo; end of input (Ctrl-D) is a clear refusal."""
    try:
        return getpass.getpass(t(prompt, lang))
    except EOFError:
        print(file=sys.stderr)
        raise InputError.of("cli.password.none", lang) from None


def _piped(lang: str) -> str:
    """The first line of standard input (a password piped in), without its line ending."""
    line = sys.stdin.readline()
    if not line:
        raise InputError.of("cli.password.none", lang)
    return line.removesuffix("\n").removesuffix("\r")


def cmd_password(args: argparse.Namespace) -> int:
    from graph.edit.auth import hash_password

    piped = not sys.stdin.isatty()  # one line from a pipe: no prompt, none of getpass's English warnings
    first = _piped(args.lang) if piped else _typed("cli.password.prompt", args.lang)
    if len(first) < 10:
        raise InputError.of("cli.password.short", args.lang)
    if not piped and _typed("cli.password.again", args.lang) != first:
        raise InputError.of("cli.password.differ", args.lang)
    print(t("cli.password.put", args.lang))
    print("[ikg]")
    print(f'editor_password_hash = "{hash_password(first)}"')
    return 0


COMMANDS = {
    "reset": cmd_reset,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "password": cmd_password,
}
