"""The Import page (editors only): templates to download; a file to upload, checked and previewed, then
written on confirmation, all or nothing (the work is in graph/edit/importing.py)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Literal

import pandas as pd
import streamlit as st

import graph.edit.importing as importing
import graph.edit.tabular as tabular
import graph.edit.uploads as uploads
from graph.edit.editing import KIND_BY_NAME, kind_spec
from graph.errors import InputError
from graph.i18n import escape_md, number, t
from graph.ui import context, widget_texts
from graph.ui.state import done, flash, wkey
from graph.vocab.collate import name_key

UPLOAD_TYPES = ["csv", "xlsx", "ttl", "jsonld", "json", "nt"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# every kind `ikg template` knows: countries, places, documents and target areas too (a new city adds its
# twin cities' countries before them)
TEMPLATE_KINDS = tuple(KIND_BY_NAME)
Size = Literal["small", "medium", "large"]
WRAPPED = 50  # problems shown whole, lines wrapped; more go in a table that scrolls


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    if not ctx.editor:  # the frame registers this page for editors only; it says so itself as well
        st.warning(t("login.required", lang))
        return
    st.header(t("importpage.title", lang))
    st.caption(t("importpage.intro", lang))
    flash("import_done")
    templates(ctx)
    upload(ctx, ctx.editor)


def templates(ctx: context.PageContext) -> None:
    """The CSV and XLSX template of a kind, made when clicked, in the user's language."""
    lang, store = ctx.lang, ctx.store
    st.subheader(t("importpage.templates", lang))
    c1, c2, c3 = st.columns([3, 2, 2], vertical_alignment="bottom")
    kind = c1.selectbox(t("importpage.template_kind", lang), list(TEMPLATE_KINDS),
                        format_func=lambda k: kind_spec(k).label(lang),
                        placeholder=t("common.choose", lang), key=wkey("import_tpl_kind", lang, "membership"))
    kind = kind or "membership"
    c2.download_button(t("importpage.csv", lang), lambda: tabular.template(kind, "csv", lang, store=store),
                       file_name=f"{kind}-{lang}.csv", mime="text/csv", key="import_tpl_csv",
                       on_click="ignore", width="stretch")
    c3.download_button(t("importpage.xlsx", lang), lambda: tabular.template(kind, "xlsx", lang, store=store),
                       file_name=f"{kind}-{lang}.xlsx", mime=XLSX_MIME, key="import_tpl_xlsx",
                       on_click="ignore", width="stretch")
    st.caption(t("importpage.templates_help", lang))


def upload(ctx: context.PageContext, editor: str) -> None:
    """A file, checked once per file, kind, language and store generation; its preview; the confirmation."""
    lang, store = ctx.lang, ctx.store
    st.subheader(t("importpage.upload", lang))
    limit = uploads.max_upload_bytes(lang)
    limit_text = t("importpage.limit", lang, limit=uploads.size_text(limit, lang))
    table_kind = st.selectbox(t("importpage.kind", lang), ["", *TEMPLATE_KINDS],
                              format_func=lambda k: kind_spec(k).label(lang) if k else t("importpage.kind_auto", lang),
                              placeholder=t("common.choose", lang), key=wkey("import_kind", lang, ""),
                              help=t("importpage.kind_help", lang))
    upload_round = st.session_state.setdefault("import_round", 0)  # a new uploader after each import
    file = widget_texts.file_uploader(t("importpage.file", lang), key=f"import_file_{upload_round}", types=UPLOAD_TYPES,
                                      max_bytes=limit, lang=lang, help=limit_text)  # (its box says the limit)
    if file is None:
        st.session_state.pop("import_prepared", None)
        return
    data = file.getvalue()
    signature = (file.file_id, file.name, len(data), table_kind, lang, ctx.key)
    held = st.session_state.get("import_prepared")
    if held is None or held[0] != signature:
        result: importing.Preview | InputError
        try:
            result = importing.prepare(store, file.name, data, lang=lang, kind=table_kind or None, max_bytes=limit)
        except InputError as exc:
            result = exc
        held = st.session_state["import_prepared"] = (signature, result)
    prepared = held[1]
    if isinstance(prepared, InputError):
        show_refusal(prepared, file.name, lang)
        return
    show_preview(prepared, lang)
    if prepared.is_empty:
        return
    with st.form("import_confirm_form", clear_on_submit=False):
        why = st.text_input(t("importpage.why", lang), key="import_why",
                            placeholder=t("import.why_default", lang, name=PurePath(file.name).name))
        submitted = st.form_submit_button(t("importpage.confirm", lang), key="import_confirm", type="primary")
    if not submitted:
        return
    try:
        change = importing.apply(store, prepared, editor=editor, why=why, lang=lang)
    except InputError as exc:
        st.session_state.pop("import_prepared", None)
        show_refusal(exc, file.name, lang)
        return
    st.session_state["import_round"] = upload_round + 1
    st.session_state.pop("import_prepared", None)
    st.session_state.pop("import_why", None)
    done("import_done", t("importpage.saved", lang, name=PurePath(file.name).name, id=change.id,
                          add=number(change.added_count, lang)))


def _entity_frame(entities: list[importing.Entity], lang: str) -> pd.DataFrame:
    rows = sorted(([e.kind, e.label, e.iri] for e in entities),
                  key=lambda r: (name_key(r[0], lang), name_key(r[1], lang), r[1]))
    return pd.DataFrame(rows, columns=[t(f"importpage.col.{c}", lang) for c in ("kind", "name", "iri")])


def _widths(sizes: dict[str, Size], lang: str, cols: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Each column's width (of `cols`, else of every column sized): the widest for the text people read (the
    problem, the value)."""
    return {t(f"importpage.col.{c}", lang): st.column_config.TextColumn(width=sizes[c])
            for c in (cols or tuple(sizes)) if c in sizes}


def _values_frame(preview: importing.Preview) -> pd.DataFrame:
    """Thing, what, (before,) after: a "before" column only when the file changes what the graph has."""
    lang = preview.lang
    cols = ("item", "what", "before", "after") if len(preview.remove) else ("item", "what", "after")
    rows = [[line.item, line.what[:1].upper() + line.what[1:], *([line.before] if len(cols) == 4 else []), line.after]
            for line in preview.values]
    return pd.DataFrame(rows, columns=[t(f"importpage.col.{c}", lang) for c in cols])


def show_preview(preview: importing.Preview, lang: str) -> None:
    """What the import would add and change, with its warnings; nothing is written yet."""
    st.subheader(t("importpage.preview", lang))
    if preview.is_empty:
        st.info(t("import.preview.nothing", lang))
        return
    st.text(t("import.preview.counts", lang, add=number(preview.added_count, lang),
              remove=number(preview.removed_count, lang)))
    if preview.summary:
        st.text(preview.summary)
    for warning in preview.warnings:  # first: what to look at before confirming
        st.warning(escape_md(warning))
    if preview.new:
        st.markdown(f"**{escape_md(t('importpage.new', lang, n=number(len(preview.new), lang)))}**")
        st.dataframe(_entity_frame(preview.new, lang), hide_index=True, key="import_new")
    if preview.changed:
        st.markdown(f"**{escape_md(t('importpage.changed', lang, n=number(len(preview.changed), lang)))}**")
        st.dataframe(_entity_frame(preview.changed, lang), hide_index=True, key="import_changed")
    if preview.values:
        st.markdown(f"**{escape_md(t('importpage.values', lang, n=number(len(preview.values), lang)))}**",
                    help=t("importpage.values_help", lang))
        sizes: dict[str, Size] = {"item": "medium", "what": "small", "before": "medium", "after": "large"}
        st.dataframe(_values_frame(preview), hide_index=True, key="import_values",
                     column_config=_widths(sizes, lang))
    elif not preview.values_told:
        st.caption(t("import.preview.values_untold", lang))


def show_refusal(exc: InputError, name: str, lang: str) -> None:
    """A refused file: every problem in a table (row and column, or line and column); nothing was written."""
    cols: tuple[str, ...]
    if isinstance(exc, tabular.TableErrors):
        cols = ("row", "column", "problem")
        rows = [["" if row is None else str(row), column, message] for row, column, message in exc.problems]
    elif isinstance(exc, importing.ImportErrors):
        cols = ("line", "column", "where", "problem")
        rows = [["" if p.line is None else str(p.line), "" if p.column is None else str(p.column),
                 p.location if p.line is None else "", p.message] for p in exc.problems]
    else:
        st.error(escape_md(str(exc)))
        return
    shown = [i for i, c in enumerate(cols) if c == "problem" or any(r[i] for r in rows)]  # no empty column
    cols, rows = tuple(cols[i] for i in shown), [[r[i] for i in shown] for r in rows]
    n = len(rows)
    st.error(escape_md(t("importpage.refused_one" if n == 1 else "importpage.refused_many", lang,
                         name=PurePath(name).name, n=number(n, lang))))
    frame = pd.DataFrame(rows, columns=[t(f"importpage.col.{c}", lang) for c in cols])
    if n <= WRAPPED:  # a table whose lines wrap: every message read whole
        st.table(frame, hide_index=True)
        return
    sizes: dict[str, Size] = {"row": "small", "line": "small", "column": "medium", "where": "medium",
                              "problem": "large"}
    st.dataframe(frame, hide_index=True, key="import_problems", column_config=_widths(sizes, lang, cols))


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
