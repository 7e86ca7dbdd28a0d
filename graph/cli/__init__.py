"""The `ikg` command: the parser (parser.py), the commands by kind (commands/), and `main` that runs one."""

from graph.cli.main import main

__all__ = ["main"]
