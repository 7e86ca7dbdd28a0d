"""The embedded store's bulk loader: N-Triples in chunks on a few threads, exactly the file's triples,
progress in order, and a bad line that names its line and changes nothing."""

from __future__ import annotations

import pytest
from rdflib import Graph

import graph.store.oxigraph as oxigraph
from graph.errors import InputError
from graph.store.oxigraph import OxigraphStore

EX = "https://example.org/"


def _lines(n: int) -> list[str]:
    return [f'<{EX}s{i}> <{EX}p{i % 7}> "value {i} æøå"@nb .' for i in range(n)]


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(oxigraph, "BULK_CHUNK", 512)  # many chunks for a few hundred lines


def _triples(store) -> set:
    return set(store.graph())


def test_a_file_in_many_chunks_loads_exactly_its_triples(small_chunks, tmp_path):
    path = tmp_path / "many.nt"
    path.write_text("\n".join(_lines(400)) + "\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    seen = []
    assert store.load([path], progress=lambda p, n, done: seen.append((p.name, n, done))) == 400
    assert _triples(store) == set(Graph().parse(path, format="nt"))
    assert len(seen) > 20  # one call per chunk, in the file's order
    assert [n for _, n, _ in seen] == sorted(n for _, n, _ in seen) and seen[-1] == ("many.nt", 400, 1.0)
    assert all(a[2] < b[2] for a, b in zip(seen, seen[1:], strict=False))


def test_a_file_without_a_final_newline_keeps_its_last_line(small_chunks, tmp_path):
    path = tmp_path / "open.nt"
    path.write_text("\n".join(_lines(50)), encoding="utf-8")
    store = OxigraphStore()
    assert store.load([path]) == 50
    assert store.count() == 50


def test_a_bad_line_late_in_the_file_leaves_an_empty_store_empty(small_chunks, tmp_path):
    lines = _lines(400)
    lines[345] = f"<{EX}a b> <{EX}p> <{EX}o> ."
    path = tmp_path / "bad.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    with pytest.raises(InputError) as err:
        store.load([path])
    assert str(err.value) == f"{path}:346: Invalid IRI code point ' ' (column 1)"
    assert store.count() == 0


def test_a_bad_line_changes_nothing_in_a_store_with_data(small_chunks, tmp_path):
    good = tmp_path / "good.nt"
    good.write_text("\n".join(_lines(30)) + "\n", encoding="utf-8")
    store = OxigraphStore()
    store.load([good])
    before = _triples(store)
    lines = [f'<{EX}new{i}> <{EX}p> "new" .' for i in range(300)]
    lines[290] = f'<{EX}x> <{EX}p> "unterminated .'
    bad = tmp_path / "bad.nt"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        store.load([bad], progress=lambda *a: None)
    assert str(err.value) == f"{bad}:291: Line jumps are not allowed in string literals, use \\n (column 64)"
    assert _triples(store) == before
