"""Read-only checks for SPARQL typed by users (the CLI's `ikg query FILE.rq` and the app's console).

Only SELECT, ASK, CONSTRUCT and DESCRIBE run; updates, LOAD, SERVICE, FROM and FROM NAMED are refused.

>>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> check_read_only("INSERT DATA { <a:b> <a:c> <a:d> }")
Traceback (most recent call last):
...
graph.errors.InputError: this is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here
"""

from __future__ import annotations

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from graph.errors import InputError
from graph.store.base import PREFIX_HEADER

QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def check_read_only(text: str) -> str:
    """Return the query form, or raise InputError saying why the text may not run."""
    full = PREFIX_HEADER + text
    try:
        tree = parseQuery(full)
    except ParseException as exc:
        try:
            parseUpdate(full)
        except ParseException:
            line = exc.lineno - PREFIX_HEADER.count("\n")
            raise InputError(f"the query could not be parsed (line {line}, column {exc.col}): {exc.msg}") from None
        raise InputError(
            "this is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here"
        ) from None
    except Exception as exc:  # rdflib raises e.g. on unknown prefixes
        raise InputError(f"the query could not be parsed: {exc}") from None
    if _contains(tree, "ServiceGraphPattern"):
        raise InputError("SERVICE is not allowed: queries run only on this graph, never on other servers")
    if _contains(tree, "DatasetClause"):
        raise InputError("FROM and FROM NAMED are not allowed: queries run only on this graph")
    form = tree[1].name
    return QUERY_FORMS.get(form, form)


def _contains(node, name: str) -> bool:
    if getattr(node, "name", None) == name:
        return True
    if isinstance(node, ParseResults | list | tuple):
        return any(_contains(child, name) for child in node)
    if hasattr(node, "values") and callable(node.values):
        return any(_contains(child, name) for child in node.values())
    return False
