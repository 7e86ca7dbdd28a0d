"""The `ikg` command line: every command, its options and the help text (argparse), in the language of
`--lang` (graph/i18n/text_cli.py): `ikg --lang nb --help` and a command line argparse cannot read are
answered in bokmål, argparse's own words included."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph import __version__
from graph.cli.commands import PARSER_MODULES
from graph.cli.speaking import Texts, argparse_in
from graph.i18n import languages
from graph.render.exports import EXPORT_FORMATS


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser of `ikg`, its help in `lang`; each sub-command's name is a key of
    `graph.cli.commands.COMMANDS`. Parse and print within `argparse_in(lang)`.

    >>> args = build_parser().parse_args(["query", "twin-cities", "--lang", "nb"])
    >>> args.command, args.name, args.lang, args.format
    ('query', 'twin-cities', 'nb', 'table')
    """
    with argparse_in(lang):  # the groups' titles and -h's help are written as the parsers are made
        return _parser(Texts(lang))


def _parser(x: Texts) -> argparse.ArgumentParser:
    h, m = x.help, x.metavar
    # --store and --lang may stand before or after the command; SUPPRESS keeps the sub-command's
    # missing option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS, metavar=m("store"), help=h("store"))
    common.add_argument("--lang", choices=languages(), default=argparse.SUPPRESS, help=h("lang"))

    parser = argparse.ArgumentParser(prog="ikg", description=h("description"), epilog=h("epilog"),
                                     formatter_class=argparse.RawDescriptionHelpFormatter, parents=[common])
    parser.add_argument("--version", action="version", version=f"ikg {__version__}", help=h("version"))
    sub = parser.add_subparsers(dest="command", metavar=m("command"))

    p = sub.add_parser("validate", parents=[common], help=h("validate"))
    p.add_argument("files", nargs="*", type=Path, metavar=m("file"), help=h("validate.files"))

    sub.add_parser("queries", parents=[common], help=h("queries"))

    p = sub.add_parser("query", parents=[common], help=h("query"), epilog=h("query.epilog"))
    p.add_argument("name", metavar=m("question"), help=h("query.name"))
    p.add_argument("--param", action="append", default=[], metavar=m("key_value"), help=h("query.param"))
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help=h("format"))

    sub.add_parser("stats", parents=[common], help=h("stats"))

    p = sub.add_parser("gaps", parents=[common], help=h("gaps"))
    p.add_argument("--since", type=int, default=2010, metavar=m("year"), help=h("gaps.since"))

    p = sub.add_parser("export", parents=[common], help=h("export"))
    p.add_argument("--format", choices=list(EXPORT_FORMATS), required=True, help=h("format.file"))
    p.add_argument("--out", type=Path, required=True, metavar=m("file"), help=h("export.out"))

    p = sub.add_parser("load", parents=[common], help=h("load"))
    p.add_argument("files", nargs="+", type=Path, metavar=m("file"), help=h("load.files"))

    p = sub.add_parser("reset", parents=[common], help=h("reset"))
    p.add_argument("--from-data", action="store_true", required=True, help=h("reset.from_data"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    p.add_argument("--drop-assessments", action="store_true", help=h("reset.drop_assessments"))

    editing = argparse.ArgumentParser(add_help=False)
    editing.add_argument("--editor", metavar=m("name"), help=h("editor"))
    editing.add_argument("--why", default="", metavar=m("reason"), help=h("why"))

    p = sub.add_parser("import", parents=[common, editing], help=h("import"))
    p.add_argument("file", type=Path, metavar=m("file"), help=h("import.file"))
    p.add_argument("--kind", metavar=m("kind"), help=h("import.kind"))
    p.add_argument("--yes", action="store_true", help=h("import.yes"))
    p.add_argument("--dry-run", action="store_true", help=h("dry_run"))

    p = sub.add_parser("history", parents=[common], help=h("history"))
    p.add_argument("--limit", type=int, default=30, metavar=m("number"), help=h("history.limit"))
    p.add_argument("--show", metavar=m("id"), help=h("history.show"))

    p = sub.add_parser("undo", parents=[common, editing], help=h("undo"))
    p.add_argument("id", metavar=m("id"), help=h("undo.id"))

    p = sub.add_parser("backup", parents=[common], help=h("backup"))
    p.add_argument("path", type=Path, metavar=m("file"), help=h("backup.path"))

    sub.add_parser("password", parents=[common], help=h("password"))

    p = sub.add_parser("restore", parents=[common, editing], help=h("restore"))
    p.add_argument("path", type=Path, metavar=m("file"), help=h("restore.path"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    for module in PARSER_MODULES:
        module.add_parsers(sub, common, editing, x)
    return parser
