"""One answer at a time of a new graph's start (`ikg init`, the Start page): each check returns what is wrong, ''
when the answer is fine. graph.edit.starter.problems uses them for the whole start, and `ikg init` at each
question, so a typo is asked again on the spot (it was told after the last question, and every answer had to
be typed again). Country names come from ISO 3166 through pycountry and its translations.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from graph.i18n import t

LABEL_LANGS = ("nb", "en")  # the default data languages (graph.vocab.languages); a dataset may declare others


def country_names(code: str, langs: Sequence[str] = LABEL_LANGS) -> dict[str, str]:
    """The country's name per language from ISO 3166 (pycountry's gettext catalogues); {} when unknown."""
    import pycountry

    found = pycountry.countries.get(alpha_2=(code or "").strip().upper())
    if found is None:
        return {}
    english = getattr(found, "common_name", None) or found.name
    out = {}
    for lang in langs:
        if lang == "en":
            out[lang] = english
            continue
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        out[lang] = catalogue.gettext(found.name)
    return out


def countries(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name in `lang`) of every ISO 3166-1 country, sorted by name."""
    import pycountry

    return sorted(((c.alpha_2, country_names(c.alpha_2, (lang,))[lang]) for c in pycountry.countries),
                  key=lambda pair: pair[1].casefold())


def country_problem(code: str, lang: str = "en") -> str:
    return "" if country_names(code) else t("city.err.country", lang, value=code)


def coordinate_problem(name: str, text: str, lang: str = "en") -> str:
    """`name` lat or long. None given: what is needed («Breddegraden «» er ikke et tall» said nothing of it).

    >>> coordinate_problem("lat", "63,43"), coordinate_problem("long", "181")[:16]
    ('', 'The longitude “1')
    """
    try:
        ok = abs(Decimal(str(text).replace(",", ".").strip())) <= (90 if name == "lat" else 180)
    except InvalidOperation:
        ok = False
    if ok:
        return ""
    return t(f"city.init.need.{name}" if not str(text).strip() else f"city.err.{name}", lang, value=text)


def url_problem(url: str, lang: str = "en") -> str:
    return t("city.err.url", lang, value=url) if url and not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url) else ""


def date_problem(date: str, lang: str = "en") -> str:
    if date and not re.match(r"^\d{4}(-\d{2}-\d{2})?$", date):
        return t("city.err.date", lang, value=date)
    return t("city.err.no_such_date", lang, value=date) if date and not _in_calendar(date) else ""


def languages_problem(text: str, lang: str = "en") -> str:
    """The codes in 'nb,en' that are no language, named ('' when every one is).

    >>> languages_problem("nb,xx,en"), languages_problem("sv, en")
    ('Unknown language code: xx. Write two-letter codes, e.g. nb, en, sv.', '')
    """
    unknown = [x for x in (c.strip().lower() for c in text.split(",")) if x and not _language_code(x)]
    return t("city.err.language", lang, value=", ".join(unknown)) if unknown else ""


def _language_code(code: str) -> bool:
    """Whether `code` is an ISO 639 language code (nb, sv, smj; not xx, which tagged text in no language).

    >>> [_language_code(x) for x in ("nb", "smj", "xx", "200", "NB")]
    [True, True, False, False, False]
    """
    import pycountry

    if not re.match(r"^[a-z]{2,3}$", code):
        return False
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return found is not None


def _in_calendar(date: str) -> bool:
    """Whether a year (2024) or a day (2024-05-31) is one the calendar has (not 2020-13-45)."""
    if len(date) > 4:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return False
    return True
