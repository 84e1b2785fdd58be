"""Lowering the IR to one Polars lazy plan.

Polars' default (streaming) engine does not deduplicate repeated plugin calls, so the plan
does its own common-subexpression elimination: every node used more than once, and every
node a finer timeframe reads, becomes a temporary column computed once in staged
``with_columns``; the temporaries are dropped at the end.

Higher timeframes without look-ahead: bars of timeframe ``tf`` are aggregated per symbol and
bucket (the engine's buckets, `ta_engine::timeframe`, the live runner's too; each labelled
with its close time); the leading bucket is dropped when it
starts before the symbol's first bar (it would look complete but is not); a ``tf`` bar becomes
visible on the first finer bar whose close time reaches the ``tf`` bar's close time
(``join_asof`` backward on close times, exact matches included).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from laakhay.ta import _plugin
from laakhay.ta.dsl.errors import DslError
from laakhay.ta.dsl.ir import BOOL, DERIVED_SOURCES, Node
from laakhay.ta.dsl.timeframes import Timeframe

ROW = "__ta_row"
TIME = "__ta_time"
CLOSE_TIME = "__ta_close_time"
FIRST_OPEN = "__ta_first_open"
BUCKET = "__ta_bucket"

_BAR_AGGREGATES: dict[str, Callable[[str], pl.Expr]] = {
    "open": lambda c: pl.col(c).drop_nulls().first(),
    "high": lambda c: pl.col(c).max(),
    "low": lambda c: pl.col(c).min(),
    "close": lambda c: pl.col(c).drop_nulls().last(),
    # Summed in bar order (a running sum), so the bits do not depend on how Polars splits the
    # work across threads (its grouped float sum adds per-thread partial sums) and the live
    # runner adds the same way; a bucket whose volumes are all missing has no volume (a plain
    # sum would say 0).
    "volume": lambda c: pl.col(c).drop_nulls().cum_sum().last(),
}


def _last(column: str) -> pl.Expr:
    return pl.col(column).drop_nulls().last()


@dataclass
class Options:
    by: list[str]
    ts: str | None
    base: Timeframe | None
    stamp: str
    tz: str | None
    session_offset: str | None


@dataclass
class Layout:
    """Which nodes become columns, in which frame, in which stage, under which name."""

    roots: list[tuple[str, Node]]
    columns: dict[int, str] = field(default_factory=dict)
    """Column name of every materialised node (by id)."""
    stages: dict[Timeframe | None, list[list[Node]]] = field(default_factory=dict)
    """Per timeframe (None: base bars), the materialised nodes stage by stage."""
    imports: dict[Timeframe | None, list[Node]] = field(default_factory=dict)
    """Per timeframe, the coarser nodes it joins in."""
    nodes: dict[int, Node] = field(default_factory=dict)

    @property
    def temporaries(self) -> list[str]:
        outputs = {name for name, _ in self.roots}
        return [c for c in self.columns.values() if c not in outputs]


def layout(roots: list[tuple[str, Node]]) -> Layout:
    """Decides the temporary columns and stages for these outputs."""
    plan = Layout(roots)
    uses: dict[int, int] = {}
    readers: dict[int, set[Timeframe | None]] = {}
    for _, root in roots:
        uses[id(root)] = uses.get(id(root), 0) + 1
        for node in root.walk():
            if id(node) in plan.nodes:
                continue
            plan.nodes[id(node)] = node
            for child in node.args:
                uses[id(child)] = uses.get(id(child), 0) + 1
                readers.setdefault(id(child), set()).add(node.tf)
    materialised: list[Node] = []
    for node in plan.nodes.values():
        trivial = node.op in ("source", "const")
        is_output = any(r is node for _, r in roots)
        # Read by a node of another timeframe, or an output of a higher timeframe.
        crosses_frames = any(tf != node.tf for tf in readers.get(id(node), ()))
        crosses_frames = crosses_frames or (node.tf is not None and is_output)
        shared = not trivial and uses.get(id(node), 0) > 1
        if node.op != "const" and (shared or crosses_frames or is_output):
            materialised.append(node)
    # Names: outputs keep theirs (the first output of a node names it); the rest are temps.
    for name, root in roots:
        if id(root) not in plan.columns and root.op != "const":
            plan.columns[id(root)] = name
    for k, node in enumerate(n for n in materialised if id(n) not in plan.columns):
        plan.columns[id(node)] = f"__ta_{k}"
    # Stages: a node comes after every materialised node of its frame it reads.
    level: dict[int, int] = {}

    def stage_of(node: Node, frame: Timeframe | None) -> int:
        deepest = 0
        stack = list(node.args)
        while stack:
            child = stack.pop()
            if id(child) in plan.columns and child.tf == frame:
                deepest = max(deepest, level[id(child)])
            elif child.tf == frame or child.is_const:
                stack.extend(child.args)
        return deepest + 1

    for node in materialised:  # children come first in walk order
        level[id(node)] = stage_of(node, node.tf)
    for node in materialised:
        stages = plan.stages.setdefault(node.tf, [])
        while len(stages) < level[id(node)]:
            stages.append([])
        stages[level[id(node)] - 1].append(node)
    for node in plan.nodes.values():
        for child in node.args:
            if child.tf != node.tf and not child.is_const:
                found = plan.imports.setdefault(node.tf, [])
                if all(c is not child for c in found):
                    found.append(child)
    for _, root in roots:
        if root.tf is not None and not root.is_const:
            found = plan.imports.setdefault(None, [])
            if all(c is not root for c in found):
                found.append(root)
    return plan


class Lowering:
    """Builds the Polars expressions of one frame (timeframe)."""

    def __init__(
        self, plan: Layout, options: Options, renamed: dict[str, str] | None = None
    ) -> None:
        self.plan = plan
        self.options = options
        self.renamed = renamed or {}
        """Source columns read under another name (their NaN-cleaned copies)."""

    def column(self, name: str) -> pl.Expr:
        return pl.col(self.renamed.get(name, name))

    def expr(self, node: Node, frame: Timeframe | None, top: bool = False) -> pl.Expr:
        """`node` computed in `frame`: a column if it is materialised (or joined in from a
        coarser frame), else built inline."""
        name = self.plan.columns.get(id(node))
        if name is not None and not top and not node.is_const:
            return pl.col(name)
        if node.tf != frame and not node.is_const:
            raise AssertionError("a coarser node must have been joined in")
        args = [self.expr(a, frame) for a in node.args]
        op = node.op
        if op in ("if_else", "nz", "min", "max"):
            # A number constant that every row picks would come back from when/then or
            # fill_null as a scalar column, and Polars divides by a scalar with a reciprocal
            # multiply where the live runner (and any series) divides: bits that depend on
            # which rows picked it. As a full column it is a series whatever the data.
            args = [
                _full_column(e) if a.is_const and a.type != BOOL else e
                for a, e in zip(node.args, args, strict=True)
            ]
        if op == "source":
            column = node.attrs[0]
            if column in DERIVED_SOURCES:
                parts = [self.column(c) for c in DERIVED_SOURCES[column]]
                total = parts[0]
                for p in parts[1:]:
                    total = total + p
                return total / float(len(parts))
            return self.column(column)
        if op == "const":
            value = node.attrs[0]
            return pl.lit(value, dtype=pl.Boolean if node.type == BOOL else pl.Float64)
        if op == "field":
            return args[0].struct.field(node.attrs[0])
        if op == "unary":
            return ~args[0] if node.attrs[0] == "not" else -args[0]
        if op == "binary":
            return _binary(node.attrs[0], args[0], args[1])
        if op == "call":
            return self.call(node, args)
        if op == "if_else":
            c, a, b = args
            return pl.when(c).then(a).when(~c).then(b)
        if op == "nz":
            return args[0].fill_null(args[1])
        if op == "abs":
            return args[0].abs()
        if op in ("min", "max"):
            a, b = args
            # Null when either is null (min_horizontal/max_horizontal would skip nulls).
            if op == "min":
                return pl.when(a <= b).then(a).when(a > b).then(b)
            return pl.when(a >= b).then(a).when(a < b).then(b)
        raise AssertionError(op)

    def call(self, node: Node, args: list[pl.Expr]) -> pl.Expr:
        name, params = node.attrs
        inputs = []
        for expr, child in zip(args, node.args, strict=True):
            if child.is_const:  # a level, as in crosses_above(rsi(close, 14), 30)
                expr = pl.repeat(float(child.attrs[0]), pl.len(), dtype=pl.Float64)
            elif child.type == BOOL:
                expr = expr.cast(pl.Float64)
            inputs.append(expr)
        by = self.options.by or None
        result = _plugin.call(name, inputs, dict(params), by=by)
        if node.type == BOOL and name == "lag":
            result = result.cast(pl.Boolean)
        return result


def _full_column(value: pl.Expr) -> pl.Expr:
    """A number constant as a column of the frame's length (0.0 * row + value is the value
    exactly), never a scalar."""
    return pl.int_range(pl.len()).cast(pl.Float64) * 0.0 + value


def _binary(op: str, a: pl.Expr, b: pl.Expr) -> pl.Expr:
    if op == "and":
        return a & b
    if op == "or":
        return a | b
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        # x / 0 has no value: null, never inf or NaN (which would compare as true).
        return pl.when(b != 0).then(a / b)
    if op == "%":
        return pl.when(b != 0).then(a % b)
    if op == "**":
        return (a.cast(pl.Float64) ** b).fill_nan(None)
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    if op == "==":
        return a == b
    assert op == "!="
    return a != b


def required_sources(plan: Layout) -> list[str]:
    """Columns the bars must have (derived sources expanded), in first-use order."""
    found: list[str] = []
    for node in plan.nodes.values():
        if node.op == "source":
            for c in DERIVED_SOURCES.get(node.attrs[0], (node.attrs[0],)):
                if c not in found:
                    found.append(c)
    return found


def check_frame(lf: pl.LazyFrame, plan: Layout, options: Options) -> dict[str, pl.DataType]:
    """The frame's schema, after checking every column the plan reads exists and fits."""
    schema = lf.collect_schema()
    for column in required_sources(plan):
        if column not in schema:
            raise DslError(
                "E_COLUMN",
                f"the frame has no column '{column}'",
                hint=f"its columns are {', '.join(schema.names())}",
            )
        dtype = schema[column]
        if not (dtype.is_numeric() or dtype == pl.Boolean):
            raise DslError(
                "E_COLUMN", f"column '{column}' is {dtype}, not numbers", hint="cast it first"
            )
    for key in options.by:
        if key not in schema:
            raise DslError("E_COLUMN", f"the frame has no by= column '{key}'")
    if options.ts is not None and plan_has_timeframes(plan):
        if options.ts not in schema:
            raise DslError("E_COLUMN", f"the frame has no ts= column '{options.ts}'")
        if not isinstance(schema[options.ts], pl.Datetime | pl.Date):
            raise DslError(
                "E_COLUMN",
                f"ts= column '{options.ts}' is {schema[options.ts]}, not a date or datetime",
            )
    return dict(schema)


def plan_has_timeframes(plan: Layout) -> bool:
    return any(tf is not None for tf in plan.stages) or any(plan.imports.values())


def apply(lf: pl.LazyFrame, plan: Layout, options: Options) -> pl.LazyFrame:
    """The outputs added to `lf` as columns (temporaries dropped, row order kept)."""
    schema = check_frame(lf, plan, options)
    sources = required_sources(plan)
    # NaN is missing data, like null (the engine's rule), so the plan's operators see null;
    # the cleaned copies are temporaries and the frame's own columns are left as they are.
    renamed = {
        c: f"__ta_src_{c}" for c in sources if schema[c].is_float() or schema[c] == pl.Boolean
    }
    lowering = Lowering(plan, options, renamed)
    timeframes = plan_has_timeframes(plan)
    original = [c for c in schema if c not in {name for name, _ in plan.roots}]
    if timeframes:
        lf = lf.with_row_index(ROW).sort([*options.by, options.ts], maintain_order=True)
    if renamed:
        lf = lf.with_columns(
            (
                pl.col(c).cast(pl.Float64) if schema[c] == pl.Boolean else pl.col(c).fill_nan(None)
            ).alias(name)
            for c, name in renamed.items()
        )
    if timeframes:
        lf = lf.with_columns(_time(options, schema))
        lf = lf.with_columns(_close_time(options).alias(CLOSE_TIME))
        frames = _compute_frames(lf, plan, lowering, options, sources)
        lf = _join_coarser(lf, None, plan, frames, options)
    lf = _stages(lf, None, plan, lowering)
    finals = []
    for name, root in plan.roots:
        column = plan.columns.get(id(root))
        if column is None:  # a constant output
            finals.append(lowering.expr(root, None, top=True).alias(name))
        elif column != name:
            finals.append(pl.col(column).alias(name))
    if finals:
        lf = lf.with_columns(finals)
    if timeframes:
        lf = lf.sort(ROW)
    return lf.select([*original, *(name for name, _ in plan.roots)])


def _time(options: Options, schema: dict[str, pl.DataType]) -> pl.Expr:
    """Each bar's stamp as an instant: Int64 nanoseconds since the epoch (naive timestamps are
    read as UTC; the time zone only decides where local days and months begin)."""
    assert options.ts is not None
    ts = pl.col(options.ts)
    if isinstance(schema[options.ts], pl.Date):
        ts = ts.cast(pl.Datetime("ns"))
    return ts.dt.epoch("ns").alias(TIME)


def _bucket(options: Options, every: str, field: str) -> pl.Expr:
    """The engine's bucket (`field`: "start" or "end") of each base bar. A bar stamped with its
    close time belongs to the bucket just before that instant."""
    shift = 1 if options.stamp == "close" else 0
    found = _plugin.bucket(pl.col(TIME), every, options.session_offset, options.tz, shift)
    return found.struct.field(field)


def _close_time(options: Options) -> pl.Expr:
    """A base bar's close time: the end of its base bucket (its stamp, for close stamps)."""
    assert options.base is not None
    if options.stamp == "open":
        return _bucket(options, options.base.polars(), "end")
    return pl.col(TIME)


def _compute_frames(
    lf: pl.LazyFrame,
    plan: Layout,
    lowering: Lowering,
    options: Options,
    sources: list[str],
) -> dict[Timeframe, pl.LazyFrame]:
    """Each higher timeframe's bars and its materialised nodes, coarsest first."""
    frames: dict[Timeframe, pl.LazyFrame] = {}
    wanted = sorted(
        {tf for tf in [*plan.stages, *plan.imports] if tf is not None}
        | {n.tf for ns in plan.imports.values() for n in ns if n.tf is not None},
        key=lambda tf: -tf.approx_ns,
    )
    assert options.base is not None
    # Each symbol's first bar opens here; a bucket starting earlier is partial.
    first_open = (
        pl.col(TIME)
        if options.stamp == "open"
        else _bucket(options, options.base.polars(), "start")
    ).min()
    if options.by:
        first_open = first_open.over(options.by)
    bars = lf.with_columns(first_open.alias(FIRST_OPEN))
    for tf in wanted:
        # Other columns take the bucket's last value.
        aggregates = [
            _BAR_AGGREGATES.get(c, _last)(lowering.renamed.get(c, c)).alias(
                lowering.renamed.get(c, c)
            )
            for c in sources
        ]
        htf = (
            bars.with_columns(
                _bucket(options, tf.polars(), "start").alias(BUCKET),
                _bucket(options, tf.polars(), "end").alias(CLOSE_TIME),
            )
            .group_by([*options.by, BUCKET], maintain_order=True)
            .agg(*aggregates, pl.col(CLOSE_TIME).first(), pl.col(FIRST_OPEN).first())
            .filter(pl.col(BUCKET) >= pl.col(FIRST_OPEN))
            .drop(BUCKET, FIRST_OPEN)
        )
        htf = _join_coarser(htf, tf, plan, frames, options)
        htf = _stages(htf, tf, plan, lowering)
        frames[tf] = htf
    return frames


def _join_coarser(
    lf: pl.LazyFrame,
    frame: Timeframe | None,
    plan: Layout,
    frames: dict[Timeframe, pl.LazyFrame],
    options: Options,
) -> pl.LazyFrame:
    """Joins in, from each coarser frame, the columns this frame reads: the latest coarser
    bar whose close time is at or before this bar's close time."""
    by_frame: dict[Timeframe, list[str]] = {}
    for node in plan.imports.get(frame, []):
        assert node.tf is not None
        by_frame.setdefault(node.tf, []).append(plan.columns[id(node)])
    for tf, columns in by_frame.items():
        right_time = f"{CLOSE_TIME}_{tf}"
        right = frames[tf].select(
            *options.by, pl.col(CLOSE_TIME).alias(right_time), *[pl.col(c) for c in columns]
        )
        lf = lf.join_asof(
            right,
            left_on=CLOSE_TIME,
            right_on=right_time,
            by=options.by or None,
            strategy="backward",
            check_sortedness=False,
        ).drop(right_time)
    return lf


def _stages(
    lf: pl.LazyFrame, frame: Timeframe | None, plan: Layout, lowering: Lowering
) -> pl.LazyFrame:
    for stage in plan.stages.get(frame, []):
        exprs = [lowering.expr(n, frame, top=True).alias(plan.columns[id(n)]) for n in stage]
        lf = lf.with_columns(exprs)
    return lf


def to_expr(plan: Layout, options: Options) -> pl.Expr:
    """The single output as one expression (single timeframe, nothing shared)."""
    ((name, root),) = plan.roots
    lowering = Lowering(plan, options)
    return lowering.expr(root, None, top=True).alias(name)
