"""`ta.compile`: strategy texts to a `Plan` that runs as one native Polars lazy plan."""

from __future__ import annotations

import itertools
import json
import keyword
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import polars as pl

from laakhay.ta import _engine, backtest
from laakhay.ta.backtest import Backtest
from laakhay.ta.dsl import lower, syntax, warmup
from laakhay.ta.dsl.errors import DslError, did_you_mean
from laakhay.ta.dsl.ir import BAR_SOURCES, DERIVED_SOURCES, Builder, Node, bars_in, to_json, unparse
from laakhay.ta.dsl.planner import BUILTINS, MAX_NODES, Planner
from laakhay.ta.dsl.timeframes import Timeframe, parse_timeframe

if TYPE_CHECKING:
    from laakhay.ta.dsl.live import PlanStream

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


class Plan:
    """A compiled strategy: named outputs over bars, lowered to one Polars lazy plan.

    Build it with `ta.compile`. Attributes: `outputs` (output column names), `required_columns`,
    `timeframes`, `warmup_bars`, `ir`; methods `apply`, `to_expr`, `explain`.
    """

    def __init__(
        self,
        roots: list[tuple[str, Node]],
        combos: list[dict[str, int | float]],
        options: lower.Options,
        texts: dict[str, str],
    ) -> None:
        self._roots = roots
        self._options = options
        self._layout = lower.layout(roots)
        self._texts = texts
        self.combos = combos
        """The grid's parameter sets, in the order their columns appear."""

    def __setstate__(self, state: dict[str, Any]) -> None:
        # The layout is keyed by the identity of the plan's nodes, which unpickling renews:
        # lay the copied nodes out again (a plan is pickled to run on another process).
        self.__dict__.update(state)
        self._layout = lower.layout(self._roots)

    # --- what the plan needs ------------------------------------------------------------------

    @property
    def outputs(self) -> list[str]:
        """The columns the plan adds, in order."""
        return [name for name, _ in self._roots]

    @property
    def required_columns(self) -> list[str]:
        """Columns the frame must have: bar fields and declared columns read, ``by`` and
        (for plans with higher timeframes) ``ts``."""
        found = lower.required_sources(self._layout)
        found += [k for k in self._options.by if k not in found]
        if self.timeframes and self._options.ts is not None and self._options.ts not in found:
            found.append(self._options.ts)
        return found

    @property
    def timeframes(self) -> list[str]:
        """Higher timeframes the plan aggregates bars to, finest first."""
        frames = {n.tf for n in self._layout.nodes.values() if n.tf is not None}
        return [str(tf) for tf in sorted(frames, key=lambda tf: tf.approx_ns)]

    @property
    def warmup_bars(self) -> dict[str, int]:
        """Per output, the base bars that are null before the first value can appear (on
        bars without gaps; with higher timeframes an estimate, see `warmups`). A signal is
        guaranteed non-null from that row on."""
        return {
            name: bars_in(root.lookback, root.tf, None, self._options.base)
            for name, root in self._roots
        }

    @property
    def warmups(self) -> dict[str, dict[str, int]]:
        """Per output, per timeframe it reads (``"base"`` for the base bars), the bars of
        that timeframe that are null before its values there can appear."""
        found: dict[str, dict[str, int]] = {}
        for name, root in self._roots:
            per: dict[str, int] = {}
            for node in root.walk():
                key = "base" if node.tf is None else str(node.tf)
                per[key] = max(per.get(key, 0), node.lookback)
            found[name] = per
        return found

    def warmup_converged(self, tol: float = 1e-12) -> dict[str, int]:
        """Per output, the base bars before its values no longer depend on where the data
        started, to relative tolerance `tol`: `warmup_bars` plus, for every recursive
        indicator (EMA, RSI, ATR, MACD, ...), the bars its seed takes to fade (measured by
        the engine on a synthetic random walk; see `laakhay.ta.dsl.warmup`)."""
        tol = warmup.tolerance(tol)
        base = self._options.base
        found: dict[int, int] = {}
        result = {}
        for name, root in self._roots:
            for node in root.walk():
                if id(node) in found:
                    continue
                series = [a for a in node.args if not a.is_const]
                inner = max((bars_in(found[id(a)], a.tf, node.tf, base) for a in series), default=0)
                if node.op == "call":
                    plain = max(
                        (bars_in(a.lookback, a.tf, node.tf, base) for a in series), default=0
                    )
                    own = node.lookback - plain
                    settle = warmup.settle_bars(node.attrs[0], node.attrs[1], tol)
                    found[id(node)] = inner + own + settle
                elif node.op == "nz":
                    found[id(node)] = found[id(node.args[0])]
                else:
                    found[id(node)] = max(inner, node.lookback)
            result[name] = bars_in(found[id(root)], root.tf, None, base)
        return result

    @property
    def ir(self) -> dict[str, Any]:
        """The plan as a JSON-serializable document (nodes, children first, and outputs by
        node id): the contract other runtimes read."""
        doc = to_json(dict(self._roots))
        doc["options"] = {
            "by": self._options.by,
            "ts": self._options.ts,
            "base": None if self._options.base is None else str(self._options.base),
            "stamp": self._options.stamp,
            "tz": self._options.tz,
            "session_offset": self._options.session_offset,
        }
        doc["grid"] = self.combos if len(self.combos) > 1 or self.combos[0] else []
        return doc

    def normalised(self) -> dict[str, str]:
        """Each output as canonical text: every parameter named, operators bracketed,
        timeframes where they change; ``ta.compile`` of it gives the same plan."""
        return {name: unparse(root) for name, root in self._roots}

    # --- running it ---------------------------------------------------------------------------

    def apply(self, frame: Frame) -> Frame:
        """The frame with the plan's outputs added (temporaries dropped, row order kept).

        A LazyFrame gives a LazyFrame, a DataFrame a DataFrame. Rows must be in time order
        within each ``by`` group, except for plans with higher timeframes (they sort by
        ``ts`` themselves).
        """
        if isinstance(frame, pl.DataFrame):
            return lower.apply(frame.lazy(), self._layout, self._options).collect()
        if not isinstance(frame, pl.LazyFrame):
            raise TypeError(
                f"apply takes a polars DataFrame or LazyFrame, got {type(frame).__name__}"
            )
        return lower.apply(frame, self._layout, self._options)

    def stream(self, symbols: Iterable[Any]) -> PlanStream:
        """The plan run live over `symbols` (values of the ``by`` key; tuples for several
        keys): ``stream.update(tick)`` takes one tick as a DataFrame and returns every output
        for the symbols in it, exactly what `apply` gives on the same history. See
        `laakhay.ta.dsl.live.PlanStream`."""
        from laakhay.ta.dsl.live import PlanStream

        return PlanStream(self, symbols)

    def to_expr(self) -> pl.Expr:
        """The plan as one expression, for plans with one output on the base bars that
        share nothing (else `DslError` E_OPTIONS: use `apply`)."""
        if len(self._roots) != 1 or self.timeframes or self._layout.temporaries:
            raise DslError(
                "E_OPTIONS",
                "this plan needs staged columns (several outputs, shared parts or higher "
                "timeframes)",
                hint="use plan.apply(frame)",
            )
        return lower.to_expr(self._layout, self._options)

    def backtest(
        self,
        frame: pl.DataFrame | pl.LazyFrame,
        *,
        entry: str = "entry",
        exit: str = "exit",
        short_entry: str | None = None,
        short_exit: str | None = None,
        fill: str = "next_open",
        fee: float = 0.0,
        slippage: float = 0.0,
        open: str = "open",
        close: str = "close",
        keep_bars: bool | None = None,
    ) -> Backtest:
        """Runs the plan and backtests its signal outputs (see `laakhay.ta.backtest`).

        With a grid, every parameter set is backtested, one after the other (signals are
        computed once, in one plan); results are in long format with one column per grid key
        (one stats row per symbol and parameter set). Per-bar rows are kept for a single
        parameter set and dropped for sweeps unless ``keep_bars=True`` (they are the bulk of
        the memory: bars x parameter sets rows).
        """
        o = self._options
        if o.ts is None:
            raise DslError("E_OPTIONS", "a backtest needs ts= (the bar timestamp column)")
        signals = [s for s in (entry, exit, short_entry, short_exit) if s is not None]
        base = {name for name in self._texts}
        for signal in signals:
            if signal not in base:
                raise DslError(
                    "E_OPTIONS",
                    f"the plan has no output '{signal}'",
                    hint=did_you_mean(signal, base) or f"its outputs are {', '.join(base)}",
                )
        carried = [*o.by, o.ts, open, close]
        columns = [s + _suffix(combo) for combo in self.combos for s in signals]
        lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
        computed = self.apply(lazy).select(*carried, *columns).collect()
        keep = len(self.combos) == 1 if keep_bars is None else keep_bars
        results = []
        for combo in self.combos:
            suffix = _suffix(combo)
            part = computed.select(*carried, *[pl.col(s + suffix).alias(s) for s in signals])
            result = backtest.run(
                part,
                entry=entry,
                exit=exit,
                short_entry=short_entry,
                short_exit=short_exit,
                by=o.by,
                ts=o.ts,
                fill=fill,
                fee=fee,
                slippage=slippage,
                open=open,
                close=close,
                keep_bars=keep,
            )
            results.append(result.with_params(combo))
        return backtest.Backtest.concat(results)

    # --- explaining it ------------------------------------------------------------------------

    def explain(self) -> str:
        """The plan in words: stages and their columns, joins, outputs and warm-ups."""
        o = self._options
        lines = [
            f"Plan: {len(self._roots)} output{'s' if len(self._roots) != 1 else ''}"
            + (f", grid of {len(self.combos)} parameter sets" if len(self.combos) > 1 else "")
            + (f", per {', '.join(o.by)}" if o.by else ""),
            f"Reads: {', '.join(self.required_columns)}",
        ]
        names = self._layout.columns
        higher = [tf for tf in self._layout.stages if tf is not None]
        frames: list[Timeframe | None] = [*sorted(higher, key=lambda t: -t.approx_ns), None]
        base = "base bars" if o.base is None else f"base bars ({o.base})"
        for frame in frames:
            label = base if frame is None else f"{frame} bars"
            bar = "base bar" if frame is None else f"{frame} bar"
            if frame is not None:
                stamp = "open" if o.stamp == "open" else "close"
                lines.append(
                    f"{frame} bars: {base} grouped into {frame} buckets"
                    + (f" by {', '.join(o.by)}" if o.by else "")
                    + f" (stamped with their {stamp} time"
                    + (f", in {o.tz}" if o.tz else "")
                    + (f", buckets offset {o.session_offset}" if o.session_offset else "")
                    + "): open first, high max, low min, close last, volume sum; a leading "
                    "bucket that starts before the first bar is dropped"
                )
            for source in self._layout.imports.get(frame, []):
                coarse = source.tf
                lines.append(
                    f"  join {names[id(source)]} from {coarse} bars: each {bar} takes "
                    f"the latest {coarse} bar"
                    + (f" of the same {', '.join(o.by)}" if o.by else "")
                    + " whose close time is at or before its own close time"
                    + (f" (open time + {o.base})" if frame is None and o.stamp == "open" else "")
                )
            for k, stage in enumerate(self._layout.stages.get(frame, []), 1):
                lines.append(f"  stage {k} on {label}:")
                for node in stage:
                    lines.append(
                        f"    {names[id(node)]} = {unparse(node, node.tf, names)}"
                        f"    [lookback {node.lookback}]"
                    )
        lines.append("Outputs:")
        warm = self.warmup_bars
        for name, root in self._roots:
            column = names.get(id(root))
            shown = name if column in (None, name) else f"{name} = {column}"
            text = unparse(root) if column is None else ""
            lines.append(
                f"  {shown}{(' = ' + text) if text else ''}: null for the first {warm[name]} "
                f"base bars, needs {warm[name] + 1}"
                + (" (estimate)" if root.tf is not None or self.timeframes else "")
            )
        temps = self._layout.temporaries
        if temps:
            lines.append(f"Temporaries dropped: {', '.join(temps)}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Plan outputs={self.outputs} timeframes={self.timeframes}>"


def compile(
    program: str | Mapping[str, str],
    *,
    by: str | Sequence[str] | None = None,
    ts: str | None = None,
    base: str | None = None,
    stamp: str = "open",
    tz: str | None = None,
    session_offset: str | None = None,
    grid: Mapping[str, Sequence[int | float]] | None = None,
    columns: Sequence[str] = (),
    name: str = "signal",
) -> Plan:
    """Compiles strategy text into a `Plan` (one Polars lazy plan for every output).

    Parameters
    ----------
    program
        One expression (its output is called `name`), or ``{output: expression}``; outputs
        may refer to each other by name.
    by
        Symbol column(s): each symbol is its own series (any row order).
    ts
        The bar timestamp column (needed for ``@tf``).
    base
        The bar length as a Polars duration (``"1m"``; needed for ``@tf``).
    stamp
        ``"open"`` when ``ts`` is each bar's open time, ``"close"`` for its close time.
    tz
        Time zone the higher-timeframe buckets follow (``"America/New_York"``: daily buckets
        follow local midnight across DST); naive timestamps are read as UTC.
    session_offset
        Where buckets start, as a Polars duration (``"-8h"`` with ``tz`` for NYSE's
        16:00-to-16:00 days).
    grid
        Values for ``$name`` placeholders: every combination becomes a parameter set and
        each output gets one column per set, named ``output[name=value,...]``.
    columns
        Extra numeric columns the text may read by name.
    name
        The output name of a single expression.
    """
    programs = {name: program} if isinstance(program, str) else dict(program)
    if not programs:
        raise DslError("E_EMPTY", "no outputs to compile")
    for key, text in programs.items():
        _check_output_name(key, columns)
        if not isinstance(text, str):
            raise TypeError(f"output '{key}' must be a string, got {type(text).__name__}")
    keys = [by] if isinstance(by, str) else list(by or [])
    if stamp not in ("open", "close"):
        raise DslError("E_OPTIONS", f"stamp must be 'open' or 'close', got {stamp!r}")
    base_tf = None if base is None else parse_timeframe(base)
    trees: dict[str, syntax.Expr] = {}
    for key, text in programs.items():
        try:
            trees[key] = syntax.parse(text)
        except DslError as e:
            raise e.located(text, key if not isinstance(program, str) else None) from None
    grid = dict(grid or {})
    for key, values in grid.items():
        if not isinstance(values, Sequence) or isinstance(values, str) or not values:
            raise DslError("E_PLACEHOLDER", f"grid '{key}' needs a non-empty list of values")
    combos = [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]
    planner = Planner(trees, programs, tuple(columns), base_tf, Builder(MAX_NODES))
    roots: list[tuple[str, Node]] = []
    try:
        for combo in combos:
            resolved = planner.plan(combo)
            suffix = _suffix(combo)
            roots += [(key + suffix, node) for key, node in resolved.items()]
    except DslError as e:
        if isinstance(program, str) and e.output == name:
            raise DslError(
                e.code, e.message, e.span, hint=e.hint, source=e.source, output=None
            ) from None
        raise
    unused = set(grid) - planner.used_placeholders
    if unused:
        raise DslError("E_PLACEHOLDER", f"grid key(s) {', '.join(sorted(unused))} never used")
    has_frames = bool(planner.timeframes)
    if has_frames and (ts is None or base_tf is None):
        missing = " and ".join(x for x, v in (("ts=", ts), ("base=", base_tf)) if v is None)
        raise DslError(
            "E_OPTIONS",
            f"the program reads higher timeframes (@{', @'.join(map(str, planner.timeframes))}); "
            f"give {missing}",
            hint="ts= names the timestamp column, base= the bar length (e.g. '1m')",
        )
    if has_frames:
        assert base_tf is not None
        for frame in [base_tf, *planner.timeframes]:
            try:
                _engine.bucket(frame.polars(), session_offset, tz, 0)
            except ValueError as error:
                raise DslError("E_OPTIONS", str(error)) from None
    options = lower.Options(keys, ts, base_tf, stamp, tz, session_offset)
    return Plan(roots, combos, options, programs)


def _suffix(combo: Mapping[str, int | float]) -> str:
    """How a grid combination's columns are named: ``entry[fast=10,slow=50]``."""
    return "" if not combo else "[" + ",".join(f"{k}={v}" for k, v in combo.items()) + "]"


def _check_output_name(key: object, columns: Sequence[str]) -> None:
    if not isinstance(key, str) or not key.isidentifier() or keyword.iskeyword(key):
        raise DslError("E_NAME", f"output name {key!r} is not an identifier")
    if key in syntax.KEYWORDS or key in BAR_SOURCES or key in DERIVED_SOURCES or key in columns:
        raise DslError(
            "E_NAME", f"output name '{key}' would hide a source or keyword", hint="rename it"
        )
    if key in BUILTINS:
        raise DslError("E_NAME", f"output name '{key}' would hide the built-in {key}()")


def dumps(plan: Plan) -> str:
    """The plan's IR as JSON text."""
    return json.dumps(plan.ir, sort_keys=True)
