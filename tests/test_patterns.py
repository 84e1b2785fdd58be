"""Candlestick patterns fire, both ways they can, exactly where TA-Lib's do.

Random walks almost never show the rare patterns (3STARSINSOUTH, CONCEALBABYSWALL, MATHOLD,
KICKING, ...). Here every candle sequence of the engine's pattern unit tests is planted many
times among quiet random candles (scaled, shifted, jittered: some copies fire, some just miss),
and each pattern is compared with TA-Lib on that series, under TA-Lib's default candle
settings and under changed ones.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import ENTRIES, assert_matches_talib, frame, ours_run, param_sets

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from talib_check import planted

PATTERNS = [e for e in ENTRIES if e["group"] == "pattern"]
# Signals TA-Lib documents for these patterns only one way (bullish or bearish).
ONE_WAY = {
    "cdl2crows", "cdl3blackcrows", "cdl3starsinsouth", "cdl3whitesoldiers", "cdladvanceblock",
    "cdlconcealbabyswall", "cdldarkcloudcover", "cdldoji", "cdldragonflydoji",
    "cdleveningdojistar", "cdleveningstar", "cdlgravestonedoji", "cdlhammer", "cdlhangingman",
    "cdlhomingpigeon", "cdlidentical3crows", "cdlinneck", "cdlinvertedhammer", "cdlladderbottom",
    "cdllongleggeddoji", "cdlmatchinglow", "cdlmathold", "cdlmorningdojistar", "cdlmorningstar",
    "cdlonneck", "cdlpiercing", "cdlrickshawman", "cdlshootingstar", "cdlstalledpattern",
    "cdlsticksandwich", "cdltakuri", "cdlthrusting", "cdlunique3river", "cdlupsidegap2crows",
}  # fmt: skip


@pytest.fixture(scope="module")
def candles() -> dict[str, np.ndarray]:
    data = planted(seed=5)
    n = len(data["close"])
    return {**data, "unit": np.full(n, 0.5)}


@pytest.mark.parametrize("entry", PATTERNS, ids=[e["name"] for e in PATTERNS])
def test_fires_both_ways_like_talib(entry: dict[str, Any], candles: dict[str, np.ndarray]) -> None:
    for values in param_sets(entry):
        assert_matches_talib(entry, values, candles)
    (signal,) = ours_run(entry, param_sets(entry)[0], frame(candles))
    up, down = int((signal > 0).sum()), int((signal < 0).sum())
    assert up + down > 0, f"{entry['name']} never fires"
    if entry["name"] not in ONE_WAY:
        assert up > 0 and down > 0, f"{entry['name']} fires +{up}/-{down}"
