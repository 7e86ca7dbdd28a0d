"""The check that every network, member, target area … a file points at exists, in the file or in the
graph (the shapes then check it is the right kind), with the near miss or the short list to choose from."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from graph.edit.importing.findings import Findings
from graph.edit.importing.locator import RELATIVE_BASE
from graph.edit.importing.lookup import TYPES, by_subject, instances, owner
from graph.edit.importing.naming import near, short
from graph.i18n import t
from graph.rdf.skolem import is_skolem
from graph.vocab.namespaces import IKG, ORG, SCHEMA

# Links whose target must exist, in the file or in the graph (SHACL then checks it is the right kind).
REFERENCES: dict[URIRef, tuple[URIRef, ...]] = {
    ORG.organization: (IKG.Network,),
    ORG.member: (IKG.Actor,),
    IKG.targetArea: (IKG.TargetArea,),
    IKG.participant: (IKG.Actor,),
    IKG.party: (IKG.Actor,),
    IKG.project: (IKG.Project,),
    IKG.responsibleUnit: (IKG.Actor,),
    IKG.location: (IKG.City,),
    IKG.partOf: (IKG.Network, IKG.Project, IKG.Agreement, IKG.WorkingGroup),
    IKG.programme: (IKG.FundingProgramme,),
    IKG.funder: (IKG.Actor,),
    IKG.theme: (IKG.Theme,),
    IKG.sdg: (IKG.SDG,),
    IKG.section: (IKG.Section,),
    IKG.homeActor: (IKG.Actor,),
    IKG.framework: (IKG.Agreement, IKG.Network),
    IKG.status: (IKG.Status,),
    IKG.agreementType: (IKG.AgreementType,),
    IKG.evidence: (IKG.Evidence,),
    ORG.role: (IKG.Role,),
    ORG.unitOf: (IKG.City, IKG.MunicipalUnit),
    SCHEMA.containedInPlace: (IKG.Country,),
    DCTERMS.isPartOf: (IKG.SourceDocument,),
}
MAX_LISTED = 8  # a missing link's possible targets are listed when there are at most this many


def references(found: Findings, graph: Graph) -> None:
    """Every network, member, target area … pointed at exists in the file or in the graph."""
    lang = found.lang
    wanted: dict[URIRef, tuple[Node, URIRef]] = {}
    for s, p, o in graph:
        if (isinstance(p, URIRef) and p in REFERENCES and isinstance(o, URIRef) and not is_skolem(o)
                and (o, RDF.type, None) not in graph):
            wanted.setdefault(o, (s, p))
    known = set(by_subject(found.store, TYPES, sorted(wanted)))
    existing_of: dict[tuple[URIRef, ...], list[URIRef]] = {}  # things of some classes, for suggestions
    for target, (subject, prop) in sorted(wanted.items()):
        if target in known or str(target).startswith(RELATIVE_BASE):
            continue
        classes = REFERENCES[prop]
        kinds = f" {t('import.or', lang)} ".join(found.names.word(c) for c in classes)
        if classes not in existing_of:
            existing_of[classes] = instances(found.store, classes)
        existing = existing_of[classes]
        if 0 < len(existing) <= MAX_LISTED:  # a short list (the target areas): name them all
            hint = t("import.known_ones", lang, items=", ".join(short(e) for e in existing))
        else:
            close = near(target, existing)
            hint = t("import.did_you_mean", lang, term=short(close)) if close else ""
        found.problem(target, t("import.missing_ref", lang, kinds=kinds, iri=target, prop=short(prop), hint=hint),
                      entity=target)
        found.said.add((str(owner(graph, subject)), short(prop)))
