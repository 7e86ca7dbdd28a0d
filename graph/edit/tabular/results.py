"""What a spreadsheet import gives back: the `TablePatch` it would add, or `TableErrors` listing every
problem as (row, column, message).

>>> format_problem((2, "Network", "x"), "en"), format_problem((3, "", "Whole row."), "en")
('Row 2, column Network: x', 'Row 3: Whole row.')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from graph.edit.kinds import kind_spec
from graph.edit.lookup import class_label
from graph.errors import InputError
from graph.i18n import t
from graph.vocab.namespaces import IKG

Problem = tuple[int | None, str, str]  # (row, column, message); row None is the file as a whole


class TableErrors(InputError):  # noqa: N818 - the name the callers know
    """Every problem of a spreadsheet, as (row, column, message); row None is the file as a whole.

    Rows are numbered as the spreadsheet shows them (the header is row 1); the column is its header
    text, with its letter in a workbook ("Network (C)"); "" when the problem is the whole row.
    """

    def __init__(self, problems: list[Problem], lang: str = "en") -> None:
        self.problems = list(problems)
        super().__init__("\n".join(format_problem(p, lang) for p in self.problems))


def format_problem(problem: Problem, lang: str = "en") -> str:
    """One problem as a line: 'Row 3, column Network (C): …'."""
    row, column, message = problem
    if row is None:
        return message
    if column:
        return t("tabular.problem.cell", lang, row=row, column=column, message=message)
    return t("tabular.problem.row", lang, row=row, message=message)


def refusal(key: str, lang: str, row: int | None = None, **params: object) -> TableErrors:
    """TableErrors with one problem of the whole file (or of one row), from a message key."""
    return TableErrors([(row, "", t(key, lang, **params))], lang)


@dataclass
class TablePatch:
    """What an import would add: the triples, the rows read and the new things per kind."""

    kind: str
    name: str
    add: Graph
    remove: Graph
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    items: list[tuple[int, str, str]] = field(default_factory=list)  # (row, IRI, label) of each new thing
    examples: list[int] = field(default_factory=list)  # rows that still cite the template's example source
    stale: list[tuple[int, str, str]] = field(default_factory=list)  # (row, status, end year): active, yet ended
    encoding: str = ""  # a CSV's, when it was not UTF-8 (graph.edit.tabular.reader.csv_text)

    @property
    def summary(self) -> dict[str, object]:
        return {"kind": self.kind, "rows": self.rows, "new": dict(self.counts)}

    def preview(self, lang: str = "en") -> str:
        """One sentence: how many rows were read and how many things of each kind are new."""
        things = ", ".join(t("tabular.count", lang, n=n, kind=kind_spec(k).label(lang))
                           for k, n in self.counts.items()) or t("tabular.preview.none", lang)
        key = "tabular.preview.one" if self.rows == 1 else "tabular.preview"
        return t(key, lang, rows=self.rows, name=self.name, things=things)

    def warnings(self, lang: str = "en") -> list[str]:
        """What the file should be looked at for before it is imported: its letters, when it was not UTF-8; the
        template's example rows; things said to be active or planned whose end year is past."""
        out = [t("tabular.warn.encoding", lang, encoding=self.encoding)] if self.encoding else []
        if self.examples:
            rows = ", ".join(str(n) for n in self.examples)
            out.append(t("tabular.warn.example_row" if len(self.examples) == 1 else "tabular.warn.example_rows",
                         lang, rows=rows, url=EXAMPLE_URL))
        out += [t("tabular.warn.stale", lang, row=row, status=class_label(URIRef(status), lang), end=end,
                  ended=class_label(IKG.Ended, lang)) for row, status, end in self.stale]
        return out


EXAMPLE_URL = "https://www.example.org/"  # the source of a template's example row: never a real one (RFC 2606)
