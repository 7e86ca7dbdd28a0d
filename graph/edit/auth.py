"""Who may edit: viewing needs no login; editing, import, undo and review assessments need an editor.

Two ways to configure editors, both in Streamlit's secrets (`.streamlit/secrets.toml`, never in the
repository):

* a shared editor password, for a small deployment::

      [ikg]
      editor_password_hash = "scrypt:…"     # made by `ikg password`

* an OpenID Connect login (`st.login`), for a real deployment: Streamlit's own `[auth]` section
  (redirect_uri, cookie_secret, client_id, client_secret, server_metadata_url), and optionally
  who may edit::

      [ikg]
      editors = ["kari.nordmann@example.org"]   # without it, everyone who logs in

With neither, editing is off for everyone.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
from collections.abc import Callable, Mapping

SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # for new hashes; each hash names the cost it was made with
LEGACY_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # hashes of the form scrypt:SALT:DIGEST (no cost written)
MAX_COST = 2**20  # refuse a stored cost above this (it would take the process' memory)


def _scrypt(password: str, salt: bytes, dklen: int, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=dklen, n=n, r=r, p=p,
                          maxmem=129 * r * n + 2**20)


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The value for `editor_password_hash` (scrypt with a random salt).

    >>> check_password("s3cret", hash_password("s3cret"))
    True
    """
    salt = salt or os.urandom(16)
    digest = _scrypt(password, salt, 32, **SCRYPT)
    cost = f"n={SCRYPT['n']},r={SCRYPT['r']},p={SCRYPT['p']}"
    return f"scrypt:{cost}:{salt.hex()}:{digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True when `password` matches a hash made by `hash_password` (compared in constant time).

    Hashes made before the cost was raised (`scrypt:SALT:DIGEST`) keep verifying with the old cost.
    """
    parts = stored.split(":")
    try:
        if len(parts) == 4:
            cost = {k: int(v) for k, _, v in (item.partition("=") for item in parts[1].split(","))}
            if set(cost) != {"n", "r", "p"} or cost["n"] * cost["r"] > MAX_COST * 8 or min(cost.values()) < 1:
                return False
        elif len(parts) == 3:
            cost = dict(LEGACY_SCRYPT)
        else:
            return False
        salt, expected = bytes.fromhex(parts[-2]), bytes.fromhex(parts[-1])
    except ValueError:
        return False
    if parts[0] != "scrypt" or not password or not expected:
        return False
    try:
        digest = _scrypt(password, salt, len(expected), **cost)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def _section(secrets: Mapping, name: str) -> Mapping:
    try:
        value = secrets.get(name) if hasattr(secrets, "get") else None
    except Exception:  # noqa: BLE001 - Streamlit raises when there is no secrets file at all
        return {}
    return value if isinstance(value, Mapping) else {}


def login_mode(secrets: Mapping) -> str | None:
    """'oidc', 'password' or None (editing off), from the secrets."""
    auth = _section(secrets, "auth")
    if auth.get("client_id") or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values()):
        return "oidc"
    if _section(secrets, "ikg").get("editor_password_hash"):
        return "password"
    return None


def ikg_setting(secrets: Mapping, name: str) -> object:
    """A value of the secrets' `[ikg]` section (None when it is not set)."""
    return _section(secrets, "ikg").get(name)


def password_hash(secrets: Mapping) -> str:
    return str(_section(secrets, "ikg").get("editor_password_hash", ""))


def may_edit(secrets: Mapping, email: str | None) -> bool:
    """For an OIDC login: is this person an editor (everyone who logs in when no list is given)?"""
    editors = _section(secrets, "ikg").get("editors")
    if not editors:
        return bool(email)
    if not email:
        return False
    return email.strip().lower() in {str(e).strip().lower() for e in editors}


MAX_FAILURES = 5  # wrong passwords for one name or one address before the login is refused for a while
LOCK_SECONDS = 60  # the first lock-out; each further one while failures go on doubles it
MAX_LOCK_SECONDS = 3600
MAX_KEYS = 10_000  # names and addresses remembered before the unlocked ones are forgotten


class Throttle:
    """Failed logins counted per key (a user name, a client address) across every session of the process.

    After `MAX_FAILURES` failures for a key it is locked for `LOCK_SECONDS`; a failure right after a
    lock-out locks again for twice as long (up to `MAX_LOCK_SECONDS`). A success clears the key.

    >>> now = [0.0]
    >>> throttle = Throttle(clock=lambda: now[0])
    >>> for _ in range(5):
    ...     throttle.failed("user:kari", "ip:10.0.0.1")
    >>> throttle.wait("user:kari", "ip:10.0.0.9")
    60
    >>> now[0] = 61.0
    >>> throttle.wait("user:kari", "ip:10.0.0.9")
    0
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}
        self._lock_seconds: dict[str, float] = {}

    def wait(self, *keys: str) -> int:
        """Whole seconds until a login for any of `keys` may be tried again (0: now)."""
        now = self._clock()
        with self._lock:
            until = max((self._locked_until.get(key, 0.0) for key in keys), default=0.0)
        return max(0, int(-(-(until - now) // 1)))

    def failed(self, *keys: str) -> None:
        """Record a wrong password for each key; lock a key that reached `MAX_FAILURES`."""
        now = self._clock()
        with self._lock:
            if len(self._failures) > MAX_KEYS:  # many names tried: forget all but the keys locked now
                for stale in [k for k in self._failures if self._locked_until.get(k, 0.0) <= now]:
                    self._failures.pop(stale, None)
                    self._locked_until.pop(stale, None)
                    self._lock_seconds.pop(stale, None)
            for key in keys:
                count = self._failures.get(key, 0) + 1
                if count >= MAX_FAILURES:
                    previous = self._lock_seconds.get(key)
                    seconds = LOCK_SECONDS if previous is None else min(previous * 2, MAX_LOCK_SECONDS)
                    self._lock_seconds[key] = seconds
                    self._locked_until[key] = now + seconds
                    count = MAX_FAILURES - 1  # after the wait, one more failure locks again (longer)
                self._failures[key] = count

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
                self._locked_until.pop(key, None)
                self._lock_seconds.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()
            self._locked_until.clear()
            self._lock_seconds.clear()


THROTTLE = Throttle()  # the one record of failed logins of this process (all sessions share it)


def throttle_keys(name: str, address: str | None) -> tuple[str, ...]:
    """The keys a login attempt counts against: the user name (case and spaces ignored) and the client's
    address. An unknown address (localhost, or every visitor behind a local proxy) is not counted: one
    person could otherwise lock everyone out.

    >>> throttle_keys(" Kari ", "10.0.0.1")
    ('user:kari', 'address:10.0.0.1')
    >>> throttle_keys("Kari", "unknown")
    ('user:kari',)
    """
    user = f"user:{name.strip().casefold()}"
    address = (address or "").strip()
    return (user,) if address in ("", "unknown") else (user, f"address:{address}")
