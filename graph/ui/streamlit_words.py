"""Streamlit's own English in the page's language: screen-reader labels, toolbar tooltips, the drop line.

Streamlit writes some texts of its page in English only, in its browser code, with no setting to change
them: what a screen reader says for a button ("Open", "Clear all", "Help for …"), the tooltips of a table's
and a chart's toolbar ("Download as CSV"), the uploader's "Drag and drop a file here". A short script,
sent with each run, watches the page and writes the language's word over each of these, exactly where
Streamlit put it and nowhere else:

* an `aria-label` or `title` that is one of these words, or starts with one of the prefixes ("Help for ",
  "Remove ", "day, ");
* the text of a tooltip, of the uploader's drop zone, of the skip link and of the calendar's hidden lines.

Only a whole value that is Streamlit's word is replaced, so nothing from the graph's data passes through
it. Back in English, each word it wrote is turned back into Streamlit's own.

The calendar a date field opens names its months and weekdays, and starts its weeks, as the browser's
language does (`navigator.language`, which Streamlit reads as it draws). Where the browser's language is not
the page's, the script gives the page's (nb-NO, en-GB) in its place, so a bokmål page in an English browser
has a Norwegian calendar starting on Monday.
"""

from __future__ import annotations

import json

import streamlit as st

from graph.i18n import t

# Streamlit's English (as Streamlit 1.67 writes it): the catalogue's key for it. In English the catalogue
# gives the same words back (tests/ui/test_streamlit_words.py checks), so English pages keep Streamlit's own.
WORDS = {
    "Drag and drop a file here": "sw.drag_drop",
    "Link to heading": "sw.link_to_heading",
    "Show password": "sw.show_password",
    "Hide password": "sw.hide_password",
    "Skip to main content": "sw.skip_to_main",
    "Sidebar": "sw.sidebar",
    "App pages": "sw.app_pages",
    "Collapse sidebar": "sw.collapse_sidebar",
    "Expand sidebar": "sw.expand_sidebar",
    "Open": "sw.open",
    "Clear all": "sw.clear_all",
    "Select all": "sw.select_all",  # the first option of a multiselect's list
    "Selected values": "sw.selected_values",
    "file upload": "sw.file_upload",
    "Add files": "sw.add_files",  # the + beside a chosen file
    "Page not found": "sw.page_not_found",  # the dialog over an address of no page (an old or mistyped link)
    "The page that you have requested does not seem to exist. Running the app's main page.": "sw.page_not_found_why",
    "Close": "sw.close",
    "Choose date": "sw.choose_date",
    "Previous month": "sw.previous_month",  # the calendar a date field opens
    "Next month": "sw.next_month",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.": "sw.calendar_keys",
    "Search": "sw.search",
    "Show/hide columns": "sw.show_hide_columns",
    "Download as CSV": "sw.download_csv",
    "Fullscreen": "sw.fullscreen",
    "Close fullscreen": "sw.close_fullscreen",
    "Download as PNG": "sw.download_png",
    "Show data": "sw.show_data",
    "Copy Vega-Lite spec": "sw.copy_chart_spec",
    "Copy to clipboard": "sw.copy",  # a code block's button
    "progress": "sw.progress",  # a progress bar
    "Increment": "sw.increment",  # a number field's + and - buttons
    "Decrement": "sw.decrement",
    "graph.ui.network_component.ikg_network": "sw.network_frame",  # the network's frame (its component's name)
    "st.iframe": "sw.map_frame",  # the map's frame (the one st.iframe of the app)
}
# words with a count in them, # standing for the number
COUNTED = {
    "Select # matches": "sw.select_matches",  # the first option of a multiselect's list while searching
}
CALENDAR = '[data-testid="stDateInputCalendar"]'
# the start of a label Streamlit makes from a widget's own label or an option's name, and the elements
# that carry it (elsewhere a label starting so is left alone)
PREFIXES = {
    "Help for ": ("sw.help_for", "button"),  # a help icon's button
    "Remove ": ("sw.remove", "button"),  # the cross on a multiselect's chosen option
    "day, ": ("sw.day", '[data-testid="stDateInputField"] *'),  # the parts of a date field
    "month, ": ("sw.month", '[data-testid="stDateInputField"] *'),
    "year, ": ("sw.year", '[data-testid="stDateInputField"] *'),
    "Choose date, ": ("sw.choose_date_in", f"{CALENDAR} *"),  # the calendar's month, for a screen reader
}
# elements whose label is the name of an option (a multiselect's chosen ones): data, never written over
DATA_LABELS = '[data-baseweb="tag"] :not(button)'

# where a text node (not an attribute) holds one of the words
TEXT_PLACES = ('[data-testid="stTooltipContent"]', '[data-testid="stFileUploaderDropzone"] div > span',
               '[data-testid="stSkipToContent"]', f"{CALENDAR} > span", f"{CALENDAR} h2",
               '[role="dialog"] > h2', '[role="dialog"] > h2 + div > div', '[data-key="__select_all__"] > div',
               '[data-key="__select_matches__"] > div')

# the browser language the calendar is given in each of the app's languages where the browser's own is another
# (a further language: its own code, e.g. sv)
LOCALES = {"nb": "nb-NO", "en": "en-GB"}

KEY = "ikg_streamlit_words"
_SCRIPT = """<script>
(() => {
  const cfg = %s;
  const w = window;
  const back = w.__ikgBack = w.__ikgBack || {words: {}, prefixes: {}};  // any language's word: Streamlit's
  for (const [en, word] of Object.entries(cfg.words)) { back.words[en] = en; back.words[word] = en; }
  for (const [en, word] of Object.entries(cfg.prefixes)) { back.prefixes[en] = en; back.prefixes[word] = en; }
  back.counted = back.counted || {};
  for (const [en, word] of Object.entries(cfg.counted)) { back.counted[en] = en; back.counted[word] = en; }
  w.__ikgWords = cfg;
  // the calendar a date field opens speaks navigator.language (month and weekday names, the first day of
  // the week): the browser's own where it is the page's language, else the page's
  const own = Object.getOwnPropertyDescriptor(Navigator.prototype, 'language').get.call(navigator) || '';
  if (own.split('-')[0] === cfg.locale.split('-')[0]) delete navigator.language;
  else Object.defineProperty(navigator, 'language', {configurable: true, get: () => cfg.locale});
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const now_ = () => w.__ikgWords;
  const say = (value, e) => {
    const now = w.__ikgWords;
    if (has(back.words, value)) return now.words[back.words[value]];
    const n = value.match(/[0-9]+/);
    if (n && has(back.counted, value.replace(n[0], '#'))) {
      return now.counted[back.counted[value.replace(n[0], '#')]].replace('#', n[0]);
    }
    if (!e) return value;
    for (const p of Object.keys(back.prefixes)) {
      const en = back.prefixes[p];
      if (value.startsWith(p) && value.length > p.length && e.matches(now.prefixPlaces[en])) {
        return now.prefixes[en] + value.slice(p.length);
      }
    }
    return value;
  };
  const fixText = (n) => {
    const v = n.textContent.trim();
    if (v) { const s = say(v, n.parentElement); if (s !== v) n.textContent = n.textContent.replace(v, s); }
  };
  const fixLabels = (e) => {
    if (e.hasAttribute('aria-roledescription') || e.matches(now_().dataLabels)) return;  // names from the data
    for (const a of ['aria-label', 'title']) {
      const v = e.getAttribute(a);
      if (v) { const s = say(v, e); if (s !== v) e.setAttribute(a, s); }
    }
  };
  const fix = (root) => {  // a new part of the page: its labels, and its text where a word may stand
    if (!(root instanceof Element)) {
      if (root && root.nodeType === Node.TEXT_NODE && root.parentElement && root.parentElement.closest(cfg.places)) {
        fixText(root);
      }
      return;
    }
    fixLabels(root);
    root.querySelectorAll('[aria-label], [title]').forEach(fixLabels);
    const places = root.closest(cfg.places) ? [root] : root.querySelectorAll(cfg.places);
    for (const place of places) {
      const walk = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) fixText(n);
    }
  };
  if (!w.__ikgWatch) {
    w.__ikgWatch = new MutationObserver((changes) => {
      for (const c of changes) {
        if (c.type === 'attributes') fixLabels(c.target);
        else if (c.type === 'characterData') fix(c.target);
        else c.addedNodes.forEach(fix);
      }
    });
    w.__ikgWatch.observe(document.body, {subtree: true, childList: true, characterData: true,
                                         attributes: true, attributeFilter: ['aria-label', 'title']});
  }
  fix(document.body);
})();
</script>"""


def script(lang: str) -> str:
    """The script for a page in `lang` (JSON of our own catalogue's words; nothing from the graph's data)."""
    cfg = {"words": {en: t(key, lang) for en, key in WORDS.items()},
           "prefixes": {en: t(key, lang) for en, (key, _) in PREFIXES.items()},
           "prefixPlaces": {en: place for en, (_, place) in PREFIXES.items()}, "dataLabels": DATA_LABELS,
           "counted": {en: t(key, lang) for en, key in COUNTED.items()},
           "places": ", ".join(TEXT_PLACES), "locale": LOCALES.get(lang, lang)}
    text = json.dumps(cfg, ensure_ascii=True).replace("</", "<\\/")
    return _SCRIPT % text


def write_over(lang: str) -> None:
    """Send the script with this run (in English it turns any word written in another language back), in a
    container that takes no room on the page."""
    with st.container(key=KEY):
        st.html(f"<style>.st-key-{KEY} {{ display: none; }}</style>" + script(lang), unsafe_allow_javascript=True)
