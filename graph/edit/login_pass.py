"""A password login kept by the browser: a signed pass, so a reload or a new tab stays logged in.

The app's shared-password login lives in the Streamlit session, which a reload ends. After a login the
app gives the browser a pass (a cookie that lasts until the browser closes): the editor's name and an
expiry, signed with a key made from the configured password hash. A new session that brings a valid
pass starts logged in. Nothing else can make one: the key never leaves the server, and a new password
hash (`ikg password`) makes every pass given before it worthless. Logging out withdraws the pass, so
every tab holding it is logged out too. Where the store has a folder, a withdrawn pass is also written
to `FOLDER.passes` (its random id and expiry, one line each; nothing that logs anyone in), so every app
on that folder, and the app started again, refuses it until it would have expired.

    >>> passes = Passes()
    >>> token = passes.give("Kari Nordmann", "scrypt:n=2,r=8,p=1:00:11", hours=8, now=1000.0)
    >>> passes.name(token, "scrypt:n=2,r=8,p=1:00:11", now=1001.0)
    'Kari Nordmann'
    >>> passes.name(token, "scrypt:another hash", now=1001.0) is None    # the password was changed
    True
    >>> passes.name(token, "scrypt:n=2,r=8,p=1:00:11", now=1000.0 + 8 * 3600) is None    # expired
    True
    >>> passes.withdraw(token)
    >>> passes.name(token, "scrypt:n=2,r=8,p=1:00:11", now=1001.0) is None    # logged out
    True
"""

from __future__ import annotations

import base64
import binascii
import fcntl
import hashlib
import hmac
import json
import os
import threading
import time
from pathlib import Path

COOKIE = "ikg_editor"  # the cookie's name
HOURS = 8  # how long a pass lasts unless `[ikg] login_hours` says otherwise (0: none is given)
MAX_HOURS = 24 * 30
MAX_LENGTH = 1024  # a longer cookie is not read
MAX_NAME = 200
MAX_FILE = 256 * 1024  # a withdrawn-passes file longer than this keeps only its unexpired lines
_VERSION = "1"


def _key(password_hash: str) -> bytes:
    return hashlib.sha256(b"ikg editor pass\0" + password_hash.encode("utf-8")).digest()


def _sign(body: str, password_hash: str) -> str:
    return hmac.new(_key(password_hash), f"{_VERSION}.{body}".encode("ascii"), hashlib.sha256).hexdigest()


def _body(token: str) -> tuple[str, str] | None:
    parts = token.split(".") if isinstance(token, str) and len(token) <= MAX_LENGTH else []
    if len(parts) != 3 or parts[0] != _VERSION:
        return None
    return parts[1], parts[2]


def _decode(text: str) -> object:
    """A pass's body read back (None when it is not base64 JSON)."""
    try:
        return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, binascii.Error):
        return None


def hours(setting: object) -> float:
    """`[ikg] login_hours` read: a number of hours from 0 (no pass) to 30 days; anything else: HOURS.

    >>> hours(None), hours(0), hours("12"), hours(-1), hours("a day")
    (8, 0.0, 12.0, 8, 8)
    """
    try:
        value = float(setting)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return HOURS
    return value if 0 <= value <= MAX_HOURS else HOURS


class Passes:
    """Passes given and withdrawn (withdrawn ones are remembered until they expire): in this process, and in
    `file` when one is given, which every process that uses it reads."""

    def __init__(self, file: Path | None = None) -> None:
        self._lock = threading.Lock()
        self._withdrawn: dict[str, float] = {}  # a pass's id: its expiry
        self.file = file
        self._file_seen: tuple[int, int] | None = None  # the file's (size, mtime) when last read
        self._in_file: set[str] = set()

    def give(self, name: str, password_hash: str, hours: float = HOURS, now: float | None = None) -> str:
        """A pass for `name`, valid for `hours` from `now`: `1.BODY.SIGNATURE`, all of it safe in a cookie."""
        now = time.time() if now is None else now
        payload = {"n": name.strip()[:MAX_NAME], "e": int(now + hours * 3600), "i": os.urandom(9).hex()}
        body = base64.urlsafe_b64encode(json.dumps(payload, ensure_ascii=True).encode("ascii"))
        text = body.decode("ascii").rstrip("=")
        return f"{_VERSION}.{text}.{_sign(text, password_hash)}"

    def _payload(self, token: str, password_hash: str, now: float | None) -> dict | None:
        parts = _body(token)
        if parts is None or not password_hash:
            return None
        text, signature = parts
        if not hmac.compare_digest(signature, _sign(text, password_hash)):
            return None
        payload = _decode(text)
        if not isinstance(payload, dict) or not isinstance(payload.get("n"), str) \
                or not isinstance(payload.get("e"), int) or not isinstance(payload.get("i"), str):
            return None
        now = time.time() if now is None else now
        with self._lock:
            withdrawn = payload["i"] in self._withdrawn or payload["i"] in self._read_file(now)
        if payload["e"] <= now or withdrawn or not payload["n"].strip():
            return None
        return payload

    def name(self, token: str | None, password_hash: str, now: float | None = None) -> str | None:
        """The editor a valid pass names; None for no pass, a forged, expired or withdrawn one."""
        payload = self._payload(token or "", password_hash, now)
        return None if payload is None else str(payload["n"])

    def withdraw(self, token: str | None) -> None:
        """Log this pass out, in every session that holds it (it is signed, so its id can be trusted only
        after a check; an unsigned one names nothing and needs no withdrawing)."""
        parts = _body(token or "")
        payload = None if parts is None else _decode(parts[0])
        try:
            ident, expiry = str(payload["i"]), float(payload["e"])  # type: ignore[index]
        except (ValueError, KeyError, TypeError):
            return
        if not (ident.isascii() and ident.isalnum() and len(ident) <= 64):  # not a pass this app gave
            return
        now = time.time()
        with self._lock:
            for old in [k for k, until in self._withdrawn.items() if until <= now]:
                del self._withdrawn[old]
            self._withdrawn[ident] = expiry
            self._write_file(ident, expiry, now)

    def _read_file(self, now: float) -> set[str]:
        """The ids withdrawn in the file, read again only when it changed (a missing or unreadable file, or
        a line that is not `ID EXPIRY`, adds none)."""
        if self.file is None:
            return set()
        try:
            info = os.stat(self.file)
        except OSError:
            return set()
        seen = (info.st_size, info.st_mtime_ns)
        if seen != self._file_seen:
            try:
                text = self.file.read_text(encoding="ascii", errors="replace")
            except OSError:
                return self._in_file
            self._in_file = {ident for ident, until in _lines(text) if until > now}
            self._file_seen = seen
        return self._in_file

    def _write_file(self, ident: str, expiry: float, now: float) -> None:
        """Add a line to the file under an exclusive lock, dropping its expired lines when it has grown long."""
        if self.file is None:
            return
        try:
            fd = os.open(self.file, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:  # a folder that cannot be written: withdrawn in this process (logging out never fails)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            line = f"{ident} {int(expiry)}\n".encode("ascii")
            if os.fstat(fd).st_size + len(line) > MAX_FILE:
                with open(fd, "rb", closefd=False) as old:
                    old.seek(0)
                    kept = "".join(f"{i} {int(u)}\n" for i, u in _lines(old.read().decode("ascii", "replace"))
                                   if u > now)
                os.ftruncate(fd, 0)
                os.write(fd, kept.encode("ascii"))
            os.write(fd, line)
        finally:
            os.close(fd)  # (closing drops the lock)

    def clear(self) -> None:
        with self._lock:
            self._withdrawn.clear()


def _lines(text: str) -> list[tuple[str, float]]:
    """The `ID EXPIRY` lines of a withdrawn-passes file (others are read past)."""
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isalnum() and parts[1].isdigit():
            found.append((parts[0], float(parts[1])))
    return found


PASSES = Passes()  # the passes of this process where the store has no folder (all sessions share it)
_BY_FILE: dict[Path, Passes] = {}
_BY_FILE_LOCK = threading.Lock()


def passes_for(file: Path | None) -> Passes:
    """The passes whose withdrawals are kept in `file` (one object per file in this process); PASSES for none."""
    if file is None:
        return PASSES
    with _BY_FILE_LOCK:
        return _BY_FILE.setdefault(file, Passes(file))

