"""A writer killed (SIGKILL) in the middle of a save leaves the store as it was before or after.

The full experiment (100+ kills) is `python bench/crash.py`; this runs a handful of them.
"""

from __future__ import annotations

import random

from bench import crash


def test_killed_saves_leave_the_before_or_the_after_state(tmp_path):
    pristine = tmp_path / "pristine"
    crash.make_pristine(pristine)
    n = 4000
    seconds = crash.save_seconds(pristine, n, tmp_path)
    rng = random.Random(7)
    states = []
    for delay in [0.0, seconds * 0.5, seconds, seconds * 1.5] + [rng.uniform(0, 2 * seconds) for _ in range(2)]:
        state, _ = crash.one_run(pristine, tmp_path, n, delay, validate=True)
        states.append(state)
    assert all(state in ("before", "after") for state in states), states


def test_the_pristine_store_is_the_before_state(tmp_path):
    crash.make_pristine(tmp_path / "p")
    assert crash.state_of(tmp_path / "p", 4000, validate=False) == "before"
