"""The pass that keeps a password login across a reload: only the server can make one, and it ends."""

from __future__ import annotations

import base64
import json
import re

from graph.edit import login_pass
from graph.edit.auth import hash_password

HASH = hash_password("the editors' password", salt=b"0123456789abcdef")
NOW = 1_800_000_000.0


def parts(token: str) -> tuple[str, dict, str]:
    version, body, signature = token.split(".")
    return version, json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))), signature


def encode(payload: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def test_a_pass_names_its_editor_until_it_expires():
    passes = login_pass.Passes()
    token = passes.give("  Kari Nordmann ", HASH, hours=8, now=NOW)
    version, payload, _ = parts(token)
    assert version == "1" and payload["n"] == "Kari Nordmann" and payload["e"] == int(NOW) + 8 * 3600
    assert passes.name(token, HASH, now=NOW + 8 * 3600 - 1) == "Kari Nordmann"
    assert passes.name(token, HASH, now=NOW + 8 * 3600) is None
    assert passes.give("Kari", HASH, now=NOW) != passes.give("Kari", HASH, now=NOW)  # each login its own


def test_a_name_outside_ascii_travels_in_the_pass():
    passes = login_pass.Passes()
    token = passes.give("Åse Øvergård", HASH, now=NOW)
    assert passes.name(token, HASH, now=NOW) == "Åse Øvergård"
    assert re.fullmatch(r"[0-9A-Za-z_.-]+", token)  # only cookie-safe characters (graph.ui.login.cookie_script)


def test_a_changed_or_forged_pass_names_nobody():
    passes = login_pass.Passes()
    token = passes.give("Kari", HASH, now=NOW)
    version, payload, signature = parts(token)
    forged = {**payload, "n": "Mallory"}
    longer = {**payload, "e": payload["e"] + 10**6}
    cases = [
        f"{version}.{encode(forged)}.{signature}",  # another name under Kari's signature
        f"{version}.{encode(longer)}.{signature}",  # a later expiry
        f"{version}.{token.split('.')[1]}.{'0' * 64}",  # a made-up signature
        f"2.{token.split('.')[1]}.{signature}",  # another version
        token + "0",
        token.replace(".", "", 1),
        "", "1..", "1.e30.", "not a pass", "1." + "A" * 2000 + "." + signature,
    ]
    for case in cases:
        assert passes.name(case, HASH, now=NOW) is None, case
    assert passes.name(None, HASH, now=NOW) is None
    assert passes.name(token, HASH, now=NOW) == "Kari"  # the real one still does


def test_a_new_password_ends_every_pass_given_before_it():
    passes = login_pass.Passes()
    token = passes.give("Kari", HASH, now=NOW)
    assert passes.name(token, hash_password("a new password", salt=b"0123456789abcdef"), now=NOW) is None
    assert passes.name(token, "", now=NOW) is None  # the password login is no longer configured


def test_a_pass_signed_with_the_right_key_must_still_be_well_formed():
    passes = login_pass.Passes()
    for payload in ({"n": "Kari", "e": "never", "i": "x"}, {"n": "", "e": int(NOW) + 60, "i": "x"},
                    {"n": 7, "e": int(NOW) + 60, "i": "x"}, ["Kari"], {"n": "Kari", "e": int(NOW) + 60}):
        body = encode(payload)  # type: ignore[arg-type]
        token = f"1.{body}.{login_pass._sign(body, HASH)}"
        assert passes.name(token, HASH, now=NOW) is None, payload


def test_logging_out_withdraws_the_pass_and_only_it():
    passes = login_pass.Passes()
    kari, ola = passes.give("Kari", HASH, now=NOW), passes.give("Ola", HASH, now=NOW)
    passes.withdraw(kari)
    assert passes.name(kari, HASH, now=NOW) is None
    assert passes.name(ola, HASH, now=NOW) == "Ola"
    for rubbish in (None, "", "1.!!.00", "1.e30.x", "x.y"):
        passes.withdraw(rubbish)  # nothing to withdraw, and no error
    assert passes.name(ola, HASH, now=NOW) == "Ola"


def test_hours_from_the_secrets():
    assert login_pass.hours(None) == login_pass.HOURS == 8
    assert login_pass.hours(0) == 0 and login_pass.hours("0") == 0
    assert login_pass.hours(12) == 12 and login_pass.hours(0.5) == 0.5
    assert login_pass.hours(-1) == login_pass.hours(10**6) == login_pass.hours("all day") == login_pass.HOURS


def test_a_pass_withdrawn_beside_the_store_is_refused_by_every_process_and_after_a_restart(tmp_path):
    kept = tmp_path / "store.passes"
    app = login_pass.Passes(kept)
    token, other = app.give("Kari", HASH, now=NOW), app.give("Ola", HASH, now=NOW)
    app.withdraw(token)
    restarted = login_pass.Passes(kept)  # another app on the folder, or this one started again
    assert restarted.name(token, HASH, now=NOW + 1) is None
    assert restarted.name(other, HASH, now=NOW + 1) == "Ola"
    ident = parts(token)[1]["i"]
    assert kept.read_text() == f"{ident} {int(NOW) + 8 * 3600}\n"  # an id and an expiry: no name, nothing to log in
    restarted.withdraw(other)
    assert app.name(other, HASH, now=NOW + 1) is None  # read again once the file changed
    assert app.name(token, HASH, now=NOW + 8 * 3600 + 1) is None  # (expired anyway)


def test_a_damaged_withdrawn_passes_file_is_read_past(tmp_path):
    kept = tmp_path / "store.passes"
    passes = login_pass.Passes(kept)
    token = passes.give("Kari", HASH, now=NOW)
    kept.write_bytes(b"\xff\xfe garbage\nonly-one-field\nabc 12x\n\n")
    assert passes.name(token, HASH, now=NOW + 1) == "Kari"
    passes.withdraw(token)
    assert login_pass.Passes(kept).name(token, HASH, now=NOW + 1) is None
    kept.unlink()
    kept.mkdir()  # not a file at all: nothing withdrawn is read, nothing fails
    again = login_pass.Passes(kept)
    assert again.name(token, HASH, now=NOW + 1) == "Kari"
    again.withdraw(token)  # cannot be written there: withdrawn in this process, and logging out goes on
    assert again.name(token, HASH, now=NOW + 1) is None


def test_a_long_withdrawn_passes_file_keeps_only_its_unexpired_lines(tmp_path, monkeypatch):
    import time

    kept = tmp_path / "store.passes"
    passes = login_pass.Passes(kept)
    now = time.time()
    old = [passes.give(f"Old {i}", HASH, hours=1, now=now - 7200) for i in range(3)]  # expired an hour ago
    for token in old:
        passes.withdraw(token)
    live = passes.give("Kari", HASH, now=now)
    monkeypatch.setattr(login_pass, "MAX_FILE", len(kept.read_bytes()) + 10)
    passes.withdraw(live)
    assert kept.read_text() == f"{parts(live)[1]['i']} {parts(live)[1]['e']}\n"
    assert login_pass.Passes(kept).name(live, HASH) is None


def test_one_passes_object_per_file_and_this_process_alone_without_one(tmp_path):
    assert login_pass.passes_for(None) is login_pass.PASSES
    assert login_pass.passes_for(tmp_path / "a.passes") is login_pass.passes_for(tmp_path / "a.passes")
    assert login_pass.passes_for(tmp_path / "a.passes") is not login_pass.passes_for(tmp_path / "b.passes")
