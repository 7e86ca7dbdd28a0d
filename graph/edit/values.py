"""Values as people type them, made exact: years and days, amounts, web addresses, lists; no store needed.

>>> parse_when("01.03.2019", "en")
When(year=2019, day=datetime.date(2019, 3, 1))
>>> parse_amount("12 500,50")
Decimal('12500.50')
>>> raw([" a ", "", 2.0]), items("a; b\\nc")
(['a', '2'], ['a', 'b', 'c'])
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from graph.edit.ids import valid_web_address
from graph.errors import InputError
from graph.i18n import t

YEAR_MIN, YEAR_MAX = 1800, 2100
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Raw = str | list[str]  # a form or cell value as text; lists stay lists


@dataclass(frozen=True)
class When:
    """A point in time as a person gives it: a year, and the day when it is known."""

    year: int
    day: dt.date | None = None

    def __str__(self) -> str:
        return self.day.isoformat() if self.day else str(self.year)

    def key(self) -> tuple[int, dt.date]:
        return (self.year, self.day or dt.date(self.year, 1, 1))

    def shown(self, lang: str) -> str:
        """As a person of `lang` writes it: 15.06.2026 in bokmål, 2026-06-15 in English; a year as it is.

        >>> When(2026, dt.date(2026, 6, 15)).shown("nb"), When(2026, dt.date(2026, 6, 15)).shown("en")
        ('15.06.2026', '2026-06-15')
        """
        return self.day.strftime("%d.%m.%Y") if self.day and lang == "nb" else str(self)


def raw(value: Any) -> Raw:
    """A form or cell value as text (lists stay lists); dates, numbers and None accepted."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return [str(raw(v)).strip() for v in value if str(raw(v)).strip()]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def items(value: Raw, separators: str = ";\n") -> list[str]:
    """The items of a list value, or of a text separated by `separators`."""
    parts = value if isinstance(value, list) else re.split("[" + re.escape(separators) + "]", value)
    return [p.strip() for p in parts if p and p.strip()]


def is_empty(value: Any) -> bool:
    """Whether a given value counts as left empty."""
    return not raw(value)


def shown(text: str, most: int = 40) -> str:
    """A value as a message quotes it: cut after `most` characters (a 5,000-digit "year" is not repeated).

    >>> shown("9" * 50)
    '9999999999999999999999999999999999999999…'
    """
    return text if len(text) <= most else text[:most] + "…"


def parse_when(text: str, lang: str = "en") -> When:
    """A year (2019) or a day (2019-03-01 or 01.03.2019); InputError saying what is wrong otherwise."""
    text = str(text).strip()
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return When(_year(int(m.group(1)), lang))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if not m:
        raise InputError.of("edit.err.date", lang, value=shown(text))
    if "-" in text:
        year, month, day = (int(g) for g in m.groups())
    else:
        day, month, year = (int(g) for g in m.groups())
    _year(year, lang)
    if not 1 <= month <= 12:
        raise InputError.of("edit.err.month", lang, value=text, month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = t("edit.months", lang).split(",")[month - 1]
        raise InputError.of("edit.err.no_such_day", lang, value=text, month=month_name, year=year, days=days)
    return When(year, dt.date(year, month, day))


def _year(year: int, lang: str) -> int:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError.of("edit.err.year", lang, year=year, min=YEAR_MIN, max=YEAR_MAX)
    return year


def parse_amount(text: str, lang: str = "en") -> Decimal:
    """A non-negative amount: 12500, 12500.50, 12500,50 or 12 500 (spaces group thousands)."""
    text = str(text).strip()
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if compact.startswith(("-", "\u2212")):
        raise InputError.of("edit.err.amount_negative", lang, value=text)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact) and not re.fullmatch(r"\d+[.,]\d{1,2}", compact):
        raise InputError.of("edit.err.amount_ambiguous", lang, value=text)
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", compact):
        raise InputError.of("edit.err.amount", lang, value=text)
    return Decimal(compact.replace(",", "."))


def parse_url(text: str, lang: str = "en") -> str:
    """An http(s) web address without spaces or the characters <>"{}|\\^`."""
    text = str(text).strip()
    if not valid_web_address(text):
        raise InputError.of("edit.err.url", lang, value=text)
    return text
