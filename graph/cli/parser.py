"""The `ikg` command line: every command, its options and the help text (argparse)."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph import __version__
from graph.cli.commands import PARSER_MODULES
from graph.i18n import languages
from graph.render.exports import EXPORT_FORMATS

EPILOG = """\
store: --store PATH (an Oxigraph folder, the default is .ikg-store in the project), --store memory
(a throw-away graph from data/), or --store http://host/sparql (a SPARQL 1.1 server; IKG_UPDATE_URL,
IKG_USER and IKG_PASSWORD from the environment). IKG_STORE sets the default.

examples:
  ikg query twin-cities
  ikg query collaborators --param actor="Innovasjon Norge"
  ikg query members --param network=ICORN --format csv
  ikg gaps --since 2010
  ikg review --format md
  ikg export --format graphml --out network.graphml
  ikg import memberships.xlsx --dry-run
  ikg history
  ikg undo 20261122
  ikg backup backups/ikg-2026-11-22.nt.gz
"""


def build_parser() -> argparse.ArgumentParser:
    """The parser of `ikg`; each sub-command's name is a key of `graph.cli.commands.COMMANDS`.

    >>> args = build_parser().parse_args(["query", "twin-cities", "--lang", "nb"])
    >>> args.command, args.name, args.lang, args.format
    ('query', 'twin-cities', 'nb', 'table')
    """
    # --store and --lang may stand before or after the command; SUPPRESS keeps the sub-command's
    # missing option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS,
                        help="where the graph is: a folder, 'memory' or a SPARQL endpoint URL")
    common.add_argument("--lang", choices=languages(), default=argparse.SUPPRESS,
                        help="language of labels and messages (default en)")

    parser = argparse.ArgumentParser(
        prog="ikg",
        description="A knowledge graph of a city's international relationships: actors, networks, memberships, "
        "twin cities, projects, target areas and SDGs, every fact with its source.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"ikg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", parents=[common], help="check the shipped data, or given files, against the shapes")
    p.add_argument("files", nargs="*", type=Path, help="Turtle/JSON-LD files to check (default: the shipped data)")

    sub.add_parser("queries", parents=[common], help="list the named questions, each with what it asks")

    p = sub.add_parser(
        "query", parents=[common], help="answer a named question or run a read-only .rq file",
        epilog="A .rq file of your own runs read-only in a separate process, stopped after IKG_QUERY_SECONDS "
        "(default 10), above IKG_QUERY_MEMORY_MB (1024) of memory, and cut at IKG_QUERY_ROWS (1000) rows.")
    p.add_argument("name", help="a question name (see `ikg queries`) or a path to a .rq file")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a parameter, e.g. actor=NTNU")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    sub.add_parser("stats", parents=[common], help="count what the graph holds, and the size of the network")

    p = sub.add_parser("gaps", parents=[common], help="gaps in the portfolio, each with why it matters")
    p.add_argument("--since", type=int, default=2010,
                   help="twin cities with no activity since this year (default 2010)")

    p = sub.add_parser("export", parents=[common],
                       help="write the graph as ttl, jsonld, nt, graphml (Gephi), csv or xlsx")
    p.add_argument("--format", choices=list(EXPORT_FORMATS), required=True)
    p.add_argument("--out", type=Path, required=True, help="file to write (a folder for csv)")

    p = sub.add_parser("load", parents=[common], help="bulk-load RDF files into the configured store")
    p.add_argument("files", nargs="+", type=Path)

    p = sub.add_parser("reset", parents=[common], help="rebuild the store from ontology/ and data/ (asks first)")
    p.add_argument("--from-data", action="store_true", required=True, help="rebuild from the shipped files")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--drop-assessments", action="store_true", help="also remove the review assessments")

    editing = argparse.ArgumentParser(add_help=False)
    editing.add_argument("--editor", help="your name, saved with the change (default: IKG_EDITOR or your login)")
    editing.add_argument("--why", default="", help="why you make this change (saved with it)")

    p = sub.add_parser("import", parents=[common, editing],
                       help="import a CSV, XLSX, Turtle or JSON-LD file: all of it or, if anything is wrong, nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", help="for CSV: which kind of thing the rows are (see the templates)")
    p.add_argument("--dry-run", action="store_true", help="check and show what would change, write nothing")

    p = sub.add_parser("history", parents=[common], help="list the recorded changes, or show one with --show ID")
    p.add_argument("--limit", type=int, default=30, help="how many changes to list (newest first; default 30)")
    p.add_argument("--show", metavar="ID", help="show the triples one change added and removed")

    p = sub.add_parser("undo", parents=[common, editing], help="undo a recorded change (as a new change)")
    p.add_argument("id", help="the change's id from `ikg history` (a unique prefix of 4+ characters is enough)")

    p = sub.add_parser("backup", parents=[common], help="write a consistent snapshot of the store to a file")
    p.add_argument("path", type=Path, help="an .nt or .nt.gz file")

    sub.add_parser("password", parents=[common],
                   help="make the editor_password_hash line for .streamlit/secrets.toml (asks for the password)")

    p = sub.add_parser("restore", parents=[common, editing],
                       help="replace the store's content by a backup (asks first; recorded, so it can be undone)")
    p.add_argument("path", type=Path)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    for module in PARSER_MODULES:
        module.add_parsers(sub, common, editing)
    return parser
