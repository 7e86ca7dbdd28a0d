"""Answer a SPARQL question: the user's text values turned into bound RDF terms (names resolved, years and
numbers checked), the question's own defaults filled in, the query run and its rows made a Table.

Questions answered by Python instead (`# Computed-by:`) are asked through graph.answers.ask, which sits
above the analyses that compute them.
"""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.i18n import languages, t
from graph.questions.console import check_query
from graph.questions.defaults import FILLERS
from graph.questions.kept import kept
from graph.questions.languages import label_bindings
from graph.questions.library import get_question, is_named
from graph.questions.names import resolve
from graph.questions.question import Param, Question
from graph.questions.table import Table, to_table
from graph.store.base import Store

NUMBER_FORMS = {"year": r"\d{4}", "int": r"\d+"}  # no question has a use for a number below 0
NUMBER_KEYS = {"year": "param.not_year", "int": "param.not_int"}


def bind_params(store: Store, q: Question, params: dict[str, str], lang: str) -> dict[str, Node]:
    """Turn the user's text values into RDF terms, checking names, years and numbers; then let the
    question fill in what it can work out itself (its `# Defaults:`)."""
    if lang not in languages():
        raise InputError.of("param.bad_lang", "en", value=lang, langs=", ".join(languages()))
    known = {p.name for p in q.params}
    for name in params:
        if name not in known:
            listing = ", ".join(sorted(known)) if known else t("param.none", lang)
            raise InputError.of("param.unknown", lang, question=q.name, name=name, known=listing)
    bindings: dict[str, Node] = label_bindings(store, lang)  # ?lang: the reader's, ?dlang: the data labels'
    for p in q.params:
        value = params.get(p.name, p.default)
        if value is None or value == "":
            if not p.optional:
                raise InputError.of("param.missing", lang, question=q.name, name=p.name, help=p.help_in(lang))
            continue
        bindings[p.name] = term(store, p, value, lang)
    if q.defaults:
        FILLERS[q.defaults](store, q.name, bindings, lang)
    return bindings


def term(store: Store, p: Param, value: str, lang: str = "en") -> Node:
    """One parameter's value as an RDF term: a checked integer, or the IRI a name stands for."""
    if p.kind in NUMBER_FORMS:
        if not re.fullmatch(NUMBER_FORMS[p.kind], value.strip()):
            raise InputError.of(NUMBER_KEYS[p.kind], lang, name=p.name, value=value)
        return Literal(int(value.strip()), datatype=XSD.integer)
    return resolve(store, p.kind, value, lang)


def run_sparql(store: Store, q: Question, params: dict[str, str] | None = None, lang: str = "en") -> Table:
    """Answer a SPARQL question; a person's own `.rq` file must be read-only."""
    if q.computed_by:
        raise ValueError(f"{q.name} is computed by {q.computed_by}, not by SPARQL: use graph.answers.ask")
    bindings = bind_params(store, q, dict(params or {}), lang)
    if not is_named(q):
        check_query(q.sparql, lang)
    shown = q.asked_with(bindings)  # its columns as asked: a `Column-if-absent` one for a parameter left out
    return kept(store, q, bindings, lang, lambda s: to_table(shown, s.select(q.text_for(s.dialect), bindings), lang))


def run(store: Store, name_or_file: str, params: dict[str, str] | None = None, lang: str = "en") -> Table:
    """Answer a named SPARQL question (or a `.rq` file) on a store: what the analyses below graph.answers
    use to read the graph."""
    return run_sparql(store, get_question(name_or_file, lang), params, lang)
