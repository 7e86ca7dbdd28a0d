"""The view's own words in Norwegian and English (notes, panel headings, names of the kinds of tie)."""

from __future__ import annotations

TEXT: dict[str, dict] = {
    "en": {
        "overview": "Showing the {shown} most central of {total} nodes (by {measure}); search, filter or "
                    "focus on a node to see the rest.",
        "all": "Showing all {shown} nodes.",
        "none": "No nodes match the filters.",
        "focus": "{label} and everything within {steps}: {shown} nodes.",
        "focus_cut": "Showing the {shown} nearest of {total} nodes within {steps} of {label}.",
        "steps": ("{n} step", "{n} steps"),
        "not_found": "{label} has no ties in the network; showing the overview instead.",
        "sampled": " Betweenness is estimated from {k} sampled nodes.",
        "degree": "degree", "betweenness": "betweenness",
        "since": "Since", "until": "Until", "status": "Status", "type": "Agreement type", "kind": "Kind",
        "target_areas": "Target areas", "sdgs": "SDGs", "other_labels": "Other names",
        "coordinates": "Coordinates", "place": "Place", "country": "Country",
        "sources": "Sources", "ties": "Ties", "facts": "Facts",
        "more": "and {n} more", "more_ties": "and {n} more not drawn here",
        "hint": "Click a node to see its details.",
        "rel_actor": {"member": "member of", "partner": "partner in", "party": "party to",
                      "participant": "takes part in"},
        "rel_thing": {"member": "member", "partner": "partner", "party": "party", "participant": "participant"},
        "rel_legend": {"member": "membership", "partner": "project partner", "party": "party to an agreement",
                       "participant": "participant (working group, activity)"},
        "family": {"cities": "Cities and municipal units", "knowledge": "Universities and research",
                   "business": "Business", "public": "Public and international bodies",
                   "society": "Civil society and culture", "networks": "Networks and working groups",
                   "projects": "Projects", "agreements": "Agreements and city relations",
                   "twins": "Twin-city agreements", "activities": "Activities", "other": "Other"},
        "cluster": "Cluster around {label} ({n})",
        "png": "Save as PNG", "fit": "Fit to window",
        "labels_hidden": "{n} names hidden to keep the names readable: zoom in to see them.",
        "collapsed": "{label} + {n}",
        "collapsed_title": "Cluster around {label}: {n} nodes. Click to open it.",
        "ties_between": ("{n} tie between these clusters", "{n} ties between these clusters"),
        "collapsed_note": ("{n} cluster is drawn as one node: click it to open it.",
                           "{n} clusters are drawn as one node each: click one to open it."),
        "all_open": "Every cluster is open.",
        "clear_highlight": "Clear highlight",
        "chain_note": ("The chain and what lies next to it: {shown} nodes.",
                       "The {n} chains and what lies next to them: {shown} nodes."),
    },
    "nb": {
        "overview": "Viser de {shown} mest sentrale av {total} noder (etter {measure}); søk, filtrer eller "
                    "fokuser på en node for å se resten.",
        "all": "Viser alle {shown} noder.",
        "none": "Ingen noder passer med filtrene.",
        "focus": "{label} og alt innen {steps}: {shown} noder.",
        "focus_cut": "Viser de {shown} nærmeste av {total} noder innen {steps} fra {label}.",
        "steps": ("{n} steg", "{n} steg"),
        "not_found": "{label} har ingen koblinger i nettverket; viser oversikten i stedet.",
        "sampled": " Mellomsentralitet er anslått ut fra {k} utvalgte noder.",
        "degree": "antall koblinger", "betweenness": "mellomsentralitet",
        "since": "Fra", "until": "Til", "status": "Status", "type": "Avtaletype", "kind": "Type",
        "target_areas": "Målområder", "sdgs": "Bærekraftsmål", "other_labels": "Andre navn",
        "coordinates": "Koordinater", "place": "Sted", "country": "Land",
        "sources": "Kilder", "ties": "Koblinger", "facts": "Fakta",
        "more": "og {n} til", "more_ties": "og {n} til som ikke er tegnet her",
        "hint": "Klikk på en node for å se detaljene.",
        "rel_actor": {"member": "medlem av", "partner": "partner i", "party": "part i", "participant": "deltar i"},
        "rel_thing": {"member": "medlem", "partner": "partner", "party": "part", "participant": "deltaker"},
        "rel_legend": {"member": "medlemskap", "partner": "prosjektpartner", "party": "part i en avtale",
                       "participant": "deltaker (arbeidsgruppe, aktivitet)"},
        "family": {"cities": "Byer og kommunale enheter", "knowledge": "Universiteter og forskning",
                   "business": "Næringsliv", "public": "Offentlige og internasjonale organer",
                   "society": "Sivilsamfunn og kultur", "networks": "Nettverk og arbeidsgrupper",
                   "projects": "Prosjekter", "agreements": "Avtaler og byrelasjoner",
                   "twins": "Vennskapsbyavtaler", "activities": "Aktiviteter", "other": "Annet"},
        "cluster": "Klynge rundt {label} ({n})",
        "png": "Lagre som PNG", "fit": "Tilpass til vinduet",
        "labels_hidden": "{n} navn er skjult så navnene kan leses: zoom inn for å se dem.",
        "collapsed": "{label} + {n}",
        "collapsed_title": "Klynge rundt {label}: {n} noder. Klikk for å åpne den.",
        "ties_between": ("{n} kobling mellom disse klyngene", "{n} koblinger mellom disse klyngene"),
        "collapsed_note": ("{n} klynge er tegnet som én node: klikk på den for å åpne den.",
                           "{n} klynger er tegnet som én node hver: klikk på en for å åpne den."),
        "all_open": "Alle klyngene er åpne.",
        "clear_highlight": "Fjern uthevingen",
        "chain_note": ("Kjeden og det som ligger inntil den: {shown} noder.",
                       "De {n} kjedene og det som ligger inntil dem: {shown} noder."),
    },
}


def text(lang: str) -> dict:
    """The words in `lang` (English for anything but 'nb')."""
    return TEXT["nb" if lang == "nb" else "en"]


def period(since: int | None, until: int | None) -> str:
    """'2016–2019', '2015–', '' without dates.

    >>> period(2016, 2019), period(2015, None), period(None, None)
    ('2016–2019', '2015–', '')
    """
    if since is None and until is None:
        return ""
    return f"{since if since is not None else ''}–{until if until is not None else ''}"


def listing(items, t: dict, n: int = 5) -> str:
    """The first `n` items joined by '; ', then 'and N more'."""
    items = list(items)
    extra = f" {t['more'].format(n=len(items) - n)}" if len(items) > n else ""
    return "; ".join(items[:n]) + extra
