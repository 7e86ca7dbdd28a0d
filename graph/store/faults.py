"""Faults of the machine rather than of ikg, in words a user can act on: a damaged store, a full disk, a
store folder held by another process. The CLI and the app both show these instead of a traceback.

An error told from the catalogue where the language is not known (a store that cannot be opened or reached)
is said in the user's language by `in_language`, which both call for an ikg error that is not a fault."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from graph.errors import IkgError
from graph.i18n import languages, t
from graph.vocab.text import visible


def safe(text: object) -> str:
    """Text of an error as one visible line (control characters escaped)."""
    return visible(str(text), keep_newlines=False)


_LOCK = re.compile(r"(\S+)/LOCK\b.*(temporarily unavailable|lock)", re.IGNORECASE)
_DAMAGED_FILE = re.compile(r"(/\S+?)/(?:\d+\.(?:sst|log)|MANIFEST-\d+|CURRENT|OPTIONS-\d+)")


def explain_fault(error: BaseException, lang: str = "en", store: str | None = None) -> str | None:
    """The message for a damaged store, a full disk or a store locked by another process, or None for any
    other error. `store` is the store setting, named when the error does not say which folder it is.

    >>> print(explain_fault(OSError(errno.ENOSPC, "No space left on device"), "en", "/srv/ikg"))
    The disk is full ([Errno 28] No space left on device): nothing was saved. Free some space on the disk of /srv/ikg \
and try again; the store keeps what was saved before.
    >>> explain_fault(ValueError("x")) is None
    True
    """
    text = str(error)
    if "Corruption" in text:
        found = _DAMAGED_FILE.search(text)
        folder = found.group(1) if found else (store or "?")
        detail = text[text.index("Corruption"):][:300]  # the store's own words, not ikg's wrapping
        return t("fault.corrupt", lang, store=safe(folder), detail=safe(detail))
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "No space left on device" in text:
        return t("fault.disk_full", lang, store=safe(store or "?"), detail=safe(text[:200]))
    locked = _LOCK.search(text)
    if locked:
        holder = lock_holder(Path(locked.group(1)) / "LOCK")
        if holder is None:
            return t("fault.locked_unknown", lang, store=safe(locked.group(1)))
        return t("fault.locked", lang, store=safe(locked.group(1)), pid=holder[0], command=safe(holder[1] or "?"))
    return None


def in_language(error: BaseException, lang: str) -> str | None:
    """An error whose sentence is its key's catalogue text (one raised with `IkgError.of`) said in `lang`;
    None for any other (a sentence of its own, or one a key only names).

    >>> from graph.errors import StoreError
    >>> print(in_language(StoreError.of("store.bad_auth", "en", value="x"), "nb"))
    ukjent autentisering 'x'; bruk digest eller basic (IKG_AUTH)
    >>> in_language(StoreError("a sentence", key="store.bad_auth", value="x"), "nb") is None
    True
    """
    if not isinstance(error, IkgError) or error.key is None:
        return None
    try:
        if any(str(error) == error.text(told) for told in languages()):
            return error.text(lang)
    except (KeyError, IndexError, ValueError):  # a key whose text wants other fields: not one of these
        return None
    return None


def lock_holder(lock_file: Path) -> tuple[int, str] | None:
    """The process id and command line of the process holding a lock on `lock_file` (from /proc/locks,
    Linux), or None when it cannot be told."""
    try:
        inode = os.stat(lock_file).st_ino
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        parts = line.split()
        if len(parts) > 5 and parts[5].rsplit(":", 1)[-1] == str(inode) and parts[4].isdigit():
            pid = parts[4]
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                command = ""
            return int(pid), command.strip()[:120]
    return None
