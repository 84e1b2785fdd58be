"""Developer tool: compare ta-engine kernels with TA-Lib without building the extension.

Usage: python tools/talib_check.py [NAME ...]   (all catalog entries when no name is given)
Set TA_CHECK_PROFILE=dev to build the example unoptimised (quicker to compile), and
TA_CHECK_ORACLE=ptf to compare with TA-Lib 0.8.3 through polars-talib-fast instead of the
0.8.1 wheel (the only oracle for the functions 0.8.3 added).

Runs `cargo run --example dump` for each indicator on seeded random OHLCV with the default
parameters and with small periods, and prints the null-mask agreement and the worst error
relative to max|TA-Lib|.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import numpy as np
import talib
from talib import abstract

PROFILE = os.environ.get("TA_CHECK_PROFILE", "release")
DUMP = ["cargo", "run", "-q", "--profile", PROFILE, "-p", "ta-engine", "--example", "dump", "--"]


def catalog() -> list[dict]:
    text = subprocess.run([*DUMP, "--catalog"], capture_output=True, text=True, check=True).stdout
    entries = []
    for line in text.strip().splitlines():
        name, talib_name, inputs, params, outputs = line.split("|")
        plist = []
        for p in filter(None, params.split(";")):
            pname, ptalib, kind, default, pmin, _pmax = p.split(":")
            plist.append(
                dict(name=pname, talib=ptalib, kind=kind, default=float(default), min=float(pmin))
            )
        integer = ["Int32" in o for o in outputs.split(",")]
        entries.append(
            dict(
                name=name,
                talib=talib_name,
                inputs=inputs.split(","),
                params=plist,
                integer=integer,
            )
        )
    return entries


def ohlcv(n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.02, n)))
    spread = np.abs(rng.normal(0, 0.01, n)) * close
    high = close + spread * rng.uniform(0, 1, n)
    low = close - spread * rng.uniform(0, 1, n)
    open_ = low + (high - low) * rng.uniform(0, 1, n)
    volume = rng.integers(100, 10_000, n).astype(float)
    periods = rng.integers(2, 31, n).astype(float)
    return dict(open=open_, high=high, low=low, close=close, volume=volume, periods=periods)


def ours(name: str, values: list[float], data: dict[str, np.ndarray]) -> np.ndarray:
    buf = io.StringIO()
    buf.write("open,high,low,close,volume,periods\n")
    columns = ["open", "high", "low", "close", "volume", "periods"]
    for row in zip(*(data[k] for k in columns), strict=True):
        buf.write(",".join(repr(float(v)) for v in row) + "\n")
    args = [*DUMP, name, *[repr(v) for v in values]]
    text = subprocess.run(
        args, input=buf.getvalue(), capture_output=True, text=True, check=True
    ).stdout
    rows = text.strip().splitlines()[1:]
    return np.array([[float(f) if f else np.nan for f in r.split(",")] for r in rows])


def theirs(entry: dict, values: list[float], data: dict[str, np.ndarray]) -> np.ndarray:
    if os.environ.get("TA_CHECK_ORACLE") == "ptf":
        return theirs_083(entry, values, data)
    fn = abstract.Function(entry["talib"])
    fn.parameters = {
        p["talib"]: (int(v) if p["kind"] != "float" else v)
        for p, v in zip(entry["params"], values, strict=True)
    }
    fn.set_input_arrays(data)
    out = fn.outputs
    out = out if isinstance(out, list) else [out]
    return np.column_stack(out).astype(float)


def theirs_083(entry: dict, values: list[float], data: dict[str, np.ndarray]) -> np.ndarray:
    """TA-Lib 0.8.3's outputs (polars-talib-fast wraps the official 0.8.3 crate)."""
    import polars as pl
    import polars_talib_fast as ptf

    params = {
        p["talib"]: (int(v) if p["kind"] != "float" else v)
        for p, v in zip(entry["params"], values, strict=True)
    }
    frame = pl.DataFrame(data)
    out = frame.select(getattr(ptf, entry["talib"].lower())(**params).alias("out"))["out"]
    if out.dtype == pl.Struct:
        out = out.struct.unnest()
        return np.column_stack([out[c].cast(pl.Float64).to_numpy() for c in out.columns])
    return out.cast(pl.Float64).to_numpy().reshape(-1, 1)


def main() -> None:
    wanted = {a.lower() for a in sys.argv[1:]}
    data = ohlcv(2000, 7)
    worst_all = 0.0
    for entry in catalog():
        if wanted and entry["name"] not in wanted and entry["talib"].lower() not in wanted:
            continue
        defaults = [p["default"] for p in entry["params"]]
        small = [
            max(p["min"], 2.0) if p["kind"] == "int" else p["default"] for p in entry["params"]
        ]
        ones = [p["min"] if p["kind"] == "int" else p["default"] for p in entry["params"]]
        for values in (defaults, small, ones):
            a = ours(entry["name"], values, data)
            b = theirs(entry, values, data)
            for k, integer in enumerate(entry["integer"]):
                # TA-Lib fills an integer output's warm-up with 0; ours is missing there.
                present = ~np.isnan(a[:, k])
                warm_up = int(np.argmax(present)) if present.any() else len(a)
                if integer and np.all(b[:warm_up, k] == 0):
                    b[:warm_up, k] = np.nan
            mask_ok = np.array_equal(np.isnan(a), np.isnan(b))
            both = ~np.isnan(a) & ~np.isnan(b)
            scale = np.nanmax(np.abs(b)) if np.any(both) else 1.0
            err = float(np.max(np.abs(a[both] - b[both])) / (scale or 1.0)) if np.any(both) else 0.0
            worst_all = max(worst_all, err)
            flag = "" if mask_ok and err <= 1e-12 else "  <-- MISMATCH"
            first_a = int(np.argmax(~np.isnan(a[:, 0]))) if np.any(~np.isnan(a[:, 0])) else -1
            first_b = int(np.argmax(~np.isnan(b[:, 0]))) if np.any(~np.isnan(b[:, 0])) else -1
            mask = "ok" if mask_ok else "DIFF"
            print(
                f"{entry['name']:<20} {values!s:<40} mask={mask} "
                f"first={first_a}/{first_b} rel_err={err:.2e}{flag}"
            )
    print(f"worst {worst_all:.2e}")


if __name__ == "__main__":
    talib.set_compatibility(0)
    main()
