"""Importing files (graph/edit/importing/): all or nothing, every problem listed with where it is and how to
fix it, in nb and en; a good file shows in the named questions, is in the history and can be undone."""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

import graph.edit.importing as importing
import graph.edit.tabular as tabular
import graph.history.changes as history
import graph.questions.catalogue as queries
from graph import config
from graph.edit.importing import ImportErrors, import_file, prepare
from graph.edit.tabular.results import TablePatch
from graph.errors import InputError
from graph.store.memory import MemoryStore
from graph.vocab.namespaces import IKG, TRD
from tests.support import FIXTURES

UPLOADS = FIXTURES / "upload"
HEADER_ONE = "{name} was not imported and nothing was changed; fix this problem and try again:"
HEADER_MANY = "{name} was not imported and nothing was changed; fix these {n} problems and try again:"


def triples_of(store) -> frozenset:
    return frozenset(store.graph())


def without_history(store) -> Graph:
    records = set(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s a ikg:Change ; ?p ?o }"))
    graph = Graph()
    for triple in store.graph():
        if triple not in records:
            graph.add(triple)
    return graph


def refused(store, name: str, data: bytes | None = None, lang: str = "en") -> ImportErrors:
    """Prepare a file that must be refused; check the store did not change at all."""
    data = (UPLOADS / name).read_bytes() if data is None else data
    before = triples_of(store)
    with pytest.raises(ImportErrors) as caught:
        prepare(store, name, data, lang=lang)
    assert caught.value.__cause__ is None
    assert triples_of(store) == before
    return caught.value


# --- syntax: FILE:LINE:COL, one line ------------------------------------------------------------


def test_truncated_turtle(shipped_store):
    error = refused(shipped_store, "truncated.ttl")
    assert str(error) == (
        "truncated.ttl:7:19: unexpected end of file: the last statement is not finished; is the file cut short, or "
        "a '.', ']', ')' or closing quote missing?")
    [problem] = error.problems
    assert (problem.location, problem.line, problem.column) == ("line 7, column 19", 7, 19)


def test_truncated_turtle_in_norwegian(memory_shipped):
    assert str(refused(memory_shipped, "truncated.ttl", lang="nb")) == (
        "truncated.ttl:7:19: uventet slutt på filen: den siste setningen er ikke ferdig; er filen kuttet, eller "
        "mangler det et '.', ']', ')' eller et avsluttende anførselstegn?")


def test_undeclared_prefix(shipped_store):
    error = refused(shipped_store, "wrong-prefix.ttl")
    assert str(error) == "wrong-prefix.ttl:4:1: unknown prefix 'trd:' — declare it with @prefix trd: <…> ."
    assert error.problems[0].location == "line 4, column 1"


def test_undeclared_prefix_in_norwegian(memory_shipped):
    assert str(refused(memory_shipped, "wrong-prefix.ttl", lang="nb")) == (
        "wrong-prefix.ttl:4:1: ukjent prefiks «trd:» — deklarer det med @prefix trd: <…> .")


def test_misspelt_namespace_in_a_prefix(shipped_store):
    assert str(refused(shipped_store, "misspelt-namespace.ttl")) == "\n".join([
        HEADER_ONE.format(name="misspelt-namespace.ttl"),
        "- line 5, column 30: <https://w3id.org/ikg/ontologi#Network> is not in the vocabulary, and its namespace is "
        "nearly ikg: <https://w3id.org/ikg/ontology#>: check the @prefix line (did you mean ikg:Network?).",
    ])


def test_json_ld_with_a_remote_context(shipped_store):
    error = refused(shipped_store, "remote-context.jsonld")
    assert str(error) == (
        "remote-context.jsonld:2: the @context 'https://schema.org/' would be fetched from elsewhere; put the "
        "context in the file as a JSON object instead")
    assert error.problems[0].location == "line 2"


def test_json_ld_problems_have_lines(memory_shipped):
    document = json.loads((UPLOADS / "good-project.jsonld").read_text(encoding="utf-8"))
    del document["@graph"][0]["label"]
    document["@graph"][1]["project"] = "trd:project-test-missing"
    text = json.dumps(document, indent=2, ensure_ascii=False)
    assert text.splitlines()[38].strip() == '"@id": "trd:project-test-green-harbour",'
    project = "<https://w3id.org/ikg/trondheim/project-test-green-harbour>"
    assert str(refused(memory_shipped, "p.jsonld", text.encode())) == "\n".join([
        HEADER_MANY.format(name="p.jsonld", n=3),
        f"- line 39, Project {project}: label (rdfs:label): The English label is missing: add one rdfs:label with "
        "the tag @en (translate the name if the source is Norwegian), e.g. rdfs:label \"Trondheim Municipality\"@en.",
        f"- line 39, Project {project}: label (rdfs:label): The Norwegian label is missing: add one rdfs:label with "
        "the tag @nb, e.g. rdfs:label \"Trondheim kommune\"@nb.",
        "- line 55, column 18: there is no project <https://w3id.org/ikg/trondheim/project-test-missing> in the graph "
        "or in this file (ikg:project): use the IRI of one that exists, or define it in the file.",
    ])


def test_bad_json(memory_shipped):
    assert str(refused(memory_shipped, "x.jsonld", b'{"@id": "https://e/a",,}')) == (
        "x.jsonld:1:23: not valid JSON: a name in double quotes was expected here, e.g. \"@id\"; is there a comma "
        "too many before it, or is the name in single quotes?")


def test_bad_ntriples_line(memory_shipped):
    data = b'<https://e/a> <https://e/b> "x" .\n<https://e/a> <https://e/b> "x .\n'
    assert str(refused(memory_shipped, "x.nt", data)) == (
        "x.nt:2: not a valid N-Triples line; write <subject> <predicate> object .")


# --- the graph's rules: every problem listed, the store unchanged -------------------------------


def test_date_that_does_not_exist(shipped_store):
    assert str(refused(shipped_store, "bad-date.ttl")) == "\n".join([
        HEADER_ONE.format(name="bad-date.ttl"),
        "- line 10, column 24: '2019-02-31' is not a valid date (xsd:date); write year-month-day, e.g. 2012-05-03",
    ])


def test_network_without_label_or_citation(shipped_store):
    iri = "<https://w3id.org/ikg/trondheim/network-test-bare>"
    error = refused(shipped_store, "network-without-label-or-citation.ttl")
    assert str(error) == "\n".join([
        HEADER_MANY.format(name="network-without-label-or-citation.ttl", n=3),
        f"- line 4, Network {iri}: citation (ikg:citation): There is no source for this: add ikg:citation "
        "[ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] pointing at the passage that states it.",
        f"- line 4, Network {iri}: label (rdfs:label): The English label is missing: add one rdfs:label with the "
        "tag @en (translate the name if the source is Norwegian), e.g. rdfs:label \"Trondheim Municipality\"@en.",
        f"- line 4, Network {iri}: label (rdfs:label): The Norwegian label is missing: add one rdfs:label with the "
        "tag @nb, e.g. rdfs:label \"Trondheim kommune\"@nb.",
    ])
    assert {p.entity for p in error.problems} == {iri[1:-1]}


def test_network_without_label_or_citation_in_norwegian(memory_shipped):
    error = refused(memory_shipped, "network-without-label-or-citation.ttl", lang="nb")
    assert str(error).splitlines()[:2] == [
        "network-without-label-or-citation.ttl ble ikke importert, og ingenting er endret; rett disse 3 problemene "
        "og prøv igjen:",
        "- linje 4, Nettverk <https://w3id.org/ikg/trondheim/network-test-bare>: kildehenvisning (ikg:citation): "
        "Dette mangler kilde: legg til ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] "
        "som peker på avsnittet som sier det.",
    ]


def test_membership_of_a_network_that_does_not_exist(shipped_store, memory_shipped):
    assert str(refused(shipped_store, "membership-unknown-network.ttl")) == "\n".join([
        HEADER_ONE.format(name="membership-unknown-network.ttl"),
        "- line 9, column 22: there is no network <https://w3id.org/ikg/trondheim/network-test-nowhere> in the graph "
        "or in this file (org:organization): use the IRI of one that exists, or define it in the file.",
    ])
    assert str(refused(memory_shipped, "membership-unknown-network.ttl", lang="nb")).splitlines()[1] == (
        "- linje 9, kolonne 22: det finnes ingen nettverk <https://w3id.org/ikg/trondheim/network-test-nowhere> i "
        "grafen eller i denne filen (org:organization): bruk IRI-en til noe som finnes, eller definer det i filen.")


def test_unknown_target_area(shipped_store):
    assert str(refused(shipped_store, "unknown-target-area.ttl")) == "\n".join([
        HEADER_ONE.format(name="unknown-target-area.ttl"),
        "- line 7, column 20: there is no target area <https://w3id.org/ikg/trondheim/target-area-9> in the graph or "
        "in this file (ikg:targetArea): use the IRI of one that exists, or define it in the file (the graph has "
        "trd:target-area-1, trd:target-area-2, trd:target-area-3, trd:target-area-4, trd:target-area-5).",
    ])


def test_duplicate_identifier(shipped_store):
    iri = "<https://w3id.org/ikg/trondheim/network-icorn>"
    assert str(refused(shipped_store, "duplicate-identifier.ttl")) == "\n".join([
        HEADER_MANY.format(name="duplicate-identifier.ttl", n=3),
        f"- line 5, column 1: {iri} already exists with the name “ICORN – International Cities of Refuge "
        "Network”@en; this file calls it “ICORN project”@en: use a new IRI for a new thing, or use the name it has "
        "(rename it in the app).",
        f"- line 5, column 1: {iri} already exists with the name “ICORN – International Cities of Refuge "
        "Network”@nb; this file calls it “ICORN”@nb: use a new IRI for a new thing, or use the name it has "
        "(rename it in the app).",
        f"- line 5, column 1: {iri} is already in the graph as Network “ICORN – International Cities of Refuge "
        "Network”; this file gives it the type Project: use a new IRI for a new thing, or keep the type it has.",
    ])


def test_broader_type_of_an_existing_thing_is_no_clash(memory_shipped):
    data = (b"@prefix ikg: <https://w3id.org/ikg/ontology#> .\n@prefix trd: <https://w3id.org/ikg/trondheim/> .\n"
            b"trd:trondheim a ikg:City , ikg:Actor .\n")
    preview = prepare(memory_shipped, "same.ttl", data, lang="en")
    assert (preview.added_count, preview.new) == (1, [])  # only "a ikg:Actor" is new; City it already was
    assert [(e.kind, e.label) for e in preview.changed] == [("City or municipality", "Trondheim Municipality")]


PREFIXES = """@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix trd: <https://w3id.org/ikg/trondheim/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix org: <http://www.w3.org/ns/org#> .
"""


def test_every_problem_is_listed_not_just_the_first(shipped_store):
    data = PREFIXES + """
<https://w3id.org/ikg/trondheim/file> owl:imports <https://example.org/more.ttl> .
ikg:Network rdfs:comment "a redefinition"@en .
trd:network-test-many a ikg:Network ; rdfs:label "Mange"@nb , "Many"@en ; ikg:targetAreas trd:target-area-1 ;
    ikg:citation [ ikg:section trd:doc-2019-s3-4 ; ikg:quote "Mange" ; ikg:evidence ikg:stated ] .
<https://w3id.org/ikg/change/20200101000000-abcdef> a ikg:Change .
<relative-thing> rdfs:label "Relative"@en .
"""
    error = refused(shipped_store, "many.ttl", data.encode())
    assert str(error) == "\n".join([
        HEADER_MANY.format(name="many.ttl", n=5),
        "- line 7, column 51: owl:imports <https://example.org/more.ttl> is refused: imports are not followed and "
        "nothing is ever fetched from the network; remove the statement and put the statements you need in this file "
        "(or import that file on its own).",
        "- line 8, column 1: the file says something about ikg:Network, a term of the vocabulary; files may only hold "
        "data, not change the ontology (ontology/ikg.ttl): remove these statements.",
        "- line 9, column 75: ikg:targetAreas is not in the vocabulary (ontology/ikg.ttl): correct the spelling (did "
        "you mean ikg:targetArea?).",
        "- line 11, column 1: <https://w3id.org/ikg/change/20200101000000-abcdef> is a record of the change history, "
        "which only the tool itself writes: remove these statements from the file.",
        "- line 12, column 1: the relative IRI <relative-thing> has no base: write the full IRI, e.g. "
        "<https://example.org/relative-thing>, or put @base <…> at the top of the file.",
    ])
    assert [p.line for p in error.problems] == [7, 8, 9, 11, 12]


def test_empty_graph_is_refused(shipped_store):
    assert str(refused(shipped_store, "empty.ttl", PREFIXES.encode())) == "\n".join([
        HEADER_ONE.format(name="empty.ttl"), "- the file holds no statements; there is nothing to import."])


# --- the good path ---------------------------------------------------------------------------


def test_good_turtle_preview(memory_shipped):
    preview = prepare(memory_shipped, "good-network.ttl", (UPLOADS / "good-network.ttl").read_bytes(), lang="en")
    assert (preview.file_type, preview.added_count, preview.removed_count) == ("turtle", 25, 0)
    assert [(e.kind, e.label) for e in preview.new] == [
        ("Membership", "Trondheim Municipality in Nordic Culture Network"), ("Network", "Nordic Culture Network")]
    assert preview.changed == [] and preview.warnings == []
    assert str(preview) == "\n".join([
        "Import of good-network.ttl",
        "25 facts (RDF triples) to add, 0 to remove.",
        "New things (2):",
        "  Membership: 1",
        "    - “Trondheim Municipality in Nordic Culture Network” "
        "<https://w3id.org/ikg/trondheim/membership-trondheim-test-nordic-culture>",
        "  Network: 1",
        "    - “Nordic Culture Network” <https://w3id.org/ikg/trondheim/network-test-nordic-culture>",
        "The values from the file:",  # what each thing gets, to be checked before confirming
        "  Citation of Nordic Culture Network: – → Strategy 2019–2022 §3.4",
        "  Kind of Nordic Culture Network: – → Network",
        "  Name of Nordic Culture Network: – → Nordic Culture Network; Nordisk kulturnettverk",
        "  SDG of Nordic Culture Network: – → Sustainable cities and communities",
        "  Target area of Nordic Culture Network: – → Twin-city cooperation",
        "  Citation of Trondheim Municipality in Nordic Culture Network: – → Strategy 2019–2022 §3.4",
        "  Kind of Trondheim Municipality in Nordic Culture Network: – → Membership",
        "  Member of Trondheim Municipality in Nordic Culture Network: – → Trondheim Municipality",
        "  Membership period of Trondheim Municipality in Nordic Culture Network: – → 2021–",
        "  Name of Trondheim Municipality in Nordic Culture Network: – → Trondheim Municipality in Nordic Culture "
        "Network; Trondheim kommune i Nordisk kulturnettverk",
        "  Network of Trondheim Municipality in Nordic Culture Network: – → Nordic Culture Network",
        "  Role of Trondheim Municipality in Nordic Culture Network: – → Member",
        "  Status of Trondheim Municipality in Nordic Culture Network: – → Active",
    ])
    assert preview.lines("nb")[:3] == ["Import av good-network.ttl",
                                       "25 opplysninger (RDF-tripler) legges til, 0 fjernes.", "Nye ting (2):"]
    assert not any(isinstance(term, BNode) for triple in preview.add for term in triple)  # skolemised


def test_good_turtle_imports_shows_in_questions_and_undoes(writable_store):
    store = writable_store
    before = without_history(store)
    data = (UPLOADS / "good-network.ttl").read_bytes()
    preview = prepare(store, "good-network.ttl", data, lang="en")
    assert triples_of(store) == frozenset(before)  # prepare writes nothing
    change = importing.apply(store, preview, editor="Kari", why="from the 2021 report", lang="en")
    assert (change.action, change.editor, change.comment, change.added_count) == (
        "import", "Kari", "from the 2021 report", 25)
    networks = queries.run(store, "networks", {}, "en").dicts()
    assert {"network": "Nordic Culture Network", "target_area": "Twin-city cooperation", "target_area_no": "4",
            "source": "Strategy 2019–2022 §3.4"} in networks
    members = queries.run(store, "members", {"network": "Nordisk kulturnettverk"}, "nb").dicts()
    assert [(m["member"], m["since"], m["role"]) for m in members] == [("Trondheim kommune", "2021", "Medlem")]
    assert [c.action for c in history.changes(store)][:1] == ["import"]
    # Importing the same file again changes nothing, and says so.
    again = prepare(store, "good-network.ttl", data, lang="en")
    assert again.is_empty and str(again).splitlines()[1] == (
        "Nothing new: everything in the file is already in the graph.")
    with pytest.raises(InputError) as caught:
        importing.apply(store, again, editor="Kari", lang="en")
    assert str(caught.value) == "good-network.ttl adds nothing new: everything in it is already in the graph."
    history.undo(store, change.id, editor="Ola", lang="en")
    assert isomorphic(without_history(store), before)


def test_good_json_ld_imports_and_undoes(writable_store):
    store = writable_store
    before = without_history(store)
    result = import_file(store, UPLOADS / "good-project.jsonld", editor="Kari", lang="en")
    assert result.change is not None and result.change.action == "import" and result.change.added_count == 17
    assert result.change.comment == "Imported from good-project.jsonld"
    assert result.describe("en").splitlines()[-1] == (
        f"Saved as change {result.change.id} (17 added, 0 removed); undo it with `ikg undo {result.change.id}`.")
    matrix = queries.run(store, "coverage-matrix", {}, "en").dicts()
    assert [(row["dim_no"], row["kind"]) for row in matrix if row["thing"] == "Green Harbour"] == [("2", "project")]
    [listed] = [c for c in history.changes(store) if c.id == result.change.id]
    assert listed.action == "import"
    history.undo(store, result.change.id, editor="Kari", lang="en")
    assert isomorphic(without_history(store), before)


def test_reimporting_a_shipped_file_changes_nothing(memory_shipped):
    path = config.data_dir() / "sources.ttl"
    preview = prepare(memory_shipped, str(path), path.read_bytes(), lang="en")
    assert preview.is_empty and preview.new == [] and preview.changed == []


def test_dry_run_writes_nothing(memory_shipped):
    before = triples_of(memory_shipped)
    result = import_file(memory_shipped, UPLOADS / "good-network.ttl", editor="Kari", lang="nb", dry_run=True)
    preview, change = result
    assert change is None and preview.added_count == 25
    assert result.describe().splitlines()[-1] == "Ingenting ble skrevet (--dry-run)."
    assert triples_of(memory_shipped) == before


def test_import_file_that_is_missing_or_too_big(memory_shipped, tmp_path):
    with pytest.raises(ImportErrors) as caught:
        import_file(memory_shipped, tmp_path / "nowhere.ttl", editor="Kari", lang="en")
    assert str(caught.value) == f"{tmp_path / 'nowhere.ttl'}: no such file; check the name and folder"
    with pytest.raises(ImportErrors) as caught:
        import_file(memory_shipped, UPLOADS / "good-network.ttl", editor="Kari", lang="en", max_bytes=1000)
    assert str(caught.value) == (
        f"{UPLOADS / 'good-network.ttl'} is 1.3 KB, over the limit of 1000 bytes: split it into smaller files, or "
        "ask whoever runs the tool to raise IKG_MAX_UPLOAD_MB.")


def fresh_store() -> MemoryStore:
    store = MemoryStore()
    for triple in MEMORY_SHIPPED:
        store.g.add(triple)
    return store


MEMORY_SHIPPED: list = []


@pytest.fixture
def small_store(memory_shipped) -> MemoryStore:
    """A private in-memory copy of the shipped graph (cheap; for tests that write)."""
    if not MEMORY_SHIPPED:
        MEMORY_SHIPPED.extend(memory_shipped.graph())
    return fresh_store()


def test_apply_checks_again_when_the_store_changed(small_store):
    data = (UPLOADS / "good-network.ttl").read_bytes()
    preview = prepare(small_store, "good-network.ttl", data, lang="en")
    network = TRD["network-test-nordic-culture"]
    history.commit(small_store, add=[(network, RDF.type, IKG.Network),
                                     (network, RDFS.label, Literal("NCN", lang="en"))], editor="Ola", action="edit")
    between = triples_of(small_store)
    with pytest.raises(ImportErrors) as caught:
        importing.apply(small_store, preview, editor="Kari", lang="en")
    assert str(caught.value).splitlines()[1] == (
        "- line 10, column 1: <https://w3id.org/ikg/trondheim/network-test-nordic-culture> already exists with the "
        "name “NCN”@en; this file calls it “Nordic Culture Network”@en: use a new IRI for a new thing, or use the "
        "name it has (rename it in the app).")
    assert triples_of(small_store) == between


def test_apply_needs_an_editor_and_the_same_store(small_store):
    preview = prepare(small_store, "good-network.ttl", (UPLOADS / "good-network.ttl").read_bytes(), lang="en")
    with pytest.raises(InputError) as caught:
        importing.apply(small_store, preview, editor=" ", lang="en")
    assert str(caught.value) == "Write your name: every change is saved with who made it."
    with pytest.raises(InputError) as caught:
        importing.apply(fresh_store(), preview, editor="Kari", lang="nb")
    assert str(caught.value) == "Denne forhåndsvisningen ble laget for en annen graf; last opp filen på nytt."


def test_warning_for_a_new_thing_with_an_existing_name(small_store):
    data = (PREFIXES + """trd:network-test-icorn-again a ikg:Network ;
    rdfs:label "ICORN – International Cities of Refuge Network"@nb , "ICORN again"@en ;
    ikg:citation [ ikg:section trd:doc-2019-s3-4 ; ikg:quote "ICORN" ; ikg:evidence ikg:stated ] .
""").encode()
    preview = prepare(small_store, "again.ttl", data, lang="en")
    assert preview.warnings == [
        "“ICORN – International Cities of Refuge Network” <https://w3id.org/ikg/trondheim/network-test-icorn-again> "
        "has the same name as the network <https://w3id.org/ikg/trondheim/network-icorn> already in the graph; if it "
        "is the same thing, use that IRI."]


# --- tables (CSV/XLSX) are read by graph.edit.tabular; only the hand-over is tested here ---------------


def test_table_hand_over_to_graph_tabular(small_store, monkeypatch):
    """A stand-in for graph.edit.tabular.patch_from_table: what it returns is checked by the shapes,
    previewed and written."""
    network = TRD["network-test-from-table"]
    add = Graph()
    add.add((network, RDF.type, IKG.Network))
    add.add((network, RDFS.label, Literal("Fra tabell", lang="nb")))
    add.add((network, RDFS.label, Literal("From a table", lang="en")))
    calls = []

    def patch_from_table(store, name, data, *, kind=None, lang="en"):
        calls.append((name, kind, lang))
        return TablePatch("network", name, add, Graph(), rows=1, counts={"network": 1})

    monkeypatch.setattr(tabular, "patch_from_table", patch_from_table)
    with pytest.raises(ImportErrors) as caught:  # the stand-in forgot the citation: the shapes catch it
        prepare(small_store, "networks.csv", b"name_en,name_nb\nFrom a table,Fra tabell\n", lang="en",
                kind="network")
    assert calls == [("networks.csv", "network", "en")]
    assert "citation (ikg:citation): There is no source for this" in str(caught.value)
    citation = URIRef("https://w3id.org/.well-known/genid/test-table-citation")
    add.add((network, IKG.citation, citation))
    add.add((citation, IKG.section, TRD["doc-2019-s3-4"]))
    add.add((citation, IKG.quote, Literal("Fra tabell")))
    add.add((citation, IKG.evidence, IKG.stated))
    preview = prepare(small_store, "networks.csv", b"name_en,name_nb\nFrom a table,Fra tabell\n", lang="en",
                      kind="network")
    assert preview.summary == "1 row read from networks.csv: 1 × Network." and preview.warnings == []
    assert [e.label for e in preview.new] == ["From a table"]
    change = importing.apply(small_store, preview, editor="Kari", lang="en")
    assert change.action == "import" and change.added_count == 7


def test_csv_smoke_with_the_real_graph_tabular(small_store):
    """Smoke test only (graph.edit.tabular's own tests cover table parsing in depth):
    a CSV goes through the gate, graph.edit.tabular and the shapes, is previewed, written and undone."""
    before = without_history(small_store)
    data = (FIXTURES / "import" / "networks-en.csv").read_bytes()
    preview = prepare(small_store, "networks-en.csv", data, lang="en", kind="network")
    assert preview.file_type == "csv" and preview.summary == "2 rows read from networks-en.csv: 2 × Network."
    assert sorted(e.label for e in preview.new) == ["Climate Cities", "Port Cities"]
    change = importing.apply(small_store, preview, editor="Kari", lang="en")
    assert change.action == "import" and change.comment == "Imported from networks-en.csv"
    history.undo(small_store, change.id, editor="Kari", lang="en")
    assert isomorphic(without_history(small_store), before)
