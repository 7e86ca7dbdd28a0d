"""The named questions' API in one import: the .rq catalogue, names, parameters, tables, running.

Each part is defined in its own module: the .rq header format in graph.questions.question, the set of
questions in graph.questions.library, names in graph.questions.names, the Table in
graph.questions.table, running a SPARQL question in graph.questions.running. Asking any question
(SPARQL or computed, e.g. `path`) is graph.answers.ask; `run` here answers SPARQL questions only.
"""

from __future__ import annotations

from graph.questions.library import QUERY_DIR, get_question, list_questions  # noqa: F401 - the public API
from graph.questions.names import (  # noqa: F401 - the public API
    MAX_NAME,
    actor_choices,
    home_actor,
    labels_of,
    names_of,
    resolve,
    valid_iri,
)
from graph.questions.question import PARAM_KINDS, Param, Question, parse_question  # noqa: F401 - the public API
from graph.questions.running import bind_params, run  # noqa: F401 - the public API
from graph.questions.table import WORDS, Table, display, to_table  # noqa: F401 - the public API
