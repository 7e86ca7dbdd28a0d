"""Every check on a parsed RDF file, in order: its values, the terms it uses (graph.edit.importing.vocabulary),
its identifiers (identity) and its links (links). Returns the file's triples with skolem IRIs for its blank
nodes, and what was found."""

from __future__ import annotations

from rdflib import Graph, Literal

from graph.edit.importing.findings import Findings
from graph.edit.importing.identity import identifiers, same_names
from graph.edit.importing.links import references
from graph.edit.importing.locator import Locator
from graph.edit.importing.lookup import owner
from graph.edit.importing.naming import Kinds, short
from graph.edit.importing.problems import ImportErrors, ImportProblem
from graph.edit.importing.ranges import ranges
from graph.edit.importing.vocabulary import change_records, foreign_terms, owl_imports, relative_iris, vocabulary_terms
from graph.i18n import t
from graph.rdf.parsing import literal_problems
from graph.rdf.skolem import skolemise
from graph.store.base import Store


def check_file(store: Store, graph: Graph, text: str, name: str, lang: str,
               locator: Locator) -> tuple[Graph, Findings]:
    """Run every check on a parsed file; the file's triples (skolemised) and the findings.

    Raises ImportErrors at once for a file without triples.
    """
    if not len(graph):
        raise ImportErrors(name, [ImportProblem("", t("import.no_triples", lang))], lang)
    found = Findings(store, lang, locator, Kinds(lang))
    bad = _literals(found, graph, text)
    relative_iris(found, graph)
    owl_imports(found, graph)
    vocabulary_terms(found, graph)
    foreign_terms(found, graph)
    change_records(found, graph)
    skolemised = skolemise(graph)
    if ranges(found, skolemised):  # a lone surrogate: no store can even be asked about it
        raise ImportErrors(name, found.problems, lang)
    for s, p, o in skolemised:  # the shapes would say the same about an ill-formed value, less clearly
        if isinstance(o, Literal) and str(o) in bad:
            found.said.add((str(owner(skolemised, s)), short(p)))
    identifiers(found, skolemised)
    references(found, skolemised)
    same_names(found, skolemised)
    return skolemised, found


def _literals(found: Findings, graph: Graph, text: str) -> set[str]:
    """Literals that do not fit their datatype ("2019-02-31"^^xsd:date); their texts."""
    bad = literal_problems(graph, text, found.lang)
    for problem in bad:
        location = t("import.at_line_col", found.lang, line=problem.line, col=problem.column) if problem.line else ""
        found.problems.append(ImportProblem(location, problem.message, problem.line or None, problem.column or None))
    return {problem.lexical for problem in bad}
