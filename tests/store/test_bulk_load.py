"""The embedded store's bulk loader: N-Triples in chunks on a few threads, exactly the file's triples,
progress in order, and a bad line that names its line and changes nothing."""

from __future__ import annotations

import pytest
from rdflib import Graph

import graph.store.oxigraph as oxigraph
from graph.errors import InputError
from graph.rdf.skolem import GENID_BASE
from graph.store.oxigraph import OxigraphStore

EX = "https://example.org/"
ENGINE = "the line is not valid N-Triples; fix it. The database engine's technical message: "


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
    assert str(err.value) == f"{path}:346:1: {ENGINE}Invalid IRI code point ' '"
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
    assert str(err.value) == f"{bad}:291:64: {ENGINE}Line jumps are not allowed in string literals, use \\n"
    assert _triples(store) == before


def test_a_blank_node_named_in_many_chunks_stays_one_node(small_chunks, tmp_path):
    """Oxigraph names the blank nodes of each bulk-load call afresh; the loader makes them IRIs unique
    to the load first, so a node that several chunks name is one node (and a '_:' in a literal stays)."""
    lines = [f'_:c{i % 5} <{EX}quote> "quote {i}" .' for i in range(300)]
    lines += [f"<{EX}thing{i}> <{EX}citation> _:c{i % 5} ." for i in range(300)]
    lines += [f'<{EX}odd> <{EX}note> "see _:c1 ." .', f"<{EX}late> <{EX}citation> _:c2 . # a comment"]
    path = tmp_path / "blank.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = OxigraphStore()
    store.load([path])
    cited = store.select(f"SELECT DISTINCT ?c WHERE {{ ?x <{EX}citation> ?c }}").rows
    assert len(cited) == 5 and all(str(c).startswith(GENID_BASE) for (c,) in cited)
    quotes = store.select(f"SELECT ?c (COUNT(?q) AS ?n) WHERE {{ ?c <{EX}quote> ?q }} GROUP BY ?c").rows
    assert sorted(int(n) for _, n in quotes) == [60] * 5 and {c for c, _ in quotes} == {c for (c,) in cited}
    assert store.ask(f'ASK {{ <{EX}odd> <{EX}note> "see _:c1 ." }}')
    assert store.count() == 602
    # a second load of the same file names new nodes: its blank nodes are its own
    store.load([path])
    assert len(store.select(f"SELECT DISTINCT ?c WHERE {{ ?x <{EX}citation> ?c }}").rows) == 10


def test_into_an_empty_store_a_failure_in_any_file_leaves_it_empty(small_chunks, tmp_path):
    """Into an empty store the line-based files go in first and unchecked (no second pass over them);
    a bad Turtle file or a second bad N-Triples file after them empties the store again."""
    good = tmp_path / "good.nt"
    good.write_text("\n".join(_lines(300)) + "\n", encoding="utf-8")
    vocab = tmp_path / "vocab.ttl"
    vocab.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n", encoding="utf-8")
    broken = tmp_path / "broken.ttl"
    broken.write_text(f"<{EX}a> <{EX}p> .\n", encoding="utf-8")
    bad = tmp_path / "bad.nt"
    bad.write_text(f'<{EX}x> <{EX}p> "unterminated .\n', encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    for files in ([vocab, good, broken], [good, bad]):
        with pytest.raises(InputError):
            store.load(files)
        assert store.count() == 0, files
    assert store.load([vocab, good]) == 301
    assert _triples(store) == set(Graph().parse(good, format="nt")) | set(Graph().parse(vocab, format="turtle"))
