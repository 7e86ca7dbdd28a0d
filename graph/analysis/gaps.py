"""The gap analysis: which named questions reveal gaps in the portfolio, and why each matters."""

from __future__ import annotations

from dataclasses import dataclass

import graph.analysis.network as analysis
from graph.questions.catalogue import Table, labels_of, run
from graph.store.base import Store


@dataclass(frozen=True)
class Gap:
    question: str
    title: dict[str, str]
    why: dict[str, str]


GAPS = [
    Gap(
        "thin-target-areas",
        {"en": "Target areas with few networks and projects", "nb": "Målområder med få nettverk og prosjekter"},
        {
            "en": "A target area the strategy names but few networks or projects serve will see little international input.",
            "nb": "Et målområde som strategien nevner, men som få nettverk eller prosjekter tjener, får lite internasjonalt påfyll.",
        },
    ),
    Gap(
        "uncovered-sdgs",
        {"en": "SDGs no network or project serves", "nb": "Bærekraftsmål ingen nettverk eller prosjekter tjener"},
        {
            "en": "The strategy builds on the UN SDGs; a goal with no network or project has no international partner behind it.",
            "nb": "Strategien bygger på FNs bærekraftsmål; et mål uten nettverk eller prosjekt har ingen internasjonal partner bak seg.",
        },
    ),
    Gap(
        "inactive-twin-cities",
        {"en": "Twin cities with no recorded activity since the chosen year", "nb": "Vennskapsbyer uten registrert aktivitet siden valgt år"},
        {
            "en": "A twin-city agreement with nothing going on is a candidate for the next review of memberships.",
            "nb": "En vennskapsbyavtale uten aktivitet er en kandidat ved neste gjennomgang av medlemskap.",
        },
    ),
    Gap(
        "unowned-networks",
        {"en": "Networks with no responsible unit", "nb": "Nettverk uten ansvarlig enhet"},
        {
            "en": "A membership nobody owns is rarely followed up, and nobody can say what it brings.",
            "nb": "Et medlemskap ingen eier, blir sjelden fulgt opp, og ingen kan si hva det gir.",
        },
    ),
    Gap(
        "unassessed-memberships",
        {"en": "Memberships with no recorded cost or effect", "nb": "Medlemskap uten registrert kostnad eller effekt"},
        {
            "en": "A review of memberships weighs effect against cost; without them no keep-or-leave decision can be defended.",
            "nb": "En gjennomgang av medlemskap veier effekt mot kostnad; uten dem kan ingen beslutning om å beholde eller avslutte forsvares.",
        },
    ),
    Gap(
        "overlapping-networks",
        {"en": "Overlapping networks", "nb": "Overlappende nettverk"},
        {
            "en": "Two networks serving the same target area with the same members may do the same job twice.",
            "nb": "To nettverk som tjener samme målområde med de samme medlemmene, kan gjøre den samme jobben to ganger.",
        },
    ),
]


def gap_tables(store: Store, lang: str = "en", since: int = 2010,
               thin_max: int | None = None) -> list[tuple[Gap, Table]]:
    """Each gap with its answer on the store. Thin target areas are those served by at most `thin_max`
    networks and projects together; by default the thinnest (so the list is never empty)."""
    out = []
    for gap in GAPS:
        params = {"since": str(since)} if gap.question == "inactive-twin-cities" else {}
        if gap.question == "thin-target-areas":
            params = {"max": str(thinnest(store, lang) if thin_max is None else thin_max)}
        out.append((gap, run(store, gap.question, params, lang)))
    return out


def thinnest(store: Store, lang: str = "en") -> int:
    """How many networks and projects together serve the thinnest target area (0 without any)."""
    totals = [int(r["networks"] or 0) + int(r["projects"] or 0)
              for r in run(store, "coverage-target-areas", {}, lang).dicts()]
    return min(totals, default=0)


BROKERS_WHY = {
    "en": "Brokers hold parts of the network together: if one of them drops out, some actors lose their only link.",
    "nb": "Meglere holder deler av nettverket sammen: faller en av dem fra, mister noen aktører sin eneste kobling.",
}
ISOLATED_WHY = {
    "en": "Isolated actors are named in the sources but take part in nothing recorded: a missing link or an unused partner.",
    "nb": "Isolerte aktører er nevnt i kildene, men deltar ikke i noe registrert: en manglende kobling eller en ubrukt partner.",
}


def network_gaps(store: Store, lang: str = "en") -> tuple[list[str], list[str]]:
    """Labels of brokers and of isolated actors, from the network analysis."""
    g = analysis.collaboration_graph(store, lang)
    brokers = [g.nodes[n]["label"] for n in analysis.brokers(store, lang)]
    labels = labels_of(store, lang)
    isolated = [labels.get(x, x) for x in analysis.isolated_actors(store, lang)]
    return sorted(brokers, key=str.casefold), sorted(isolated, key=str.casefold)
