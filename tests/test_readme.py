"""The README's quickstart and `make demo` run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from laakhay.ta import demo

README = Path(__file__).resolve().parents[1] / "README.md"


def test_quickstart_runs() -> None:
    text = README.read_text()
    section = text[text.index("## Quickstart") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README quickstart", "exec"), namespace)
    assert "rsi_14" in namespace["out"].columns  # type: ignore[attr-defined]


def test_candle_settings_example_runs() -> None:
    text = README.read_text()
    namespace: dict[str, object] = {}
    for heading in ("## Quickstart", "### Candlestick patterns"):
        section = text[text.index(heading) :]
        match = re.search(r"```python\n(.*?)```", section, re.S)
        assert match is not None
        exec(compile(match.group(1), heading, "exec"), namespace)
    dojis = namespace["dojis"]
    assert dojis.columns == ["cdldoji", "cdldoji_body_doji_factor_0.05"]  # type: ignore[attr-defined]
    # A stricter doji threshold finds no more dojis than TA-Lib's default one.
    counts = [dojis[c].abs().sum() for c in dojis.columns]  # type: ignore[attr-defined]
    assert counts[1] <= counts[0]


def test_signals_example_runs() -> None:
    text = README.read_text()
    section = text[text.index("### Signals") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README signals", "exec"), namespace)
    signals = namespace["signals"]
    assert signals.columns == ["lag_3", "up", "held"]  # type: ignore[attr-defined]
    held = signals["held"].drop_nulls()  # type: ignore[index]
    # Flat until the first crossing, then always in the market, long or short.
    values = held.to_list()
    first = next(i for i, v in enumerate(values) if v != 0)
    assert set(values[:first]) <= {0} and set(values[first:]) == {-1, 1}


def test_intraday_example_runs() -> None:
    text = README.read_text()
    section = text[text.index("### Intraday") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README intraday", "exec"), namespace)
    intraday = namespace["intraday"]
    assert intraday.columns == [  # type: ignore[attr-defined]
        "ts", "session", "vwap", "pivots", "yesterday", "opening_range", "demark", "profile"
    ]  # fmt: skip
    starts = intraday.filter("session")["ts"]  # type: ignore[attr-defined]
    # 09:30 New York: 14:30 UTC before the change, 13:30 after.
    assert [(t.hour, t.minute) for t in starts] == [(14, 30)] * 3 + [(13, 30)] * 2
    assert namespace["from_event"].to_series().null_count() < 250  # type: ignore[attr-defined]
    # The 30-minute opening range: known from 10:00 New York (bars are minutes), 30 bars in.
    opening = namespace["opening_30"].to_series()  # type: ignore[attr-defined]
    assert opening.null_count() < opening.len() and opening.struct.field("high").is_not_null()[30]
    swings = namespace["swings"]
    assert swings.columns == ["pivot_high_5_5", "pivot_low_5_5"]  # type: ignore[attr-defined]


def test_demo_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    demo.main()
    printed = capsys.readouterr().out
    # The chart: a standalone page with the price and the RSI and MACD panes.
    page = (tmp_path / "demo-chart.html").read_text()
    assert "Chart: demo-chart.html" in printed and "plotly" in page.lower()
    assert "rsi_14" in printed and "AAA" in printed
    assert "Catalog:" in printed
    assert "Strategy:" in printed and "stage 1 on base bars" in printed


def test_streaming_example_runs() -> None:
    text = README.read_text()
    section = text[text.index("## Live streams") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README live streams", "exec"), namespace)
    ready = namespace["panel"].ready  # type: ignore[attr-defined]
    # The frame tick: AAA goes on; BBB had no row (no bar); CCC's first bar is warm-up.
    assert list(ready) == [True, False, False]


def test_dsl_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text()
    section = text[text.index("## Strategies: the DSL") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README DSL", "exec"), namespace)
    printed = capsys.readouterr().out
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert shown is not None
    assert shown.group(1) in printed  # the error prints as the README says
    assert "{'signal': 199}" in printed and "{'signal': 1199} ['1h']" in printed
    assert namespace["sweep"].stats.height == 2 * 4  # type: ignore[attr-defined]


def test_live_plan_example_runs() -> None:
    text = README.read_text()
    section = text[text.index("## Strategies: the DSL") :]
    namespace: dict[str, object] = {}
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    exec(compile(blocks[0], "README DSL", "exec"), namespace)
    live = section[section.index("**Live.**") :]
    match = re.search(r"```python\n(.*?)```", live, re.S)
    assert match is not None
    exec(compile(match.group(1), "README live plans", "exec"), namespace)  # asserts equality
    assert len(namespace["rows"]) == 2_000  # type: ignore[arg-type]
