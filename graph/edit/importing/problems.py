"""Why a file is refused: each problem with where it is (a line and column, or the entity) and what to
do, and `ImportErrors`, the refusal that lists them all in the user's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.errors import InputError
from graph.i18n import number, t
from graph.rdf.parsing import ParseError


@dataclass(frozen=True)
class ImportProblem:
    """One reason a file is refused: where (`location`: "line 3, column 5", or the entity) and what.

    >>> str(ImportProblem("line 3, column 5", "a date that does not exist"))
    'line 3, column 5: a date that does not exist'
    """

    location: str
    message: str
    line: int | None = None
    column: int | None = None
    entity: str | None = None  # the IRI concerned, when there is one

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def order(self) -> tuple[bool, int, int, str, str]:
        """Problems with a line first, by line and column; then the others by where and what."""
        return (self.line is None, self.line or 0, self.column or 0, self.location, self.message)


class ImportErrors(InputError):  # noqa: N818 - the name the upload page and tabular.TableErrors share
    """A refused import: `.problems` lists every problem; `str()` is the list people read.

    >>> print(ImportErrors("x.ttl", [ImportProblem("line 2", "b"), ImportProblem("line 1", "a", 1)]))
    x.ttl was not imported and nothing was changed; fix these 2 problems and try again:
    - line 1: a
    - line 2: b
    """

    def __init__(self, name: str, problems: Iterable[ImportProblem], lang: str = "en",
                 text: str | None = None) -> None:
        self.name, self.lang = name, lang
        self.problems = sorted(problems, key=ImportProblem.order)
        super().__init__(text if text is not None else _listing(name, self.problems, lang))


    def as_check(self) -> ImportErrors:
        """The same problems as `ikg validate` says them: the file was checked, not refused by an import (it said
        «was not imported» to a person who had not tried to import it). A one-line refusal stays as it is."""
        if str(self) != _listing(self.name, self.problems, self.lang):
            return self
        return ImportErrors(self.name, self.problems, self.lang,
                            text=_listing(self.name, self.problems, self.lang, "validate"))


def _listing(name: str, problems: list[ImportProblem], lang: str, what: str = "import") -> str:
    if len(problems) == 1:
        head = t(f"{what}.refused_one", lang, name=name)
    else:
        head = t(f"{what}.refused_many", lang, name=name, n=number(len(problems), lang))
    return "\n".join([head, *(f"- {problem}" for problem in problems)])


def refused(name: str, error: InputError, lang: str) -> ImportErrors:
    """A one-line refusal (the gate, a syntax error) as ImportErrors whose text is that line."""
    if isinstance(error, ParseError):
        location = ""
        if error.line is not None:
            location = (t("import.at_line_col", lang, line=error.line, col=error.column) if error.column
                        else t("import.at_line", lang, line=error.line))
        problem = ImportProblem(location, error.detail, error.line, error.column)
    else:
        problem = ImportProblem("", str(error))
    return ImportErrors(name, [problem], lang, text=str(error))
