"""`python -m graph.cli`."""

import sys

from graph.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
