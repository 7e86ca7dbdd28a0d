"""The Change history page: every recorded change, one change in plain words (its triples one click
away), and for editors its undo."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import graph.history.changes as history
import graph.store.base as gstore
from graph.errors import IkgError
from graph.i18n import TEXT, escape_md, t, when
from graph.render.view.changes_text import change_lines
from graph.ui import cache, context
from graph.vocab.labels import quote
from graph.vocab.namespaces import bind_prefixes

LONG_LITERAL = 300  # characters of an object shown before it is cut
TIME_WIDTH = 185  # pixels: a change's time with its zone, «28. sep. 2026, 23:59 CEST», whole


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("history.title", lang))
    st.caption(t("history.intro", lang))
    if "history_done" in st.session_state:
        st.success(escape_md(st.session_state.pop("history_done")))
    changes = history.changes(ctx.store, limit=500)
    if not changes:
        st.info(t("history.empty", lang))
        return
    what = cache.change_items(ctx.store, ctx.key, lang)
    frame = change_frame(changes, lang, what)
    # the day, hour and zone whole («8. des. 2026, 02:21 CEST» was cut after «CE» at 130 pixels)
    st.dataframe(frame, hide_index=True, key="history_table", column_config={
        frame.columns[0]: st.column_config.TextColumn(width=TIME_WIDTH), frame.columns[3]: st.column_config.TextColumn(
            width="large"), frame.columns[4]: st.column_config.TextColumn(width="medium")})
    by_id = {c.id: c for c in changes}
    chosen = st.selectbox(t("history.pick", lang), list(by_id),
                          placeholder=t("common.choose", lang), key=f"history_pick.{lang}",
                          format_func=lambda i: " · ".join(x for x in (
                              when(by_id[i].time, lang), action_text(by_id[i], lang, by_id, what), what.get(i, ""),
                              by_id[i].editor, i) if x))
    change = by_id[chosen or changes[0].id]
    plain_words(ctx, change, action_text(change, lang, by_id, what))
    with st.expander(t("explorer.history.raw", lang)):
        st.code(diff_text(ctx.store, change.id, lang), language=None)
    if not ctx.editor:
        st.caption(t("history.login_to_undo", lang))
        return
    if change.undone_by:
        st.caption(undo_text(change, lang, by_id))
        return
    undo_form(ctx, change, ctx.editor)


def undo_form(ctx: context.PageContext, change: history.Change, editor: str) -> None:
    """Undo a change, as a new change, after the editor has confirmed it."""
    lang = ctx.lang
    with st.form("undo", clear_on_submit=True):
        why = st.text_input(t("history.undo_why", lang), key="undo_why")
        sure = st.checkbox(t("history.undo_confirm", lang, id=change.id), key="undo_sure")
        submitted = st.form_submit_button(t("history.undo", lang))
    if not submitted:
        return
    if not sure:
        st.error(t("history.undo_unconfirmed", lang))
        return
    try:
        done = history.undo(ctx.store, change.id, editor=editor, why=why, lang=lang)
    except IkgError as exc:
        st.error(escape_md(str(exc)))
        return
    st.session_state["history_done"] = t("history.undone", lang, id=change.id, new=done.id)
    st.rerun()


def plain_words(ctx: context.PageContext, change: history.Change, action: str) -> None:
    """Who changed what, when and why, as sentences: "Annual cost of X in Y: – → 25,000 NOK"."""
    lang = ctx.lang
    added, removed = history.diff(ctx.store, change.id, lang)
    who = t("explorer.history.by", lang, editor=change.editor, when=when(change.time, lang), action=action)
    st.markdown(f"**{escape_md(who)}**")
    if change.comment:
        st.text(t("history.why", lang, why=change.why(lang)))
    lines = change_lines(ctx.store, added, removed, lang)
    shown = lines[:200]
    st.markdown("\n".join(f"- {escape_md(line)}" for line in shown) or escape_md(t("common.none", lang)))
    if len(lines) > len(shown):
        st.caption(t("explorer.history.more", lang, n=len(lines) - len(shown)))


def action_name(code: str, lang: str) -> str:
    """A change's action in words: 'correct-membership' -> 'corrected a membership' / 'rettet et medlemskap'."""
    if f"explorer.action.{code}" in TEXT["en"]:
        return t(f"explorer.action.{code}", lang)
    verb, _, kind = code.partition("-")
    if kind and f"explorer.action.{verb}" in TEXT["en"]:
        name = (t(f"explorer.kind.{kind}", lang) if f"explorer.kind.{kind}" in TEXT["en"]
                else kind.replace("-", " "))
        return t(f"explorer.action.{verb}", lang, kind=name)
    return code


def change_frame(changes: list[history.Change], lang: str, what: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per change: time, editor, action, what it touched, why, undo links, triples added and
    removed, id (what a manager reads first, first)."""
    what = what or {}
    by_id = {c.id: c for c in changes}
    rows = []
    for c in changes:
        rows.append([when(c.time, lang), c.editor, action_text(c, lang, by_id, what), what.get(c.id, ""), c.why(lang),
                     undo_text(c, lang, by_id), f"+{c.added_count} −{c.removed_count}", c.id])
    cols = [t(f"history.col.{name}", lang)
            for name in ("time", "editor", "action", "what", "why", "undo", "triples", "id")]
    return pd.DataFrame(rows, columns=cols)


def action_text(change: history.Change, lang: str, by_id: dict[str, history.Change], what: dict[str, str],
                depth: int = 0) -> str:
    """The action in words; an undo with what it undid: 'undid “added an actor: Testteateret”', and an undo of an
    undo with what it brought back: 'restored “added an actor: Testteateret”' (not 'undid “undid “…”'”)."""
    undone = by_id.get(change.undoes or "")
    if change.action != "undo" or undone is None or depth > 1:
        return action_name(change.action, lang)
    original = by_id.get(undone.undoes or "") if undone.action == "undo" else None
    if original is not None and original.action != "undo":
        told = action_name(original.action, lang)
        return t("history.restored", lang, change=quote(f"{told}: {what[original.id]}" if what.get(original.id)
                                                           else told, lang))
    told = action_text(undone, lang, by_id, what, depth + 1)
    if undone.action != "undo" and what.get(undone.id):
        told = f"{told}: {what[undone.id]}"
    return t("history.undid", lang, change=quote(told, lang))


def undo_text(change: history.Change, lang: str, by_id: dict[str, history.Change]) -> str:
    """Who undid a change and when ('undone by Kari, 7 Dec 2026, 18:59'), or when the change an undo undid was
    made; by id when that change is not listed."""
    if change.undone_by:
        later = by_id.get(change.undone_by)
        return (t("history.undone_by_who", lang, editor=later.editor, when=when(later.time, lang)) if later
                else t("history.undone_by", lang, id=change.undone_by))
    if change.undoes:
        earlier = by_id.get(change.undoes)
        return (t("history.undoes_when", lang, when=when(earlier.time, lang)) if earlier
                else t("history.undoes", lang, id=change.undoes))
    return ""


def diff_text(store: gstore.Store, change_id: str, lang: str) -> str:
    """A change's triples, removed (−) then added (+), with prefixes; long literals cut."""
    added, removed = history.diff(store, change_id, lang)
    lines = []
    for sign, triples in (("−", removed), ("+", added)):
        nm = bind_prefixes(triples).namespace_manager
        for s, p, o in sorted(triples, key=lambda tr: tuple(term.n3() for term in tr)):
            obj = o.n3(nm)
            if len(obj) > LONG_LITERAL:
                obj = obj[:LONG_LITERAL] + " …"
            lines.append(f"{sign} {s.n3(nm)} {p.n3(nm)} {obj}")
    return "\n".join(lines) or t("common.none", lang)


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
