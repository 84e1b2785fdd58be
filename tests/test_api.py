"""The Python surface follows the catalog, and the catalog follows TA-Lib."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
import talib
from conftest import (
    ENTRIES,
    IN_WHEEL,
    OHLCV,
    REFERENCE_SPECS,
    candle_settings,
    frame,
    is_talib,
    oracle_083,
    oracle_run,
    ours_run,
    param_sets,
    py_params,
    synthetic_ohlcv,
    talib_params,
    with_candle_settings,
)
from laakhay import ta
from talib import abstract

IDS = [e["name"] for e in ENTRIES]
ISSUE_LIST = [
    "SMA",
    "EMA",
    "WMA",
    "DEMA",
    "TEMA",
    "TRIMA",
    "KAMA",
    "T3",
    "MA",
    "BBANDS",
    "MIDPOINT",
    "MIDPRICE",
    "SAR",
    "RSI",
    "MACD",
    "MACDEXT",
    "MACDFIX",
    "STOCH",
    "STOCHF",
    "STOCHRSI",
    "ADX",
    "ADXR",
    "DX",
    "PLUS_DI",
    "MINUS_DI",
    "PLUS_DM",
    "MINUS_DM",
    "CCI",
    "WILLR",
    "MFI",
    "MOM",
    "ROC",
    "ROCP",
    "ROCR",
    "ROCR100",
    "CMO",
    "APO",
    "PPO",
    "TRIX",
    "AROON",
    "AROONOSC",
    "BOP",
    "ULTOSC",
    "ATR",
    "NATR",
    "TRANGE",
    "OBV",
    "AD",
    "ADOSC",
    "STDDEV",
    "VAR",
    "LINEARREG",
    "LINEARREG_SLOPE",
    "LINEARREG_INTERCEPT",
    "LINEARREG_ANGLE",
    "TSF",
    "BETA",
    "CORREL",
    "AVGPRICE",
    "MEDPRICE",
    "TYPPRICE",
    "WCLPRICE",
]


def test_generated_files_are_current() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import codegen

    for path, text in codegen.outputs().items():
        assert path.read_text() == text, f"{path.name} is stale: run `make generate`"


def test_catalog_covers_the_list() -> None:
    names = set(ta.catalog()["talib_name"])
    assert sorted(set(ISSUE_LIST) - names) == []


def ptf_info(name: str) -> dict[str, Any]:
    """TA-Lib 0.8.3's metadata for a function the wheel lacks (through polars-talib-fast)."""
    import polars_talib_fast as ptf

    fn = getattr(ptf, name.lower())
    inputs, params = [], {}
    for p in inspect.signature(fn).parameters.values():
        if isinstance(p.default, pl.Expr):
            inputs.append(p.name)
        else:
            params[p.name] = p.default
    data = synthetic_ohlcv(300, seed=3)
    df = pl.DataFrame({c: data[c] for c in ("open", "high", "low", "close", "volume")})
    out = df.select(fn().alias("o"))["o"]
    outputs = [f.name for f in out.dtype.fields] if out.dtype == pl.Struct else ["real"]
    return {"inputs": inputs, "parameters": params, "output_names": outputs}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_metadata_matches_talib(entry: dict[str, Any]) -> None:
    params = talib_params(entry)
    if not is_talib(entry):
        # Our own entries: as specified (conftest's REFERENCE_SPECS), and nothing of TA-Lib's.
        spec = REFERENCE_SPECS[entry["name"]]
        assert entry["inputs"] == spec["inputs"]
        got = [(p["name"], p["default"], p["min"], p["max"]) for p in entry["params"]]
        assert got == spec["params"]
        assert [o["dtype"] for o in entry["outputs"]] == spec["outputs"]
        assert entry["origin"] == "laakhay" and entry["group"] in ("signal", "session", "extra")
        assert entry["talib_name"] is None and entry["talib_group"] is None
        assert all(o["talib_name"] is None for o in entry["outputs"])
        assert entry["name"] not in {f.lower() for f in IN_WHEEL}
        return
    if entry["talib_name"] not in IN_WHEEL:
        info = ptf_info(entry["talib_name"])
        assert [p["talib_name"] for p in params] == list(info["parameters"])
        assert [p["default"] for p in params] == [float(v) for v in info["parameters"].values()]
        assert len(entry["inputs"]) == len(info["inputs"])
        if len(info["output_names"]) > 1:
            assert [o["talib_name"] for o in entry["outputs"]] == info["output_names"]
        return
    info = abstract.Function(entry["talib_name"]).info
    assert [p["talib_name"] for p in params] == list(info["parameters"])
    assert [p["default"] for p in params] == [float(v) for v in info["parameters"].values()]
    assert [o["talib_name"] for o in entry["outputs"]] == info["output_names"]
    flat_inputs: list[str] = []
    for v in info["input_names"].values():
        flat_inputs += v if isinstance(v, list) else [v]
    # A free series of ours ("real", "real0", "real1") stands for whichever TA-Lib names.
    free = ("real", "real0", "real1")
    ours = [t if i in free else i for i, t in zip(entry["inputs"], flat_inputs, strict=True)]
    assert ours == flat_inputs
    flags = info["function_flags"] or []
    if "Function has an unstable period" in flags:
        assert "unstable_period" in entry["flags"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_unstable_flag_means_depends_on_start(entry: dict[str, Any]) -> None:
    """`unstable_period` is set exactly when values depend on where the series starts
    (recursive smoothing): the same bar computed from two starting points differs."""
    if is_talib(entry) and any(o["dtype"] != "Float64" for o in entry["outputs"]):
        pytest.skip("integer outputs (signals, positions) are not smoothed values")
    data = synthetic_ohlcv(400, seed=12)
    values = param_sets(entry)[0]
    start = 37
    full = ours_run(entry, values, frame(data))
    late = ours_run(entry, values, frame({k: v[start:] for k, v in data.items()}))
    row = ta.lookback(entry["name"], **values) + 5  # shortly after the later start warms up
    depends = any(
        abs(a[start + r] - b[r]) > 1e-9 * max(abs(b[r]), 1.0)
        for a, b in zip(full, late, strict=True)
        for r in range(row, row + 30)
        if a[start + r] is not None and b[r] is not None
    )
    # Path dependence needs the flag (the reverse is not checked: some flagged recursions
    # converge below this tolerance within the warm-up).
    if depends:
        assert {"unstable_period", "cumulative", "anchored"} & set(entry["flags"])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_ranges_match_talib(entry: dict[str, Any]) -> None:
    """TA-Lib accepts our minimum and maximum and refuses one step outside."""
    data = synthetic_ohlcv(60, seed=4)
    for p in talib_params(entry):
        if p["kind"] != "int":
            continue
        for value, accepted in [
            (p["min"], True),
            (p["min"] - 1, False),
            (p["max"], True),
            (p["max"] + 1, False),
        ]:
            if is_talib(entry) and entry["talib_name"] in IN_WHEEL:
                fn = abstract.Function(entry["talib_name"])
                fn.parameters = {p["talib_name"]: int(value)}
                if p["name"] in ("min_period", "max_period"):  # MAVP: min <= max
                    fn.parameters = {"minperiod": int(value), "maxperiod": int(value)}
                assert (fn.lookback >= 0) == accepted, (p["name"], value)
                continue
            defaults = {q["name"]: q["default"] for q in entry["params"]}
            try:
                oracle_run(entry, {**defaults, p["name"]: value}, data)
                took = True
            except pl.exceptions.ComputeError:  # TA-Lib 0.8.3 refuses it
                took = False
            except ValueError:  # our reference refuses it
                if is_talib(entry):
                    raise
                took = False
            assert took == accepted, (p["name"], value)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_lookback_matches_talib(entry: dict[str, Any]) -> None:
    data = synthetic_ohlcv(400, seed=5)
    for values in param_sets(entry):
        try:
            ours = ta.lookback(entry["name"], **values)
        except ValueError:  # e.g. FRAMA's odd periods: TA-Lib refuses them too
            with pytest.raises(pl.exceptions.ComputeError):
                oracle_run(entry, values, data)
            continue
        if oracle_083(entry, values) or not is_talib(entry):
            # TA-Lib 0.8.3's lookback (and our reference's) is its warm-up: the rows before its
            # first value.
            first = oracle_run(entry, values, data)[0]
            warm_up = min(int(np.argmax(~np.isnan(first))), len(first))
            if {"anchored", "events"} & set(entry["flags"]):
                # Where the anchors (events) fall decides the warm-up; the lookback is the
                # least one.
                assert ours <= warm_up, values
                continue
            assert ours == warm_up, values
            continue
        fn = abstract.Function(entry["talib_name"])
        fn.parameters = {
            p["talib_name"]: v
            for p, v in zip(entry["params"], py_params(entry, values).values(), strict=True)
            if p in talib_params(entry)
        }
        with with_candle_settings(candle_settings(values)):
            assert ours == fn.lookback, values


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_signature_follows_catalog(entry: dict[str, Any]) -> None:
    sig = inspect.signature(getattr(ta, entry["name"]))
    params = [p for p in sig.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    # The free series and signals come first, positional (every input but OHLCV).
    free = sum(i not in OHLCV for i in entry["inputs"])
    # A pattern's candle-setting parameters come together as one `settings` argument.
    settings = [
        p["name"]
        for p in entry["params"]
        if entry["group"] == "pattern" and p["name"].endswith(("_range", "_period", "_factor"))
    ]
    expected = [p["name"] for p in entry["params"] if p["name"] not in settings]
    if settings:
        expected.append("settings")
    assert [p.name for p in params[free:]] == expected
    kw_only = [p.name for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY]
    ohlcv = [i for i in entry["inputs"] if i in OHLCV]
    assert kw_only == [*ohlcv, "by", "order_by"]
    assert (getattr(ta, entry["name"]).__doc__ or "").count("Examples") == 1


def test_same_concept_same_name() -> None:
    """A TA-Lib parameter name always maps to the same keyword of ours (our own entries'
    parameters have none, written empty)."""
    seen: dict[str, str] = {}
    for e in ENTRIES:
        for p in e["params"]:
            if not p["talib_name"]:
                continue
            assert seen.setdefault(p["talib_name"], p["name"]) == p["name"], p


def test_catalog_frame_and_info() -> None:
    cat = ta.catalog()
    assert cat.height == len(ENTRIES)
    assert cat["name"].is_unique().all()
    assert ta.info("macd")["outputs"][2]["style"] == "histogram"
    assert ta.info("MACD")["name"] == "macd"


def test_ma_type_enum() -> None:
    df = ta.sample_ohlcv(100)
    a = df.select(ta.ma("close", 10, ta.MaType.EMA)).to_series()
    b = df.select(ta.ema("close", 10)).to_series()
    assert a.equals(b)
    ref = talib.MA(df["close"].to_numpy(), 10, talib.MA_Type.EMA)
    np.testing.assert_array_equal(np.isnan(ref), a.is_null().to_numpy())


def test_outputs_are_named_after_indicator_and_parameters() -> None:
    df = ta.sample_ohlcv(60)
    out = df.with_columns(ta.rsi("close"), ta.macd("close"), ta.atr())
    assert {"rsi_14", "macd_12_26_9", "atr_14"} <= set(out.columns)
    assert out.schema["macd_12_26_9"] == pl.Struct(
        {"macd": pl.Float64, "signal": pl.Float64, "hist": pl.Float64}
    )


def test_groups_are_talibs() -> None:
    """`talib_group` is the group TA-Lib files the function under (0.8.3 for its additions);
    our own entries have none (and no TA-Lib name)."""
    import polars_talib_fast as ptf
    import talib

    groups = {f: g for g, fs in talib.get_function_groups().items() for f in fs}
    for g, fs in ptf.get_function_groups().items():
        for f in fs:
            groups.setdefault(f.upper(), g)
    cat = ta.catalog()
    rows = cat.select("name", "origin", "talib_name", "talib_group").iter_rows()
    origins = set()
    for name, origin, talib_name, group in rows:
        origins.add(origin)
        if origin == "talib":
            assert groups[talib_name] == group, name
        else:
            assert origin == "laakhay" and talib_name is None and group is None, name
            assert name.upper() not in groups
    assert origins == {"talib", "laakhay"}
    # TA-Lib's names find TA-Lib's entries; nothing is found under an empty name.
    assert ta.info("MAX")["name"] == "max"
    with pytest.raises(KeyError):
        ta.info("")
