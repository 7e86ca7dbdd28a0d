"""Settings from one place: where the vocabulary, the data and the store live, and every IKG_* variable.

Paths are found the same way from a checkout and from an installed wheel: a checkout's own
`ontology/` and `data/` beside the package, or the copies the wheel carries in `graph/_shipped/`.
Environment variables are read when asked for (not at import), so a test or a command can set them.

>>> ontology_dir().joinpath("ikg.ttl").is_file()
True
>>> env("IKG_NO_SUCH_SETTING", {"IKG_NO_SUCH_SETTING": " x "})
'x'
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent
SHIPPED_COPY = PACKAGE_DIR / "_shipped"  # filled by the wheel build (setup.py), absent in a checkout

# Every environment variable the package reads, with what it sets (the README lists the same).
VARIABLES = {
    "IKG_STORE": "the store: a folder (Oxigraph), 'memory', or a SPARQL endpoint URL",
    "IKG_DATA": "the folder of the curated data (default: the one `ikg init` started the store from, else data/)",
    "IKG_UPDATE_URL": "a SPARQL server's update endpoint",
    "IKG_USER": "the SPARQL server's user",
    "IKG_PASSWORD": "the SPARQL server's password",
    "IKG_GRAPH": "the named graph on a SPARQL server",
    "IKG_AUTH": "digest or basic authentication on a SPARQL server",
    "IKG_TIMEOUT": "seconds a SPARQL server request may take",
    "IKG_MAX_UPLOAD_MB": "the largest file an upload or import accepts",
    "IKG_MAX_TRIPLES": "the most triples one imported or validated file may hold (default 200,000)",
    "IKG_EDITOR": "the editor's name recorded by command-line changes",
    "IKG_LANG": "the command line's language when --lang is not given (nb, en or a further one; default en)",
    "IKG_DEBUG": "show tracebacks of unexpected errors",
    "IKG_QUERY_SECONDS": "seconds a person's own query may run (console, ikg query FILE.rq)",
    "IKG_QUERY_MEMORY_MB": "memory a person's own query may take",
    "IKG_QUERY_ROWS": "rows a person's own query may return",
    "IKG_TIMEZONE": "the time zone the times of changes are shown in (e.g. Europe/Oslo; default the machine's own)",
    "IKG_KEEPER_WORKERS": "how many kept answers the app builds at once after a change (2 on 4 cores or more, else 1)",
}


def env(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The stripped value of one IKG_* setting, or '' when it is unset."""
    source = os.environ if environ is None else environ
    return (source.get(name) or "").strip()


def _shipped_root() -> Path:
    if (CHECKOUT_DIR / "ontology" / "ikg.ttl").is_file():
        return CHECKOUT_DIR
    return SHIPPED_COPY


def ontology_dir() -> Path:
    """The folder of the vocabulary and the SHACL shapes."""
    return _shipped_root() / "ontology"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def data_dir() -> Path:
    """The folder of the curated data: IKG_DATA, or the shipped data/."""
    chosen = env("IKG_DATA")
    return Path(chosen).expanduser().resolve() if chosen else _shipped_root() / "data"


def default_store_dir() -> Path:
    """`.ikg-store/` in a checkout; the user's data folder when installed."""
    if _shipped_root() == CHECKOUT_DIR:
        return CHECKOUT_DIR / ".ikg-store"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ikg" / "store"


def store_setting(setting: str | None = None) -> str:
    """What to open: the given setting, IKG_STORE, or the default folder."""
    return setting or env("IKG_STORE") or str(default_store_dir())


def time_zone() -> dt.tzinfo | None:
    """The zone times of changes are shown in: IKG_TIMEZONE (an IANA name such as Europe/Oslo), else None for the
    machine's own, whose rules `datetime.astimezone()` applies to each moment (summer time in summer; a zone
    taken from the machine's clock now would keep today's offset all year). An unknown name falls back to the
    machine's zone; each time shown names its zone, so nothing is hidden.

    >>> time_zone_named("Europe/Oslo").key, time_zone_named("Mars/Olympus") is None
    ('Europe/Oslo', True)
    """
    return time_zone_named(env("IKG_TIMEZONE"))


def time_zone_named(name: str) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def debug() -> bool:
    return bool(env("IKG_DEBUG"))
