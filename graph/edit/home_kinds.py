"""What kind of organisation starts a graph (`ikg init --kind`, asked at the terminal): a municipality is
its home city itself (ikg:City); a county authority or another organisation is an actor of its own class,
based in the home city (ikg:location). A kind is named by its key or by its class's label in the vocabulary
(ontology/ikg.ttl), in either language, or by one part of a label such as "By/kommune".

>>> home_kind("fylkeskommune"), home_kind("County authority"), home_kind("kommune"), home_kind("planet")
('county', 'county', 'municipality', None)
>>> kind_label("county", "nb"), kind_label("county", "en")
('Fylkeskommune', 'County authority')
"""

from __future__ import annotations

from rdflib import URIRef

from graph.edit.lookup import class_label
from graph.vocab.namespaces import IKG

DEFAULT_KIND = "municipality"
# the kinds offered, in the order they are listed; the first is the default
HOME_KINDS: dict[str, URIRef] = {
    "municipality": IKG.City,
    "county": IKG.CountyAuthority,
    "regional-body": IKG.RegionalBody,
    "state-agency": IKG.StateAgency,
    "university": IKG.University,
    "research-institute": IKG.ResearchInstitute,
    "business-association": IKG.BusinessAssociation,
    "voluntary-organisation": IKG.VoluntaryOrganisation,
    "cultural-institution": IKG.CulturalInstitution,
    "international-organisation": IKG.InternationalOrganisation,
    "company": IKG.Company,
}


def kind_label(kind: str, lang: str) -> str:
    """The kind's name in `lang`: its class's label in the vocabulary."""
    return class_label(HOME_KINDS[kind], lang)


def _names(kind: str) -> set[str]:
    names = {kind}
    for lang in ("nb", "en"):
        label = kind_label(kind, lang)
        names |= {label, *label.split("/")}
    return {name.strip().casefold() for name in names}


def home_kind(text: str) -> str | None:
    """The key of the kind `text` names (its key, or its label in either language), or None."""
    wanted = (text or "").strip().casefold()
    return next((kind for kind in HOME_KINDS if wanted in _names(kind)), None)


def kind_names(lang: str) -> str:
    """The kinds as `--kind` takes them, for a message in `lang`: the keys in English, the labels otherwise."""
    names = HOME_KINDS if lang == "en" else [kind_label(kind, lang).lower() for kind in HOME_KINDS]
    return ", ".join(names)
