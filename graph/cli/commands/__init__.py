"""Every `ikg` command by name: each module holds the commands of one kind and its own COMMANDS map."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from graph.cli.commands import changes, city, files, language, questions, review, serve, upkeep

Command = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, Command] = {**questions.COMMANDS, **files.COMMANDS, **changes.COMMANDS, **upkeep.COMMANDS,
                               **review.COMMANDS, **city.COMMANDS, **serve.COMMANDS, **language.COMMANDS}

# Commands that never need the store filled (or write it whole): no staleness note before them.
NO_STALENESS_NOTE = frozenset({
    "validate", "queries", "reset", "load", "password", "restore", "backup", "init", "template", "catalogue"})

# Modules that add their own sub-commands to the parser (graph/cli/parser.py calls each `add_parsers`).
PARSER_MODULES = (review, city, serve, language)
