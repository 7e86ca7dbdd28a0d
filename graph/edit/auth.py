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
      editors = ["kari.nordmann@trondheim.kommune.no"]   # without it, everyone who logs in

With neither, editing is off for everyone.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping

SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The value for `editor_password_hash` (scrypt with a random salt).

    >>> check_password("s3cret", hash_password("s3cret"))
    True
    """
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt:{salt.hex()}:{digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True when `password` matches a hash made by `hash_password` (compared in constant time)."""
    try:
        scheme, salt_hex, digest_hex = stored.split(":")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if scheme != "scrypt" or not password:
        return False
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=len(expected), **SCRYPT)
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


MAX_FAILURES = 5  # wrong passwords in one session before the login is refused for a while
LOCK_SECONDS = 60
