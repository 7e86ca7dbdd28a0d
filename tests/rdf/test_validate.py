"""Validation as people see it: the fixture is clean, problems name file, entity and field, in nb or en."""

import time

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graph.errors import InputError
from graph.rdf.parsing import parse_rdf
from graph.rdf.shapes import Problem, format_problem, shipped_data_files, validate, validate_files
from tests.support import FIXTURES

FIXTURE = FIXTURES / "small.ttl"
EX = "https://example.org/ikg/"
NET_A = URIRef(EX + "net-a")
CITATION_MESSAGE = (
    "There is no source for this: add ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] "
    "pointing at the passage that states it."
)


def fixture_without(*triples):
    graph = parse_rdf(FIXTURE)
    for triple in triples:
        graph.remove(triple)
    return graph


def test_fixture_is_valid():
    assert validate(parse_rdf(FIXTURE)) == []


def test_fixture_validates_quickly():
    start = time.perf_counter()
    validate_files([FIXTURE], with_shipped=False)
    assert time.perf_counter() - start < 5


def test_problem_names_entity_and_field():
    problems = validate(fixture_without((NET_A, RDFS.label, Literal("Network A", lang="en"))))
    assert problems == [
        Problem(
            file="",
            focus=str(NET_A),
            kind="Network",
            label="Nettverk A",  # no English label left, so the Norwegian one names it
            field="label (rdfs:label)",
            message="The English label is missing: add one rdfs:label with the tag @en (translate the name if "
            'the source is Norwegian), e.g. rdfs:label "Trondheim Municipality"@en.',
        )
    ]


def test_format_problem_gives_the_documented_line():
    problem = Problem("data/networks.ttl", str(NET_A), "Network", "Network A", "citation (ikg:citation)",
                      CITATION_MESSAGE)
    assert format_problem(problem) == (
        f"data/networks.ttl: Network 'Network A' <{NET_A}>: citation (ikg:citation): {CITATION_MESSAGE}"
    )


def test_format_problem_leaves_out_what_is_unknown():
    problem = Problem("", EX + "m", "Membership", "", "", "A message.")
    assert format_problem(problem) == f"Membership <{EX}m>: A message."


def test_norwegian_messages():
    graph = fixture_without((NET_A, RDFS.label, Literal("Network A", lang="en")))
    [problem] = validate(graph, lang="nb")
    assert (problem.kind, problem.label, problem.field) == ("Nettverk", "Nettverk A", "navn (rdfs:label)")
    assert problem.message.startswith("Det engelske navnet mangler: legg til ett rdfs:label med språkkoden @en")


def test_unknown_language_is_refused():
    with pytest.raises(InputError, match="unknown language 'de'; use one of en, nb"):
        validate(parse_rdf(FIXTURE), lang="de")


def test_blank_node_problem_is_shown_on_its_owner():
    graph = parse_rdf(FIXTURE)
    citation = next(graph.objects(URIRef(EX + "lonely"), URIRef("https://w3id.org/ikg/ontology#citation")))
    graph.remove((citation, URIRef("https://w3id.org/ikg/ontology#evidence"), None))
    [problem] = validate(graph)
    assert (problem.focus, problem.kind, problem.label) == (EX + "lonely", "Company", "Lonely Ltd")
    assert problem.field == "citation (ikg:citation) › evidence (ikg:evidence)"


def test_nested_blank_node_path():
    graph = parse_rdf(FIXTURE)
    year = URIRef("http://www.w3.org/2006/time#inXSDgYear")
    instant = next(s for s, o in graph.subject_objects(year) if str(o) == "1946")
    graph.remove((instant, year, None))
    [problem] = validate(graph)
    assert problem.focus == EX + "agreement-farcity"
    assert problem.kind == "Twin-city agreement"
    assert problem.field == "period (ikg:period) › beginning (time:hasBeginning) › year (time:inXSDgYear)"


def test_results_are_sorted_and_repeatable():
    english = [(s, RDFS.label, o) for s, o in parse_rdf(FIXTURE).subject_objects(RDFS.label) if o.language == "en"]
    graph = fixture_without(*english)
    first, second = validate(graph), validate(graph)
    assert first == second and len(first) > 10
    assert first == sorted(first, key=lambda p: (p.file, p.focus, p.field, p.message))


def test_file_of_maps_problems_to_files():
    graph = fixture_without((NET_A, RDFS.label, Literal("Network A", lang="en")))
    [problem] = validate(graph, file_of={NET_A: "data/networks.ttl"})
    assert problem.file == "data/networks.ttl"


def test_validate_files_reports_only_the_given_files(tmp_path):
    # other.ttl holds a broken entity; checking good.ttl alone must not report it.
    header = FIXTURE.read_text(encoding="utf-8").split("ex:dataset")[0]
    good = tmp_path / "good.ttl"
    good.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other.ttl"
    other.write_text(header + 'ex:bad a ikg:Network ; rdfs:label "Dårlig"@nb .\n', encoding="utf-8")
    assert validate_files([good], with_shipped=False) == []
    problems = validate_files([good, other], with_shipped=False)
    assert {(p.file, p.focus) for p in problems} == {(str(other), EX + "bad")}
    assert {p.field for p in problems} == {"label (rdfs:label)", "citation (ikg:citation)"}


def test_validate_files_resolves_references_to_other_files(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    header, body = text.split("ex:dataset", 1)
    places, rest = ("ex:dataset" + body).split("# --- networks and memberships", 1)
    first, second = tmp_path / "places.ttl", tmp_path / "rest.ttl"
    first.write_text(header + places, encoding="utf-8")
    second.write_text(header + "# networks" + rest, encoding="utf-8")
    assert validate_files([first, second], with_shipped=False) == []


@pytest.mark.skipif(not shipped_data_files(), reason="data/ has no .ttl files yet")
def test_shipped_data_validates():
    problems = validate_files(shipped_data_files())
    assert not problems, f"{len(problems)} problems in data/:\n" + "\n".join(map(format_problem, problems))
