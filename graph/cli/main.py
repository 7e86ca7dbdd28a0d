"""The `ikg` command: validate, ask the named questions, analyse, review and export the graph.

`main` parses the command line (graph/cli/parser.py) and runs one command (graph/cli/commands/).
Every command opens the graph through `graph.history.shipped.open_store` (filled from data/ when new);
errors are one clear line.
"""

from __future__ import annotations

import argparse
import sys

from graph.cli.commands import COMMANDS, NO_STALENESS_NOTE
from graph.cli.commands.serve import OPENS_ITS_OWN_STORE
from graph.cli.parser import build_parser
from graph.cli.speaking import argparse_in, ignored_lang_setting, wanted_lang
from graph.config import debug, store_setting
from graph.errors import IkgError
from graph.history.shipped import data_folder, is_stale, open_store
from graph.i18n import languages, number, t
from graph.store import folder_of
from graph.store.faults import explain_fault, in_language


def warn_if_stale(args: argparse.Namespace) -> None:
    """Tell the user when the store was made just now (a folder that was not there), or when data/ changed after
    the store was filled (their store is not rebuilt silently)."""
    if args.command in NO_STALENESS_NOTE or args.command in OPENS_ITS_OWN_STORE:
        return
    folder = folder_of(args.store)
    made = folder is not None and not folder.exists()  # a mistyped --store would otherwise pass unnoticed
    try:
        store = open_store(args.store)
    except IkgError:
        return
    if made:
        print(t("cli.new_store", args.lang, folder=folder, n=number(store.count(), args.lang)), file=sys.stderr)
    if is_stale(store):
        print(t("cli.stale", args.lang, folder=data_folder(store), store=store.describe()), file=sys.stderr)


def fault(error: BaseException, args: argparse.Namespace) -> str | None:
    """What a user should know and do about a fault of the machine rather than of ikg, or None."""
    try:
        return explain_fault(error, args.lang, store_setting(args.store))
    except Exception:  # explaining must never hide the error itself
        return None


def main(argv: list[str] | None = None) -> int:
    """Run `ikg` with `argv` (default: the command line); the exit code: 0 done, 1 refused, 2 a bug."""
    argv = sys.argv[1:] if argv is None else argv
    lang = wanted_lang(argv)  # the help, and argparse's word on a command line it cannot read, in it
    ignored = ignored_lang_setting(argv)
    if ignored:
        print(t("cli.lang_ignored", lang, value=ignored, known=", ".join(languages())), file=sys.stderr)
    with argparse_in(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return 0
    args.store = getattr(args, "store", None)
    args.lang = getattr(args, "lang", lang)
    try:
        warn_if_stale(args)
        return COMMANDS[args.command](args)
    except IkgError as exc:
        print(f"ikg: {fault(exc, args) or in_language(exc, args.lang) or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(t("cli.interrupted", args.lang), file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # last resort: never a traceback for a user
        explained = fault(exc, args)
        if explained:  # a damaged store, a full disk, a store another program holds: not a bug
            print(f"ikg: {explained}", file=sys.stderr)
            return 1
        if debug():
            raise
        print(t("cli.unexpected", args.lang, detail=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
