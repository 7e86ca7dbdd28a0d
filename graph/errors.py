"""Errors meant for people: each carries a message key and its parameters, translated at the edge.

Code decides what happened by the error's class and `key`, never by reading its sentence. The
sentence is rendered in the language the raiser was asked for (`str(exc)`), and can be rendered again
in another language with `exc.text(lang)`.

>>> exc = InputError.of("query.stopped", "en", seconds=10)
>>> exc.key, exc.params["seconds"]
('query.stopped', 10)
>>> InputError("a plain sentence").key is None
True
"""

from __future__ import annotations

from typing import Any, Self


class IkgError(Exception):
    """An error the user can act on; the CLI prints its message and exits 1, the app shows it."""

    key: str | None = None
    params: dict[str, Any]

    def __init__(self, message: str = "", *, key: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params

    @classmethod
    def of(cls, key: str, lang: str = "en", **params: Any) -> Self:
        """An error whose message is the text of `key` in `lang` (graph/i18n), filled with `params`."""
        from graph.i18n import t  # i18n sits beside errors at the bottom layer and imports nothing of ours

        return cls(t(key, lang, **params), key=key, **params)

    def text(self, lang: str) -> str:
        """The message in `lang` (the original sentence when the error carries no key)."""
        if self.key is None:
            return str(self)
        from graph.i18n import t

        return t(self.key, lang, **self.params)


class InputError(IkgError):
    """A file or value given by the user is malformed (bad Turtle, wrong date, unknown name)."""


class StoreError(IkgError):
    """The store cannot be opened or reached, or refuses the operation."""
