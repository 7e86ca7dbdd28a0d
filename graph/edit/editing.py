"""TEMPORARY shim: the form editing now lives in small modules of graph.edit (kinds, fields, lookup,
values, checks, triples, build, current, correct, delete, choices, ids, draft). Import from those;
this module only re-exports the old names until every caller has moved."""

from graph.edit.build import build, save  # TEMPORARY re-export
from graph.edit.checks import FieldErrors, shape_problems  # TEMPORARY re-export
from graph.edit.choices import choices, home_actor, label_of  # TEMPORARY re-export
from graph.edit.correct import build_correction, build_retirement, correct, retire  # TEMPORARY re-export
from graph.edit.current import entity_values, kind_of  # TEMPORARY re-export
from graph.edit.delete import build_deletion, delete, referrers  # TEMPORARY re-export
from graph.edit.draft import Draft, Pending  # TEMPORARY re-export
from graph.edit.fields import FIELD_TYPES, Field  # TEMPORARY re-export
from graph.edit.ids import URL  # TEMPORARY re-export
from graph.edit.kinds import (  # TEMPORARY re-export
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
from graph.edit.values import When, parse_amount, parse_url, parse_when  # TEMPORARY re-export
from graph.rdf.skolem import GENID_BASE as GENID  # TEMPORARY re-export
from graph.rdf.skolem import fresh_genid as genid  # TEMPORARY re-export
from graph.vocab.labels import local_name as _local  # TEMPORARY re-export
from graph.vocab.labels import pick_label as _pick_label  # TEMPORARY re-export
from graph.vocab.labels import quote  # TEMPORARY re-export
from graph.vocab.namespaces import IKG  # TEMPORARY re-export

__all__ = [
    "BASE_FIELDS", "FIELD_TYPES", "GENID", "IKG", "KINDS", "KIND_BY_NAME", "LABEL_FIELDS", "PROPS", "RETIRABLE",
    "SOURCE_FIELDS", "URL", "Draft", "Field", "FieldErrors", "Kind", "Pending", "When", "_local", "_pick_label",
    "build", "build_correction", "build_deletion", "build_retirement", "choices", "correct", "delete",
    "entity_values", "genid", "home_actor", "kind_of", "kind_spec", "label_of", "parse_amount", "parse_url",
    "parse_when", "quote", "referrers", "retire", "save", "shape_problems",
]
