"""Live streams (`ta.stream`): for every catalog entry, bar-by-bar updates, `update_many`
(open on history), snapshots, revise and peek give the batch function's bits; panels give
each symbol's stream; damaged snapshots raise `SnapshotError`; pickles survive a fresh
process; snapshots written by earlier versions keep restoring (tests/snapshots/)."""

from __future__ import annotations

import base64
import json
import pickle
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from conftest import ENTRIES, frame, free_column, ours_run, synthetic_ohlcv
from hypothesis import given, settings
from hypothesis import strategies as st
from laakhay import ta

N = 240
FIXTURES = Path(__file__).parent / "snapshots"


def columns_for(entry: dict[str, Any], data: dict[str, np.ndarray]) -> list[np.ndarray]:
    """The entry's input series in catalog order (the order `update` takes a bar in)."""
    return [data[free_column(entry, role)] for role in entry["inputs"]]


def stream_data(seed: int) -> dict[str, np.ndarray]:
    """A walk with a few incomplete bars (NaN, inf) that every path must skip."""
    data = synthetic_ohlcv(N, seed)
    for row, bad in ((30, np.nan), (31, np.nan), (150, np.inf)):
        for column in data.values():
            column[row] = bad
    return data


def batch_rows(entry: dict[str, Any], data: dict[str, np.ndarray]) -> list[Any]:
    """Our batch result (null → None), one tuple of output values per row."""
    outputs = ours_run(entry, {}, frame(data))
    return [tuple(row) for row in zip(*(s.to_list() for s in outputs), strict=True)]


def as_row(entry: dict[str, Any], value: Any) -> Any:
    """A stream's return value in `batch_rows` form; checks its Python type on the way."""
    n = len(entry["outputs"])
    if value is None:
        return (None,) * n
    values = (value,) if n == 1 else tuple(value)
    if n > 1:
        assert isinstance(value, tuple)
        assert list(type(value).__match_args__) == [o["name"] for o in entry["outputs"]]
        assert [getattr(value, o["name"]) for o in entry["outputs"]] == list(value)
    for out, v in zip(entry["outputs"], values, strict=True):
        assert type(v) is {"Int32": int, "Boolean": bool}.get(out["dtype"], float), (out, v)
    return values


def same(a: list[Any], b: list[Any]) -> bool:
    """Equal row by row, floats bit for bit (NaN included)."""

    def bits(v: Any) -> Any:
        return np.float64(v).tobytes() if isinstance(v, float) else v

    return len(a) == len(b) and all(
        tuple(map(bits, x)) == tuple(map(bits, y)) for x, y in zip(a, b, strict=True)
    )


def bars_of(entry: dict[str, Any], data: dict[str, np.ndarray]) -> list[tuple[float, ...]]:
    return list(zip(*(c.tolist() for c in columns_for(entry, data)), strict=True))


def series_rows(entry: dict[str, Any], series: pl.Series) -> list[Any]:
    if len(entry["outputs"]) == 1:
        return [(v,) for v in series.to_list()]
    fields = [series.struct.field(o["name"]).to_list() for o in entry["outputs"]]
    return list(zip(*fields, strict=True))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"])
def test_stream_equals_batch(entry: dict[str, Any]) -> None:
    data = stream_data(1)
    expected = batch_rows(entry, data)
    bars = bars_of(entry, data)
    name = entry["name"]
    # Bar by bar.
    s = ta.stream.new(name, {})
    assert same([as_row(entry, s.update(*bar)) for bar in bars], expected), "update"
    assert s.bars == N
    # Open on history (update_many on a new stream), then live; also revisable.
    for k in (0, entry["default_lookback"], N // 2):
        for revisable in (False, True):
            s = ta.stream.new(name, {}, revisable=revisable)
            head = s.update_many(*(c[:k] for c in columns_for(entry, data)))
            rows = series_rows(entry, head) + [as_row(entry, s.update(*b)) for b in bars[k:]]
            assert same(rows, expected), f"open({k}, revisable={revisable})"
    # Snapshot mid-way, restored (and pickled), then continued.
    s = ta.stream.new(name, {}, revisable=True)
    rows = [as_row(entry, s.update(*b)) for b in bars[:100]]
    restored = ta.stream.from_bytes(s.to_bytes(), name)
    unpickled = pickle.loads(pickle.dumps(s))
    for t in (restored, unpickled):
        assert t.params == s.params and t.bars == 100 and t.revisable
        rest = [as_row(entry, t.update(*b)) for b in bars[100:]]
        assert same(rows + rest, expected), "snapshot"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"])
def test_revise_and_peek(entry: dict[str, Any]) -> None:
    data = stream_data(2)
    expected = batch_rows(entry, data)
    s = ta.stream.new(entry["name"], {}, revisable=True)
    rows = []
    for bar in bars_of(entry, data):
        wrong = tuple(v * 1.002 for v in bar)
        peeked = as_row(entry, s.peek(*bar))
        s.peek(*wrong)
        s.update(*wrong)
        s.revise(None, *bar[1:])  # a forming bar with a missing value, then the close
        rows.append(as_row(entry, s.revise(*bar)))
        assert same([peeked], rows[-1:]), "peek before the bar = the bar's value"
    assert same(rows, expected)


def test_stream_constructors_take_the_batch_parameters() -> None:
    s = ta.stream.macd(5, 10, signal_period=3)
    assert s.params == {"fast_period": 5, "slow_period": 10, "signal_period": 3}
    assert s.lookback == ta.lookback("macd", fast_period=5, slow_period=10, signal_period=3)
    assert ta.stream.new("sma", {"timeperiod": 7}).params == {"period": 7}  # TA-Lib name
    doji = ta.CandleSetting("high_low", 5, 0.2)
    d = ta.stream.cdldoji(settings=ta.CandleSettings().replace(body_doji=doji))
    assert d.params["body_doji_period"] == 5
    assert ta.stream.ma(ma_type="ema").params["ma_type"] == 1
    with pytest.raises(ValueError, match="period"):
        ta.stream.rsi(0)
    with pytest.raises(TypeError, match="revisable"):
        ta.stream.new("rsi", {}, revisable=1)  # type: ignore[arg-type]


def test_bad_calls_raise_clear_errors() -> None:
    s = ta.stream.atr(14)
    with pytest.raises(TypeError):
        s.update(1.0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        s.update("a", 1.0, 2.0)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="revisable"):
        s.revise(1.0, 1.0, 1.0)
    with pytest.raises(RuntimeError, match="no committed bar"):
        ta.stream.atr(14, revisable=True).revise(1.0, 1.0, 1.0)
    with pytest.raises(TypeError, match="input column"):
        s.update_many([1.0, 2.0])
    with pytest.raises(ValueError, match="'low' has 1 values"):
        s.update_many([1.0, 2.0], [1.0], [1.0, 2.0])
    with pytest.raises(ta.stream.SnapshotError, match="wrong_indicator"):
        ta.stream.from_bytes(ta.stream.rsi().to_bytes(), "ema")
    with pytest.raises(TypeError):
        ta.stream.from_bytes("not bytes")  # type: ignore[arg-type]


def test_update_many_takes_series_with_nulls() -> None:
    close = pl.Series("close", [1.0, 2.0, None, 4.0, 5.0, float("nan"), 7.0])
    got = ta.stream.sma(2).update_many(close)
    expected = pl.DataFrame({"close": close}).select(ta.sma("close", 2)).to_series()
    assert got.to_list() == expected.to_list()


def test_panel_equals_separate_streams() -> None:
    symbols = ["A", "B", "C"]
    data = [synthetic_ohlcv(N, seed) for seed in (3, 4, 5)]
    for name, params in [("rsi", {}), ("macd", {"fast_period": 5}), ("cdlengulfing", {})]:
        entry = ta.stream.new(name, params)
        panel = ta.stream.panel(name, symbols[:2], **params)
        streams = {s: ta.stream.new(name, params) for s in symbols}
        bars = [bars_of(e, d) for e, d in zip([_entry(name)] * 3, data, strict=True)]
        for row in range(N):
            if row == 50:
                panel.add("C")
            live = panel.symbols
            offsets = {"A": 0, "B": 0, "C": 50}
            has_bar = np.array([s != "B" or row % 5 != 0 for s in live])
            arrays = [
                np.array([bars[symbols.index(s)][row - offsets[s]][k] for s in live])
                for k in range(len(entry.inputs))
            ]
            out = panel.update(*arrays, has_bar=has_bar)
            outs = [out] if len(entry.outputs) == 1 else list(out)
            for i, s in enumerate(live):
                want = streams[s].update(*(a[i] for a in arrays)) if has_bar[i] else None
                got = tuple(float(o[i]) for o in outs) if panel.ready[i] else None
                if want is None:
                    assert got is None, (name, s, row)
                else:
                    want = (want,) if len(outs) == 1 else tuple(want)
                    assert got == tuple(float(w) for w in want), (name, s, row)
        # A symbol's stream goes on exactly as the stream that saw the same bars.
        alone = panel.stream("A")
        bar = bars[0][0]
        assert alone.name == name and alone.update(*bar) == streams["A"].update(*bar)
        panel.remove("B")
        assert panel.symbols == ["A", "C"]


def _entry(name: str) -> dict[str, Any]:
    return next(e for e in ENTRIES if e["name"] == name)


def test_panel_update_frame() -> None:
    panel = ta.stream.panel("sma", ["X", "Y"], timeperiod=2)
    panel.update_frame(pl.DataFrame({"symbol": ["Y", "X"], "close": [10.0, 1.0]}))
    out = panel.update_frame(pl.DataFrame({"symbol": ["X"], "close": [3.0]}))
    assert out.to_dict(as_series=False) == {"symbol": ["X", "Y"], "value": [2.0, None]}
    with pytest.raises(ValueError, match="not in the panel"):
        panel.update_frame(pl.DataFrame({"symbol": ["Z"], "close": [1.0]}))
    with pytest.raises(ValueError, match="symbol 'X' is already"):
        panel.add(["X"])
    with pytest.raises(KeyError):
        panel.remove("Z")


def _rechecksummed(data: bytes) -> bytes:
    """`data` with its trailing CRC-32 recomputed, so the decoder itself sees the damage."""
    body = data[:-4]
    return body + zlib.crc32(body).to_bytes(4, "little")


SNAPSHOT_NAMES = ["sma", "rsi", "bbands", "max", "median", "ht_dcperiod", "cdlengulfing", "mavp"]


def _snapshot(name: str, revisable: bool = True) -> bytes:
    entry = _entry(name)
    s = ta.stream.new(name, {}, revisable=revisable)
    for bar in bars_of(entry, synthetic_ohlcv(80, 9)):
        s.update(*bar)
    return s.to_bytes()


def _survives(data: bytes) -> None:
    """Restoring either refuses the bytes or gives a stream that keeps working."""
    try:
        s = ta.stream.from_bytes(data)
    except ta.stream.SnapshotError:
        return
    bar = [100.0] * len(s.inputs)
    for _ in range(3):
        s.update(*bar)
        s.peek(*bar)
    s.to_bytes()


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(SNAPSHOT_NAMES),
    at=st.integers(min_value=0),
    bit=st.integers(min_value=0, max_value=7),
    recheck=st.booleans(),
)
def test_bit_flipped_snapshots(name: str, at: int, bit: int, recheck: bool) -> None:
    data = bytearray(_snapshot(name))
    at %= len(data) - 4
    data[at] ^= 1 << bit
    damaged = _rechecksummed(bytes(data)) if recheck else bytes(data)
    if not recheck:
        with pytest.raises(ta.stream.SnapshotError):
            ta.stream.from_bytes(damaged)
    _survives(damaged)


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(SNAPSHOT_NAMES), cut=st.integers(min_value=0))
def test_truncated_snapshots(name: str, cut: int) -> None:
    data = _snapshot(name)
    with pytest.raises(ta.stream.SnapshotError):
        ta.stream.from_bytes(data[: cut % len(data)])


@settings(max_examples=150, deadline=None)
@given(junk=st.binary(max_size=300), keep=st.integers(min_value=0, max_value=40))
def test_random_bytes(junk: bytes, keep: int) -> None:
    # Random bytes behind a real prefix (magic, version, part of a header), checksum fixed.
    prefix = _snapshot("rsi")[:keep]
    _survives(_rechecksummed(prefix + junk + b"\0\0\0\0"))
    with pytest.raises(ta.stream.SnapshotError):
        ta.stream.from_bytes(junk)


@settings(max_examples=60, deadline=None)
@given(a=st.sampled_from(SNAPSHOT_NAMES), b=st.sampled_from(SNAPSHOT_NAMES))
def test_another_indicators_snapshot(a: str, b: str) -> None:
    data = _snapshot(a)
    if a == b:
        assert ta.stream.from_bytes(data, b).name == a
    else:
        with pytest.raises(ta.stream.SnapshotError, match="wrong_indicator"):
            ta.stream.from_bytes(data, b)


def test_pickle_round_trip_across_processes(tmp_path: Path) -> None:
    data = synthetic_ohlcv(200, 11)
    for name in ("macd", "atr", "cdlengulfing"):
        entry = _entry(name)
        bars = bars_of(entry, data)
        s = ta.stream.new(name, {}, revisable=True)
        for bar in bars[:120]:
            s.update(*bar)
        path = tmp_path / f"{name}.pickle"
        path.write_bytes(pickle.dumps(s))
        expected = [as_row(entry, s.update(*b)) for b in bars[120:]]
        script = (
            "import pickle, sys, json; from laakhay import ta\n"
            f"s = pickle.load(open({str(path)!r}, 'rb'))\n"
            f"bars = json.loads(sys.stdin.read())\n"
            "out = [s.update(*b) for b in bars]\n"
            "print(json.dumps([None if v is None else (list(v) if isinstance(v, tuple) else [v])"
            " for v in out]))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(bars[120:]),
            capture_output=True,
            text=True,
            check=True,
        )
        got = [
            (None,) * len(entry["outputs"]) if v is None else tuple(v)
            for v in json.loads(done.stdout)
        ]
        assert same(got, expected), name


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda p: p.stem)
def test_snapshots_of_earlier_versions_still_restore(path: Path) -> None:
    """Each fixture holds the bars it was taken on, and a snapshot per indicator after the
    first `taken_at` of them: restored, they must continue as the batch result does."""
    fixture = json.loads(path.read_text())
    data = {k: np.array(v, dtype=np.float64) for k, v in fixture["data"].items()}
    taken_at = fixture["taken_at"]
    for name, encoded in fixture["indicators"].items():
        entry = _entry(name)
        s = ta.stream.from_bytes(base64.b64decode(encoded), name)
        assert s.bars == taken_at
        expected = batch_rows(entry, data)[taken_at:]
        got = [as_row(entry, s.update(*b)) for b in bars_of(entry, data)[taken_at:]]
        assert same(got, expected), name


def test_this_version_has_a_fixture() -> None:
    """Every version commits snapshots of all its indicators (`tools/snapshot_fixture.py`),
    so every later version is tested against them."""
    path = FIXTURES / f"{ta.__version__}.json"
    assert path.exists(), "run tools/snapshot_fixture.py"
    names = set(json.loads(path.read_text())["indicators"])
    assert names == {e["name"] for e in ENTRIES}
