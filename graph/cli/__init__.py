"""The `ikg` command: the parser and one function per command."""

from graph.cli.main import main

__all__ = ["main"]
