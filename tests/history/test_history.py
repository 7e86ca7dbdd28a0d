"""The change history: every write is recorded, shown and undoable; backups restore exactly."""

from __future__ import annotations

import gzip
import threading

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

import graph.analysis.assessments as assessments
import graph.edit.assessments as saving
import graph.history.backup as backup
import graph.history.changes as history
from graph.errors import InputError
from graph.history.shipped import reset_from_data
from graph.rdf.values import value_diff
from graph.store.memory import MemoryStore

EX = "https://example.org/test/"
ICORN = "https://w3id.org/ikg/trondheim/membership-trondheim-icorn"


def triples_of(store) -> set:
    return set(store.graph())


def label(name: str, text: str, lang: str = "en") -> tuple:
    return (URIRef(EX + name), RDFS.label, Literal(text, lang=lang))


def without_history(triples: set, store) -> set:
    records = set(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s a ikg:Change ; ?p ?o }"))
    return triples - records


def test_commit_records_who_when_why_and_the_triples(writable_store):
    change = history.commit(writable_store, add=[label("a", "A")], editor="Kari", action="add-actor", why="new")
    [listed] = history.changes(writable_store)
    assert (listed.id, listed.editor, listed.action, listed.comment) == (change.id, "Kari", "add-actor", "new")
    assert (listed.added_count, listed.removed_count, listed.undone_by) == (1, 0, None)
    assert listed.time.endswith("Z") and listed.time[:4].isdigit()
    added, removed = history.diff(writable_store, change.id)
    assert set(added) == {label("a", "A")} and len(removed) == 0


def test_only_the_real_effect_is_recorded(writable_store):
    existing = next(iter(writable_store.graph().triples((URIRef(ICORN), RDFS.label, None))))
    change = history.commit(writable_store, add=[existing, label("b", "B")], remove=[label("never", "there")],
                            editor="Kari", action="edit")
    assert (change.added_count, change.removed_count) == (1, 0)


def test_undo_restores_the_graph_exactly_and_is_recorded(writable_store):
    before = triples_of(writable_store)
    icorn_label = next(iter(writable_store.graph().triples((URIRef(ICORN), RDFS.label, None))))
    tricky = label("c", 'line one\nline "two" \\ three', "nb")
    change = history.commit(writable_store, add=[tricky], remove=[icorn_label], editor="Kari", action="edit")
    assert tricky in triples_of(writable_store) and icorn_label not in triples_of(writable_store)
    undo = history.undo(writable_store, change.id[:10], editor="Ola", why="mistake")
    assert (undo.action, undo.undoes, undo.added_count, undo.removed_count) == ("undo", change.id, 1, 1)
    assert without_history(triples_of(writable_store), writable_store) == before
    listed = {c.id: c for c in history.changes(writable_store)}
    assert listed[change.id].undone_by == undo.id
    assert listed[undo.id].comment == "mistake"


def test_undoing_twice_is_refused_with_the_reason(writable_store):
    change = history.commit(writable_store, add=[label("d", "D")], editor="Kari", action="edit")
    undo = history.undo(writable_store, change.id, editor="Kari")
    before = triples_of(writable_store)
    with pytest.raises(InputError) as err:
        history.undo(writable_store, change.id, editor="Kari")
    assert str(err.value) == (f"Change {change.id} was already undone (by change {undo.id}); "
                              "undo that change to redo it.")
    assert triples_of(writable_store) == before
    redo = history.undo(writable_store, undo.id, editor="Kari")  # undoing the undo redoes it
    assert label("d", "D") in triples_of(writable_store) and redo.undoes == undo.id


def test_undoing_the_making_of_a_thing_others_now_point_at_is_refused(writable_store):
    """A project added, then a participation in it (with a sub-node pointing at the project too): undoing
    the project's change would leave the participation pointing at nothing, so it is refused, names the
    participation, and changes nothing. Once the participation's change is undone, the project's can be."""
    from rdflib.namespace import RDF

    from graph.rdf.skolem import fresh_genid
    from graph.vocab.namespaces import IKG

    project, part, cite = URIRef(EX + "harbour"), URIRef(EX + "part"), fresh_genid()
    made = history.commit(writable_store, add=[
        (project, RDF.type, IKG.Project), label("harbour", "Harbour Cities"), label("harbour", "Havnebyene", "nb")],
        editor="Kari", action="add-project")
    joined = history.commit(writable_store, add=[
        (part, RDF.type, IKG.Participation), (part, IKG.project, project), label("part", "Hometown in Harbour Cities"),
        (part, IKG.citation, cite), (cite, IKG.reference, project)], editor="Kari", action="add-participation")
    before = triples_of(writable_store)
    with pytest.raises(InputError) as err:
        history.undo(writable_store, made.id, editor="Ola")
    assert str(err.value) == (
        f"Change {made.id} cannot be undone yet: it added “Harbour Cities”, which these now point at: "
        "“Hometown in Harbour Cities”. The undo would leave them pointing at nothing. Delete or correct them "
        "first (or undo the changes that added them), then undo this one.")
    with pytest.raises(InputError, match="^Endring .* den la til «Havnebyene», som dette nå peker på: "):
        history.undo(writable_store, made.id, editor="Ola", lang="nb")
    assert triples_of(writable_store) == before
    history.undo(writable_store, joined.id, editor="Ola")
    history.undo(writable_store, made.id, editor="Ola")
    assert not writable_store.ask("ASK { ?x ?p ?o }", {"x": project})


def test_unknown_and_ambiguous_ids(writable_store):
    with pytest.raises(InputError, match="^No change has the id “nope”; see `ikg history`"):
        history.undo(writable_store, "nope", editor="Kari")
    a = history.commit(writable_store, add=[label("e", "E")], editor="Kari", action="edit")
    history.commit(writable_store, add=[label("f", "F")], editor="Kari", action="edit")
    with pytest.raises(InputError, match="matches 2 changes; write more characters of the id"):
        history.find(writable_store, a.id[:4])
    with pytest.raises(InputError, match="^Ingen endring har id «zz»"):
        history.find(writable_store, "zz", lang="nb")


def test_a_change_that_changes_nothing_or_has_no_editor_is_refused(writable_store):
    before = triples_of(writable_store)
    with pytest.raises(InputError, match="^This changes nothing: the graph already says exactly this.$"):
        history.commit(writable_store, remove=[label("nothing", "here")], editor="Kari", action="edit")
    with pytest.raises(InputError, match="^Skriv navnet ditt: hver endring lagres med hvem som gjorde den.$"):
        history.commit(writable_store, add=[label("g", "G")], editor="  ", action="edit", lang="nb")
    assert triples_of(writable_store) == before


def test_a_review_assessment_is_a_recorded_change(writable_store):
    iri = saving.save_assessment(writable_store, ICORN, "Runde 1", {"1": 3}, "", "", "keep", "", "Kari", "2026-11-01")
    [change] = history.changes(writable_store)
    assert (change.action, change.editor) == ("assessment", "Kari")
    added, _ = history.diff(writable_store, change.id)
    assert (iri, None, None) in added
    history.undo(writable_store, change.id, editor="Kari")
    assert assessments.assessments(writable_store) == []


def test_reset_changes_nothing_on_a_fresh_store_and_is_undoable(writable_store):
    reset_from_data(writable_store)
    assert history.changes(writable_store) == []  # same files, same skolem IRIs, same values: no change
    before = triples_of(writable_store)
    extra = history.commit(writable_store, add=[label("h", "H")], editor="Kari", action="edit")
    saving.save_assessment(writable_store, ICORN, "Runde 1", {}, "", "", "review", "", "Kari", "2026-11-01")
    reset_from_data(writable_store, editor="Ola")
    kinds = [c.action for c in history.changes(writable_store)]
    assert kinds == ["reset", "assessment", "edit"]  # the history survives a reset
    assert label("h", "H") not in triples_of(writable_store)
    assert len(assessments.assessments(writable_store)) == 1  # kept
    reset = history.changes(writable_store)[0]
    assert (reset.added_count, reset.removed_count) == (0, 1)
    history.undo(writable_store, reset.id, editor="Ola")
    assert label("h", "H") in triples_of(writable_store)
    assert extra.id in {c.id for c in history.changes(writable_store)}
    assert before < triples_of(writable_store)


def test_values_compare_by_value_not_by_spelling():
    a = (URIRef(EX + "x"), URIRef(EX + "lat"), Literal("29.5630", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")))
    b = (a[0], a[1], Literal("29.563", datatype=a[2].datatype))
    assert value_diff({a}, {b}) == ([], [])
    c = (a[0], a[1], Literal("29.564", datatype=a[2].datatype))
    assert value_diff({a}, {c}) == ([c], [a])


@pytest.mark.parametrize("name", ["snapshot.nt", "snapshot.nt.gz"])
def test_backup_and_restore_give_back_the_snapshot(writable_store, tmp_path, name):
    history.commit(writable_store, add=[label("i", "I")], editor="Kari", action="edit")
    snapshot = without_history(triples_of(writable_store), writable_store)
    n = backup.backup(writable_store, tmp_path / name)
    assert n == len(triples_of(writable_store))
    history.commit(writable_store, add=[label("j", "J")], remove=[label("i", "I")], editor="Kari", action="edit")
    backup.restore(writable_store, tmp_path / name, editor="Ola")
    after = without_history(triples_of(writable_store), writable_store)
    assert value_diff(after, snapshot) == ([], [])
    assert [c.action for c in history.changes(writable_store)] == ["restore", "edit", "edit"]
    assert history.changes(writable_store)[0].comment == f"Restored from the backup {name}"
    history.undo(writable_store, history.changes(writable_store)[0].id, editor="Ola")
    assert label("j", "J") in triples_of(writable_store)
    backup.restore(writable_store, tmp_path / name, editor="Kari", lang="nb")  # the reason in the reader's language
    assert history.changes(writable_store)[0].comment == f"Hentet tilbake fra sikkerhetskopien {name}"


def test_a_damaged_backup_is_refused_and_changes_nothing(writable_store, tmp_path):
    path = tmp_path / "b.nt"
    backup.backup(writable_store, path)
    text = path.read_text(encoding="utf-8")
    before = triples_of(writable_store)
    (tmp_path / "cut.nt").write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(InputError, match=r"cut.nt(:\d+: damaged line|: holds \d+ triples, but was written with)"):
        backup.restore(writable_store, tmp_path / "cut.nt", editor="Ola")
    (tmp_path / "other.nt").write_text("<a:b> <a:c> <a:d> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other.nt: not a backup written by `ikg backup`"):
        backup.restore(writable_store, tmp_path / "other.nt", editor="Ola")
    (tmp_path / "bad.nt.gz").write_bytes(gzip.compress(text.encode())[:-20])
    with pytest.raises(InputError, match=r"bad.nt.gz: not a complete gzip file"):
        backup.restore(writable_store, tmp_path / "bad.nt.gz", editor="Ola")
    with pytest.raises(InputError, match=r"a backup is N-Triples"):
        backup.backup(writable_store, tmp_path / "b.ttl")
    assert triples_of(writable_store) == before


def test_parallel_writers_lose_nothing(writable_store):
    if isinstance(writable_store, MemoryStore) is False and writable_store.kind not in ("oxigraph", "memory"):
        threads, each = 4, 5  # a server round trip per change: fewer, still concurrent
    else:
        threads, each = 8, 25
    errors = []

    def writer(n: int) -> None:
        try:
            for i in range(each):
                history.commit(writable_store, add=[label(f"w{n}-{i}", f"W {n} {i}")], editor=f"editor {n}",
                               action="edit")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    present = triples_of(writable_store)
    assert all(label(f"w{n}-{i}", f"W {n} {i}") in present for n in range(threads) for i in range(each))
    assert len(history.changes(writable_store)) == threads * each


def test_history_of_an_empty_store_is_empty():
    assert history.changes(MemoryStore(Graph())) == []
