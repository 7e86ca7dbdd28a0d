"""The assessment form of the review page: always the chosen item's assessment in the chosen round.

The fields keep their keys (tests and the browser find them by key), and the form knows which (round,
item) its fields hold: when another item or round is chosen, every field is filled again, from that
item's unsaved draft if there is one, else from its saved assessment in the round, else the defaults.
Values are never carried over. The drafts live in a plain dict of the session, so switching items keeps
each item's unsaved edits; the page lists them until they are saved or discarded, and a reload or leaving
the app meanwhile asks first. When the shown item's saved assessment changes under the form (a workbook
taken back, another editor, an undo), a form nobody has typed into shows the new one; typed edits stay,
with a warning that saving replaces what was saved meanwhile, also when they are another item's draft,
chosen again after its assessment changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

import graph.analysis.assessments as reads
import graph.edit.assessments as saving
from graph.errors import InputError
from graph.i18n import day, escape_md, t
from graph.ui import cache, context, widget_texts

DRAFTS = "review_drafts"  # (round IRI, item IRI) -> (unsaved edits {field: value}, the saved values they were made on)
SAVED = "review_saved"  # the confirmation shown once after the rerun that follows a save


# While any item has unsaved edits, a reload or leaving the app asks first (the browser's own question): the
# edits live in this browser session only. Fixed text, nothing from the data; one listener per window, which
# asks only while the notice of unsaved edits is on the page.
UNSAVED = "review_unsaved"
LEAVE_GUARD = ("<script>(() => { if (window.__ikgLeaveGuard) return; window.__ikgLeaveGuard = true; "
               "window.addEventListener('beforeunload', (e) => { if (document.querySelector('.st-key-" + UNSAVED
               + "')) { e.preventDefault(); e.returnValue = ''; } }); })();</script>")

SHOWN = "review_form_of"  # the (round IRI, item IRI) whose values the fields hold
FILLED = "review_form_base"  # the saved values (or defaults) of that item when its fields were filled


def field_keys(names: list[str], lang: str) -> dict[str, str]:
    """The widget key of each field; the scores and the recommendation keep one key per language (their
    shown text follows the language).

    >>> field_keys(["rel_1", "rec", "effect"], "en")
    {'rel_1': 'rel_1.en', 'rec': 'review_rec.en', 'effect': 'review_effect'}
    """
    fixed = {"effect": "review_effect", "cost_benefit": "review_cb", "comment": "review_comment",
             "reviewer": "review_reviewer", "date": "review_date", "rec": f"review_rec.{lang}"}
    return {name: fixed.get(name, f"{name}.{lang}") for name in names}


def stored_values(a: reads.Assessment | None, areas: list[str], editor: str) -> dict[str, Any]:
    """The form's values for a saved assessment, or the defaults (scores 0, no recommendation chosen, today, the
    editor): the recommendation is the reviewer's decision, never made for them."""
    values: dict[str, Any] = {f"rel_{n}": 0 for n in areas}
    values.update(effect="", cost_benefit="", comment="", rec=None, reviewer=editor, date=dt.date.today())
    if a is not None:
        values.update({f"rel_{n}": a.relevance.get(n, 0) for n in areas})
        values.update(effect=a.effect_seen, cost_benefit=a.cost_benefit, comment=a.comment,
                      rec=a.recommendation or None, reviewer=a.reviewer or editor)
        try:
            values["date"] = dt.date.fromisoformat(a.date[:10])
        except ValueError:
            pass
    return values


def assessment_form(ctx: context.PageContext, round_: reads.ReviewRound, item: str, names: dict[str, str],
                    editor: str) -> None:
    """The editable form of `item` in `round_` (read-only when the round is closed), with its save button."""
    lang = ctx.lang
    areas = cache.target_areas(ctx.store, ctx.key, lang)
    notations = [n for n, _ in areas]
    saved = next((a for a in cache.assessments(ctx.store, ctx.key, lang)
                  if a.item == item and a.round == round_.iri), None)
    base = stored_values(saved, notations, editor)
    drafts: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = st.session_state.setdefault(DRAFTS, {})
    shown = (round_.iri, item)
    start, made_on = drafts.get(shown, (base, base))
    keys = field_keys(list(base), lang)
    refill = st.session_state.get(SHOWN) != shown  # another item or round: nothing carries over
    if refill:  # a draft made before the item's assessment changed elsewhere keeps what it was made on
        filled = made_on if start != base else base
        under = None if filled == base else "keep"
    else:
        filled, under = base, changed_under(base, keys)
    if under == "follow":  # saved elsewhere (a workbook, another editor, an undo); nothing typed here: show it
        drafts.pop(shown, None)
        start, refill = base, True
    st.session_state[SHOWN] = shown
    if refill:
        st.session_state[FILLED] = filled
    for name, key in keys.items():
        if refill or key not in st.session_state:
            st.session_state[key] = start.get(name, base[name])
    if under == "keep":  # saved elsewhere while this form holds edits: keep them, and say saving replaces it
        st.warning(escape_md(t("form.changed_under" if saved is not None else "form.removed_under", lang,
                               date=day(saved.date, lang) if saved else "", reviewer=saved.reviewer if saved else "")))
    elif saved is not None:
        st.caption(escape_md(t("form.stored", lang, date=day(saved.date, lang), reviewer=saved.reviewer)))
    else:
        st.caption(t("form.empty", lang))
    off = round_.closed
    with st.container(key="review_form"):
        st.caption(t("review.relevance_help", lang))
        wide = max(1, min(len(areas), 2))  # two wide: a long name breaks between words
        for first in range(0, len(areas), wide):  # a row at a time: a phone, stacking columns, keeps 1, 2, 3 …
            for col, (notation, label) in zip(st.columns(wide), areas[first:first + wide], strict=False):
                col.select_slider(  # (columns made once stacked 1, 3, 5 above 2, 4 there)
                    escape_md(f"{notation} {label}"), [0, 1, 2, 3], format_func=lambda v: t(f"score.{v}", lang),
                    key=keys[f"rel_{notation}"], disabled=off)
        st.text_area(heading("col.effect_seen", lang), key=keys["effect"], disabled=off)
        st.text_area(heading("col.cost_benefit", lang), key=keys["cost_benefit"], disabled=off)
        st.radio(heading("col.recommendation", lang), list(reads.RECOMMENDATIONS), horizontal=True,
                 format_func=lambda r: t(f"rec.{r}", lang), key=keys["rec"], disabled=off)
        st.text_area(heading("col.comment", lang), key=keys["comment"], disabled=off)
        c1, c2 = st.columns(2)
        c1.text_input(heading("col.reviewer", lang), key=keys["reviewer"], disabled=off)
        with c2:
            widget_texts.date_input(heading("col.date", lang), lang=lang, key=keys["date"], disabled=off)
    current = {name: st.session_state[key] for name, key in keys.items()}
    if current != base:
        drafts[shown] = (current, st.session_state[FILLED])
    else:
        drafts.pop(shown, None)
    unsaved_notice(ctx, round_, item, names, keys)
    if off:
        return
    if st.button(t("review.save", lang), key="review_save", type="primary"):
        save(ctx, round_, item, names, current, had_one=saved is not None, keys=keys)
    if SAVED in st.session_state:
        st.success(escape_md(st.session_state.pop(SAVED)))


def changed_under(base: dict[str, Any], keys: dict[str, str]) -> str | None:
    """Whether the item's saved assessment changed since its fields were filled (saved from a workbook, by
    another editor, undone): None if not; "follow" when nothing was typed into the fields since (they show it
    now); "keep" when something was (the edits stay, and are not silently over an assessment never seen)."""
    filled = st.session_state.get(FILLED)
    if filled is None or filled == base:
        return None
    typed = any(key in st.session_state and st.session_state[key] != filled.get(name) for name, key in keys.items())
    return "keep" if typed else "follow"


def heading(key: str, lang: str) -> str:
    """A column's heading as a field's label: a capital first letter (effekt sett -> Effekt sett)."""
    text = t(key, lang)
    return text[:1].upper() + text[1:]


def unsaved_notice(ctx: context.PageContext, round_: reads.ReviewRound, item: str, names: dict[str, str],
                   keys: dict[str, str]) -> None:
    """Name the items of this round with unsaved edits, and offer to discard this item's."""
    drafts = st.session_state.get(DRAFTS, {})
    pending = sorted(names.get(i, i) for (r, i) in drafts if r == round_.iri)
    if not pending:
        return
    with st.container(key=UNSAVED):
        st.warning(escape_md(t("form.unsaved", ctx.lang, items="; ".join(pending))))
        st.html(LEAVE_GUARD, unsafe_allow_javascript=True)
    if (round_.iri, item) in drafts and st.button(t("form.discard", ctx.lang), key="review_discard"):
        forget(round_.iri, item, keys)
        st.rerun()


def forget(round_iri: str, item: str, keys: dict[str, str]) -> None:
    """Drop the item's draft and field values: the form is filled from the store again."""
    st.session_state.get(DRAFTS, {}).pop((round_iri, item), None)
    st.session_state.pop(SHOWN, None)  # the next run fills every field again
    st.session_state.pop(FILLED, None)


def save(ctx: context.PageContext, round_: reads.ReviewRound, item: str, names: dict[str, str],
         values: dict[str, Any], *, had_one: bool, keys: dict[str, str]) -> None:
    """Save the form's values (replacing the item's assessment in the round) and rerun, or show the error."""
    lang = ctx.lang
    relevance = {k.removeprefix("rel_"): int(v) for k, v in values.items() if k.startswith("rel_")}
    try:
        saving.save_assessment(ctx.store, item, round_.label if round_.new else round_.iri, relevance,
                               values["effect"] or "", values["cost_benefit"] or "", values["rec"] or "",
                               values["comment"] or "", values["reviewer"] or "", values["date"], lang=lang)
    except InputError as exc:
        st.error(escape_md(str(exc)))
        return
    forget(round_.iri, item, keys)
    st.session_state[SAVED] = t("form.replaced" if had_one else "review.saved", lang, item=names[item],
                                round=round_.label)
    st.rerun()
