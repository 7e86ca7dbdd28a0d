"""Errors meant for people: each carries one clear line saying what is wrong and how to fix it."""


class IkgError(Exception):
    """An error the user can act on; the CLI prints its message and exits 1, the app shows it."""


class InputError(IkgError):
    """A file or value given by the user is malformed (bad Turtle, wrong date, unknown name)."""


class StoreError(IkgError):
    """The store cannot be opened or reached, or refuses the operation."""
