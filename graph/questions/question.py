"""One named question: a `.rq` file whose header comments state the question (English and Norwegian), its
parameters, its columns and sort order, read into a Question.

The header lines (`# Key: value`, anywhere in the file; HEADER lists the keys):
- `Question:` and `Spørsmål:` the question in English and bokmål;
- `Param: name (kind[, optional][, default VALUE]) — help`, with `Param-nb: name — help` in bokmål;
- `Columns:` the variables shown, in order (else every SELECT variable); `Sort:` those the rows sort by
  first (else the columns); `Lists:` those holding "; "-separated lists, whose items are sorted;
- `Column-if-absent: param — column`: the column, not among `Columns:`, shown first (and sorted by first)
  when the optional parameter is left out, saying whose each row is; asked with it, the column would only
  repeat the value given (`collaborators`: the actor's name when no actor is asked for);
- `Computed-by:` the Python analysis that answers it (graph.answers), `Defaults:` the filler of values
  left out (graph.questions.defaults); `Uses:` is read and kept, for a note.

>>> q = parse_text("members", "# Question: Who?\\n# Param: network (network) — the network\\nSELECT ?x {}")
>>> q.question_en, [(p.name, p.kind, p.optional) for p in q.params]
('Who?', [('network', 'network', False)])
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from graph.i18n import TEXT
from graph.questions.defaults import FILLERS

PARAM_KINDS = ("actor", "network", "document", "year", "int")


@dataclass
class Param:
    """A parameter of a question: its name, what kind of value it takes, and whether it may be left out."""

    name: str
    kind: str
    optional: bool = False
    default: str | None = None
    help: str = ""
    help_nb: str = ""  # from the header's `# Param-nb: name — …` line

    def help_in(self, lang: str) -> str:
        """What the parameter is, in `lang` (bokmål from its `Param-nb` line; English otherwise)."""
        return self.help_nb or self.help if lang == "nb" else self.help


@dataclass
class Question:
    """A named question: its text, its description in both languages and its parameters.

    `computed_by` names the Python analysis that answers it (registered in graph.answers) when SPARQL
    cannot; `defaults` names the filler (graph.questions.defaults) that supplies parameters left out.
    """

    name: str
    path: Path
    question_en: str
    question_nb: str
    params: list[Param] = field(default_factory=list)
    columns: list[str] | None = None
    sort: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    if_absent: dict[str, str] = field(default_factory=dict)  # `Column-if-absent:` parameter -> column
    computed_by: str | None = None
    uses: str | None = None
    defaults: str | None = None
    sparql: str = ""
    variants: dict[str, str] = field(default_factory=dict)

    def text_for(self, dialect: str) -> str:
        """The SPARQL text to send to a store of `dialect`: the question's own variant for that engine
        (`rq/<dialect>/<name>.rq`, written for how the engine plans it, proved to give the same rows by
        tests/questions/test_variants.py), else the portable text."""
        return self.variants.get(dialect, self.sparql)

    def description(self, lang: str = "en") -> str:
        """The question in `lang`: its header's text in nb and en, a further language's catalogue entry
        `rq.<name>` (graph.i18n), else English."""
        if lang == "nb":
            return self.question_nb
        return TEXT.get(lang, {}).get(f"rq.{self.name}") or self.question_en

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def asked_with(self, bound: Collection[str]) -> Question:
        """The question as asked with the parameters named in `bound`: the `Column-if-absent` column of
        each parameter left out shown first, and the rows sorted by it first.

        >>> q = parse_text("c", "# Param: actor (actor, optional)\\n# Columns: who\\n# Column-if-absent: actor — name")
        >>> q.asked_with(["actor"]).columns, q.asked_with([]).columns, q.asked_with([]).sort
        (['who'], ['name', 'who'], [])
        """
        first = [column for param, column in self.if_absent.items() if param not in bound]
        if not first or self.columns is None:
            return self
        sort = [*first, *self.sort] if self.sort else []  # (no Sort: by the columns, the new ones first)
        return dataclasses.replace(self, columns=[*first, *self.columns], sort=sort)


HEADER = re.compile(r"^#\s*(Question|Spørsmål|Param|Param-nb|Columns|Column-if-absent|Sort|Lists|Computed-by|Uses|"
                    r"Defaults):\s*(.*)$")
PARAM_LINE = re.compile(r"^(\w+)\s*\(([^)]*)\)\s*(?:—|-)?\s*(.*)$")
PARAM_NB_LINE = re.compile(r"^(\w+)\s*(?:—|-)\s*(.+)$")
IF_ABSENT_LINE = re.compile(r"^(\w+)\s*(?:—|-)\s*(\w+)$")


VARIANT_DIALECTS = ("oxigraph",)


def parse_question(path: Path) -> Question:
    """Read a `.rq` file's header comments into a Question, with its engine variants beside it."""
    q = parse_text(path.stem, path.read_text(encoding="utf-8"), path)
    for dialect in VARIANT_DIALECTS:
        variant = path.parent / dialect / path.name
        if variant.is_file():
            q.variants[dialect] = variant.read_text(encoding="utf-8")
    return q


def parse_text(name: str, text: str, path: Path | None = None) -> Question:
    """A Question from the text of a `.rq` file."""
    where = path or Path(f"{name}.rq")
    q = Question(name=name, path=where, question_en="", question_nb="", sparql=text)
    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            _read_header(q, m.group(1), m.group(2).strip(), where)
    return q


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parse_param(value: str, path: Path) -> Param:
    m = PARAM_LINE.match(value)
    if not m:
        raise ValueError(f"{path.name}: cannot read parameter line {value!r}")
    name, spec, help_text = m.groups()
    parts = [s.strip() for s in spec.split(",")]
    kind = parts[0]
    if kind not in PARAM_KINDS:
        raise ValueError(f"{path.name}: parameter {name} has unknown kind {kind!r}")
    p = Param(name=name, kind=kind, help=help_text.strip())
    for part in parts[1:]:
        if part == "optional":
            p.optional = True
        elif part.startswith("default "):
            p.default = part.removeprefix("default ").strip()
            p.optional = True
    return p


def _read_header(q: Question, key: str, value: str, path: Path) -> None:
    if key == "Question":
        q.question_en = value
    elif key == "Spørsmål":
        q.question_nb = value
    elif key == "Param":
        q.params.append(_parse_param(value, path))
    elif key == "Param-nb":
        m = PARAM_NB_LINE.match(value)
        p = q.param(m.group(1)) if m else None
        if m is None or p is None:
            raise ValueError(f"{path.name}: `Param-nb: {value}` must name a parameter of a `Param:` line above it, "
                             "then — and its help in bokmål")
        p.help_nb = m.group(2).strip()
    elif key == "Columns":
        q.columns = _names(value)
    elif key == "Column-if-absent":
        m = IF_ABSENT_LINE.match(value)
        p = q.param(m.group(1)) if m else None
        if m is None or p is None or not p.optional:
            raise ValueError(f"{path.name}: `Column-if-absent: {value}` must name an optional parameter of a "
                             "`Param:` line above it, then — and a column")
        q.if_absent[p.name] = m.group(2)
    elif key == "Sort":
        q.sort = _names(value)
    elif key == "Lists":
        q.lists = _names(value)
    elif key == "Computed-by":
        q.computed_by = value
    elif key == "Uses":
        q.uses = value
    elif key == "Defaults":
        if value not in FILLERS:
            raise ValueError(f"{path.name}: unknown Defaults {value!r}; known: {', '.join(sorted(FILLERS))}")
        q.defaults = value
