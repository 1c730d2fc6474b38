"""Numbers, dates, periods and amounts written the Dutch way, for the website.

Plain text out (not yet HTML-escaped): callers escape. Record values are never
rounded or recomputed here; a figure is shown as the source gave it, only
written with a decimal comma and a thousands dot.
"""

from __future__ import annotations

import functools

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
MINUS = "\u2212"  # a real minus sign reads better than a hyphen next to a number
EN_DASH = "\u2013"

# Units written as a symbol right after the number; every other unit is its Dutch label.
SYMBOL_UNITS = {"percent": "%", "percent-change": "%"}
SIGNED_UNITS = {"percent-change"}  # a change always shows its sign: +50%, −26%
SHORT_UNITS = {"percent", "percent-change", "eur"}  # units that stay readable in a chart label


def number(value: float | int, signed: bool = False) -> str:
    """1234.5 -> '1.234,5'; keeps the decimals the value has, no rounding."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{abs(value):,}" if isinstance(value, int) else _float(abs(value))
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if value < 0:
        return MINUS + text
    return ("+" + text) if signed and value > 0 else text


def _float(value: float) -> str:
    whole, _, decimals = repr(value).partition(".")
    if "e" in repr(value):  # very large or small: fall back to plain positional notation
        whole, _, decimals = f"{value:f}".rstrip("0").partition(".")
    return f"{int(whole):,}" + ("." + decimals if decimals else "")


def quantity(value: float | int, unit: str, unit_label: str) -> str:
    """A value with its unit: '26%', '−26%' (change), '40 personen per werkcoach', '€ 1.500'."""
    if unit == "eur":
        return f"€ {number(value)}" if value >= 0 else f"{MINUS}€ {number(-value)}"
    shown = number(value, signed=unit in SIGNED_UNITS)
    if unit in SYMBOL_UNITS:
        return shown + SYMBOL_UNITS[unit]
    return f"{shown} {unit_label}"


def money(amount: float | int, currency: str) -> str:
    return f"€ {number(amount)}" if currency == "EUR" else f"{number(amount)} {currency}"


@functools.lru_cache(maxsize=4096)  # a few hundred distinct dates, written hundreds of thousands of times
def date(value: str) -> str:
    """'2014' -> '2014', '2014-02' -> 'februari 2014', '2014-02-01' -> '1 februari 2014'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def period(value: dict | None) -> str:
    """A period object as text: '2006–2010', 'vanaf 2006', 'tot 2010'; '' when absent."""
    if not value:
        return ""
    start, end = value.get("start"), value.get("end")
    if start and end:
        return date(start) if start == end else f"{date(start)}{EN_DASH}{date(end)}"
    return f"vanaf {date(start)}" if start else f"tot {date(end)}"


def when(item: dict) -> str:
    """The period or reference date of a figure: '2006–2010' or 'peildatum februari 2014'."""
    if item.get("period"):
        return period(item["period"])
    if item.get("as_of"):
        return f"peildatum {date(item['as_of'])}"
    return ""


def start_year(value: dict | None) -> int | None:
    if value and value.get("start"):
        return int(value["start"][:4])
    return None


def join(words: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
