"""Candle settings for the candlestick patterns, as a value instead of TA-Lib's global table.

TA-Lib decides "long body", "doji", "near", ... by comparing a candle with the average of the
previous candles' measures (a *setting*: which range it measures, over how many candles, times
what factor) and keeps those settings in one process-wide table. Here they are a parameter of
each pattern call, so two patterns with different settings can run in one plan.

>>> from laakhay import ta
>>> strict = ta.CandleSettings().replace(body_doji=ta.CandleSetting("high_low", 10, 0.05))
>>> strict.body_doji
CandleSetting(range='high_low', period=10, factor=0.05)
>>> ta.CandleSettings() == ta.CANDLE_PRESETS["talib"]
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

from laakhay.ta import _catalog

RangeType = Literal["real_body", "high_low", "shadows"]
"""What a setting measures: the real body, the high-low range, or the shadows."""

_RANGE_CODES: dict[str, int] = {"real_body": 0, "high_low": 1, "shadows": 2}
_SUFFIXES = ("_range", "_period", "_factor")


@dataclass(frozen=True)
class CandleSetting:
    """One setting: a candle's ``range`` measure compared with ``factor`` times its average
    over the previous ``period`` candles (``period`` 0: the candle's own measure)."""

    range: RangeType
    period: int
    factor: float

    def __post_init__(self) -> None:
        if self.range not in _RANGE_CODES:
            raise ValueError(
                f"CandleSetting: range must be one of {sorted(_RANGE_CODES)}, got {self.range!r}"
            )
        if isinstance(self.period, bool) or not isinstance(self.period, int) or self.period < 0:
            raise ValueError(
                f"CandleSetting: period must be a whole number >= 0, got {self.period!r}"
            )
        if isinstance(self.factor, bool) or not isinstance(self.factor, int | float):
            raise TypeError(f"CandleSetting: factor must be a number, got {self.factor!r}")


def _defaults() -> dict[str, CandleSetting]:
    """TA-Lib's default settings, from the engine's catalog document."""
    ranges: dict[int, RangeType] = {0: "real_body", 1: "high_low", 2: "shadows"}
    return {
        s["name"]: CandleSetting(ranges[int(s["range"])], int(s["period"]), float(s["factor"]))
        for s in _catalog.document()["candle_settings"]
    }


_DEFAULTS = _defaults()


@dataclass(frozen=True)
class CandleSettings:
    """Every candle setting; the defaults are TA-Lib's (``CANDLE_PRESETS["talib"]``)."""

    body_long: CandleSetting = field(default_factory=lambda: _DEFAULTS["body_long"])
    body_very_long: CandleSetting = field(default_factory=lambda: _DEFAULTS["body_very_long"])
    body_short: CandleSetting = field(default_factory=lambda: _DEFAULTS["body_short"])
    body_doji: CandleSetting = field(default_factory=lambda: _DEFAULTS["body_doji"])
    shadow_long: CandleSetting = field(default_factory=lambda: _DEFAULTS["shadow_long"])
    shadow_very_long: CandleSetting = field(default_factory=lambda: _DEFAULTS["shadow_very_long"])
    shadow_short: CandleSetting = field(default_factory=lambda: _DEFAULTS["shadow_short"])
    shadow_very_short: CandleSetting = field(default_factory=lambda: _DEFAULTS["shadow_very_short"])
    near: CandleSetting = field(default_factory=lambda: _DEFAULTS["near"])
    far: CandleSetting = field(default_factory=lambda: _DEFAULTS["far"])
    equal: CandleSetting = field(default_factory=lambda: _DEFAULTS["equal"])

    def replace(self, **changes: CandleSetting) -> CandleSettings:
        """A copy with some settings changed (by name, e.g. ``body_doji=...``)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"CandleSettings: unknown setting(s) {sorted(unknown)}")
        return dataclasses.replace(self, **changes)

    def params_for(self, indicator: str) -> dict[str, float]:
        """The pattern's setting parameters (``body_long_period``, ...) from these settings."""
        out: dict[str, float] = {}
        for p in _catalog.entry(indicator)["params"]:
            for suffix in _SUFFIXES:
                if p["name"].endswith(suffix):
                    setting = getattr(self, p["name"][: -len(suffix)])
                    out[p["name"]] = {
                        "_range": _RANGE_CODES[setting.range],
                        "_period": setting.period,
                        "_factor": setting.factor,
                    }[suffix]
        return out


CANDLE_PRESETS: dict[str, CandleSettings] = {"talib": CandleSettings()}
"""Named settings: ``"talib"`` is TA-Lib's defaults."""


def settings_params(indicator: str, settings: CandleSettings | str | None) -> dict[str, float]:
    """A pattern call's setting parameters: TA-Lib's defaults when ``settings`` is None."""
    if settings is None:
        settings = CANDLE_PRESETS["talib"]
    elif isinstance(settings, str):
        if settings not in CANDLE_PRESETS:
            raise ValueError(
                f"{indicator}: unknown candle settings preset {settings!r}; "
                f"choose one of {sorted(CANDLE_PRESETS)}"
            )
        settings = CANDLE_PRESETS[settings]
    elif not isinstance(settings, CandleSettings):
        raise TypeError(
            f"{indicator}: 'settings' must be a CandleSettings or a preset name, "
            f"got {type(settings).__name__}"
        )
    return settings.params_for(indicator)
