"""Ask a named question and get its Table: a SPARQL question (graph/questions/rq/*.rq) or one computed in
Python by the analysis layer, with its defaults; the one entry point of the command line and the app.

A question whose `.rq` file says `# Computed-by: NAME` is answered by COMPUTED[NAME], listed here (this
module sits above graph.analysis, so it may import it). Its parameters are read and checked from the
same header as any other question's.

>>> from graph.history.shipped import open_store
>>> store = open_store("memory")
>>> ask(store, "twin-cities").columns
['city', 'country', 'since', 'agreement', 'status', 'source']
>>> ask(store, "path", {"from": "Trondheim kommune", "to": "Trondheim kommune"}).columns
['steps', 'chain']
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable

from rdflib.term import Node

from graph.analysis.network import shortest_chains
from graph.analysis.ties import NETWORK_READ
from graph.errors import IkgError
from graph.questions.kept import kept
from graph.questions.library import get_question, list_questions
from graph.questions.names import home_actor
from graph.questions.question import Question
from graph.questions.running import bind_params, run_sparql
from graph.questions.table import Table
from graph.store.base import Store
from graph.store.derived import finding_out

# A computed question: (store, bound parameters, language) -> its table.
Compute = Callable[[Store, dict[str, Node], str], Table]

COMPUTED: dict[str, Compute] = {
    "shortest_chains": shortest_chains,
}
# The query texts each reads (graph.questions.reads), so that a change touching none of them carries its
# kept answers over unbuilt: `path` reads the ties, the kinds and the names, not a network's status.
COMPUTED_READS: dict[str, tuple[str, ...]] = {
    "shortest_chains": NETWORK_READ,
}


def ask(store: Store, name: str, params: dict[str, str] | None = None, lang: str = "en") -> Table:
    """Answer the question called `name` (or a person's own read-only `.rq` file) on a store, with the
    user's text values as parameters (names, years, numbers) in `lang` (nb or en)."""
    return answer(store, get_question(name, lang), params, lang)


def answer(store: Store, q: Question, params: dict[str, str] | None = None, lang: str = "en") -> Table:
    """Answer a question already read: computed by its registered analysis, or by SPARQL."""
    if q.computed_by is None:
        return run_sparql(store, q, params, lang)
    compute = COMPUTED.get(q.computed_by)
    if compute is None:  # a header naming no registered analysis: a mistake in the .rq file
        raise LookupError(f"{q.name}.rq says Computed-by: {q.computed_by}, which graph.answers does not list")
    bindings = bind_params(store, q, dict(params or {}), lang)
    return kept(store, q, bindings, lang, lambda s: compute(s, bindings, lang), COMPUTED_READS[q.computed_by])


def first_asks(store: Store, langs: Iterable[str]) -> list[Callable[[], None]]:
    """What a person meets first, one call per answer to keep: every named
    question that needs no value, a question about one actor asked for the home actor (as the
    Collaborators page opens; left out, it would cover every actor), each with its defaults, in each
    language, so its answer is kept beside the store's folder (graph.questions.kept) for the first person
    to ask it. A question the data cannot answer (no home actor, say) is passed over. What `ikg load` does
    after a bulk load and the app at its start (graph.render.ready)."""
    home = home_actor(store) or ""  # the one the Collaborators page opens on (a graph of several cities has several)
    langs = tuple(langs)
    out: list[Callable[[], None]] = []
    for q in list_questions():
        params = {p.name: home for p in q.params if p.kind == "actor"}
        if any(not p.optional for p in q.params) or "" in params.values():
            continue
        out += [functools.partial(_ask_ahead, store, q.name, params, lang) for lang in langs]
    return out


def _ask_ahead(store: Store, name: str, params: dict[str, str], lang: str) -> None:
    with finding_out(), contextlib.suppress(IkgError):  # what it reads, too: kept in its file
        answer(store, get_question(name, lang), params, lang)
