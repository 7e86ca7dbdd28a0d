"""Our vocabulary and the standard prefixes, declared once.

`IKG` is a closed namespace: a misspelled term fails at import time, not silently at query time.

>>> IKG.TwinCityAgreement
rdflib.term.URIRef('https://w3id.org/ikg/ontology#TwinCityAgreement')
"""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SDG = Namespace("http://metadata.un.org/sdg/")
TRD = Namespace("https://w3id.org/ikg/trondheim/")


class IKG(DefinedNamespace):
    """The ikg ontology (ontology/ikg.ttl)."""

    _NS = Namespace("https://w3id.org/ikg/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    City: URIRef
    MunicipalUnit: URIRef
    University: URIRef
    ResearchInstitute: URIRef
    Company: URIRef
    BusinessAssociation: URIRef
    StateAgency: URIRef
    CountyAuthority: URIRef
    RegionalBody: URIRef
    VoluntaryOrganisation: URIRef
    CulturalInstitution: URIRef
    YouthCouncil: URIRef
    InternationalOrganisation: URIRef
    UNOrganisation: URIRef
    ConsularCorps: URIRef
    Person: URIRef
    Country: URIRef
    Network: URIRef
    WorkingGroup: URIRef
    Dataset: URIRef
    Agreement: URIRef
    TwinCityAgreement: URIRef
    CityRelation: URIRef
    Decision: URIRef
    Project: URIRef
    FundingProgramme: URIRef
    Participation: URIRef
    Activity: URIRef
    Delegation: URIRef
    Visit: URIRef
    Seminar: URIRef
    YouthExchange: URIRef
    CulturalEvent: URIRef
    TargetArea: URIRef
    Theme: URIRef
    SDG: URIRef
    AgreementType: URIRef
    Status: URIRef
    Role: URIRef
    Evidence: URIRef
    Recommendation: URIRef
    SourceDocument: URIRef
    Section: URIRef
    Citation: URIRef
    ReviewRound: URIRef
    Assessment: URIRef
    Relevance: URIRef
    # properties
    homeActor: URIRef
    languageOrder: URIRef
    party: URIRef
    agreementType: URIRef
    status: URIRef
    framework: URIRef
    period: URIRef
    targetArea: URIRef
    theme: URIRef
    sdg: URIRef
    responsibleUnit: URIRef
    annualCost: URIRef
    budget: URIRef
    effect: URIRef
    programme: URIRef
    funder: URIRef
    participant: URIRef
    project: URIRef
    partOf: URIRef
    formerCountry: URIRef
    scope: URIRef
    location: URIRef
    citation: URIRef
    section: URIRef
    quote: URIRef
    evidence: URIRef
    aboutProperty: URIRef
    sectionNumber: URIRef
    assesses: URIRef
    reviewRound: URIRef
    relevance: URIRef
    score: URIRef
    effectSeen: URIRef
    costBenefit: URIRef
    recommendation: URIRef
    reviewer: URIRef
    Change: URIRef
    editor: URIRef
    action: URIRef
    added: URIRef
    removed: URIRef
    addedCount: URIRef
    removedCount: URIRef
    undoes: URIRef
    reference: URIRef
    # concepts shipped with the vocabulary
    AgreementTypes: URIRef
    FormalTwinning: URIRef
    LetterOfIntent: URIRef
    MemorandumOfUnderstanding: URIRef
    SolidarityRelation: URIRef
    ProjectBasedRelation: URIRef
    PlannedRelation: URIRef
    PartnershipAgreement: URIRef
    Declaration: URIRef
    FrameworkAgreement: URIRef
    Statuses: URIRef
    Active: URIRef
    Dormant: URIRef
    Ended: URIRef
    Planned: URIRef
    Roles: URIRef
    MemberRole: URIRef
    FounderRole: URIRef
    BoardRole: URIRef
    ChairRole: URIRef
    OperatorRole: URIRef
    SecretariatRole: URIRef
    RepresentativeRole: URIRef
    PartnerRole: URIRef
    CoordinatorRole: URIRef
    LighthouseCityRole: URIRef
    FunderRole: URIRef
    HostRole: URIRef
    ObserverRole: URIRef
    EvidenceKinds: URIRef
    stated: URIRef
    inferred: URIRef
    Recommendations: URIRef
    Keep: URIRef
    Review: URIRef
    Leave: URIRef


PREFIXES = {
    "ikg": str(IKG._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "time": str(TIME),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "geo": str(GEO),
    "foaf": str(FOAF),
    "sdg": str(SDG),
    "trd": str(TRD),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes on an rdflib graph so serialisations are readable."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    return graph
