"""A Swedish catalogue file for the app and the CLI, made the documented way: `ikg catalogue sv --out
FOLDER/sv.po` writes every text key, a translator fills some in (here: Babel's .po reader and writer), and
$IKG_UI_CATALOGUES names the folder. Two entries are wrong on purpose: they must be left out."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from graph import i18n
from graph.cli.main import main

SWEDISH = {
    "page.network": "Nätverk",
    "page.review": "Genomgång av medlemskap",
    "page.about": "Om data",
    "network.title": "Nätverket",
    "review.title": "Genomgång av medlemskap och vänortsavtal",
    "progress.title": "Framsteg",
    "network.year": "År",
    "col.city": "stad",
    "col.country": "land",
    "col.since": "sedan",
    "col.agreement": "avtal",
    "sparql.rows": "{n} rader",
    "rq.twin-cities": "Vilka vänortsavtal har hemkommunen, sedan när, av vilken typ och status?",
}
WRONG = {
    "col.status": "{state} status",  # a placeholder the English text does not fill
}


def write_swedish(folder: Path) -> Path:
    """sv.po in `folder`, written by `ikg catalogue` and filled with SWEDISH and WRONG."""
    path = folder / "sv.po"
    assert main(["catalogue", "sv", "--out", str(path)]) == 0
    with path.open("rb") as f:
        catalog = read_po(f)
    for key, text in {**SWEDISH, **WRONG}.items():
        catalog[key].string = text
    with path.open("wb") as f:
        write_po(f, catalog, width=0)
    return path


@contextlib.contextmanager
def swedish_ui(folder: Path) -> Iterator[Path]:
    """The Swedish catalogue installed for this process while the block runs (then gone again)."""
    path = write_swedish(folder)
    before = os.environ.get(i18n.CATALOGUES_ENV)
    os.environ[i18n.CATALOGUES_ENV] = str(folder)
    i18n.reload()
    try:
        yield path
    finally:
        if before is None:
            os.environ.pop(i18n.CATALOGUES_ENV, None)
        else:
            os.environ[i18n.CATALOGUES_ENV] = before
        i18n.reload()
