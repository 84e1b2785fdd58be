"""Developer tool: compare ta-engine kernels with TA-Lib without building the extension.

Usage: python tools/talib_check.py [NAME ...]   (all catalog entries when no name is given)
Set TA_CHECK_PROFILE=dev to build the example unoptimised (quicker to compile), and
TA_CHECK_ORACLE=ptf to compare with TA-Lib 0.8.3 through polars-talib-fast instead of the
0.8.1 wheel (the only oracle for the functions 0.8.3 added).

Runs `cargo run --example dump` for each indicator on seeded random OHLCV with the default
parameters and with small periods, and prints the null-mask agreement and the worst error
relative to max|TA-Lib|.

Candlestick patterns (TA-Lib group Pattern) take TA-Lib's global candle settings as
parameters `<setting>_period`, `<setting>_factor` and `<setting>_range`: the checker sets
TA-Lib's settings from them before each call (and restores the defaults after), passes only
`penetration` as a TA-Lib parameter, tries further settings sets, and also runs each pattern on
/work/shared/data/real/*.csv, printing how often ours and TA-Lib's fire (+ and -).
"""

from __future__ import annotations

import contextlib
import functools
import glob
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
        if not talib_name:
            continue  # one of our own entries: TA-Lib has nothing to compare it with
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


CANDLE_SETTINGS = {
    "body_long": "BodyLong",
    "body_very_long": "BodyVeryLong",
    "body_short": "BodyShort",
    "body_doji": "BodyDoji",
    "shadow_long": "ShadowLong",
    "shadow_very_long": "ShadowVeryLong",
    "shadow_short": "ShadowShort",
    "shadow_very_short": "ShadowVeryShort",
    "near": "Near",
    "far": "Far",
    "equal": "Equal",
}


def is_pattern(entry: dict) -> bool:
    return entry["talib"].startswith("CDL")


def candle_settings(entry: dict, values: list[float]) -> dict[str, list[float]]:
    """The candle settings among an entry's parameters: {setting: [period, factor, range]}."""
    settings: dict[str, list[float]] = {}
    for p, v in zip(entry["params"], values, strict=True):
        for suffix, k in (("_period", 0), ("_factor", 1), ("_range", 2)):
            base = p["name"].removesuffix(suffix)
            if p["name"].endswith(suffix) and base in CANDLE_SETTINGS:
                settings.setdefault(base, [0.0, 0.0, 0.0])[k] = v
    return settings


@contextlib.contextmanager
def talib_candle_settings(entry: dict, values: list[float]):
    """Sets TA-Lib's global candle settings from the parameters, restoring the defaults after."""
    from talib import _ta_lib as ta

    try:
        for name, (period, factor, range_type) in candle_settings(entry, values).items():
            setting = getattr(ta.CandleSettingType, CANDLE_SETTINGS[name])
            # The wrapper raises on a TA-Lib error code.
            ta._ta_set_candle_settings(setting, int(range_type), int(period), factor)
        yield
    finally:
        ta._ta_restore_candle_default_settings(ta.CandleSettingType.AllCandleSettings)


def talib_params(entry: dict, values: list[float]) -> dict:
    settings = candle_settings(entry, values) if is_pattern(entry) else {}
    return {
        p["talib"]: (int(v) if p["kind"] != "float" else v)
        for p, v in zip(entry["params"], values, strict=True)
        if not any(p["name"].startswith(s + "_") for s in settings)
    }


def theirs(entry: dict, values: list[float], data: dict[str, np.ndarray]) -> np.ndarray:
    if os.environ.get("TA_CHECK_ORACLE") == "ptf":
        return theirs_083(entry, values, data)
    fn = abstract.Function(entry["talib"])
    with talib_candle_settings(entry, values) if is_pattern(entry) else contextlib.nullcontext():
        fn.parameters = talib_params(entry, values)
        fn.set_input_arrays(data)
        out = fn.outputs
        lookback = fn.lookback
    out = out if isinstance(out, list) else [out]
    out = np.column_stack(out).astype(float)
    if is_pattern(entry):
        # TA-Lib's 0-filled warm-up is its lookback: checked for the settings in force.
        out[:lookback] = np.nan
    return out


def theirs_083(entry: dict, values: list[float], data: dict[str, np.ndarray]) -> np.ndarray:
    """TA-Lib 0.8.3's outputs (polars-talib-fast wraps the official 0.8.3 crate)."""
    import polars as pl
    import polars_talib_fast as ptf

    params = talib_params(entry, values)
    frame = pl.DataFrame(data)
    out = frame.select(getattr(ptf, entry["talib"].lower())(**params).alias("out"))["out"]
    if out.dtype == pl.Struct:
        out = out.struct.unnest()
        return np.column_stack([out[c].cast(pl.Float64).to_numpy() for c in out.columns]).copy()
    return out.cast(pl.Float64).to_numpy().reshape(-1, 1).copy()


def other_settings(entry: dict) -> list[list[float]]:
    """Further candle-settings sets for a pattern: longer periods (a period where the default
    has none), factors scaled by 0.7 and the next range type; and short periods, factors
    scaled by 1.6, penetration halved."""
    longer, shorter = [], []
    for p in entry["params"]:
        d = p["default"]
        if p["name"].endswith("_period"):
            longer.append(d + 3 if d else 4.0)
            shorter.append(max(d - 7, 1.0) if d else 2.0)
        elif p["name"].endswith("_factor"):
            longer.append(d * 0.7)
            shorter.append(d * 1.6)
        elif p["name"].endswith("_range"):
            longer.append(float((int(d) + 1) % 3))
            shorter.append(d)
        else:
            longer.append(d)
            shorter.append(d / 2)
    return [longer, shorter]


@functools.cache
def real_data() -> list[tuple[str, dict[str, np.ndarray]]]:
    sets = []
    for path in sorted(glob.glob("/work/shared/data/real/*.csv")):
        rows = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=(1, 2, 3, 4, 5))
        rows = rows[~np.isnan(rows).any(axis=1)]
        n = len(rows)
        data = dict(
            open=rows[:, 0],
            high=rows[:, 1],
            low=rows[:, 2],
            close=rows[:, 3],
            volume=rows[:, 4],
            periods=np.full(n, 10.0),
        )
        sets.append((os.path.basename(path).removesuffix(".csv"), data))
    sets.append(("gappy", gappy(20_000, 11)))
    sets.append(("planted", planted(5)))
    return sets


def gappy(n: int, seed: int) -> dict[str, np.ndarray]:
    """Synthetic candles that gap, trend in runs and sit on a 0.25 grid (so bodies, shadows
    and levels often tie exactly): multi-candle patterns fire far more often than on a
    random walk, and ties exercise every >= versus > in the rules."""
    rng = np.random.default_rng(seed)
    drift = np.repeat(rng.normal(0, 0.6, n // 8 + 1), 8)[:n]
    close = np.empty(n)
    open_ = np.empty(n)
    prev = 100.0
    for k in range(n):
        open_[k] = prev + rng.normal(0, 0.8)
        close[k] = open_[k] + drift[k] + rng.normal(0, 1.2)
        if rng.uniform() < 0.15:
            close[k] = open_[k]
        prev = close[k]
    grid = 0.25
    open_ = np.round(open_ / grid) * grid + 1000
    close = np.round(close / grid) * grid + 1000
    top = np.maximum(open_, close) + np.round(np.abs(rng.normal(0, 0.6, n)) ** 2 / grid) * grid
    bottom = np.minimum(open_, close) - np.round(np.abs(rng.normal(0, 0.6, n)) ** 2 / grid) * grid
    return dict(
        open=open_,
        high=top,
        low=bottom,
        close=close,
        volume=np.full(n, 1000.0),
        periods=np.full(n, 10.0),
    )


def test_candles() -> list[list[list[float]]]:
    """The candle sequences of the pattern unit tests (`check("name", &[...], expected)`,
    with `let name = [o, h, l, c];` bindings), which make each pattern fire."""
    import re

    token = re.compile(
        r"let\s+(\w+)\s*=\s*(\[[^\[\]]*\])\s*;|check\(\s*\"\w+\",\s*&\[(.*?)\],\s*-?\d+,?\s*\)",
        re.S,
    )
    root = os.path.join(os.path.dirname(__file__), "..", "crates/ta-engine/src/indicators/pattern")
    cases = []
    for path in sorted(glob.glob(os.path.join(root, "cdl*.rs"))):
        env: dict[str, str] = {}
        with open(path) as source:
            text = source.read()
        for m in token.finditer(text):
            if m.group(1):
                env[m.group(1)] = m.group(2)
                continue
            body = m.group(3)
            for k, v in env.items():
                body = re.sub(rf"\b{k}\b", v, body)
            candles = re.findall(r"\[([^\[\]]*)\]", body)
            cases.append([[float(x) for x in c.split(",") if x.strip()] for c in candles])
    return cases


def planted(seed: int, copies: int = 12) -> dict[str, np.ndarray]:
    """Every unit-test pattern (see `test_candles`) planted many times after quiet random
    candles, each copy scaled, shifted and slightly jittered: rare patterns fire (or just
    miss) here, under default and other settings alike."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(copies):
        for case in test_candles():
            for _ in range(int(rng.integers(6, 16))):
                o = 100 + rng.normal(0, 0.3)
                c = o + rng.normal(0, 1.0)
                high = max(o, c) + abs(rng.normal(0, 0.5))
                low = min(o, c) - abs(rng.normal(0, 0.5))
                rows.append([o, high, low, c])
            scale = rng.uniform(0.8, 1.25)
            jitter = 0.0 if rng.uniform() < 0.5 else 0.01
            for o, h, lo, c in case:
                moved = 100 + (np.array([o, h, lo, c]) - 100) * scale
                o, h, lo, c = moved + rng.normal(0, jitter, 4)
                rows.append([o, max(h, o, c), min(lo, o, c), c])
    a = np.array(rows)
    n = len(a)
    return dict(
        open=a[:, 0],
        high=a[:, 1],
        low=a[:, 2],
        close=a[:, 3],
        volume=np.full(n, 1000.0),
        periods=np.full(n, 10.0),
    )


def fires(x: np.ndarray) -> str:
    return f"+{int(np.sum(x > 0))}/-{int(np.sum(x < 0))}"


def check_patterns_on_real_data(entry: dict) -> bool:
    """Runs a pattern on the real series (and synthetic gappy and planted candles): row-by-row
    agreement and fire counts."""
    ok = True
    defaults = [p["default"] for p in entry["params"]]
    longer, shorter = other_settings(entry)
    for values, label in ((defaults, "default"), (longer, "longer"), (shorter, "shorter")):
        for name, data in real_data():
            a = ours(entry["name"], values, data)[:, 0]
            b = theirs(entry, values, data)[:, 0]
            same = np.array_equal(np.isnan(a), np.isnan(b)) and np.array_equal(
                a[~np.isnan(a)], b[~np.isnan(b)]
            )
            ok &= same
            diff = int(np.sum(np.nan_to_num(a, nan=-999) != np.nan_to_num(b, nan=-999)))
            print(
                f"{entry['name']:<20} {name:<8} {label:<8} ours {fires(np.nan_to_num(a)):<12} "
                f"talib {fires(np.nan_to_num(b)):<12} rows differing {diff}"
                + ("" if same else "  <-- MISMATCH")
            )
    return ok


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
        sets = [defaults, small, ones]
        if is_pattern(entry):
            sets += other_settings(entry)
        labels = ["default", "small", "min", "longer", "shorter"]
        for label, values in zip(labels, sets, strict=False):
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
                # Patterns have many settings parameters: name the set instead of listing them.
                f"{entry['name']:<20} {label if is_pattern(entry) else values!s:<40} mask={mask} "
                f"first={first_a}/{first_b} rel_err={err:.2e}{flag}"
                + (f" fires {fires(np.nan_to_num(a[:, 0]))}" if is_pattern(entry) else "")
            )
        if is_pattern(entry) and not check_patterns_on_real_data(entry):
            worst_all = max(worst_all, 1.0)
    print(f"worst {worst_all:.2e}")


if __name__ == "__main__":
    talib.set_compatibility(0)
    main()
