"""Anchors for session- and event-anchored indicators (``anchored_vwap``, ``pivot_points``,
``demark_pivots``, ``prev_levels``, ``opening_range``, ``volume_profile``): the Boolean
``reset`` series they take, true on the first bar of each new period; and the time windows
``window_range`` takes.

For calendar periods use :func:`session_start`; for events, any Boolean expression (an
earnings date, a crossing, ``pl.col("ts") == pl.datetime(2024, 3, 1)``). For a window in
time (a session's first 30 minutes), compare :func:`session_elapsed` with a duration.

A bar with a missing (null or non-finite) input is skipped by every indicator, but an anchor
on it is kept: the next complete bar starts the period it marked.
"""

from __future__ import annotations

import polars as pl

from laakhay.ta import _engine, _plugin
from laakhay.ta._plugin import IntoExpr, IntoKeys

__all__ = ["session_elapsed", "session_start"]


def session_start(
    ts: IntoExpr = "ts",
    every: str = "1d",
    *,
    offset: str | None = None,
    tz: str | None = None,
    by: IntoKeys | None = None,
) -> pl.Expr:
    """True on the first row of each calendar period: the ``reset`` anchor of session-anchored
    indicators.

    The periods are the engine's time buckets, the ones ``ta.compile`` uses: fixed durations
    (``"15m"``, ``"4h"``) from the UNIX epoch, or local days, weeks (from Monday), months,
    quarters and years (``"1d"``, ``"1w"``, ``"1mo"``, ``"1q"``, ``"1y"``) in ``tz``, across
    daylight-saving changes.

    Parameters
    ----------
    ts
        The bars' timestamps (Datetime, naive ones read as UTC, or Date): a column name or
        expression. Rows must be in time order (within each ``by`` group).
    every
        The period, as a Polars duration.
    offset
        Where periods start, as a Polars duration: ``"-8h"`` with ``tz="America/New_York"``
        starts each day at 16:00 the day before (a futures session).
    tz
        The IANA time zone in which days, weeks and months begin (UTC when None).
    by
        Symbol column(s): each group's first row starts a period, and periods are compared
        within the group.

    Returns
    -------
    A Boolean expression: true where the period differs from the previous row's (and on the
    first row), false elsewhere, null where the timestamp is null.

    >>> import polars as pl
    >>> from datetime import datetime
    >>> from laakhay import ta
    >>> df = pl.DataFrame({"ts": [datetime(2024, 3, 8, 20), datetime(2024, 3, 8, 23),
    ...                           datetime(2024, 3, 9, 1)]})
    >>> df.select(ta.session_start("ts", "1d")).to_series().to_list()
    [True, False, True]
    >>> df.select(ta.session_start("ts", "1d", tz="America/New_York")).to_series().to_list()
    [True, False, False]
    """
    _, start = _period_start(ts, every, offset, tz, "session_start")
    # The last known period before each row (rows with a null stamp carry none).
    previous = start.shift(1).forward_fill()
    if by is not None:
        keys = _plugin._to_keys(by, "session_start", "by")
        previous = previous.over(keys)
    return (
        pl.when(start.is_null())
        .then(None)
        .otherwise(start.ne_missing(previous))
        .alias("session_start")
    )


def session_elapsed(
    ts: IntoExpr = "ts",
    every: str = "1d",
    *,
    offset: str | None = None,
    tz: str | None = None,
) -> pl.Expr:
    """Time since the start of each row's calendar period, as a Duration: compared with a
    duration it makes the ``window`` of ``window_range`` (an opening range in minutes, an
    initial balance, an overnight session).

    Periods are those of :func:`session_start` (same ``every``, ``offset`` and ``tz``); a
    period starts at its boundary, not at its first bar.

    Returns
    -------
    A Duration expression (nanoseconds), null where the timestamp is null.

    >>> import polars as pl
    >>> from datetime import datetime
    >>> from laakhay import ta
    >>> df = pl.DataFrame({"ts": [datetime(2024, 3, 8, 14, 30), datetime(2024, 3, 8, 14, 55),
    ...                           datetime(2024, 3, 8, 15, 0)]})
    >>> opening = ta.session_elapsed("ts", "1d", offset="9h30m", tz="America/New_York")
    >>> df.select(opening < pl.duration(minutes=30)).to_series().to_list()
    [True, True, False]
    """
    instants, start = _period_start(ts, every, offset, tz, "session_elapsed")
    return (instants - start).cast(pl.Duration("ns")).alias("session_elapsed")


def _period_start(
    ts: IntoExpr, every: str, offset: str | None, tz: str | None, caller: str
) -> tuple[pl.Expr, pl.Expr]:
    """Each row's instant and the start of its period, both in UTC nanoseconds."""
    try:
        _engine.bucket(every, offset, tz, 0)
    except ValueError as error:
        raise ValueError(f"{caller}: {error}") from None
    stamps = _plugin._to_expr(ts, caller, "ts")
    instants = stamps.cast(pl.Datetime("ns", "UTC")).dt.epoch("ns")
    start = _plugin.bucket(instants, every, offset, tz).struct.field("start")
    return instants, start
