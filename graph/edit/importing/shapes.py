"""The SHACL shapes' problems with the graph as an import would leave it, placed in the file, minus
those the import's own checks already named more clearly."""

from __future__ import annotations

from rdflib import Graph

from graph.edit.importing.locator import Locator
from graph.edit.importing.problems import ImportProblem
from graph.i18n import t
from graph.rdf.parsing import quiet_rdflib
from graph.rdf.shapes import Problem, validate_change
from graph.store.base import Store
from graph.vocab.labels import quote


def shape_problems(store: Store, add: Graph, remove: Graph, lang: str, locator: Locator | None,
                   said: set[tuple[str, str]]) -> list[ImportProblem]:
    """The shapes' problems with the graph after the change, minus those the checks already named."""
    if not len(add) and not len(remove):
        return []
    with quiet_rdflib():
        found = validate_change(store, add=add, remove=remove, lang=lang)
    return [_from_shacl(problem, lang, locator) for problem in found if not _already_said(problem, said)]


def _already_said(problem: Problem, said: set[tuple[str, str]]) -> bool:
    return any(problem.focus == focus and (prop == "*" or problem.field.endswith(f"({prop})")) for focus, prop in said)


def _from_shacl(problem: Problem, lang: str, locator: Locator | None) -> ImportProblem:
    entity = " ".join(part for part in (problem.kind, quote(problem.label, lang) if problem.label else "") if part)
    entity = f"{entity} <{problem.focus}>".strip()
    place = locator.where(problem.focus, subject=True) if locator else None
    location = f"{t('import.at_line', lang, line=place[0])}, {entity}" if place else entity
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return ImportProblem(location, message, place[0] if place else None, None, problem.focus)
