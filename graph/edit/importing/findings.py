"""What the checks on an RDF file found: the problems (placed in the file), the warnings, and the
fields already reported, so the shapes' message on the same field is not repeated."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.edit.importing.locator import Locator
from graph.edit.importing.naming import Kinds
from graph.edit.importing.problems import ImportProblem
from graph.i18n import t
from graph.store.base import Store


@dataclass
class Findings:
    """One run of the checks: the store and language they check against, and what they found."""

    store: Store
    lang: str
    locator: Locator
    names: Kinds
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # (entity IRI, field or "*") already reported here; the shapes' problems on them are left out
    said: set[tuple[str, str]] = field(default_factory=set)

    def problem(self, term: object, message: str, entity: object = None, *, subject: bool = False) -> None:
        """A problem with a term, placed where the term first occurs in the file (as a subject, if asked)."""
        place = self.locator.where(term, subject=subject) if term is not None else None
        if place:
            line, column = place
            location = t("import.at_line_col", self.lang, line=line, col=column)
            self.problems.append(ImportProblem(location, message, line, column, str(entity or term)))
        else:
            self.problems.append(ImportProblem(str(entity or term or ""), message, entity=str(entity or term or "")))

    def warn(self, message: str) -> None:
        self.warnings.append(message)
