"""The Collaborators page: who works with an actor and through what, and the chains between two actors. The
actor is kept in the address (?actor=ntnu, the home actor's page has none), so a link opens on it."""

from __future__ import annotations

import streamlit as st
from babel import Locale

import graph.analysis.network as analysis
import graph.render.view as view
from graph.i18n import escape_md, locale_of, number, t
from graph.ui import cache, context, network_component, state, tables
from graph.ui.state import wkey
from graph.vocab.labels import local_name

CHAIN_FOR = "chain_for"  # the actor the chain's ends were last set for: a reader's own ends stay until it changes


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("collab.title", lang))
    st.caption(t("collab.intro", lang))
    actors = cache.actors(ctx.store, ctx.key, lang)
    if not actors:
        st.info(t("collab.no_actors", lang))
        return
    labels = dict(actors)
    iris = list(labels)
    home = cache.home(ctx.store, ctx.key)
    home = home if home in labels else iris[0]
    if not state.same_page_as_before():  # a link opened (?actor=ntnu): its actor, when the graph has it
        asked = {local_name(i): i for i in iris}.get(state.page_params().get("actor", ""))
        if asked:
            state.set_picker("collab_actor", lang, asked)
    actor = st.selectbox(t("collab.actor", lang), iris, format_func=lambda i: labels[i],
                         placeholder=t("common.choose", lang), key=wkey("collab_actor", lang, home))
    state.set_page_params({} if actor == home else {"actor": local_name(actor)})  # a link to share opens on it
    table = cache.ask(ctx.store, ctx.key, "collaborators", (("actor", actor),), lang)
    st.text(t("collab.count", lang, n=number(len(table.rows), lang), actor=labels[actor]))
    tables.show_table(table, lang, key="collab_table")
    if table.rows:
        tables.csv_button(table, lang, f"{t('file.collaborators', lang)}.csv", "collab_csv")
    named = {label: iri for iri, label in labels.items()}  # the first collaborator: a chain there is to show
    partner = next((named[row[0]] for row in table.rows if row and row[0] in named and named[row[0]] != actor), None)
    chains(ctx, iris, labels, actor, partner)


def chains(ctx: context.PageContext, iris: list[str], labels: dict[str, str], actor: str,
           partner: str | None = None) -> None:
    """The chains of collaboration between two actors, as text and lit up on a drawing of their neighbourhood."""
    lang = ctx.lang
    st.subheader(t("collab.chains", lang))
    if st.session_state.get(CHAIN_FOR) != actor:  # an actor chosen above: the chain starts from it anew
        state.set_picker("chain_from", lang, actor)
        state.set_picker("chain_to", lang, partner if partner and partner != actor
                         else next((i for i in iris if i != actor), actor))
        st.session_state[CHAIN_FOR] = actor
    c1, c2, c3 = st.columns([2, 2, 1])
    a = c1.selectbox(t("collab.from", lang), iris, format_func=lambda i: labels[i],
                     placeholder=t("common.choose", lang), key=wkey("chain_from", lang, actor))
    other = partner if partner and partner != a else next((i for i in iris if i != a), a)
    b = c2.selectbox(t("collab.to", lang), iris, format_func=lambda i: labels[i],
                     placeholder=t("common.choose", lang), key=wkey("chain_to", lang, other))
    steps = int(c3.number_input(t("collab.max_steps", lang), 1, 6, 3, key="chain_max"))
    texts = analysis.chains_between(ctx.store, a, b, steps, lang, shortest_only=False)  # shortest first, by text
    if not texts:
        st.info(escape_md(t("collab.no_chain", lang, a=labels[a], b=labels[b], n=steps)))
        return
    found = [path for path, _ in texts]
    st.text(chain_count(len(found), lang))
    st.text("\n".join(text for _, text in texts))
    st.caption(t("explorer.chains_drawn", lang))
    drawing = view.chain_view(ctx.store, lang, found)
    lit = view.lit(drawing, None, found, clearable=True)
    network_component.draw(drawing, (ctx.key, "chains", lang, tuple(tuple(p) for p in found)), key="collab_drawing",
                           height=560, highlight=lit)


def chain_count(n: int, lang: str) -> str:
    """'1 chain:' or '3 chains (shortest first):', as the language's plural rules (Babel's CLDR data) say.

    >>> chain_count(1, "nb"), chain_count(2, "nb"), chain_count(1, "en"), chain_count(1234, "en")
    ('1 kjede:', '2 kjeder (korteste først):', '1 chain:', '1,234 chains (shortest first):')
    """
    form = Locale.parse(locale_of(lang)).plural_form(n)
    key = "collab.chain_count.one" if form == "one" else "collab.chain_count"
    return t(key, lang, n=number(n, lang))


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
