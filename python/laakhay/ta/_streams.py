"""Live streams and panels: the hand-written half of ``laakhay.ta.stream``.

Every value comes from the engine's state machines (the ones the batch kernels fold), through
the compiled ``_engine`` module; this module only names things and checks arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

import numpy as np
import polars as pl

from laakhay.ta import _catalog, _engine
from laakhay.ta.candles import CandleSettings, settings_params

if TYPE_CHECKING:
    from numpy.typing import NDArray

T_co = TypeVar("T_co", covariant=True)

SnapshotError = _engine.SnapshotError
OHLCV = ("open", "high", "low", "close", "volume")


class Stream(Protocol[T_co]):
    """A live stream of one indicator (built by ``ta.stream.<name>(...)``).

    ``update``, ``peek`` and ``revise`` take one bar's input values positionally, in the
    order of :attr:`inputs` (``None`` or NaN for a missing value: the bar is skipped, as the
    batch functions skip it). They return the bar's value (a named tuple for several outputs)
    or ``None`` while warming up.
    """

    def update(self, *values: float | None) -> T_co | None:
        """Commits a closed bar."""
        ...

    def peek(self, *values: float | None) -> T_co | None:
        """The value(s) this bar would give if it closed now; nothing is committed."""
        ...

    def revise(self, *values: float | None) -> T_co | None:
        """Replaces the last committed bar (needs ``revisable=True``)."""
        ...

    def update_many(self, *columns: Any) -> pl.Series:
        """Commits many bars, one column per input; their values as a Series (null where
        there is none). On a new stream this is ``open``: the batch result for the history,
        with the stream ready to go on live."""
        ...

    def to_bytes(self) -> bytes:
        """A versioned snapshot; :func:`from_bytes` restores it."""
        ...

    def copy(self) -> Stream[T_co]:
        """An independent copy."""
        ...

    @property
    def name(self) -> str: ...
    @property
    def params(self) -> dict[str, int | float]: ...
    @property
    def inputs(self) -> list[str]: ...
    @property
    def outputs(self) -> list[str]: ...
    @property
    def lookback(self) -> int: ...
    @property
    def bars(self) -> int: ...
    @property
    def ready(self) -> bool: ...
    @property
    def revisable(self) -> bool: ...


def new(name: str, params: dict[str, Any], revisable: bool = False) -> Stream[Any]:
    """A live stream of catalog indicator ``name`` with ``params`` by our (or TA-Lib's) names;
    the typed constructors ``ta.stream.<name>(...)`` call this."""
    if not isinstance(revisable, bool):
        raise TypeError(f"{name}: 'revisable' must be a bool, got {type(revisable).__name__}")
    spec = _catalog.entry(name)
    values = _catalog.param_values(spec["name"], params)
    return cast("Stream[Any]", _engine.new_stream(spec["name"], values, revisable))


def from_bytes(data: bytes, name: str | None = None) -> Stream[Any]:
    """A stream restored from :meth:`Stream.to_bytes` (also what unpickling calls).

    With ``name``, the snapshot must be of that indicator. Raises :class:`SnapshotError` for
    bytes that are not a snapshot, are truncated or altered, come from an unknown version or
    do not fit their indicator.

    >>> from laakhay import ta
    >>> s = ta.stream.ema(3)
    >>> _ = [s.update(x) for x in (1.0, 2.0, 3.0)]
    >>> t = ta.stream.from_bytes(s.to_bytes())
    >>> t.update(4.0) == s.update(4.0)
    True
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"from_bytes takes bytes, got {type(data).__name__}")
    return cast("Stream[Any]", _engine.stream_from_bytes(bytes(data), name))


def _settings(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Collapses a pattern's ``settings=`` into its setting parameters."""
    if "settings" not in params:
        return params
    rest = dict(params)
    settings = cast("CandleSettings | str | None", rest.pop("settings"))
    return {**rest, **settings_params(name, settings)}


class Panel(Generic[T_co]):
    """One indicator over many symbols, stepped a tick at a time with one call.

    Each symbol's state machine gives the bits a stream of its own would. Build it with
    :func:`panel`; feed it one array per input (a value per symbol, in :attr:`symbols`
    order) or a one-tick frame with :meth:`update_frame`.

    >>> import numpy as np
    >>> from laakhay import ta
    >>> p = ta.stream.panel("sma", ["AAA", "BBB"], timeperiod=2)
    >>> p.update(np.array([1.0, 10.0]))
    array([nan, nan])
    >>> p.update(np.array([3.0, 20.0]))
    array([ 2., 15.])
    """

    def __init__(self, name: str, symbols: Iterable[str], params: dict[str, Any]) -> None:
        spec = _catalog.entry(name)
        self._spec = spec
        self._symbols: list[str] = []
        self._index: dict[str, int] = {}
        values = _catalog.param_values(spec["name"], _settings(spec["name"], params))
        self._raw = _engine.RawPanel(spec["name"], values, 0)
        self.add(symbols)

    @property
    def name(self) -> str:
        return str(self._spec["name"])

    @property
    def symbols(self) -> list[str]:
        """Symbols in the order ``update`` takes their values."""
        return list(self._symbols)

    @property
    def inputs(self) -> list[str]:
        return list(self._spec["input_keywords"])

    @property
    def outputs(self) -> list[str]:
        return [o["name"] for o in self._spec["outputs"]]

    @property
    def ready(self) -> NDArray[np.bool_]:
        """Which symbols gave a value on the last tick."""
        return self._raw.ready

    def add(self, symbols: Iterable[str]) -> None:
        """Adds symbols (fresh state) after the existing ones."""
        new = [symbols] if isinstance(symbols, str) else list(symbols)
        for symbol in new:
            if not isinstance(symbol, str):
                raise TypeError(f"symbols must be strings, got {type(symbol).__name__}")
            if symbol in self._index or new.count(symbol) > 1:
                raise ValueError(f"symbol {symbol!r} is already in the panel")
        for symbol in new:
            self._index[symbol] = len(self._symbols)
            self._symbols.append(symbol)
        self._raw.add(len(new))

    def remove(self, symbol: str) -> None:
        """Drops a symbol and its state."""
        if symbol not in self._index:
            raise KeyError(f"symbol {symbol!r} is not in the panel")
        self._raw.remove(self._index[symbol])
        self._symbols.remove(symbol)
        self._index = {s: i for i, s in enumerate(self._symbols)}

    def stream(self, symbol: str) -> Stream[T_co]:
        """One symbol's state as a stream of its own (a copy)."""
        if symbol not in self._index:
            raise KeyError(f"symbol {symbol!r} is not in the panel")
        return cast("Stream[T_co]", self._raw.stream(self._index[symbol]))

    def update(self, *columns: Any, has_bar: Any = None) -> Any:
        """One tick: one array per input (a value per symbol; NaN where missing).
        ``has_bar`` (booleans) marks the symbols with a bar this tick; the others keep their
        state. Returns one float64 array per output (a named tuple of arrays for several),
        NaN where there is no value (Int32 outputs as whole numbers, Boolean ones as 1.0 and
        0.0)."""
        mask = None if has_bar is None else np.ascontiguousarray(has_bar, dtype=np.bool_)
        return self._raw.update(*columns, has_bar=mask)

    def update_frame(
        self,
        frame: pl.DataFrame,
        *,
        symbol: str = "symbol",
        columns: dict[str, str] | None = None,
    ) -> pl.DataFrame:
        """One tick from a frame with a row per symbol that has a bar (any order). Inputs are
        read from the OHLCV columns of their names, a free series (``expr``) from ``close``,
        a signal (``long_entry``, ...) or an anchor (``reset``) from the column of its name,
        unless ``columns`` maps an input keyword to another column. Returns the panel's
        symbols with their values (null where there is none), in the outputs' dtypes."""
        columns = columns or {}
        names: list[str] = []
        for keyword, role in zip(
            self._spec["input_keywords"], self._spec["input_roles"], strict=True
        ):
            default = keyword if keyword in OHLCV or role in ("signal", "reset") else "close"
            names.append(columns.get(keyword, default))
        for column in [symbol, *names]:
            if column not in frame.columns:
                raise ValueError(f"{self.name}: the tick frame has no column {column!r}")
        keys = frame[symbol].cast(pl.String).to_list()
        unknown = [k for k in keys if k not in self._index]
        if unknown:
            raise ValueError(f"{self.name}: symbols not in the panel: {unknown[:5]}")
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.name}: a symbol appears twice in one tick")
        rows = np.fromiter((self._index[k] for k in keys), dtype=np.int64, count=len(keys))
        n = len(self._symbols)
        has_bar = np.zeros(n, dtype=np.bool_)
        has_bar[rows] = True
        arrays = []
        for column in names:
            values = np.full(n, np.nan)
            values[rows] = frame[column].cast(pl.Float64).to_numpy()
            arrays.append(values)
        result = self._raw.update(*arrays, has_bar=has_bar)
        outputs = [result] if len(self.outputs) == 1 else list(result)
        data: dict[str, Any] = {symbol: self._symbols}
        for out, values in zip(self._spec["outputs"], outputs, strict=True):
            series = pl.Series(out["name"], values, nan_to_null=True)
            if out["dtype"] != "Float64":
                series = series.cast(getattr(pl, out["dtype"]))
            data[out["name"]] = series
        return pl.DataFrame(data)

    def __len__(self) -> int:
        return len(self._symbols)

    def __repr__(self) -> str:
        return f"<panel {self.name} of {len(self._symbols)} symbols>"


def panel(name: str, symbols: Sequence[str] | Iterable[str] = (), **params: Any) -> Panel[Any]:
    """A :class:`Panel` of indicator ``name`` over ``symbols`` with ``params`` by name
    (patterns also take ``settings=``)."""
    return Panel(name, symbols, params)
