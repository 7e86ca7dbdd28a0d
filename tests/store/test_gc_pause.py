"""graph.gc_pause: the cycle collector is held off inside and left as it was found after, also after an
error, a nested pause, or when it was off to begin with."""

from __future__ import annotations

import gc

import pytest

from graph.gc_pause import gc_paused


def test_held_off_inside_and_on_again_after_also_after_an_error_and_nested():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves it off for the outer one
    assert gc.isenabled()
    with pytest.raises(ValueError, match="bad"), gc_paused():
        raise ValueError("bad")
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
