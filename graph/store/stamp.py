"""The stamp of a store folder and its write log (graph.store.derived keeps answers at a stamp).

A store folder `X` has a stamp, `X.stamp`: a random token, replaced by every write. Before a write it
is marked as being written (`writing <token>`); after it, a new token. Each write also notes, in
`X.writes`, the stamp before it, the stamp after it and what it touched (`touched`: the predicates of
the triples it added or removed, and the classes of typing ones; `described`: the predicates touched
of things of each kind; unknown for a load, a clear or a failed write), so an answer can be
carried over a write that touched nothing it reads (`hits`).
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from graph.errors import StoreError
from graph.store.locking import replace_file

WRITING = "writing "
WRITES_BYTES = 256 * 2**10  # X.writes is cut to its last WRITES_KEPT writes when it grows past this
WRITES_KEPT = 200
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"  # a typing triple's predicate (touched)
ANY_CLASS = "a *"  # what a question reads that reads things of any class (hits)
NOT = "not "  # before a class's token: a question reading any class leaves that one out (hits)
OF = " of "  # `<p> of a <class>`, `<p> of ^<q>`, `<p> of <q>`: `p` of things of a kind only (described, hits)
KINDS = "|"  # between the kinds of one write's things (no IRI holds it)
ANY_KIND = "*"  # the kind of things a write did not look at (too many, blank nodes): of any kind


def sidecar(folder: Path, suffix: str) -> Path:
    """The file `suffix` beside the store folder."""
    return folder.with_name(folder.name + suffix)


class Stamp:
    """The token in `X.stamp`, replaced whole on every change (a reader sees the old or the new one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = sidecar(self.folder, ".stamp")
        self._parsed: tuple[tuple[int, int], dict[str, tuple[list[str] | None, str]]] | None = None

    def read(self) -> str | None:
        """The token; None when the store is being written, was cut off while written, or has none."""
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return text if re.fullmatch(r"[0-9a-f]{32}", text) else None

    def writing(self) -> None:
        self._put(WRITING + uuid.uuid4().hex)

    def written(self, before: str | None = None, touched: Collection[str] | None = None) -> None:
        """A new token; with the one `before` the write, the write noted in X.writes (touched None: unknown)."""
        after = uuid.uuid4().hex
        self._put(after)
        if before is not None:
            self._note(before, after, touched)

    @property
    def log(self) -> Path:
        return sidecar(self.folder, ".writes")

    def _note(self, before: str, after: str, touched: Collection[str] | None) -> None:
        line = json.dumps({"from": before, "to": after, "touched": None if touched is None else sorted(touched)})
        with self.log.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
        if self.log.stat().st_size > WRITES_BYTES:
            lines = self.log.read_text(encoding="utf-8").splitlines(keepends=True)[-WRITES_KEPT:]
            while len(lines) > 1 and sum(map(len, lines)) > WRITES_BYTES // 2:
                lines = lines[len(lines) // 4 or 1 :]
            replace_file(self.log, "".join(lines))

    def _writes(self) -> dict[str, tuple[list[str] | None, str]]:
        """The noted writes, stamp before -> (what it touched, stamp after); read again only when the
        log's size or time changed (a round carries over many answers against one log)."""
        try:
            st = self.log.stat()
        except OSError:
            return {}
        if self._parsed is not None and self._parsed[0] == (st.st_mtime_ns, st.st_size):
            return self._parsed[1]
        steps: dict[str, tuple[list[str] | None, str]] = {}
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            for line in self.log.read_text(encoding="utf-8").splitlines():
                write = json.loads(line)
                steps[write["from"]] = (write["touched"], write["to"])
        self._parsed = ((st.st_mtime_ns, st.st_size), steps)
        return steps

    def untouched_since(self, since: str, now: str, reads: frozenset[str]) -> bool:
        """True when every write from stamp `since` to stamp `now` is noted and touched none of `reads`."""
        steps = self._writes()
        at, seen = since, set()
        while at != now:
            if at not in steps or at in seen:
                return False
            seen.add(at)
            touched, at = steps[at]
            if touched is None or hits(reads, touched):
                return False
        return True

    def _put(self, text: str) -> None:
        replace_file(self.path, text + "\n")


def touched(triples: Iterable[tuple]) -> set[str]:
    """What a write of `triples` touches: each predicate, and `a` with the class of a typing triple (a
    question reads typing triples by class, graph.questions.reads; rdf:type itself is noted for the
    program before this one, which read them by predicate, sharing the folder).

    >>> from rdflib import RDF, Literal, URIRef
    >>> sorted(touched([(URIRef("x:s"), RDF.type, URIRef("x:C")), (URIRef("x:s"), URIRef("x:p"), Literal(1))]))
    ['a x:C', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'x:p']
    """
    out: set[str] = set()
    for _, p, o in triples:
        out.add(str(p))
        if str(p) == TYPE:
            out.add(f"a {o}")
    return out


def described(triples: Iterable[tuple], about: Callable[[object], Iterable[str]]) -> set[str]:
    """What a write of `triples` touches of things of a kind: for each kind of subject, the predicates
    touched of it (`<p> <p2> of <kind>|<kind>`, or `<p> of ` for subjects of no kind). A kind is what
    `about(subject)` says the subject is, before or after the write: `a <class>`, `^<q>` (the object of
    a `q`), `<q>` (the subject of a `q`). A question whose pattern reads `p` of things of one kind only
    (`<p> of <kind>`) is touched by a write of `p` of that kind; by every write of `p` that does not say.

    >>> sorted(described([("x:s", "x:p", 1), ("x:s", "x:q", 2), ("x:t", "x:p", 3)],
    ...                  lambda s: ["a x:C", "^x:r"] if s == "x:s" else []))
    ['x:p of ', 'x:p x:q of ^x:r|a x:C']
    """
    groups: dict[frozenset[str], set[str]] = {}
    for s, p, _ in triples:
        if str(p) != TYPE:
            groups.setdefault(frozenset(about(s)), set()).add(str(p))
    return {" ".join(sorted(ps)) + OF + KINDS.join(sorted(kinds)) for kinds, ps in groups.items()}


def hits(reads: Collection[str], touched: Iterable[str]) -> bool:
    """Whether a write that touched `touched` can alter what a question that `reads` these tokens
    (graph.questions.reads) answers: a token both name; a class where the question reads things of any
    class (ANY_CLASS) and has not shown that class to be left out (`not a <class>`); a predicate the
    question reads of things of one kind (`<p> of <k>`) where the write does not say of what kinds it
    touched it (a load, a program before this one).

    >>> hits({"x:p", ANY_CLASS, "not a x:Change"}, ["a x:Change", "x:q"]), hits({ANY_CLASS}, ["a x:Change"])
    (False, True)
    >>> hits({"x:p"}, ["x:p"]), hits({"a x:C", ANY_CLASS, "not a x:C"}, ["a x:C"])
    (True, True)
    >>> hits({"x:p of a x:C"}, ["x:p", "x:p x:q of a x:D|^x:r"]), hits({"x:p of a x:C"}, ["x:p"])
    (False, True)
    >>> hits({"x:p of ^x:r"}, ["x:p", "x:p x:q of a x:D|^x:r"]), hits({"x:p of ^x:r"}, ["x:p", "x:p of *"])
    (True, True)
    """
    touched = set(touched)
    if any(t in reads or (t.startswith("a ") and ANY_CLASS in reads and NOT + t not in reads) for t in touched):
        return True
    of_kinds = [r.split(OF, 1) for r in reads if OF in r]
    if not of_kinds:
        return False
    groups = [(set(ps.split(" ")), set(kinds.split(KINDS))) for ps, kinds in
              (t.split(OF, 1) for t in touched if OF in t)]
    said = set().union(*(ps for ps, _ in groups))
    return any(p in touched and (p not in said or any(p in ps and (k in kinds or ANY_KIND in kinds)
                                                      for ps, kinds in groups))
               for p, k in of_kinds)


@contextlib.contextmanager
def stamped(stamp: Stamp | None, depth: list[int], touched: Callable[[], Collection[str] | None] = lambda: None
            ) -> Iterator[None]:
    """Around a write: the stamp marked as being written, and a new one once it ends (also on a failure:
    whatever happened, answers saved before it are not used), the write noted with what `touched()` says
    it touched (unknown after a failure). A write inside a write stamps once."""
    outer = stamp is not None and depth[0] == 0
    before = stamp.read() if outer else None  # type: ignore[union-attr]
    if outer:
        try:
            stamp.writing()  # type: ignore[union-attr]
        except OSError as exc:  # before anything is written: the write is refused, the store unchanged
            raise StoreError.of("store.stamp_unwritable", "en", path=stamp.path, error=exc.strerror or exc) from None  # type: ignore[union-attr]
    depth[0] += 1
    failed = True
    try:
        yield
        failed = False
    finally:
        depth[0] -= 1
        if outer:
            with contextlib.suppress(OSError):  # it then still says `writing`: nothing kept is used
                stamp.written(before, None if failed else touched())  # type: ignore[union-attr]
