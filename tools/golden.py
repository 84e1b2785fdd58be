"""Developer tool: writes the golden corpus, TA-Lib's own outputs (never ours) for every TA-Lib
function, so `cargo test` checks kernel parity in Rust without Python (and later adapters reuse
it).

Usage: python tools/golden.py   (rewrites tests/golden/talib.json and tests/golden/talib.bin)

Oracles: the pinned `ta-lib` 0.8.2 wheel (TA-Lib C 0.8.1) for its 201 functions, TA-Lib 0.8.3
through `polars-talib-fast` (its official Rust port) for the 36 functions 0.8.3 added.

Series (SERIES_ROWS bars each): a seeded random walk, the walk with flat runs and rounded prices
(ties, doji), and the last bars of the real data sets when `../shared/data/real` is present.
Parameter sets per function: TA-Lib's defaults (on every series), and on the two generated series
small periods, larger periods, every MA type where the function takes one, and (patterns) every
candle setting changed at once (on every series: patterns need real candles to fire).

Format: `talib.json` holds the series' and outputs' places in `talib.bin`, a flat array of
little-endian f64 (NaN where TA-Lib has none; integer outputs as their values, TA-Lib's 0-filled
warm-up included). Each case names its function, oracle, series, the input columns in TA-Lib's
order, TA-Lib's parameter names and values, and candle settings as
`{setting: [range_type, period, factor]}`.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import polars_talib_fast as ptf
import talib
from talib import _ta_lib, abstract

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "golden"
REAL = ROOT.parent / "shared" / "data" / "real"
SERIES_ROWS = 250
# Defaults run on every series; the other parameter sets on these (kept compact).
VARIANT_SERIES = ("walk", "flat_runs")
COLUMNS = ("open", "high", "low", "close", "volume", "periods")
MA_TYPES = range(14)
# MA types TA-Lib 0.8.3 added (VIDYA, ALMA): run through 0.8.3 for every function with a type.
MA_TYPES_083 = (14, 15)
# Every candle setting changed at once (TA-Lib's setting, range type, period, factor).
CANDLE_VARIANT = {
    "BodyLong": (0, 5, 1.2),
    "BodyVeryLong": (1, 8, 2.5),
    "BodyShort": (1, 7, 0.5),
    "BodyDoji": (1, 6, 0.05),
    "ShadowLong": (2, 4, 0.8),
    "ShadowVeryLong": (0, 3, 1.5),
    "ShadowShort": (0, 12, 0.8),
    "ShadowVeryShort": (1, 5, 0.05),
    "Near": (1, 3, 0.3),
    "Far": (1, 7, 0.5),
    "Equal": (1, 4, 0.1),
}


def walk(n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.02, n)))
    spread = np.abs(rng.normal(0, 0.01, n)) * close
    high = close + spread * rng.uniform(0, 1, n)
    low = close - spread * rng.uniform(0, 1, n)
    open_ = low + (high - low) * rng.uniform(0, 1, n)
    volume = rng.integers(100, 10_000, n).astype(np.float64)
    return {"open": open_, "high": high, "low": low, "close": close, "volume": volume}


def flat_runs(n: int, seed: int) -> dict[str, np.ndarray]:
    """Rounded prices with flat stretches: ties in rolling extremes, doji, zero ranges."""
    data = {k: np.round(v, 0) for k, v in walk(n, seed).items()}
    for start in range(20, n, 70):
        for k in ("open", "high", "low", "close"):
            data[k][start : start + 12] = data["close"][start]
    return data


def real(name: str) -> dict[str, np.ndarray] | None:
    path = REAL / f"{name}.csv"
    if not path.exists():
        return None
    df = pl.read_csv(path).tail(SERIES_ROWS)
    cols = {c.lower(): c for c in df.columns}
    return {k: df[cols[k]].cast(pl.Float64).to_numpy() for k in COLUMNS[:5]}


def all_series() -> dict[str, dict[str, np.ndarray]]:
    series = {"walk": walk(SERIES_ROWS, 5), "flat_runs": flat_runs(SERIES_ROWS, 6)}
    for name in ("GOOG", "EURUSD", "BTCUSD"):
        data = real(name)
        if data is not None:
            series[name] = data
    for data in series.values():
        n = len(data["close"])
        data["periods"] = (2 + (np.arange(n) * 7) % 33).astype(np.float64)
    return series


def talib_functions() -> list[str]:
    return sorted(talib.get_functions())


def added_in_083() -> list[str]:
    return sorted(set(ptf.get_functions()) - {f.lower() for f in talib_functions()})


def talib_inputs(name: str) -> list[str]:
    """TA-Lib's input columns, in order, as the abstract API names them by default."""
    columns = []
    for value in abstract.Function(name).info["input_names"].values():
        columns += value if isinstance(value, list) else [value]
    return columns


def ptf_signature(name: str) -> tuple[list[str], dict[str, Any]]:
    """Input columns (their default columns) and parameter defaults of a 0.8.3 function."""
    inputs, params = [], {}
    for p in inspect.signature(getattr(ptf, name)).parameters.values():
        if isinstance(p.default, pl.Expr):
            inputs.append(str(p.default).split('"')[1])
        else:
            params[p.name] = p.default
    return inputs, params


def param_sets(defaults: dict[str, Any], pattern: bool) -> list[tuple[dict[str, Any], dict]]:
    """(parameters, candle settings) to run: defaults, small and larger periods, MA types."""
    sets: list[tuple[dict[str, Any], dict]] = [(dict(defaults), {})]
    ints = [k for k, v in defaults.items() if isinstance(v, int) and k != "matype"]
    if ints:
        sets.append(({**defaults, **{k: max(2, defaults[k] // 3) for k in ints}}, {}))
        sets.append(({**defaults, **{k: defaults[k] + defaults[k] // 2 + 1 for k in ints}}, {}))
    ma = [k for k in defaults if "matype" in k]
    for code in MA_TYPES:
        if ma and code != defaults[ma[0]]:
            sets.append(({**defaults, **{k: code for k in ma}}, {}))
    if pattern:
        sets.append((dict(defaults), CANDLE_VARIANT))
    return sets


def run_081(name: str, data: dict[str, np.ndarray], params: dict, settings: dict) -> list:
    for setting, (range_type, period, factor) in settings.items():
        code = getattr(_ta_lib.CandleSettingType, setting)
        _ta_lib._ta_set_candle_settings(code, range_type, period, factor)
    try:
        fn = abstract.Function(name)
        fn.parameters = params
        fn.set_input_arrays(data)
        out = fn.outputs
    finally:
        _ta_lib._ta_restore_candle_default_settings(_ta_lib.CandleSettingType.AllCandleSettings)
    return out if isinstance(out, list) else [out]


def run_083(name: str, data: dict[str, np.ndarray], inputs: list[str], params: dict) -> list:
    df = pl.DataFrame({c: data[c] for c in COLUMNS})
    out = df.select(getattr(ptf, name)(*(pl.col(c) for c in inputs), **params).alias("o"))["o"]
    if out.dtype == pl.Struct:
        fields = out.struct.unnest()
        return [fields[c].to_numpy() for c in fields.columns]
    return [out.to_numpy()]


def main() -> None:
    series = all_series()
    blob: list[np.ndarray] = []
    offset = 0

    def put(values: np.ndarray) -> int:
        nonlocal offset
        start = offset
        blob.append(np.asarray(values, dtype="<f8"))
        offset += len(values)
        return start

    index: dict[str, Any] = {"rows": SERIES_ROWS, "series": {}, "cases": []}
    for name, data in series.items():
        index["series"][name] = {c: put(data[c]) for c in COLUMNS} | {"len": len(data["close"])}

    jobs: list[tuple[str, str, list[str], dict]] = []
    for name in talib_functions():
        info = abstract.Function(name).info
        jobs.append((name, "0.8.1", talib_inputs(name), dict(info["parameters"])))
    for name in added_in_083():
        inputs, defaults = ptf_signature(name)
        jobs.append((name.upper(), "0.8.3", inputs, defaults))
    extra: list[tuple[str, str, list[str], dict]] = []
    for name, _, _, defaults in jobs:
        ma = [k for k in defaults if "matype" in k]
        if ma:
            inputs, _ = ptf_signature(name.lower())
            for code in MA_TYPES_083:
                extra.append((name, "0.8.3", inputs, {**defaults, **{k: code for k in ma}}))

    for name, oracle, inputs, defaults in jobs:
        pattern = name.startswith("CDL")
        for number, (params, settings) in enumerate(param_sets(defaults, pattern)):
            everywhere = number == 0 or settings
            for series_name, data in series.items():
                if not everywhere and series_name not in VARIANT_SERIES:
                    continue
                try:
                    if oracle == "0.8.1":
                        outputs = run_081(name, data, params, settings)
                    else:
                        outputs = run_083(name.lower(), data, inputs, params)
                except Exception as error:  # a parameter set TA-Lib refuses: not a case
                    print(f"skip {name} {params}: {error}")
                    break
                index["cases"].append(
                    {
                        "function": name,
                        "oracle": oracle,
                        "series": series_name,
                        "inputs": inputs,
                        "params": params,
                        "candle_settings": {k: list(v) for k, v in settings.items()},
                        "outputs": [
                            {
                                "offset": put(np.asarray(o, dtype=np.float64)),
                                "integer": bool(np.issubdtype(np.asarray(o).dtype, np.integer)),
                            }
                            for o in outputs
                        ],
                    }
                )
    for name, oracle, inputs, params in extra:
        for series_name in VARIANT_SERIES:
            data = series[series_name]
            outputs = run_083(name.lower(), data, inputs, params)
            index["cases"].append(
                {
                    "function": name,
                    "oracle": oracle,
                    "series": series_name,
                    "inputs": inputs,
                    "params": params,
                    "candle_settings": {},
                    "outputs": [
                        {"offset": put(np.asarray(o, dtype=np.float64)), "integer": False}
                        for o in outputs
                    ],
                }
            )
    OUT.mkdir(parents=True, exist_ok=True)
    np.concatenate(blob).astype("<f8").tofile(OUT / "talib.bin")
    (OUT / "talib.json").write_text(json.dumps(index, separators=(",", ":")) + "\n")
    size = (OUT / "talib.bin").stat().st_size
    print(f"{len(index['cases'])} cases, {len(jobs)} functions, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    talib.set_compatibility(0)
    main()
