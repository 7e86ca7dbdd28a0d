"""The section 5.1 review: `ikg review` (the table of memberships and agreements, assessments, rounds)."""

from __future__ import annotations

import argparse
from typing import Any

from graph.answers import ask
from graph.cli.output import emit
from graph.history.shipped import open_store


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser) -> None:
    """The review's sub-commands on the `ikg` parser."""
    p = sub.add_parser("review", parents=[common], help="the section 5.1 review table of memberships and agreements")
    p.add_argument("--format", choices=["table", "md", "csv"], default="table")


def cmd_review(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    emit(ask(store, "review", {}, args.lang), args.format)
    return 0


COMMANDS = {
    "review": cmd_review,
}
