"""Synthetic, Europe-scale data in the ikg vocabulary, for benchmarks.

    python bench/generate.py --triples 1000000 [--seed 42] --out data/bench-1m.nt

writes an N-Triples file of about N triples (within a few per cent) that follows the modelling
patterns of tests/fixtures/small.ttl exactly (see docs/MODEL.md), so the same SPARQL queries run
on it: cities with countries and coordinates, twin-city agreements, networks and org:Membership
nodes, organisations of many actor kinds, municipal units, projects with ikg:Participation nodes,
working groups, activities, target areas, SDGs, source documents with sections, and an
ikg:citation on every entity, membership, participation and agreement.

Link counts are skewed like real data: networks, cities and other actors are picked with a
Zipf-like weight 1/rank^1.1, so the first city (the home actor of `ex:dataset`) and the first
networks have very many links.

Deterministic: the same seed and size give byte-identical output (one random.Random(seed), no
set or dict iteration order, no clock). Intervals, instants, monetary amounts and citations are
blank nodes with generated labels (`_:c1`, `_:i1`, ...), as in the fixture.

In-process use:

    from bench.generate import generate, write
    lines = list(generate(10_000, seed=42))   # each line is one triple ending in " .\\n"
    write("data/bench.nt", 100_000, seed=42)  # returns the counts per kind
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

# --- IRIs ----------------------------------------------------------------------------------

EX = "https://example.org/bench/"
_IKG = "https://w3id.org/ikg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_ORG = "http://www.w3.org/ns/org#"
_TIME = "http://www.w3.org/2006/time#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
_GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
_SDG = "http://metadata.un.org/sdg/"


def ikg(name: str) -> str:
    return f"<{_IKG}{name}>"


def ex(name: str) -> str:
    return f"<{EX}{name}>"


A = f"<{_RDF}type>"
LABEL = f"<{_RDFS}label>"
PREF = f"<{_SKOS}prefLabel>"
ALT = f"<{_SKOS}altLabel>"
NOTATION = f"<{_SKOS}notation>"
IN_SCHEME = f"<{_SKOS}inScheme>"
CONCEPT_SCHEME = f"<{_SKOS}ConceptScheme>"
MEMBERSHIP = f"<{_ORG}Membership>"
MEMBER = f"<{_ORG}member>"
ORGANIZATION = f"<{_ORG}organization>"
ROLE = f"<{_ORG}role>"
MEMBER_DURING = f"<{_ORG}memberDuring>"
UNIT_OF = f"<{_ORG}unitOf>"
INTERVAL = f"<{_TIME}Interval>"
INSTANT = f"<{_TIME}Instant>"
HAS_BEGINNING = f"<{_TIME}hasBeginning>"
HAS_END = f"<{_TIME}hasEnd>"
IN_GYEAR = f"<{_TIME}inXSDgYear>"
IN_DATE = f"<{_TIME}inXSDDate>"
TITLE = f"<{_DCT}title>"
DATE = f"<{_DCT}date>"
IS_PART_OF = f"<{_DCT}isPartOf>"
CONTAINED_IN = f"<{_SCHEMA}containedInPlace>"
IDENTIFIER = f"<{_SCHEMA}identifier>"
MONETARY = f"<{_SCHEMA}MonetaryAmount>"
VALUE = f"<{_SCHEMA}value>"
CURRENCY = f"<{_SCHEMA}currency>"
LAT = f"<{_GEO}lat>"
LONG = f"<{_GEO}long>"
GYEAR = f"<{_XSD}gYear>"
XDATE = f"<{_XSD}date>"
DECIMAL = f"<{_XSD}decimal>"

(CITY, COUNTRY, DATASET, NETWORK, WORKING_GROUP, TWIN, PROJECT, PROGRAMME, PARTICIPATION,
 TARGET_AREA, SDG_CLASS, SOURCE_DOC, SECTION, MUNICIPAL_UNIT) = (
    ikg(n) for n in ("City", "Country", "Dataset", "Network", "WorkingGroup",
                     "TwinCityAgreement", "Project", "FundingProgramme", "Participation",
                     "TargetArea", "SDG", "SourceDocument", "Section", "MunicipalUnit"))
(HOME_ACTOR, PARTY, AGREEMENT_TYPE, STATUS, FRAMEWORK, PERIOD, P_TARGET_AREA, P_SDG,
 RESPONSIBLE_UNIT, ANNUAL_COST, BUDGET, P_PROGRAMME, PARTICIPANT, P_PROJECT, PART_OF,
 LOCATION, CITATION, P_SECTION, QUOTE, EVIDENCE, ABOUT, SECTION_NUMBER) = (
    ikg(n) for n in ("homeActor", "party", "agreementType", "status", "framework", "period",
                     "targetArea", "sdg", "responsibleUnit", "annualCost", "budget",
                     "programme", "participant", "project", "partOf", "location", "citation",
                     "section", "quote", "evidence", "aboutProperty", "sectionNumber"))
STATED, INFERRED = ikg("stated"), ikg("inferred")

AGREEMENT_TYPES = [  # (concept, weight)
    (ikg("FormalTwinning"), 40), (ikg("LetterOfIntent"), 10),
    (ikg("MemorandumOfUnderstanding"), 10), (ikg("SolidarityRelation"), 6),
    (ikg("ProjectBasedRelation"), 12), (ikg("PlannedRelation"), 4),
    (ikg("PartnershipAgreement"), 10), (ikg("Declaration"), 4), (ikg("FrameworkAgreement"), 4),
]
STATUSES = [(ikg("Active"), 60), (ikg("Dormant"), 12), (ikg("Ended"), 23), (ikg("Planned"), 5)]
ENDED, PLANNED = ikg("Ended"), ikg("Planned")
MEMBER_ROLES = [(ikg("MemberRole"), 70), (ikg("BoardRole"), 9), (ikg("FounderRole"), 6),
                (ikg("ChairRole"), 3), (ikg("SecretariatRole"), 2), (ikg("ObserverRole"), 5),
                (ikg("RepresentativeRole"), 5)]
PROJECT_ROLES = [(ikg("PartnerRole"), 75), (ikg("CoordinatorRole"), 0),  # coordinator: 1st
                 (ikg("LighthouseCityRole"), 8), (ikg("FunderRole"), 3), (ikg("HostRole"), 4),
                 (ikg("ObserverRole"), 4)]
COORDINATOR = ikg("CoordinatorRole")
CURRENCIES = [("EUR", 60), ("NOK", 25), ("SEK", 8), ("DKK", 7)]

ORG_KINDS = [  # (class, weight, nb pattern, en pattern, has location)
    ("University", 8, "Universitetet i {c}", "University of {c}", True),
    ("ResearchInstitute", 8, "{n} forskningsinstitutt", "{n} Research Institute", True),
    ("Company", 30, "{n} AS", "{n} Ltd", True),
    ("StateAgency", 6, "{n}direktoratet", "{n} Directorate", False),
    ("MunicipalUnit", 22, None, None, False),
    ("CountyAuthority", 4, "{n} fylkeskommune", "{n} County Authority", True),
    ("BusinessAssociation", 5, "{n} næringsforening", "{n} Business Association", True),
    ("VoluntaryOrganisation", 6, "Foreningen {n}", "The {n} Society", True),
    ("CulturalInstitution", 5, "{n}festivalen", "{n} Festival", True),
    ("RegionalBody", 3, "{n} regionråd", "{n} Regional Council", True),
    ("InternationalOrganisation", 2, "{n}-organisasjonen", "{n} Organisation", False),
    ("YouthCouncil", 1, "Ungdomsrådet i {c}", "Youth Council of {c}", True),
]
MUNICIPAL_UNITS = [
    ("Internasjonalt kontor", "International office"), ("Kulturenheten", "Culture unit"),
    ("Næringsenheten", "Business unit"), ("Byplankontoret", "City planning office"),
    ("Miljøenheten", "Environment unit"), ("Bystyret", "City council"),
    ("Formannskapet", "Executive committee"), ("Oppvekstenheten", "Education unit"),
    ("Helse og velferd", "Health and welfare"), ("Smartbyenheten", "Smart city unit"),
]
ACTIVITY_KINDS = [("Delegation", "Delegasjon til {c}", "Delegation to {c}", 30),
                  ("Visit", "Besøk fra {c}", "Visit from {c}", 25),
                  ("Seminar", "Seminar i {c}", "Seminar in {c}", 25),
                  ("YouthExchange", "Ungdomsutveksling med {c}", "Youth exchange with {c}", 10),
                  ("CulturalEvent", "Kulturdager i {c}", "Culture days in {c}", 10)]
WG_TOPICS = [("handel", "trade"), ("kultur", "culture"), ("klima", "climate"),
             ("smartby", "smart city"), ("ungdom", "youth"), ("forskning", "research"),
             ("mobilitet", "mobility"), ("helse", "health")]
NETWORK_PATTERNS = [("{n}-nettverket", "{n} Network"), ("{n}-alliansen", "{n} Alliance"),
                    ("{n}-forumet", "{n} Forum"), ("Byer for {n}", "Cities for {n}"),
                    ("{n}-plattformen", "{n} Platform")]
TARGET_AREAS = [("Næringsutvikling og handel", "Business development and trade"),
                ("Kunnskap og forskning", "Knowledge and research"),
                ("Kultur og idrett", "Culture and sport"),
                ("Klima og miljø", "Climate and environment"),
                ("Demokrati og solidaritet", "Democracy and solidarity")]
SDGS = [("Utrydde fattigdom", "No poverty"), ("Utrydde sult", "Zero hunger"),
        ("God helse og livskvalitet", "Good health and well-being"),
        ("God utdanning", "Quality education"), ("Likestilling mellom kjønnene", "Gender equality"),
        ("Rent vann og gode sanitærforhold", "Clean water and sanitation"),
        ("Ren energi til alle", "Affordable and clean energy"),
        ("Anstendig arbeid og økonomisk vekst", "Decent work and economic growth"),
        ("Industri, innovasjon og infrastruktur", "Industry, innovation and infrastructure"),
        ("Mindre ulikhet", "Reduced inequalities"),
        ("Bærekraftige byer og lokalsamfunn", "Sustainable cities and communities"),
        ("Ansvarlig forbruk og produksjon", "Responsible consumption and production"),
        ("Stoppe klimaendringene", "Climate action"), ("Livet i havet", "Life below water"),
        ("Livet på land", "Life on land"),
        ("Fred, rettferdighet og velfungerende institusjoner", "Peace, justice and strong institutions"),
        ("Samarbeid for å nå målene", "Partnerships for the goals")]
PROGRAMMES = [("h2020", "Horisont 2020", "Horizon 2020", 30),
              ("horizon-europe", "Horisont Europa", "Horizon Europe", 25),
              ("interreg-europe", "Interreg Europa", "Interreg Europe", 12),
              ("interreg-north-sea", "Interreg Nordsjøen", "Interreg North Sea", 8),
              ("eea-grants", "EØS-midlene", "EEA Grants", 8),
              ("erasmus-plus", "Erasmus+", "Erasmus+", 10),
              ("creative-europe", "Kreativt Europa", "Creative Europe", 5),
              ("life", "LIFE-programmet", "LIFE Programme", 4)]
DOCUMENTS = [  # (slug, nb title, en title, date, number of sections)
    ("doc-strategy-2019", "Internasjonal strategi 2019–2022", "International strategy 2019–2022",
     "2019-06-20", 16),
    ("doc-programme-2011", "Handlingsprogram for internasjonalt arbeid 2011–2012",
     "Action programme for international work 2011–2012", "2011-03-10", 10),
    ("doc-report-2023", "Årsrapport internasjonalt arbeid 2023",
     "Annual report on international work 2023", "2024-02-01", 8),
]
# ISO code, nb, en, centre lat, centre long, spread (degrees), weight (share of cities)
COUNTRIES = [
    ("NO", "Norge", "Norway", 61.5, 9.5, 3.0, 8), ("SE", "Sverige", "Sweden", 61.0, 15.5, 3.5, 8),
    ("DK", "Danmark", "Denmark", 55.9, 10.0, 1.0, 5), ("FI", "Finland", "Finland", 63.0, 26.0, 3.0, 5),
    ("IS", "Island", "Iceland", 64.9, -19.0, 1.0, 1), ("DE", "Tyskland", "Germany", 51.0, 10.3, 2.5, 16),
    ("FR", "Frankrike", "France", 46.6, 2.4, 3.0, 14), ("GB", "Storbritannia", "United Kingdom", 53.0, -1.8, 2.2, 12),
    ("IE", "Irland", "Ireland", 53.2, -8.0, 1.0, 3), ("NL", "Nederland", "Netherlands", 52.2, 5.5, 0.6, 6),
    ("BE", "Belgia", "Belgium", 50.6, 4.6, 0.5, 4), ("LU", "Luxembourg", "Luxembourg", 49.7, 6.1, 0.15, 1),
    ("CH", "Sveits", "Switzerland", 46.8, 8.2, 0.6, 4), ("AT", "Østerrike", "Austria", 47.5, 14.5, 1.0, 4),
    ("IT", "Italia", "Italy", 42.8, 12.5, 2.5, 12), ("ES", "Spania", "Spain", 40.2, -3.7, 2.5, 10),
    ("PT", "Portugal", "Portugal", 39.7, -8.1, 1.0, 4), ("GR", "Hellas", "Greece", 39.2, 22.0, 1.5, 4),
    ("PL", "Polen", "Poland", 52.0, 19.2, 2.0, 8), ("CZ", "Tsjekkia", "Czechia", 49.8, 15.5, 1.0, 4),
    ("SK", "Slovakia", "Slovakia", 48.7, 19.6, 0.6, 2), ("HU", "Ungarn", "Hungary", 47.2, 19.4, 1.0, 3),
    ("SI", "Slovenia", "Slovenia", 46.1, 14.8, 0.4, 1), ("HR", "Kroatia", "Croatia", 45.4, 16.0, 0.8, 2),
    ("RS", "Serbia", "Serbia", 44.0, 20.9, 0.9, 2),
    ("BA", "Bosnia-Hercegovina", "Bosnia and Herzegovina", 44.2, 17.8, 0.6, 1),
    ("ME", "Montenegro", "Montenegro", 42.7, 19.3, 0.3, 1),
    ("MK", "Nord-Makedonia", "North Macedonia", 41.6, 21.7, 0.4, 1),
    ("AL", "Albania", "Albania", 41.2, 20.0, 0.5, 1), ("BG", "Bulgaria", "Bulgaria", 42.7, 25.4, 1.0, 2),
    ("RO", "Romania", "Romania", 45.9, 24.9, 1.8, 4), ("MD", "Moldova", "Moldova", 47.2, 28.5, 0.5, 1),
    ("UA", "Ukraina", "Ukraine", 49.0, 31.0, 3.0, 5), ("LT", "Litauen", "Lithuania", 55.2, 23.9, 0.8, 2),
    ("LV", "Latvia", "Latvia", 56.9, 24.6, 0.8, 2), ("EE", "Estland", "Estonia", 58.7, 25.0, 0.7, 2),
    ("CY", "Kypros", "Cyprus", 35.0, 33.2, 0.3, 1), ("MT", "Malta", "Malta", 35.9, 14.4, 0.05, 1),
    ("FO", "Færøyene", "Faroe Islands", 62.0, -6.9, 0.2, 1),
    ("LI", "Liechtenstein", "Liechtenstein", 47.15, 9.55, 0.04, 1),
]
SYLLABLES = ("ber dal vik stad holm lund borg heim sund fjord gård havn sø å ø ler mar ten "
             "sel kal ros lin fal gran brek vol tor vest nor øst sor mo fors by rud ås nes "
             "vang berg hav strand lie mark li ka ra to mi ve lo na sa be ri do ga el an "
             "ul ör ül ä é al").split()

# --- sizes ---------------------------------------------------------------------------------

# Entities per million triples. Projects (with their participations) are not here: they fill
# whatever budget is left before the activities, so the total lands on the requested size.
PER_MILLION = {"cities": 3000, "organisations": 3500, "networks": 300, "memberships": 8000,
               "agreements": 3000, "working_groups": 400, "activities": 3000}
MINIMUM = {"cities": 20, "organisations": len(ORG_KINDS), "networks": 3, "memberships": 10,
           "agreements": 5, "working_groups": 2, "activities": len(ACTIVITY_KINDS)}
ACTIVITY_TRIPLES = 19.0  # mean triples per activity, measured; reserved before projects
MIN_PROJECTS = 3

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def esc(text: str) -> str:
    """Escape a string for an N-Triples literal (between the double quotes)."""
    return text.translate(_ESCAPE)


def weighted(pairs):
    """A (values, cumulative weights) table for `_pick`."""
    values, cum, total = [], [], 0.0
    for value, weight in pairs:
        if weight > 0:
            total += weight
            values.append(value)
            cum.append(total)
    return values, cum


def zipf_cum(n: int, exponent: float = 1.1) -> list[float]:
    cum, total = [], 0.0
    for rank in range(1, n + 1):
        total += rank ** -exponent
        cum.append(total)
    return cum


class _Gen:
    def __init__(self, triples: int, seed: int):
        self.target = triples
        self.rng = random.Random(seed)
        self.buf: list[str] = []
        self.flushed = 0
        self.blank = 0
        self.used_names: set[str] = set()
        scale = triples / 1_000_000
        self.plan = {k: max(MINIMUM[k], round(v * scale)) for k, v in PER_MILLION.items()}
        self.counts: dict[str, int] = {}
        self.sections: list[str] = []
        self.sections_by_doc: list[list[str]] = []

    # -- helpers ---------------------------------------------------------------------------

    def n(self) -> int:
        return self.flushed + len(self.buf)

    def pick(self, table):
        values, cum = table
        return values[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def zipf(self, cum: list[float]) -> int:
        return bisect.bisect(cum, self.rng.random() * cum[-1])

    def bnode(self, prefix: str) -> str:
        self.blank += 1
        return f"_:{prefix}{self.blank}"

    def name(self, lo: int = 2, hi: int = 3) -> str:
        rng = self.rng
        for _ in range(20):
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()
            if word not in self.used_names:
                self.used_names.add(word)
                return word
        word = f"{word} {len(self.used_names)}"
        self.used_names.add(word)
        return word

    def labels(self, s: str, nb: str, en: str, pref: bool = False) -> None:
        a = self.buf.append
        nb, en = esc(nb), esc(en)
        a(f'{s} {LABEL} "{nb}"@nb .\n')
        a(f'{s} {LABEL} "{en}"@en .\n')
        if pref:
            a(f'{s} {PREF} "{nb}"@nb .\n')
            a(f'{s} {PREF} "{en}"@en .\n')

    def cite(self, s: str, quote: str, inferred: bool = False, about: str | None = None,
             section: str | None = None) -> None:
        a = self.buf.append
        c = self.bnode("c")
        sec = section or self.sections[self.zipf(self.section_cum)]
        a(f"{s} {CITATION} {c} .\n")
        a(f"{c} {P_SECTION} {sec} .\n")
        a(f'{c} {QUOTE} "{esc(quote)}" .\n')
        a(f"{c} {EVIDENCE} {INFERRED if inferred else STATED} .\n")
        if about:
            a(f"{c} {ABOUT} {about} .\n")

    def interval(self, s: str, prop: str, begin: int, end: int | None = None,
                 date: str | None = None) -> None:
        a = self.buf.append
        i, b = self.bnode("i"), self.bnode("t")
        a(f"{s} {prop} {i} .\n")
        a(f"{i} {A} {INTERVAL} .\n")
        a(f"{i} {HAS_BEGINNING} {b} .\n")
        a(f"{b} {A} {INSTANT} .\n")
        a(f'{b} {IN_GYEAR} "{begin:04d}"^^{GYEAR} .\n')
        if date:
            a(f'{b} {IN_DATE} "{date}"^^{XDATE} .\n')
        if end is not None:
            e = self.bnode("t")
            a(f"{i} {HAS_END} {e} .\n")
            a(f"{e} {A} {INSTANT} .\n")
            a(f'{e} {IN_GYEAR} "{end:04d}"^^{GYEAR} .\n')

    def money(self, s: str, prop: str, value: float, currency: str) -> None:
        a = self.buf.append
        m = self.bnode("m")
        a(f"{s} {prop} {m} .\n")
        a(f"{m} {A} {MONETARY} .\n")
        a(f'{m} {VALUE} "{value:.1f}"^^{DECIMAL} .\n')
        a(f'{m} {CURRENCY} "{currency}" .\n')

    def sample_distinct(self, cum: list[float], k: int) -> list[int]:
        """k distinct Zipf-distributed indices (fewer if the population is small)."""
        k = min(k, len(cum))
        chosen: list[int] = []
        tries = 0
        while len(chosen) < k and tries < 20 * k:
            tries += 1
            i = self.zipf(cum)
            if i not in chosen:
                chosen.append(i)
        return chosen

    # -- sections --------------------------------------------------------------------------

    def vocabulary(self) -> Iterator[None]:
        a = self.buf.append
        for slug, nb, en, date, nsec in DOCUMENTS:
            d = ex(slug)
            a(f"{d} {A} {SOURCE_DOC} .\n")
            a(f'{d} {TITLE} "{esc(nb)}"@nb .\n')
            a(f'{d} {TITLE} "{esc(en)}"@en .\n')
            self.labels(d, nb, en)
            a(f'{d} {DATE} "{date}"^^{XDATE} .\n')
            secs = []
            for k in range(1, nsec + 1):
                sec = ex(f"{slug}-s{k}")
                a(f"{sec} {A} {SECTION} .\n")
                a(f"{sec} {IS_PART_OF} {d} .\n")
                a(f'{sec} {SECTION_NUMBER} "{k}" .\n')
                self.labels(sec, f"{nb} §{k}", f"{en} §{k}")
                secs.append(sec)
            self.sections_by_doc.append(secs)
            self.sections.extend(secs)
        self.section_cum = zipf_cum(len(self.sections), 0.6)
        self.counts["documents"] = len(DOCUMENTS)
        self.counts["sections"] = len(self.sections)

        scheme = ex("target-areas")
        a(f"{scheme} {A} {CONCEPT_SCHEME} .\n")
        self.labels(scheme, "Målområder", "Target areas", pref=True)
        self.target_areas = []
        for k, (nb, en) in enumerate(TARGET_AREAS, 1):
            ta = ex(f"ta{k}")
            a(f"{ta} {A} {TARGET_AREA} .\n")
            a(f"{ta} {IN_SCHEME} {scheme} .\n")
            a(f'{ta} {NOTATION} "{k}" .\n')
            self.labels(ta, nb, en, pref=True)
            self.cite(ta, f"{k}. {nb}", section=self.sections_by_doc[0][1])
            self.target_areas.append(ta)
        self.ta_table = weighted(zip(self.target_areas, (30, 25, 20, 15, 10), strict=True))

        scheme = ex("sdgs")
        a(f"{scheme} {A} {CONCEPT_SCHEME} .\n")
        self.labels(scheme, "Bærekraftsmålene", "Sustainable Development Goals", pref=True)
        self.sdgs = []
        for k, (nb, en) in enumerate(SDGS, 1):
            g = f"<{_SDG}{k}>"
            a(f"{g} {A} {SDG_CLASS} .\n")
            a(f"{g} {IN_SCHEME} {scheme} .\n")
            a(f'{g} {NOTATION} "{k}" .\n')
            self.labels(g, nb, en, pref=True)
            self.sdgs.append(g)
        # SDG 11, 13, 17, 9, 7 ... dominate, as in real city data
        order = [11, 13, 17, 9, 7, 4, 3, 8, 12, 5, 10, 16, 6, 14, 15, 1, 2]
        self.sdg_table = weighted((self.sdgs[k - 1], 1 / r ** 1.1) for r, k in enumerate(order, 1))

        self.programmes = []
        for slug, nb, en, weight in PROGRAMMES:
            p = ex(f"programme-{slug}")
            a(f"{p} {A} {PROGRAMME} .\n")
            self.labels(p, nb, en)
            self.cite(p, nb)
            self.programmes.append((p, weight))
        self.programme_table = weighted(self.programmes)
        self.counts["programmes"] = len(PROGRAMMES)
        self.counts["target_areas"] = len(TARGET_AREAS)
        self.counts["sdgs"] = len(SDGS)

        self.countries = []
        for code, nb, en, *_ in COUNTRIES:
            c = ex(f"country-{code.lower()}")
            a(f"{c} {A} {COUNTRY} .\n")
            self.labels(c, nb, en)
            a(f'{c} {IDENTIFIER} "{code}" .\n')
            self.countries.append(c)
        self.counts["countries"] = len(COUNTRIES)
        self.country_table = weighted((k, row[6]) for k, row in enumerate(COUNTRIES))
        self.status_table = weighted(STATUSES)
        self.currency_table = weighted(CURRENCIES)
        yield

    def cities(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        self.city_iris, self.city_names = [], []
        n = self.plan["cities"]
        for k in range(n):
            s = ex(f"city-{k}")
            if k == 0:  # the home city
                country, lat, lon = 0, 63.43 + rng.uniform(-0.01, 0.01), 10.39
            else:
                country = self.pick(self.country_table)
                _, _, _, clat, clon, spread, _ = COUNTRIES[country]
                lat = clat + rng.uniform(-spread, spread) * 0.7
                lon = clon + rng.uniform(-spread, spread)
            name = self.name()
            en = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
            nb_label = f"{name} kommune" if k == 0 else name
            en_label = f"{en} Municipality" if k == 0 else en
            a(f"{s} {A} {CITY} .\n")
            self.labels(s, nb_label, en_label)
            if k == 0 or rng.random() < 0.1:
                a(f'{s} {ALT} "{esc(name)}"@nb .\n' if k == 0 else f'{s} {ALT} "{esc(name.upper()[:3])}" .\n')
            a(f"{s} {CONTAINED_IN} {self.countries[country]} .\n")
            a(f'{s} {LAT} "{lat:.4f}"^^{DECIMAL} .\n')
            a(f'{s} {LONG} "{lon:.4f}"^^{DECIMAL} .\n')
            self.cite(s, f"{name} ({COUNTRIES[country][1]})")
            if rng.random() < 0.08:
                self.cite(s, name, section=rng.choice(self.sections_by_doc[-1]))
            self.city_iris.append(s)
            self.city_names.append((nb_label, en_label))
            if k % 512 == 511:
                yield
        self.city_cum = zipf_cum(n)
        self.counts["cities"] = n
        yield

    def organisations(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        n = self.plan["organisations"]
        kinds = weighted((k, row[1]) for k, row in enumerate(ORG_KINDS))
        self.org_iris: list[str] = []
        self.units_of: dict[int, list[str]] = {}
        self.home_units: list[str] = []
        per_kind = [0] * len(ORG_KINDS)
        unit_next = 0  # units are handed out home city first, then by Zipf
        for k in range(n):
            kind = k if k < len(ORG_KINDS) else self.pick(kinds)
            cls, _, nb_pat, en_pat, located = ORG_KINDS[kind]
            per_kind[kind] += 1
            s = ex(f"org-{k}")
            a(f"{s} {A} {ikg(cls)} .\n")
            if cls == "MunicipalUnit":
                if unit_next < len(MUNICIPAL_UNITS):
                    city = 0
                    unb, uen = MUNICIPAL_UNITS[unit_next]
                    unit_next += 1
                else:
                    city = self.zipf(self.city_cum)
                    unb, uen = rng.choice(MUNICIPAL_UNITS)
                cnb, cen = self.city_names[city]
                units = self.units_of.setdefault(city, [])
                suffix = f" {len(units) + 1}" if any(u[1] == unb for u in units) else ""
                nb, en = f"{unb}{suffix}, {cnb}", f"{uen}{suffix}, {cen}"
                units.append((s, unb))
                a(f"{s} {UNIT_OF} {self.city_iris[city]} .\n")
                self.labels(s, nb, en)
                self.cite(s, f"{unb}{suffix}")
            else:
                city = self.zipf(self.city_cum)
                if "{c}" in nb_pat:
                    cnb, cen = self.city_names[city]
                    nb, en = nb_pat.format(c=cnb), en_pat.format(c=cen)
                    if nb in self.used_names:
                        nb, en = f"{nb} {k}", f"{en} {k}"
                    self.used_names.add(nb)
                    word = nb
                else:
                    word = self.name()
                    nb, en = nb_pat.format(n=word), en_pat.format(n=word)
                self.labels(s, nb, en)
                if rng.random() < 0.2:
                    a(f'{s} {ALT} "{esc(word.upper()[:4])}" .\n')
                if located:
                    a(f"{s} {LOCATION} {self.city_iris[city]} .\n")
                self.cite(s, f'Samarbeid med "{nb}"' if rng.random() < 0.05 else nb)
            self.org_iris.append(s)
            if k % 512 == 511:
                yield
        self.units_of = {c: [u[0] for u in us] for c, us in sorted(self.units_of.items())}
        for k, (cls, *_rest) in enumerate(ORG_KINDS):
            self.counts[f"org:{cls}"] = per_kind[k]
        self.counts["organisations"] = n
        # actors for participations and activities: cities and organisations interleaved,
        # home city first, so Zipf gives a few actors very many links
        self.actor_iris = [self.city_iris[0]]
        rest = self.city_iris[1:] + self.org_iris
        rng.shuffle(rest)
        self.actor_iris.extend(rest)
        self.actor_cum = zipf_cum(len(self.actor_iris))
        yield

    def networks(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        n = self.plan["networks"]
        self.network_iris, self.network_names = [], []
        for k in range(n):
            s = ex(f"network-{k}")
            word = self.name(1, 2)
            nb_pat, en_pat = NETWORK_PATTERNS[k % len(NETWORK_PATTERNS)]
            nb, en = nb_pat.format(n=word), en_pat.format(n=word)
            a(f"{s} {A} {NETWORK} .\n")
            self.labels(s, nb, en)
            tas = self.sample_distinct(self.ta_table[1], 1 if rng.random() < 0.6 else 2)
            for t in tas:
                a(f"{s} {P_TARGET_AREA} {self.target_areas[t]} .\n")
            sdgs = self.sample_distinct(self.sdg_table[1], rng.choice((0, 1, 1, 2, 3)))
            for g in sdgs:
                a(f"{s} {P_SDG} {self.sdg_table[0][g]} .\n")
            if rng.random() < 0.5:
                self.interval(s, PERIOD, rng.randint(1950, 2022))
            ta_nb = TARGET_AREAS[tas[0]][0]
            self.cite(s, f"{ta_nb}: {nb}", about=P_TARGET_AREA)
            self.cite(s, nb)
            if sdgs:
                self.cite(s, nb, inferred=True, about=P_SDG)
            self.network_iris.append(s)
            self.network_names.append((nb, en))
        self.network_cum = zipf_cum(n)
        self.counts["networks"] = n
        yield

    def memberships(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        n = self.plan["memberships"]
        org_cum = zipf_cum(len(self.org_iris))
        seen: set[tuple[int, int]] = set()
        self.members_of: list[list[str]] = [[] for _ in self.network_iris]
        roles = weighted(MEMBER_ROLES)
        made = 0
        # every network gets at least one member; then Zipf over networks
        for k in range(n):
            for _ in range(30):
                net = k if k < len(self.network_iris) else self.zipf(self.network_cum)
                if rng.random() < 0.8:
                    m = self.zipf(self.city_cum)
                    key = (net, m)
                    member = self.city_iris[m]
                else:
                    m = self.zipf(org_cum)
                    key = (net, -1 - m)
                    member = self.org_iris[m]
                if key not in seen:
                    break
            else:
                continue
            seen.add(key)
            s = ex(f"membership-{made}")
            made += 1
            status = self.pick(self.status_table)
            a(f"{s} {A} {MEMBERSHIP} .\n")
            a(f"{s} {MEMBER} {member} .\n")
            a(f"{s} {ORGANIZATION} {self.network_iris[net]} .\n")
            a(f"{s} {ROLE} {self.pick(roles)} .\n")
            a(f"{s} {STATUS} {status} .\n")
            if rng.random() < 0.9:
                begin = rng.randint(1990, 2024) if status is not PLANNED else rng.randint(2025, 2027)
                end = None
                if status is ENDED or (status is not PLANNED and rng.random() < 0.05):
                    end = min(2025, begin + rng.randint(1, 12))
                self.interval(s, MEMBER_DURING, begin, end)
            if key[1] >= 0 and key[1] in self.units_of and rng.random() < 0.5:
                a(f"{s} {RESPONSIBLE_UNIT} {rng.choice(self.units_of[key[1]])} .\n")
            if rng.random() < 0.3:
                self.money(s, ANNUAL_COST, round(rng.lognormvariate(9.5, 1.0), -1),
                           self.pick(self.currency_table))
            nb = self.network_names[net][0]
            self.cite(s, f'Medlem av "{nb}"' if rng.random() < 0.05 else nb)
            self.members_of[net].append(member)
            if made % 512 == 0:
                yield
        self.counts["memberships"] = made
        yield

    def agreements(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        n = self.plan["agreements"]
        types = weighted(AGREEMENT_TYPES)
        seen: set[tuple[int, int]] = set()
        self.agreement_iris: list[str] = []
        self.agreement_parties: list[tuple[int, int]] = []
        made = 0
        for _k in range(n):
            for _ in range(30):
                x, y = self.zipf(self.city_cum), self.zipf(self.city_cum)
                if x != y and (min(x, y), max(x, y)) not in seen:
                    break
            else:
                continue
            seen.add((min(x, y), max(x, y)))
            x, y = min(x, y), max(x, y)
            s = ex(f"agreement-{made}")
            made += 1
            atype = self.pick(types)
            status = PLANNED if atype == ikg("PlannedRelation") else self.pick(self.status_table)
            (xnb, xen), (ynb, yen) = self.city_names[x], self.city_names[y]
            a(f"{s} {A} {TWIN} .\n")
            a(f"{s} {PARTY} {self.city_iris[x]} .\n")
            a(f"{s} {PARTY} {self.city_iris[y]} .\n")
            self.labels(s, f"{xnb}–{ynb}", f"{xen}–{yen}")
            a(f"{s} {AGREEMENT_TYPE} {atype} .\n")
            a(f"{s} {STATUS} {status} .\n")
            if status is not PLANNED:
                begin = rng.randint(1946, 2023)
                end = min(2025, begin + rng.randint(2, 40)) if status is ENDED else None
                self.interval(s, PERIOD, begin, end)
            if rng.random() < 0.12:
                a(f"{s} {FRAMEWORK} {self.network_iris[self.zipf(self.network_cum)]} .\n")
            self.cite(s, f"{ynb} - vennskapsby" if atype == AGREEMENT_TYPES[0][0] else f"{xnb} og {ynb}")
            self.agreement_iris.append(s)
            self.agreement_parties.append((x, y))
            if made % 512 == 0:
                yield
        self.counts["agreements"] = made
        yield

    def working_groups(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        self.wg_iris: list[str] = []
        for k in range(self.plan["working_groups"]):
            s = ex(f"working-group-{k}")
            net = self.zipf(self.network_cum)
            tnb, ten = rng.choice(WG_TOPICS)
            nnb, nen = self.network_names[net]
            a(f"{s} {A} {WORKING_GROUP} .\n")
            self.labels(s, f"Arbeidsgruppe for {tnb} {k} ({nnb})", f"Working group on {ten} {k} ({nen})")
            a(f"{s} {PART_OF} {self.network_iris[net]} .\n")
            members = self.members_of[net]
            if len(members) >= 2:
                people = rng.sample(members, min(len(members), rng.randint(2, 6)))
            else:
                people = [self.actor_iris[i] for i in self.sample_distinct(self.actor_cum, rng.randint(2, 5))]
            for p in people:
                a(f"{s} {PARTICIPANT} {p} .\n")
            self.cite(s, f"Arbeidsgruppe: {tnb}")
            self.wg_iris.append(s)
        self.counts["working_groups"] = len(self.wg_iris)
        yield

    def projects(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        roles = weighted(PROJECT_ROLES)
        reserve = self.plan["activities"] * ACTIVITY_TRIPLES
        stop = self.target - reserve
        self.project_iris: list[str] = []
        parts = 0
        k = 0
        while k < MIN_PROJECTS or self.n() < stop:
            s = ex(f"project-{k}")
            word = self.name(2, 3).upper() if rng.random() < 0.5 else self.name(2, 3)
            nb, en = f"Prosjekt {word}", f"Project {word}"
            begin = rng.randint(2005, 2025)
            status = ENDED if begin + 3 < 2025 and rng.random() < 0.8 else self.pick(self.status_table)
            a(f"{s} {A} {PROJECT} .\n")
            self.labels(s, nb, en)
            if rng.random() < 0.3:
                a(f'{s} {ALT} "{esc(word)}" .\n')
            a(f"{s} {P_PROGRAMME} {self.pick(self.programme_table)} .\n")
            a(f"{s} {P_TARGET_AREA} {self.pick(self.ta_table)} .\n")
            sdgs = self.sample_distinct(self.sdg_table[1], rng.choice((0, 1, 1, 2, 3)))
            for g in sdgs:
                a(f"{s} {P_SDG} {self.sdg_table[0][g]} .\n")
            a(f"{s} {STATUS} {status} .\n")
            if rng.random() < 0.7:
                self.money(s, BUDGET, round(rng.lognormvariate(13.0, 1.2), -2), self.pick(self.currency_table))
            self.interval(s, PERIOD, begin, begin + rng.randint(1, 6) if rng.random() < 0.85 else None)
            self.cite(s, f"{nb} i {begin}")
            if sdgs and rng.random() < 0.2:
                self.cite(s, nb, inferred=True, about=P_SDG)
            # partners: 1..12, mostly 2-3; the first is the coordinator
            npart = min(12, 1 + int(rng.paretovariate(1.6)))
            for j, actor in enumerate(self.sample_distinct(self.actor_cum, npart)):
                p = ex(f"participation-{k}-{j}")
                a(f"{p} {A} {PARTICIPATION} .\n")
                a(f"{p} {P_PROJECT} {s} .\n")
                a(f"{p} {PARTICIPANT} {self.actor_iris[actor]} .\n")
                a(f"{p} {ROLE} {COORDINATOR if j == 0 else self.pick(roles)} .\n")
                self.cite(p, f"{nb} i {begin}", inferred=rng.random() < 0.1)
                parts += 1
            self.project_iris.append(s)
            k += 1
            if k % 256 == 0:
                yield
        self.counts["projects"] = k
        self.counts["participations"] = parts
        yield

    def activities(self) -> Iterator[None]:
        a = self.buf.append
        rng = self.rng
        kinds = weighted((k, row[3]) for k, row in enumerate(ACTIVITY_KINDS))
        contexts = weighted((("network", 40), ("project", 25), ("agreement", 25), ("wg", 10)))
        per_kind = [0] * len(ACTIVITY_KINDS)
        n = self.plan["activities"]
        for k in range(n):
            kind = k if k < len(ACTIVITY_KINDS) else self.pick(kinds)
            per_kind[kind] += 1
            cls, nb_pat, en_pat, _ = ACTIVITY_KINDS[kind]
            s = ex(f"activity-{k}")
            context = self.pick(contexts)
            if context == "agreement" and self.agreement_iris:
                j = self.zipf(self.city_cum) % len(self.agreement_iris)
                part_of = self.agreement_iris[j]
                people = [self.city_iris[c] for c in self.agreement_parties[j]]
                place = self.agreement_parties[j][1]
            else:
                if context == "project":
                    part_of = self.project_iris[self.zipf(self.city_cum) % len(self.project_iris)]
                elif context == "wg":
                    part_of = rng.choice(self.wg_iris)
                else:
                    part_of = self.network_iris[self.zipf(self.network_cum)]
                people = [self.actor_iris[i] for i in self.sample_distinct(self.actor_cum, rng.randint(1, 4))]
                place = self.zipf(self.city_cum)
            cnb, cen = self.city_names[place]
            year = rng.randint(2000, 2025)
            nb, en = nb_pat.format(c=cnb) + f" {year}", en_pat.format(c=cen) + f" {year}"
            a(f"{s} {A} {ikg(cls)} .\n")
            self.labels(s, nb, en)
            a(f"{s} {PART_OF} {part_of} .\n")
            a(f"{s} {LOCATION} {self.city_iris[place]} .\n")
            for p in people:
                a(f"{s} {PARTICIPANT} {p} .\n")
            if rng.random() < 0.6:
                a(f"{s} {P_TARGET_AREA} {self.pick(self.ta_table)} .\n")
            if rng.random() < 0.2:
                a(f"{s} {P_SDG} {self.pick(self.sdg_table)} .\n")
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.5 else None
            self.interval(s, PERIOD, year, None, date)
            self.cite(s, nb)
            if k % 512 == 511:
                yield
        for k, (cls, *_rest) in enumerate(ACTIVITY_KINDS):
            self.counts[f"activity:{cls}"] = per_kind[k]
        self.counts["activities"] = n
        yield

    def dataset(self) -> Iterator[None]:
        a = self.buf.append
        s = ex("dataset")
        a(f"{s} {A} {DATASET} .\n")
        nb, en = self.city_names[0]
        self.labels(s, f"Internasjonalt samarbeid – {nb}", f"International cooperation – {en}")
        a(f"{s} {HOME_ACTOR} {self.city_iris[0]} .\n")
        yield

    def run(self) -> Iterator[str]:
        for section in (self.vocabulary, self.cities, self.organisations, self.dataset,
                        self.networks, self.memberships, self.agreements, self.working_groups,
                        self.projects, self.activities):
            for _ in section():
                if self.buf:
                    self.flushed += len(self.buf)
                    yield from self.buf
                    self.buf.clear()
        self.counts["triples"] = self.flushed


def generate(triples: int, seed: int = 42, stats: dict | None = None) -> Iterator[str]:
    """Yield the N-Triples lines (each ending in " .\\n") of a graph of about `triples` triples.

    If `stats` is a dict, it is filled with the counts per kind (and "triples") once the
    iterator is exhausted.
    """
    if triples < 1:
        raise ValueError("triples must be positive")
    gen = _Gen(triples, seed)
    yield from gen.run()
    if stats is not None:
        stats.update(gen.counts)


def write(path, triples: int, seed: int = 42) -> dict:
    """Write the graph to `path` as N-Triples (UTF-8); return the counts per kind."""
    stats: dict = {}
    path = Path(path)
    if path.parent != Path(""):
        path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        chunk: list[str] = []
        for line in generate(triples, seed, stats):
            chunk.append(line)
            if len(chunk) >= 65536:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    return stats


def summary(stats: dict, seconds: float) -> str:
    main = ("cities", "countries", "organisations", "networks", "memberships", "agreements",
            "projects", "participations", "working_groups", "activities", "programmes",
            "documents", "sections")
    parts = [f"{k}={stats[k]}" for k in main if k in stats]
    return f"{' '.join(parts)} triples={stats.get('triples', 0)} seconds={seconds:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, required=True, help="about how many triples")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True, help="output file (.nt)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = write(args.out, args.triples, args.seed)
    print(summary(stats, time.perf_counter() - started), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
