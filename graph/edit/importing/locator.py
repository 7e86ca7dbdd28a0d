"""Where a term is in the file's text (line and column), found in one pass over Turtle, N-Triples or
JSON-LD; and the base that marks the IRIs a file left relative.

>>> Locator('@prefix ex: <https://example.org/> .\\nex:a ex:b "c" .\\n', "turtle").where("https://example.org/b")
(2, 6)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from urllib.parse import urljoin

RELATIVE_BASE = "https://relative.invalid/"  # never resolves; marks IRIs the file left relative

_TURTLE_TOKENS = re.compile(
    r'(?P<long>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')'
    r'|(?P<string>"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<base>(?:@base|(?<![\w:])BASE)\s+<(?P<base_iri>[^>\s]*)>)"
    r"|<(?P<iri>[^>\s]*)>"
    r"|(?<![\w.:-])(?P<prefix>[A-Za-z][\w.-]*)?:(?P<local>(?:[\w-]|\.(?=[\w-]))*)",
    re.IGNORECASE,
)
_PREFIX_DECL = re.compile(r"(?:@prefix|(?<![\w:])PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


class Locator:
    """Where each IRI first occurs in the file: one pass over the text, so a thousand problems cost one."""

    def __init__(self, text: str, file_type: str) -> None:
        self.text, self.json = text, file_type == "json-ld"
        self.first: dict[str, int] = {}
        self.first_subject: dict[str, int] = {}  # where a statement about it starts
        if self.json:
            self._scan_json()
        else:
            self._scan_turtle()

    def where(self, iri: object, *, subject: bool = False) -> tuple[int, int] | None:
        """Line and column where an IRI first occurs (as the subject of a statement, if asked and found)."""
        index = self.first_subject.get(str(iri)) if subject else None
        if index is None:
            index = self.first.get(str(iri))
        if index is None:
            return None
        line = self.text.count("\n", 0, index) + 1
        return line, index - (self.text.rfind("\n", 0, index) + 1) + 1

    def _note(self, iri: str, index: int) -> None:
        self.first.setdefault(iri, index)
        if iri not in self.first_subject and self._starts_statement(index):
            self.first_subject[iri] = index

    def _starts_statement(self, index: int) -> bool:
        before = self.text[max(0, index - 2000) : index]
        if self.json:
            return bool(re.search(r'"@id"\s*:\s*$', before))
        # Skip blank lines and comment lines; a subject follows the '.' that ends the previous statement.
        lines = [line for line in before.split("\n") if line.strip() and not line.lstrip().startswith("#")]
        last = lines[-1].rstrip() if lines else ""
        return not last or last.endswith((".", "{", "}"))

    def _scan_turtle(self) -> None:
        prefixes = {(p or ""): ns for p, ns in _PREFIX_DECL.findall(self.text)}
        base = RELATIVE_BASE
        for match in _TURTLE_TOKENS.finditer(self.text):
            if match.group("base_iri") is not None:
                base = resolve(base, match.group("base_iri"))
            elif match.group("iri") is not None:
                self._note(resolve(base, match.group("iri")), match.start())
            elif match.group("local") is not None and (match.group("prefix") or "") in prefixes:
                self._note(resolve(base, prefixes[match.group("prefix") or ""]) + match.group("local"), match.start())

    def _scan_json(self) -> None:
        try:
            terms = dict(_json_terms(json.loads(self.text)))
        except (ValueError, RecursionError):
            terms = {}
        for match in _JSON_STRING.finditer(self.text):
            try:
                value = json.loads(match.group(0))
            except ValueError:
                continue
            for iri in _json_iris(value, terms):
                self._note(iri, match.start())


def resolve(base: str, reference: str) -> str:
    """An IRI reference made absolute (urljoin alone would drop the '#' that ends a namespace).

    >>> resolve("https://example.org/a/", "b"), resolve("https://example.org/", "https://w3id.org/ikg/ontology#")
    ('https://example.org/a/b', 'https://w3id.org/ikg/ontology#')
    """
    return reference if re.match(r"[A-Za-z][\w+.-]*:", reference) else urljoin(base, reference)


def _json_terms(node: object) -> Iterable[tuple[str, str]]:
    """(term, IRI) for every term a JSON-LD document's inline contexts define."""
    if isinstance(node, list):
        for item in node:
            yield from _json_terms(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                for context in value if isinstance(value, list) else [value]:
                    if isinstance(context, dict):
                        for term, definition in context.items():
                            target = definition.get("@id") if isinstance(definition, dict) else definition
                            if isinstance(target, str) and not term.startswith("@"):
                                yield term, target
            else:
                yield from _json_terms(value)


def _json_iris(value: object, terms: dict[str, str]) -> list[str]:
    if not isinstance(value, str):
        return []
    out = [value, resolve(RELATIVE_BASE, value)]
    if value in terms:
        out.append(terms[value])
    prefix, colon, local = value.partition(":")
    if colon and prefix in terms:
        out.append(terms[prefix] + local)
    return out
