"""A compiled plan run live: ``plan.stream(symbols)`` steps the same plan tick by tick.

Every value comes from the engine's plan runner (``ta_engine::execution::runner``), which
reads the plan's IR (``plan.ir``) and gives, bar for bar and bit for bit, what ``plan.apply``
gives on the same history: the same indicator state machines, the operators with Polars'
exact semantics, higher-timeframe bars shown only once complete. This module names symbols,
checks ticks and converts arrays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from laakhay.ta import _engine

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from laakhay.ta.dsl.plan import Plan

SnapshotError = _engine.SnapshotError

_META_VERSION = 1


class LiveError(ValueError):
    """A tick that does not fit the stream: an unknown symbol, a missing or non-numeric
    column, a symbol twice, bars out of time order."""


class TickArrays:
    """One tick's outputs for every symbol: ``values`` (float64) and ``valid`` (bool), both
    of shape ``(len(outputs), len(symbols))``; ``tick["name"]`` is one output as a NumPy
    masked array (masked where null). Booleans are 1.0/0.0."""

    def __init__(
        self, outputs: list[str], values: NDArray[np.float64], valid: NDArray[np.bool_]
    ) -> None:
        self.outputs = outputs
        self.values = values
        self.valid = valid

    def __getitem__(self, name: str) -> np.ma.MaskedArray[Any, Any]:
        k = self.outputs.index(name)
        return np.ma.MaskedArray(self.values[k], mask=~self.valid[k])

    def __repr__(self) -> str:
        return f"<TickArrays outputs={self.outputs} symbols={self.values.shape[1]}>"


def _keys(symbol: Any, by: list[str]) -> tuple[Any, ...]:
    if len(by) > 1:
        if not isinstance(symbol, tuple) or len(symbol) != len(by):
            raise TypeError(
                f"with by={by}, a symbol is a tuple of {len(by)} key values, got {symbol!r}"
            )
        return symbol
    return (symbol,)


class PlanStream:
    """A compiled plan stepped live over a panel of symbols (build it with ``plan.stream``).

    ``update(frame)`` takes one tick as a DataFrame (the ``by`` key column(s), ``ts`` when
    the plan reads higher timeframes, and :attr:`columns`), one row per symbol with a bar;
    symbols absent from the frame have no bar this tick. It returns the keys and every output
    for the symbols in the tick (in the frame's row order), with the dtypes ``plan.apply``
    gives. Fed a history tick by tick, it gives exactly ``plan.apply(history)``.

    ``update_arrays`` is the fast path (arrays over all symbols in, a `TickArrays` out);
    ``to_bytes`` / `PlanStream.from_bytes` (and pickle) snapshot and restore the whole state.
    """

    def __init__(self, plan: Plan | None, symbols: Iterable[Any], *, _runner: Any = None) -> None:
        self._plan = plan
        if _runner is None:
            assert plan is not None
            self._ir = json.dumps(plan.ir)
            self._runner = _engine.RawPlanRunner(self._ir, 0)
            options = plan.ir["options"]
            self._by: list[str] = list(options["by"])
            self._ts: str | None = options["ts"]
        else:
            self._runner = _runner
            self._ir = _runner.ir
        self._symbols: list[Any] = []
        self._index: dict[tuple[Any, ...], int] = {}
        self._dtypes: dict[str, list[str]] = {}
        """Output dtypes per input schema (a key of column dtypes), as ``plan.apply`` gives."""
        self._resolved: dict[str, list[pl.DataType]] = {}
        self._lookup: dict[Any, int] | None = None
        if _runner is None:
            self.add(symbols)

    # --- what the stream is -----------------------------------------------------------------

    @property
    def symbols(self) -> list[Any]:
        return list(self._symbols)

    @property
    def outputs(self) -> list[str]:
        """Output column names, in the plan's order."""
        return [name for name, _ in self._runner.outputs]

    @property
    def columns(self) -> list[str]:
        """The input columns a tick carries (besides the keys and ``ts``)."""
        return list(self._runner.columns)

    @property
    def by(self) -> list[str]:
        return list(self._by)

    @property
    def ts(self) -> str | None:
        return self._ts

    @property
    def needs_time(self) -> bool:
        """Whether ticks need their bars' timestamps (the plan reads higher timeframes)."""
        return bool(self._runner.needs_time)

    def __repr__(self) -> str:
        return f"<PlanStream symbols={len(self._symbols)} outputs={self.outputs}>"

    # --- symbols ------------------------------------------------------------------------------

    def add(self, symbols: Iterable[Any]) -> None:
        """Adds symbols (no history yet) after the existing ones."""
        new = [symbols] if isinstance(symbols, str) else list(symbols)
        keys = [_keys(s, self._by) for s in new]
        if not self._by and len(self._symbols) + len(new) > 1:
            raise LiveError(
                "a plan compiled without by= runs one series: give exactly one symbol "
                "(compile with by='symbol' for a panel)"
            )
        for symbol, key in zip(new, keys, strict=True):
            if key in self._index or keys.count(key) > 1:
                raise LiveError(f"symbol {symbol!r} is already in the stream")
        for symbol, key in zip(new, keys, strict=True):
            self._index[key] = len(self._symbols)
            self._symbols.append(symbol)
        self._lookup = None
        self._runner.add(len(new))

    def remove(self, symbol: Any) -> None:
        """Drops a symbol and its state."""
        key = _keys(symbol, self._by)
        if key not in self._index:
            raise KeyError(f"symbol {symbol!r} is not in the stream")
        self._runner.remove(self._index[key])
        del self._symbols[self._index[key]]
        self._index = {_keys(s, self._by): i for i, s in enumerate(self._symbols)}
        self._lookup = None

    # --- ticks ----------------------------------------------------------------------------------

    def update(self, frame: pl.DataFrame) -> pl.DataFrame:
        """One tick: a DataFrame with one row per symbol that has a bar. Returns the key
        column(s) and every output for those symbols, in the frame's row order."""
        if not isinstance(frame, pl.DataFrame):
            raise TypeError(f"update takes a polars DataFrame, got {type(frame).__name__}")
        schema = frame.schema
        needed = [*self._by, *self.columns]
        if self.needs_time:
            assert self._ts is not None
            needed.append(self._ts)
        for column in needed:
            if column not in schema:
                raise LiveError(
                    f"the tick has no column '{column}'",
                )
        for name in self.columns:
            dtype = schema[name]
            if not (dtype.is_numeric() or dtype == pl.Boolean):
                raise LiveError(f"column '{name}' is {dtype}, not numbers")
        rows = self._rows(frame)
        n = len(self._symbols)
        values = frame.select(
            pl.col(name).cast(pl.Float64).fill_null(float("nan")) for name in self.columns
        )
        whole = len(rows) == n and bool((rows == np.arange(n)).all())
        columns = []
        for name in self.columns:
            given = values.get_column(name).to_numpy()
            if whole:
                columns.append(np.ascontiguousarray(given))
                continue
            full = np.full(n, np.nan)
            full[rows] = given
            columns.append(full)
        has_bar = None
        if not whole:
            has_bar = np.zeros(n, dtype=bool)
            has_bar[rows] = True
        times = None
        if self.needs_time:
            assert self._ts is not None
            times = np.zeros(n, dtype=np.int64)
            times[rows] = _instants(frame.get_column(self._ts), self._ts)
        try:
            series = self._runner.update_rows(columns, rows.astype(np.int64), times, has_bar)
        except ValueError as error:
            raise self._named(error) from None
        dtypes = self._output_dtypes(schema)
        outputs = [
            s if s.dtype == dtype else s.cast(dtype)
            for s, dtype in zip(series, dtypes, strict=True)
        ]
        return pl.DataFrame([*(frame.get_column(key) for key in self._by), *outputs])

    def update_arrays(
        self,
        ts: Any,
        columns: Mapping[str, Any],
        has_bar: Any = None,
    ) -> TickArrays:
        """One tick as arrays over all symbols (in :attr:`symbols` order): ``columns`` maps
        each input column to its values (NaN where missing), ``ts`` is the bars' instants
        (one ``datetime64``/int nanoseconds for all, an array of them, or None when the plan
        reads no higher timeframe), ``has_bar`` marks the symbols with a bar (all when None).
        """
        arrays = []
        for name in self.columns:
            if name not in columns:
                raise LiveError(f"update_arrays needs column '{name}'")
            arrays.append(np.ascontiguousarray(columns[name], dtype=np.float64))
        times = _array_instants(ts)
        mask = None if has_bar is None else np.ascontiguousarray(has_bar, dtype=bool)
        try:
            values, valid = self._runner.update(arrays, times, mask)
        except ValueError as error:
            raise self._named(error) from None
        return TickArrays(self.outputs, values, valid)

    # --- snapshots ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The whole state (every indicator of every symbol, forming higher-timeframe bars,
        the symbols) as a versioned, checksummed snapshot."""
        meta = {
            "version": _META_VERSION,
            "symbols": [list(s) if isinstance(s, tuple) else s for s in self._symbols],
            "by": self._by,
            "ts": self._ts,
            "dtypes": self._dtypes,
        }
        try:
            text = json.dumps(meta)
        except TypeError as error:
            raise TypeError(f"symbols must be strings or numbers to snapshot: {error}") from None
        return bytes(self._runner.to_bytes(text))

    @classmethod
    def from_bytes(cls, data: bytes) -> PlanStream:
        """Restores a stream from `to_bytes`; continuing it equals never having stopped."""
        runner, text = _engine.RawPlanRunner.from_bytes(data)
        try:
            meta = json.loads(text)
            by = list(meta["by"])
            symbols = [tuple(s) if len(by) > 1 else s for s in meta["symbols"]]
            if meta["version"] != _META_VERSION or len(symbols) != runner.symbols:
                raise ValueError("unexpected metadata")
        except (ValueError, KeyError, TypeError) as error:
            raise SnapshotError(f"invalid snapshot (malformed): metadata: {error}") from None
        stream = cls(None, [], _runner=runner)
        stream._by = by
        stream._ts = meta["ts"]
        stream._symbols = symbols
        stream._index = {_keys(s, by): i for i, s in enumerate(symbols)}
        stream._dtypes = {k: list(v) for k, v in meta.get("dtypes", {}).items()}
        return stream

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return (PlanStream.from_bytes, (self.to_bytes(),))

    # --- helpers --------------------------------------------------------------------------------

    def _named(self, error: ValueError) -> LiveError:
        """The engine's refusal of a tick, with symbols by name rather than index."""

        def name(match: re.Match[str]) -> str:
            index = int(match.group(1))
            known = index < len(self._symbols)
            return f"symbol {self._symbols[index]!r}" if known else match.group(0)

        return LiveError(re.sub(r"symbol (\d+)", name, str(error)))

    def _rows(self, frame: pl.DataFrame) -> NDArray[np.intp]:
        """Each tick row's symbol index; unknown or repeated symbols raise."""
        if not self._by:
            if frame.height > 1:
                raise LiveError("a plan without by= takes one row per tick")
            return np.zeros(frame.height, dtype=np.intp)
        if len(self._by) == 1:
            get = self._scalar_index().get
            keys = frame.get_column(self._by[0]).to_list()
            found = np.fromiter((get(k, -1) for k in keys), dtype=np.int64, count=len(keys))
        else:
            index = self._index
            rows_keys = frame.select(self._by).rows()
            found = np.fromiter(
                (index.get(k, -1) for k in rows_keys), dtype=np.int64, count=len(rows_keys)
            )
        rows = found.astype(np.intp)
        if (rows < 0).any():
            shown = self._shown(frame, int(np.flatnonzero(rows < 0)[0]))
            raise LiveError(
                f"unknown symbol {shown!r}: the stream runs {len(self._symbols)} symbols; "
                f"add it first with stream.add([{shown!r}])"
            )
        if rows.size and np.bincount(rows).max() > 1:
            seen: set[int] = set()
            for i, r in enumerate(rows.tolist()):
                if r in seen:
                    raise LiveError(f"symbol {self._shown(frame, i)!r} has two rows in one tick")
                seen.add(r)
        return rows

    def _scalar_index(self) -> dict[Any, int]:
        """Symbol -> index for a single key column (cached until the symbols change)."""
        if self._lookup is None:
            self._lookup = {key[0]: i for key, i in self._index.items()}
        return self._lookup

    def _shown(self, frame: pl.DataFrame, row: int) -> Any:
        keys = frame.select(self._by).row(row)
        return keys[0] if len(keys) == 1 else keys

    def _output_dtypes(self, schema: pl.Schema) -> list[pl.DataType]:
        """The dtypes `plan.apply` gives each output for frames of this schema."""
        key = json.dumps([str(schema[c]) for c in self.columns])
        found = self._dtypes.get(key)
        if found is None:
            if self._plan is not None:
                empty = pl.DataFrame(schema=schema)
                applied = self._plan.apply(empty.lazy()).collect_schema()
                found = [str(applied[name]) for name in self.outputs]
            else:
                # Restored without its plan, on a schema it never saw: the engine's dtypes
                # (what plan.apply gives for float input columns).
                found = [dtype for _, dtype in self._runner.outputs]
            self._dtypes[key] = found
        cached = self._resolved.get(key)
        if cached is None:
            cached = self._resolved[key] = [_dtype(name) for name in found]
        return cached


_DTYPES: dict[str, type[pl.DataType]] = {
    str(d()): d
    for d in (
        pl.Float64,
        pl.Float32,
        pl.Int8,
        pl.Int16,
        pl.Int32,
        pl.Int64,
        pl.UInt8,
        pl.UInt16,
        pl.UInt32,
        pl.UInt64,
        pl.Boolean,
    )
}


def _dtype(name: str) -> pl.DataType:
    """An output dtype by name (outputs are numbers or booleans)."""
    found = _DTYPES.get(name)
    if found is None:
        raise LiveError(f"an output of dtype {name}: the live runner gives numbers and booleans")
    return found()


def _instants(ts: pl.Series, name: str) -> NDArray[np.int64]:
    """A timestamp column as nanoseconds since the epoch (naive timestamps read as UTC), as
    the batch plan reads it."""
    if ts.null_count():
        raise LiveError(f"ts column '{name}' has a null timestamp")
    if isinstance(ts.dtype, pl.Date):
        ts = ts.cast(pl.Datetime("ns"))
    elif not isinstance(ts.dtype, pl.Datetime):
        raise LiveError(f"ts column '{name}' is {ts.dtype}, not a date or datetime")
    return ts.dt.epoch("ns").to_numpy().astype(np.int64)


def _array_instants(ts: Any) -> Any:
    """`update_arrays`' instants as the runner takes them: None, one int, or an int64 array
    (nanoseconds since the epoch; naive datetimes read as UTC, as the batch reads them)."""
    if ts is None:
        return None
    if isinstance(ts, int | np.integer):
        return int(ts)
    if isinstance(ts, date):
        return int(_instants(pl.Series([ts]), "ts")[0])
    if isinstance(ts, pl.Series):
        return np.ascontiguousarray(_instants(ts, "ts"))
    if isinstance(ts, np.datetime64):
        return int(ts.astype("datetime64[ns]").astype(np.int64))
    array = np.asarray(ts)
    if np.issubdtype(array.dtype, np.datetime64):
        array = array.astype("datetime64[ns]").astype(np.int64)
    return np.ascontiguousarray(array, dtype=np.int64)
