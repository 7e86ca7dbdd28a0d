"""Issue 10 attacks on imports: facts on existing entities need a source; names must not make lookup ambiguous
or hide characters. Each attack is refused with its exact message and the store stays unchanged."""

from __future__ import annotations

import pytest

from graph.edit.importing import ImportErrors, prepare

HEAD = ("@prefix ikg: <https://w3id.org/ikg/ontology#> .\n@prefix trd: <https://w3id.org/ikg/trondheim/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")
TRD = "https://w3id.org/ikg/trondheim/trondheim"
NEEDS_SOURCE = (f"- {TRD}: <{TRD}> is already in the graph and this file adds statements about it without a source: "
                "add ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] "
                f"(or ikg:reference \"…\") "
                f"on <{TRD}> in the same file.")


def refused(store, body: str) -> list[str]:
    before = frozenset(store.graph())
    with pytest.raises(ImportErrors) as caught:
        prepare(store, "attack.ttl", (HEAD + body).encode(), lang="en")
    assert frozenset(store.graph()) == before
    return str(caught.value).splitlines()


def test_alt_labels_on_existing_entity_without_source_refused(memory_shipped):
    lines = refused(memory_shipped, 'trd:trondheim skos:altLabel "Innovasjon Norge", "NTNU" .\n')
    assert lines[0] == "attack.ttl was not imported and nothing was changed; fix these 3 problems and try again:"
    assert NEEDS_SOURCE in lines
    ambiguous = [line for line in lines if "cannot be told apart" in line]
    assert len(ambiguous) == 2
    assert ambiguous[0].startswith(f"- {TRD}: the name “Innovasjon Norge” of <{TRD}> cannot be told apart from "
                                   "“Innovasjon Norge”, which <https://w3id.org/ikg/trondheim/")


def test_status_on_existing_entity_without_source_refused(memory_shipped):
    assert refused(memory_shipped, "trd:trondheim ikg:status ikg:Ended .\n") == [
        "attack.ttl was not imported and nothing was changed; fix this problem and try again:", NEEDS_SOURCE]


def test_cited_alt_label_on_existing_entity_accepted(memory_shipped):
    body = ('trd:trondheim skos:altLabel "Trondhjem"@nb ; ikg:citation [ ikg:reference "Byleksikon" ; '
            "ikg:evidence ikg:stated ] .\n")
    before = frozenset(memory_shipped.graph())
    preview = prepare(memory_shipped, "ok.ttl", (HEAD + body).encode(), lang="en")
    assert preview.added_count >= 2 and frozenset(memory_shipped.graph()) == before


def test_lookalike_name_refused(memory_shipped):
    body = ('trd:trondheim skos:altLabel "Innovasjon\u200b Norge" ; ikg:citation [ ikg:reference "x" ; '
            "ikg:evidence ikg:stated ] .\n")
    lines = refused(memory_shipped, body)
    assert len(lines) == 2 and "holds invisible or control characters (U+200B)" in lines[1]


def test_bidi_override_in_label_refused(memory_shipped):
    body = ('trd:trondheim skos:altLabel "Trond\u202eheim" ; ikg:citation [ ikg:reference "x" ; '
            "ikg:evidence ikg:stated ] .\n")
    assert refused(memory_shipped, body)[1] == (
        f"- {TRD}: the name of <{TRD}> holds invisible or control characters (U+202E): remove them.")


def test_nfkc_lookalike_name_refused(memory_shipped):
    body = ('trd:trondheim skos:altLabel "ＮＴＮＵ" ; ikg:citation [ ikg:reference "x" ; '
            "ikg:evidence ikg:stated ] .\n")
    lines = refused(memory_shipped, body)
    assert len(lines) == 2 and "the name “ＮＴＮＵ”" in lines[1] and "cannot be told apart from “NTNU”" in lines[1]


def test_triple_limit(memory_shipped, monkeypatch):
    monkeypatch.setenv("IKG_MAX_TRIPLES", "1")
    lines = refused(memory_shipped, 'trd:x skos:altLabel "a" , "b" .\n')
    assert lines == ["attack.ttl was not imported and nothing was changed; fix this problem and try again:",
                     "- attack.ttl holds 2 triples, more than the limit of 1 for one import (IKG_MAX_TRIPLES): "
                     "split the file."]
