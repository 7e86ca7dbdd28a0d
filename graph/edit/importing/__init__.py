"""Import a file into the graph, all or nothing: `ikg import FILE` and the app's upload page.

`prepare` takes a file's name and bytes through the gate (graph.edit.uploads), the checked parser
(graph.rdf.parsing) and every check, and computes what would change, **without writing**. Any problem
refuses the whole file: `ImportErrors` lists every problem found (not just the first), each with where
it is (a line and column, or the entity) and how to fix it, in the user's language. `apply` then writes
the previewed change through `graph.history.changes.commit` (one transaction, recorded with action
"import", undoable), after making sure the store has not changed in between.

The checks on RDF files (Turtle, N-Triples, JSON-LD), one module each:

- checks: the syntax, and literals that do not fit their datatype ("2019-02-31"^^xsd:date);
- vocabulary: nothing is fetched (`owl:imports` refused, never followed; remote JSON-LD contexts are
  refused by the parser); a file holds data only: no statements about the vocabulary's own terms
  (ikg:, SKOS, ORG …), no misspelt ikg: terms, no change-history records, no relative IRIs without a base;
- identity: no clashing identifiers: an IRI already in the graph keeps its type and its labels;
- links: every network, member, target area … that the file points at exists in the file or the graph;
- shapes: the SHACL shapes (ontology/shapes.ttl), on the change's neighbourhood.

Where a problem is comes from `locator`, what it is from `problems`; `entities` holds the Preview.
Re-importing a file changes nothing: blank nodes get IRIs from their content (graph.rdf.skolem.skolemise),
so the same file gives the same triples. CSV and XLSX tables are read by graph.edit.tabular.patch_from_table
and then go through the same SHACL check and the same `apply`.
"""

from graph.edit.importing.entities import Entity, Preview
from graph.edit.importing.pipeline import ImportResult, apply, check_files, import_file, prepare
from graph.edit.importing.problems import ImportErrors, ImportProblem

__all__ = ["Entity", "ImportErrors", "ImportProblem", "ImportResult", "Preview", "apply", "check_files", "import_file",
           "prepare"]
