"""Serving the graph to other tools: the SPARQL endpoint and the pages of the graph's IRIs."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser) -> None:
    """These sub-commands on the `ikg` parser."""


COMMANDS: dict[str, Any] = {}
