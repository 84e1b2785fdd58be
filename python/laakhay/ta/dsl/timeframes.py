"""Timeframes written as Polars durations (``1h``, ``15m``, ``1d``, ``1mo``, ``1h30m``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from laakhay.ta.dsl.errors import DslError

_NS = {
    "ns": 1,
    "us": 1_000,
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60 * 1_000_000_000,
    "h": 3_600 * 1_000_000_000,
}
_PART = re.compile(r"(\d+)(ns|us|ms|mo|s|m|h|d|w|q|y)")
_DAY_NS = 86_400 * 1_000_000_000
_MONTH_NS = 2_629_746 * 1_000_000_000  # an average month, for ordering only


@dataclass(frozen=True, order=False)
class Timeframe:
    """A bar length: calendar months, calendar days (local days follow DST) and a fixed part."""

    months: int
    days: int
    nanos: int

    @property
    def approx_ns(self) -> int:
        """Length in nanoseconds with average months, for ordering and ratios."""
        return self.months * _MONTH_NS + self.days * _DAY_NS + self.nanos

    def polars(self) -> str:
        """The duration string Polars reads, in canonical form."""
        parts = []
        if self.months:
            parts.append(f"{self.months // 12}y" if self.months % 12 == 0 else f"{self.months}mo")
        if self.days:
            parts.append(f"{self.days // 7}w" if self.days % 7 == 0 else f"{self.days}d")
        if self.nanos:
            # One part in the largest unit that divides it: 1h30m is written 90m.
            unit = next(u for u in ("h", "m", "s", "ms", "us", "ns") if self.nanos % _NS[u] == 0)
            parts.append(f"{self.nanos // _NS[unit]}{unit}")
        return "".join(parts)

    def __str__(self) -> str:
        return self.polars()


def parse_timeframe(text: str, span: tuple[int, int] | None = None) -> Timeframe:
    """A timeframe from Polars duration syntax; `DslError` E_TIMEFRAME if malformed."""
    months = days = nanos = 0
    pos = 0
    for m in _PART.finditer(text):
        if m.start() != pos:
            break
        pos = m.end()
        count, unit = int(m.group(1)), m.group(2)
        if unit == "mo":
            months += count
        elif unit == "q":
            months += 3 * count
        elif unit == "y":
            months += 12 * count
        elif unit == "d":
            days += count
        elif unit == "w":
            days += 7 * count
        else:
            nanos += count * _NS[unit]
    if pos != len(text) or not text:
        raise DslError(
            "E_TIMEFRAME",
            f"'{text}' is not a timeframe",
            span,
            hint="a Polars duration: 30s, 15m, 1h, 4h, 1d, 1w, 1mo, 1q, 1y (m is minutes, "
            "mo months)",
        )
    if months == days == nanos == 0:
        raise DslError("E_TIMEFRAME", f"timeframe '{text}' has no length", span)
    return Timeframe(months, days, nanos)
