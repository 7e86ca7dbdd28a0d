"""The shapes tested by example: every tests/shapes/NN-valid-*.ttl validates clean, every
NN-invalid-*.ttl fails with exactly the English message on its first line (# expect: …)."""

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, SH

from graph.rdf.parsing import parse_rdf
from graph.rdf.shapes import shipped_shapes, validate
from tests.support import SHAPE_EXAMPLES

EXAMPLES = SHAPE_EXAMPLES
VALID = sorted(EXAMPLES.glob("*-valid-*.ttl"))
INVALID = sorted(EXAMPLES.glob("*-invalid-*.ttl"))
EXPECT = "# expect: "


def expected_message(path: Path) -> str:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(EXPECT), f"{path.name}: first line must be '{EXPECT}<message>'"
    return first_line.removeprefix(EXPECT)


def english_messages(path: Path) -> set[str]:
    return {problem.message for problem in validate(parse_rdf(path), lang="en")}


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_example_has_no_problems(path):
    assert english_messages(path) == set()


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example_fails_for_its_reason_only(path):
    # Exactly the one message: an example that breaks two rules would not show which rule it tests.
    assert english_messages(path) == {expected_message(path)}


def test_every_shape_number_has_a_valid_and_an_invalid_example():
    numbers = {p.name[:2] for p in EXAMPLES.glob("*.ttl")}
    assert numbers == {p.name[:2] for p in VALID} == {p.name[:2] for p in INVALID}


def test_every_message_a_user_can_see_is_shown_by_an_example():
    expected = {expected_message(path) for path in INVALID}
    missing = sorted(visible_messages() - expected)
    assert not missing, "no invalid example shows:\n" + "\n".join(missing)


def visible_messages() -> set[str]:
    """English messages of property shapes of targeted node shapes, and of their node-level rules."""
    shapes = shipped_shapes()
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target)
    node_rules = (SH["or"], SH["and"], SH["not"], SH.xone, SH.pattern, SH.nodeKind, SH["class"], SH["in"])
    seen = set()
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        if not any((shape, target, None) in shapes for target in targets):
            continue  # reached only through sh:node; the outer shape's message is shown
        sources = list(shapes.objects(shape, SH.property))
        if any((shape, rule, None) in shapes for rule in node_rules):
            sources.append(shape)
        messages = (m for s in sources for m in shapes.objects(s, SH.message))
        seen |= {str(m) for m in messages if isinstance(m, Literal) and m.language == "en"}
    return seen
