"""Where a command writes its file or folder: checked before anything is computed or written, so a wrong
path is one clear message in the user's language, never the operating system's English, and nothing is
made. A folder named for the output may be created; the folder it sits in must exist already.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> output_file(root / "a.nt", "en", example="a.nt") == root / "a.nt"
True
>>> try:
...     output_file(root / "missing" / "a.nt", "en", example="a.nt")
... except InputError as exc:
...     print(exc.key, exc.params["path"] == root / "missing")
output.no_folder True
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import InputError

NOT_ALLOWED = (errno.EACCES, errno.EPERM, errno.EROFS)


def output_file(path: str | os.PathLike[str], lang: str, *, example: str) -> Path:
    """`path` as a file to write: not a folder, in a folder that exists; else a clear InputError.
    `example` is a file name to suggest when `path` names a folder."""
    target = Path(path)
    if target.is_dir():
        raise InputError.of("output.is_folder", lang, path=target, example=target / example)
    _check_parent(target, lang)
    return target


def output_folder(path: str | os.PathLike[str], lang: str) -> Path:
    """`path` as a folder to write into: a folder, or nothing yet in a folder that exists; else a clear
    InputError. Nothing is created (see `make_folder`)."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise InputError.of("output.not_folder", lang, path=target)
    if not target.exists():
        _check_parent(target, lang)
    return target


def make_folder(path: str | os.PathLike[str], lang: str) -> Path:
    """`output_folder`, then the folder made when it is new (its parent is never made)."""
    target = output_folder(path, lang)
    with writing(target, lang):
        target.mkdir(exist_ok=True)
    return target


@contextmanager
def writing(path: str | os.PathLike[str], lang: str, *, example: str = "") -> Iterator[None]:
    """Turn an OSError raised while writing `path` into the clear message for it; other faults of the
    machine (a full disk) go on as they are, for the caller's fault explanation."""
    try:
        yield
    except OSError as exc:
        error = write_error(exc, Path(path), lang, example=example)
        if error is exc:
            raise
        raise error from None


def write_error(exc: OSError, path: Path, lang: str, *, example: str = "") -> OSError | InputError:
    """The InputError that says what is wrong with `path` for `exc`, or `exc` itself when the path is not
    the trouble."""
    if exc.errno in NOT_ALLOWED:
        return InputError.of("output.not_allowed", lang, path=path)
    if exc.errno == errno.EISDIR:
        return InputError.of("output.is_folder", lang, path=path, example=path / (example or "ikg-output"))
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return InputError.of("output.not_folder", lang, path=_first_file(path) or path)
    if exc.errno == errno.ENOENT:
        return InputError.of("output.no_folder", lang, path=path.parent)
    return exc


def _check_parent(target: Path, lang: str) -> None:
    folder = target.parent
    if folder.is_dir():
        return
    blocking = _first_file(folder)
    if blocking is not None:
        raise InputError.of("output.not_folder", lang, path=blocking)
    raise InputError.of("output.no_folder", lang, path=folder)


def _first_file(path: Path) -> Path | None:
    """The nearest of `path` and its parents that exists and is not a folder (a file standing where a
    folder is wanted), or None."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None
