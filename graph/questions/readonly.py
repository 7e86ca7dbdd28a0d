"""Read-only checks for SPARQL typed by users (the CLI's `ikg query FILE.rq` and the app's console).

Only SELECT, ASK, CONSTRUCT and DESCRIBE run; updates, LOAD, SERVICE, FROM and FROM NAMED are refused.

>>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> try:
...     check_read_only("INSERT DATA { <a:b> <a:c> <a:d> }", "nb")
... except QueryRefusedError as exc:
...     exc.key, str(exc)[:25]
('console.update', 'dette er en endring; bare')
"""

from __future__ import annotations

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from graph.errors import InputError
from graph.store.base import PREFIX_HEADER


class QueryRefusedError(InputError):
    """The query parses but may not run here: an update (or LOAD), SERVICE, FROM or FROM NAMED.
    Its key is the text people read (console.update, console.service, console.from)."""


class QueryUnreadableError(InputError):
    """The text is not a SPARQL query or update (keys readonly.unparsable_at, readonly.unparsable)."""


QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def check_read_only(text: str, lang: str = "en") -> str:
    """Return the query form, or raise QueryRefusedError / QueryUnreadableError saying why the text may
    not run, in `lang`."""
    full = PREFIX_HEADER + text
    try:
        tree = parseQuery(full)
    except ParseException as exc:
        try:
            update = parseUpdate(full)
        except ParseException:
            line = exc.lineno - PREFIX_HEADER.count("\n")
            raise QueryUnreadableError.of(
                "readonly.unparsable_at", lang, line=line, col=exc.col, detail=exc.msg
            ) from None
        if "request" not in update:  # nothing but prefixes and comments, which also read as an empty update
            raise QueryUnreadableError.of("readonly.no_query", lang) from None
        raise QueryRefusedError.of("console.update", lang) from None
    except Exception as exc:  # rdflib raises e.g. on unknown prefixes
        raise QueryUnreadableError.of("readonly.unparsable", lang, detail=str(exc)) from None
    if _contains(tree, "ServiceGraphPattern"):
        raise QueryRefusedError.of("console.service", lang)
    if _contains(tree, "DatasetClause"):
        raise QueryRefusedError.of("console.from", lang)
    form = str(tree[1].name)
    return QUERY_FORMS.get(form, form)


def _contains(node: object, name: str) -> bool:
    if getattr(node, "name", None) == name:
        return True
    if isinstance(node, ParseResults | list | tuple):
        return any(_contains(child, name) for child in node)
    if hasattr(node, "values") and callable(node.values):
        return any(_contains(child, name) for child in node.values())
    return False
