"""The named questions: one `.rq` file per question in graph/questions/rq/, found by name (or a person's
own `.rq` file, by path).

>>> [q.name for q in list_questions()][:3]
['changes', 'collaborators', 'counts']
>>> get_question("twin-city")
Traceback (most recent call last):
...
graph.errors.InputError: no question called twin-city; did you mean twin-cities?
"""

from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path

from graph.errors import InputError
from graph.questions.question import Question, parse_question

QUERY_DIR = Path(str(resources.files("graph.questions").joinpath("rq")))  # package data, shipped in the wheel


def list_questions() -> list[Question]:
    """Every named question, sorted by name."""
    return [parse_question(p) for p in sorted(QUERY_DIR.glob("*.rq"))]


def get_question(name_or_file: str, lang: str = "en") -> Question:
    """A named question by name, or a `.rq` file given by path."""
    path = QUERY_DIR / f"{name_or_file}.rq"
    if path.exists():
        return parse_question(path)
    candidate = Path(name_or_file)
    if candidate.suffix == ".rq":
        if not candidate.exists():
            raise InputError.of("question.no_file", lang, path=candidate)
        return parse_question(candidate)
    names = [q.name for q in list_questions()]
    hint = difflib.get_close_matches(name_or_file, names, n=1)
    if hint:
        raise InputError.of("question.unknown_close", lang, name=name_or_file, close=hint[0])
    raise InputError.of("question.unknown", lang, name=name_or_file, names=", ".join(names))


def is_named(q: Question) -> bool:
    """True for a question shipped in rq/, False for a person's own file (which must be read-only)."""
    return q.path.parent == QUERY_DIR
