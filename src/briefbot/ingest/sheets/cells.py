"""A spreadsheet cell's value as a reader sees it in Excel: "12 March 2025", "12.5%", "£1,250.00", "TRUE".

openpyxl gives the stored value (a float, a datetime) and the cell's number format; the text Excel draws comes from
both. Read here: dates and times, percentages, decimal places, thousands separators, currency symbols and other
literal text around the number ("0.0 \\"kg\\""), a separate format for negative numbers ("(1,250)"), and scaling by
thousands ("#,##0,"). Not drawn here: fractions, scientific notation and colours (a number is then written as
Excel's General format writes it, to at most 10 significant digits: never 0.30000000000000004).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_SIGNIFICANT = 10  # digits of a number in the General format (Excel shows at most 11 characters)

# A format's parts that draw no letters of their own: quoted text, escaped characters, [colours] and [$tags],
# padding (_x) and fill (*x). What is left says which date parts or placeholders it has.
_NOT_CODES = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_TOKENS = re.compile(r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[\$(?P<symbol>[^\]-]*)[^\]]*\]|\[[^\]]*\]|_.|\*.'
                     r'|(?P<general>General|@)|(?P<code>[0#?.,])|(?P<other>.)', re.IGNORECASE)


def cell_text(value: object, number_format: str | None = "General") -> str:
    """The value as Excel shows it under ``number_format``; "" for no value."""
    fmt = number_format or "General"
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return " ".join(value.split())  # a line break inside a cell (Alt+Enter) would end the row's line
    if isinstance(value, dt.datetime):
        return _datetime(value, fmt)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, dt.time):
        return _time(value, fmt)
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{'-' if minutes < 0 else ''}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"
    if isinstance(value, int | float):
        return number_text(value, fmt)
    return " ".join(str(value).split())


def date_text(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@lru_cache(maxsize=256)
def _codes(fmt: str) -> str:
    return _NOT_CODES.sub("", fmt.split(";")[0]).lower()


def _datetime(value: dt.datetime, fmt: str) -> str:
    codes = _codes(fmt)
    dated, timed = "d" in codes or "y" in codes, "h" in codes or "s" in codes
    if timed and not dated and value.date() <= dt.date(1900, 1, 1):
        return _time(value.time(), fmt)  # a time of day alone ("14:30"), stored on Excel's day zero
    if dated and "d" not in codes:
        day = f"{MONTHS[value.month - 1]} {value.year}"  # "mmm yyyy": a month
    else:
        day = date_text(value)
    if value.time() != dt.time() and (timed or not dated):  # (midnight: a date whose format shows a time too)
        return f"{day} {_time(value.time(), fmt)}"
    return day


def _time(value: dt.time, fmt: str) -> str:
    codes = _codes(fmt)
    text = f"{value.hour:02d}:{value.minute:02d}"
    if "am/pm" in codes or "a/p" in codes:
        text = f"{value.hour % 12 or 12}:{value.minute:02d}"
    if value.second and ("s" in codes or "h" not in codes):
        text += f":{value.second:02d}"
    if "am/pm" in codes or "a/p" in codes:
        text += " AM" if value.hour < 12 else " PM"
    return text


def general(value: float) -> str:
    """A number in Excel's General format: as many digits as it has, up to 10 significant ones."""
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    if 1e10 <= abs(value) < 1e15:
        return str(round(value))
    return f"{value:.{_SIGNIFICANT}g}"


def _sections(fmt: str) -> list[str]:
    """A format's sections (positive;negative;zero;text), split at semicolons outside quotes and escapes."""
    parts = [""]
    for m in re.finditer(r'"[^"]*"|\\.|;|[^;"\\]+|.', fmt):
        if m.group(0) == ";":
            parts.append("")
        else:
            parts[-1] += m.group(0)
    return parts


def number_text(value: float, fmt: str) -> str:
    """A number under a number format: its decimals, separators, percent sign and literal text (a currency)."""
    before, codes, after, signed = _layout(fmt, value < 0)
    sign = "-" if value < 0 and not signed else ""
    number = abs(value)
    if not codes:
        digits = general(number)
    else:
        if "%" in after:
            number *= 100
        whole, _, decimals = codes.partition(".")
        scale = len(whole) - len(whole.rstrip(","))  # "#,##0," shows thousands, "0.0,," millions
        number /= 1000 ** (scale + len(decimals) - len(decimals.rstrip(",")))
        most, least = sum(decimals.count(c) for c in "0#?"), decimals.count("0")
        # Excel rounds half away from zero, from the 15 significant digits it keeps (12.5 shows as 13 under "0")
        exact = Decimal(f"{number:.15g}").quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
        digits = f"{exact:{',' if ',' in whole.rstrip(',') else ''}f}"
        if most > least:
            digits = _trim(digits, most - least).rstrip(".")
    return (sign + before + digits + after).strip()


@lru_cache(maxsize=256)
def _layout(fmt: str, negative: bool) -> tuple[str, str, str, bool]:
    """A format's literal text before the number, its placeholders ("#,##0.00"; "" for General, fractions and
    scientific notation), its text after, and whether it writes a negative number's sign itself."""
    sections = _sections(fmt)
    section, signed = sections[0], False
    if negative and len(sections) > 1 and re.search(r"[0#?]", _NOT_CODES.sub("", sections[1])):
        section, signed = sections[1], True  # the negative section writes its own sign ("(#,##0)", "-#,##0")
    before: list[str] = []
    after: list[str] = []
    codes = ""
    for m in _TOKENS.finditer(section):
        if m.group("code") is not None or m.group("general") is not None:
            if after and codes:  # literal text between placeholders ("000-000"): too rare to draw, left out
                after.clear()
            codes += m.group(0)
            continue
        literal = next((m.group(g) for g in ("quoted", "escaped", "symbol", "other") if m.group(g) is not None), "")
        (after if codes else before).append(literal)
    if not re.search(r"[0#?]", codes) or "e+" in section.lower() or "e-" in section.lower() or "/" in codes:
        codes = ""
    return "".join(before), codes, "".join(after), signed


def _trim(digits: str, optional: int) -> str:
    """Optional decimal places ("0.0#") dropped when they are zeros."""
    for _ in range(optional):
        digits = digits.removesuffix("0")
    return digits


_NUMBER = re.compile(r"^[(+\-−–]?\s*(?:[$€£¥]|[A-Z]{3}\s)?\s*[+\-−–]?\d[\d,. ]*(?:%|[kKmMbB]n?)?\)?$")
_DATE = re.compile(r"^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?|\d{1,2}:\d\d(?::\d\d)?(?: ?[AP]M)?"
                   r"|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}(?: \d{1,2}:\d\d)?|[A-Z][a-z]{2,8} \d{1,2},? \d{4}"
                   r"|\d{1,2}-[A-Z][a-z]{2}-\d{2,4})$")
_YEAR = re.compile(r"^(?:FY\s?)?(?:19|20)\d\d(?:[/–-]\d{2,4})?$")


def is_value(text: str) -> bool:
    """Whether a cell holds a figure or a date (data), not a name: "1,250", "£1,250.00", "12.5%", "12/03/2025",
    "12 March 2025", "TRUE". A year ("2025", "FY2024") names a column as often as not: it is no value here."""
    text = text.strip()
    if _YEAR.match(text):
        return False
    return bool(_NUMBER.match(text) or _DATE.match(text)) or text in ("TRUE", "FALSE")
