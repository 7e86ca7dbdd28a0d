"""Starting and keeping a city's own graph: `ikg init`, `ikg template` and friends."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser) -> None:
    """These sub-commands on the `ikg` parser."""


COMMANDS: dict[str, Any] = {}
