"""What an import would change, as people see it: the `Preview` of a prepared file (triples to add and
remove, the new and the changed entities by name and kind, warnings) and how its entities are found."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.edit.importing.lookup import LABELS, TYPES, by_subject, owner
from graph.edit.importing.naming import Kinds
from graph.i18n import number, t
from graph.render.view.changes_text import Line
from graph.store.base import Store
from graph.vocab.labels import local_name, pick_label, quote
from graph.vocab.namespaces import IKG, ORG


@dataclass(frozen=True)
class Entity:
    """A thing an import adds or changes, named as people see it.

    >>> entity_text(Entity("https://w3id.org/ikg/trondheim/x", "Port Cities", "Network"), "nb")
    '«Port Cities» <https://w3id.org/ikg/trondheim/x>'
    """

    iri: str
    label: str
    kind: str  # the class label in the user's language, e.g. "Network" / "Nettverk"


SHOWN_VALUES = 100  # the CLI's preview lists this many values; the app's table lists them all


@dataclass
class Preview:
    """What importing a file would do; nothing is written until `apply`.

    `add` and `remove` hold only triples that change the graph (what is already there is not
    counted); `new` are entities the graph does not have yet, `changed` entities that it has and
    that gain or lose statements.
    """

    name: str
    file_type: str  # "turtle", "json-ld", "nt", "csv" or "xlsx"
    lang: str
    add: Graph
    remove: Graph
    new: list[Entity]
    changed: list[Entity]
    warnings: list[str] = field(default_factory=list)
    values: list[Line] = field(default_factory=list)  # what each thing gets, as people read it
    values_told: bool = True  # False: too big a change to list its values (the counts still say it)
    summary: str = ""  # the table reader's own summary (CSV/XLSX)
    kind: str | None = None  # what the table holds (CSV/XLSX), as given to prepare
    generation: int = 0
    store_id: int = 0
    data: bytes = b""
    max_bytes: int | None = None

    @property
    def added_count(self) -> int:
        return len(self.add)

    @property
    def removed_count(self) -> int:
        return len(self.remove)

    @property
    def is_empty(self) -> bool:
        return not len(self.add) and not len(self.remove)

    def new_by_kind(self) -> dict[str, list[Entity]]:
        """The new entities grouped by kind (kinds and entities sorted by name)."""
        groups: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.new:
            groups[entity.kind].append(entity)
        return dict(sorted(groups.items()))

    def lines(self, lang: str | None = None) -> list[str]:
        """The preview as lines of text (for the CLI; the page shows the same parts as tables)."""
        lang = lang or self.lang
        out = [t("import.preview.title", lang, name=self.name)]
        if self.is_empty:
            out.append(t("import.preview.nothing", lang))
        else:
            out.append(t("import.preview.counts", lang, add=number(self.added_count, lang),
                         remove=number(self.removed_count, lang)))
        if self.summary:
            out.append(self.summary)
        if self.new:
            out.append(t("import.preview.new", lang, n=number(len(self.new), lang)))
            for kind, entities in self.new_by_kind().items():
                out.append("  " + t("import.preview.kind_count", lang, kind=kind, n=number(len(entities), lang)))
                out += [f"    - {entity_text(e, lang)}" for e in entities]
        if self.changed:
            out.append(t("import.preview.changed", lang, n=number(len(self.changed), lang)))
            out += [f"  - {e.kind}: {entity_text(e, lang)}" for e in self.changed]
        out += self.value_lines(lang)
        if self.warnings:
            out.append(t("import.preview.warnings", lang))
            out += [f"  - {warning}" for warning in self.warnings]
        return out

    def value_lines(self, lang: str, most: int = SHOWN_VALUES) -> list[str]:
        """The values the file gives, "Role of X: – → Member", at most `most` lines and how many more."""
        if not self.values_told:
            return [t("import.preview.values_untold", lang)]
        if not self.values:
            return []
        out = [t("import.preview.values", lang)] + [f"  {line.text(lang)}" for line in self.values[:most]]
        if len(self.values) > most:
            out.append("  " + t("import.preview.values_more", lang, n=number(len(self.values) - most, lang)))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def entity_text(entity: Entity, lang: str) -> str:
    """An entity's label in quotation marks, then its IRI."""
    return f"{quote(entity.label, lang)} <{entity.iri}>" if entity.label else f"<{entity.iri}>"


# A membership or participation has no name of its own: it is called "member – network".
_LINKS = ((ORG.member, ORG.organization), (IKG.participant, IKG.project))


def entities(store: Store, add: Graph, remove: Graph, lang: str) -> tuple[list[Entity], list[Entity]]:
    """The new and the changed entities of a change (named things; sub-nodes count for their holder)."""
    both = Graph()
    both += add
    both += remove
    owners = sorted({o for o in (owner(both, s, store) for s in both.subjects()) if isinstance(o, URIRef)})
    old_types = by_subject(store, TYPES, owners)
    old_labels = by_subject(store, LABELS, owners)
    kinds = Kinds(lang)
    ends: dict[URIRef, list[Node]] = {
        o: [min(both.objects(o, p), key=str) for p in pair]
        for o in owners if o not in old_labels and (o, RDFS.label, None) not in add
        for pair in _LINKS if all((o, p, None) in both for p in pair)}
    names = by_subject(store, LABELS, sorted({e for pair in ends.values() for e in pair if isinstance(e, URIRef)}))
    new: list[Entity] = []
    changed: list[Entity] = []
    for o in owners:
        types = old_types.get(o) or set(add.objects(o, RDF.type))
        label = pick_label(set(add.objects(o, RDFS.label)) or old_labels.get(o, set()), lang)
        if not label and o in ends:
            label = " – ".join(pick_label(set(add.objects(e, RDFS.label)) or names.get(e, set()), lang)
                               or local_name(e) for e in ends[o])
        entity = Entity(str(o), label, kinds.kind(types) or t("import.no_kind", lang))
        (changed if o in old_types else new).append(entity)
    return sorted(new, key=_order), sorted(changed, key=_order)


def _order(entity: Entity) -> tuple[str, str, str]:
    return entity.kind, entity.label.casefold(), entity.iri
