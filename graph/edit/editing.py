"""The forms' API in one import, for the app's pages: what each kind of thing asks, and add, correct,
retire and delete. Everything is defined in the small modules of graph.edit (kinds, fields, lookup,
values, checks, triples, build, current, correct, delete, choices, ids, draft); this module only names
the public part, so a page imports one module."""

from graph.edit.build import build, save, save_draft
from graph.edit.checks import FieldErrors, labelled, shape_problems
from graph.edit.choices import choices, home_actor, label_of
from graph.edit.correct import build_correction, build_retirement, correct, retire
from graph.edit.current import entity_values, kind_of
from graph.edit.delete import build_deletion, delete, referrers
from graph.edit.draft import Draft, Pending
from graph.edit.fields import FIELD_TYPES, Field
from graph.edit.ids import URL
from graph.edit.kinds import (
    BASE_FIELDS,
    KIND_BY_NAME,
    KINDS,
    LABEL_FIELDS,
    PROPS,
    RETIRABLE,
    SOURCE_FIELDS,
    Kind,
    kind_spec,
)
from graph.edit.periods import stale_warning
from graph.edit.values import When, parse_amount, parse_url, parse_when
from graph.rdf.skolem import GENID_BASE as GENID
from graph.rdf.skolem import fresh_genid as genid
from graph.vocab.labels import local_name as _local
from graph.vocab.labels import pick_label as _pick_label
from graph.vocab.labels import quote
from graph.vocab.namespaces import IKG

__all__ = [
    "BASE_FIELDS", "FIELD_TYPES", "GENID", "IKG", "KINDS", "KIND_BY_NAME", "LABEL_FIELDS", "PROPS", "RETIRABLE",
    "SOURCE_FIELDS", "URL", "Draft", "Field", "FieldErrors", "Kind", "Pending", "When", "_local", "_pick_label",
    "build", "build_correction", "build_deletion", "build_retirement", "choices", "correct", "delete",
    "entity_values", "genid", "home_actor", "kind_of", "kind_spec", "label_of", "labelled", "parse_amount", "parse_url",
    "parse_when", "quote", "referrers", "retire", "save", "save_draft", "shape_problems", "stale_warning",
]
