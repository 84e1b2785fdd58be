"""The strategy language: the golden corpus (text -> normalised IR or error code and span),
lowering against hand-written Polars, warm-ups, Kleene nulls, limits and round trips."""

from __future__ import annotations

import contextlib
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from laakhay import ta
from laakhay.ta.dsl import CODES, DslError
from polars.testing import assert_frame_equal, assert_series_equal

CORPUS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dsl_corpus.json").read_text()
)
VALID = [c for c in CORPUS if "ir" in c]
ERRORS = [c for c in CORPUS if "error" in c]


def case_id(case: dict[str, Any]) -> str:
    text = case["text"]
    return json.dumps(text)[:60] if isinstance(text, dict) else repr(text)[:60]


def compile_case(case: dict[str, Any], text: Any = None) -> ta.Plan:
    return ta.compile(
        case["text"] if text is None else text,
        columns=case.get("columns", ()),
        grid=case.get("grid"),
        **case.get("options", {}),
    )


@pytest.fixture(scope="module")
def bars() -> pl.DataFrame:
    """One symbol's bars without gaps, plus a declared extra column."""
    return ta.sample_ohlcv().with_columns(myfactor=pl.col("volume") / 1e5)


# --- the golden corpus ------------------------------------------------------------------------


def test_corpus_is_large_and_covers_every_error_code() -> None:
    assert len(VALID) >= 60 and len(ERRORS) >= 40
    limits = {
        "E_TOO_LONG",
        "E_TOO_MANY_TOKENS",
        "E_TOO_DEEP",
        "E_TOO_MANY_NODES",
        "E_TOO_MANY_TIMEFRAMES",
        "E_COLUMN",
    }
    assert {c["error"] for c in ERRORS} | limits == set(CODES)


@pytest.mark.parametrize("case", VALID, ids=case_id)
def test_corpus_normalises(case: dict[str, Any]) -> None:
    plan = compile_case(case)
    expected = case["ir"] if isinstance(case["ir"], dict) else {"signal": case["ir"]}
    assert plan.normalised() == expected
    # The normalised text is itself a program that compiles to the same IR.
    for name, text in plan.normalised().items():
        again = ta.compile(text, columns=case.get("columns", ()), **case.get("options", {}))
        assert again.normalised() == {"signal": text}, name
    json.dumps(plan.ir)


@pytest.mark.parametrize("case", ERRORS, ids=case_id)
def test_corpus_errors(case: dict[str, Any]) -> None:
    with pytest.raises(DslError) as caught:
        compile_case(case)
    error = caught.value
    assert error.code == case["error"], str(error)
    if "at" in case:
        assert error.span is not None, str(error)
        assert error.source[error.span[0] : error.span[1]] == case["at"], str(error)
        rendered = str(error)
        assert "^" in rendered and f"[{case['error']}]" in rendered
    assert error.message and error.code in str(error)


def test_error_renders_the_line_with_a_caret_and_a_hint() -> None:
    with pytest.raises(DslError) as caught:
        ta.compile({"entry": "rsi(close, 14) < 30 and\n macd(close).sig > 0"})
    error = caught.value
    assert (error.line, error.column, error.output) == (2, 14, "entry")
    lines = str(error).splitlines()
    assert lines[0].startswith("[E_UNKNOWN_OUTPUT] in output 'entry' at line 2, column 14")
    assert lines[1] == "     macd(close).sig > 0"
    assert lines[2] == "                 ^^^"
    assert lines[3] == "hint: did you mean 'signal'?"
    assert pickle.loads(pickle.dumps(error)).code == "E_UNKNOWN_OUTPUT"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("program", "code"),
    [
        ("close + " * 5_000 + "close", "E_TOO_LONG"),
        ("close+" * 1_500 + "close", "E_TOO_MANY_TOKENS"),
        ("(" * 70 + "close" + ")" * 70, "E_TOO_DEEP"),
        ("-" * 70 + "close", "E_TOO_DEEP"),
        (" + ".join(f"close@{k}m" for k in range(2, 12)), "E_TOO_MANY_TIMEFRAMES"),
    ],
)
def test_limits(program: str, code: str) -> None:
    with pytest.raises(DslError) as caught:
        ta.compile(program, ts="ts", base="1m")
    assert caught.value.code == code


def test_node_limit() -> None:
    outputs = {f"o{k}": f"sma(close, {k + 2}) + ema(close, {k + 2})" for k in range(2_000)}
    with pytest.raises(DslError) as caught:
        ta.compile(outputs)
    assert caught.value.code == "E_TOO_MANY_NODES"


def test_column_errors(bars: pl.DataFrame) -> None:
    plan = ta.compile("close > myfactor", columns=["myfactor"])
    with pytest.raises(DslError) as caught:
        plan.apply(bars.drop("myfactor"))
    assert caught.value.code == "E_COLUMN" and "myfactor" in str(caught.value)
    with pytest.raises(DslError) as caught:
        plan.apply(bars.with_columns(myfactor=pl.lit("x")))
    assert caught.value.code == "E_COLUMN"


# --- lowering against hand-written Polars ---------------------------------------------------

c, o, h, lo, v = (pl.col(x) for x in ("close", "open", "high", "low", "volume"))


def _div(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return pl.when(b != 0).then(a / b)


HAND_WRITTEN: dict[str, Callable[[], pl.Expr]] = {
    "rsi(close, 14) < 30": lambda: ta.rsi("close", 14) < 30,
    "sma(rsi(close, 14), 5)": lambda: ta.sma(ta.rsi("close", 14), 5),
    "macd(close).signal": lambda: ta.macd("close").struct.field("signal"),
    "macd(close).signal - macd(close).hist": lambda: (
        ta.macd("close").struct.field("signal") - ta.macd("close").struct.field("hist")
    ),
    "atr(14) / close": lambda: _div(ta.atr(14), c),
    "ema(hl2, 10)": lambda: ta.ema((h + lo) / 2.0, 10),
    "hlc3 - ohlc4": lambda: (h + lo + c) / 3.0 - (o + h + lo + c) / 4.0,
    "close[1]": lambda: c.shift(1),
    "sma(close, 5)[2]": lambda: ta.sma("close", 5).shift(2),
    "crosses_above(sma(close, 20), sma(close, 50))": lambda: (
        (ta.sma("close", 20) > ta.sma("close", 50))
        & (ta.sma("close", 20).shift(1) <= ta.sma("close", 50).shift(1))
    ),
    "crosses_below(close, 100)": lambda: (c < 100) & (c.shift(1) >= 100),
    "crosses(ema(close, 9), ema(close, 21))": lambda: (
        (
            (ta.ema("close", 9) > ta.ema("close", 21))
            & (ta.ema("close", 9).shift(1) <= ta.ema("close", 21).shift(1))
        )
        | (
            (ta.ema("close", 9) < ta.ema("close", 21))
            & (ta.ema("close", 9).shift(1) >= ta.ema("close", 21).shift(1))
        )
    ),
    "highest(high, 20)": lambda: h.rolling_max(20),
    "lowest(low, 20)": lambda: lo.rolling_min(20),
    "change(close, 5)": lambda: c - c.shift(5),
    "if_else(close > open, 1, 0)": lambda: pl.when(c > o).then(1.0).otherwise(0.0),
    "nz(rsi(close, 14))": lambda: ta.rsi("close", 14).fill_null(0.0),
    "abs(close - open)": lambda: (c - o).abs(),
    "max(close, open) - min(close, open)": lambda: (
        pl.max_horizontal(c, o) - pl.min_horizontal(c, o)
    ),
    "-close + 3": lambda: -c + 3.0,
    "close > open and volume > 50000 or close < 100": lambda: ((c > o) & (v > 50_000)) | (c < 100),
    "not close > open": lambda: ~(c > o),
    "bbands(close, 20, 2, 2, ema).upper": lambda: ta.bbands("close", 20, 2, 2, "ema").struct.field(
        "upper"
    ),
    "stoch().slowk": lambda: ta.stoch().struct.field("slowk"),
    "obv(close)": lambda: ta.obv("close"),
    "sar(0.02, 0.2)": lambda: ta.sar(0.02, 0.2),
    "willr(period=10) < -80": lambda: ta.willr(10) < -80,
    "close % 7": lambda: c % 7,
    "close ** 0.5": lambda: c**0.5,
    "close / 0": lambda: pl.lit(None, dtype=pl.Float64),
    "2 ** 3 ** 2": lambda: pl.lit(512.0),
    "myfactor * close": lambda: pl.col("myfactor") * c,
    "adx(14) > 25 and plus_di(14) > minus_di(14)": lambda: (
        (ta.adx(14) > 25) & (ta.plus_di(14) > ta.minus_di(14))
    ),
    "cdlengulfing() > 0": lambda: ta.cdlengulfing() > 0,
}


@pytest.mark.parametrize("text", list(HAND_WRITTEN))
def test_lowering_equals_hand_written_polars(text: str, bars: pl.DataFrame) -> None:
    plan = ta.compile(text, columns=["myfactor"])
    ours = plan.apply(bars)["signal"]
    expected = bars.select(HAND_WRITTEN[text]().alias("signal"))["signal"]
    if expected.len() == 1:
        expected = pl.repeat(expected[0], bars.height, dtype=ours.dtype, eager=True).alias("signal")
    assert_series_equal(ours, expected.cast(ours.dtype), check_exact=True)


@pytest.mark.parametrize("text", list(HAND_WRITTEN))
def test_to_expr_eager_lazy_and_streaming_agree(text: str, bars: pl.DataFrame) -> None:
    plan = ta.compile(text, columns=["myfactor"])
    eager = plan.apply(bars)
    lazy = plan.apply(bars.lazy())
    assert_frame_equal(lazy.collect(engine="streaming"), eager)
    assert_frame_equal(lazy.collect(engine="in-memory"), eager)
    try:
        expr = plan.to_expr()
    except DslError as e:
        assert e.code == "E_OPTIONS"
    else:
        assert_frame_equal(bars.with_columns(expr), eager)


def test_shared_parts_are_computed_once(bars: pl.DataFrame) -> None:
    plan = ta.compile(
        {
            "a": "rsi(close, 14) < 30",
            "b": "rsi(close, 14) > 70",
            "m": "macd(close).macd - macd(close).signal",
        }
    )
    text = plan.explain()
    assert text.count("rsi(close, period=14)") == 1
    assert text.count("macd(close, fast_period=12") == 1
    # The plugin calls in the lazy plan: each indicator appears once.
    shown = plan.apply(bars.lazy()).explain()
    assert shown.count('"rsi"') <= 1 and shown.count("ta_indicator") == 2
    assert set(plan.apply(bars).columns) == {*bars.columns, "a", "b", "m"}


def test_struct_output_is_the_whole_indicator(bars: pl.DataFrame) -> None:
    plan = ta.compile({"m": "macd(close)", "up": "m.hist > 0"})
    out = plan.apply(bars)
    assert_series_equal(out["m"], bars.select(ta.macd("close").alias("m"))["m"])
    assert_series_equal(
        out["up"], bars.select((ta.macd("close").struct.field("hist") > 0).alias("up"))["up"]
    )


# --- warm-ups -----------------------------------------------------------------------------------

KLEENE = ("and", "or", "if_else", "nz")


@pytest.mark.parametrize("case", [c for c in VALID if "options" not in c], ids=case_id)
def test_warmups_equal_the_first_value_measured(case: dict[str, Any], bars: pl.DataFrame) -> None:
    plan = compile_case(case)
    out = plan.apply(bars)
    for name, warmup in plan.warmup_bars.items():
        column = out[name]
        if "/ 0" in str(case["text"]):
            continue  # no value at all, by design
        first = int(column.is_not_null().arg_true().first()) if column.is_not_null().any() else None
        assert first is not None
        # From the warm-up on, every row has a value (these bars have no gaps).
        assert column[warmup:].null_count() == 0, name
        texts = case["text"].values() if isinstance(case["text"], dict) else [case["text"]]
        if any(k in t for t in texts for k in KLEENE):
            assert first <= warmup  # Kleene logic may decide early
        elif "/" not in str(texts):
            assert first == warmup, name


def test_warmup_arithmetic() -> None:
    assert ta.compile("sma(rsi(close, 14), 5)").warmup_bars == {"signal": 18}
    assert ta.compile("macd(close).signal").warmup_bars == {"signal": 33}
    assert ta.compile("crosses_above(sma(close, 20), sma(close, 50))").warmup_bars == {"signal": 50}
    assert ta.compile("sma(close, 20)[3] > close[10]").warmup_bars == {"signal": 22}
    plan = ta.compile("close > sma(close@1h, 20)", ts="ts", base="1m")
    assert plan.warmup_bars == {"signal": 1199}
    assert plan.warmups == {"signal": {"base": 1199, "1h": 19}}


# --- nulls and NaN: Kleene logic, never a silent else-branch -----------------------------------


def test_nulls_flow_through_logic() -> None:
    df = pl.DataFrame(
        {
            "close": [1.0, None, float("nan"), 4.0, 5.0],
            "open": [0.0, 1.0, 1.0, 5.0, None],
        }
    )
    out = ta.compile(
        {
            "gt": "close > 2",
            "either": "close > 2 or open > 0",
            "both": "close > 2 and open > 0",
            "pick": "if_else(close > 2, 1, 0)",
            "ratio": "open / (close - 4)",
            "filled": "nz(close, -1)",
        }
    ).apply(df)
    assert out["gt"].to_list() == [False, None, None, True, True]  # NaN is missing, not > 2
    assert out["either"].to_list() == [False, True, True, True, True]
    assert out["both"].to_list() == [False, None, None, True, None]
    assert out["pick"].to_list() == [0.0, None, None, 1.0, 1.0]
    assert out["ratio"].to_list() == [0.0, None, None, None, None]
    assert out["filled"].to_list() == [1.0, -1.0, -1.0, 4.0, 5.0]
    assert np.isnan(out["close"][2])  # the frame's own column is left as it was


# --- panels -------------------------------------------------------------------------------------


def test_by_symbol_in_any_row_order(bars: pl.DataFrame) -> None:
    other = bars.with_columns(symbol=pl.lit("B"), close=pl.col("close") * 1.5 + 3)
    panel = pl.concat([bars, other]).with_columns(t=pl.int_range(pl.len()).over("symbol"))
    shuffled = panel.sample(fraction=1.0, shuffle=True, seed=7).sort("t", maintain_order=True)
    program = {
        "entry": "crosses_above(ema(close, 9), sma(close, 21)) and rsi(close, 14) < 60",
        "exit": "close[3] > highest(high, 10)",
    }
    plan = ta.compile(program, by="symbol")
    together = plan.apply(shuffled).sort("symbol", "t")
    for symbol, part in panel.partition_by("symbol", as_dict=True).items():
        alone = ta.compile(program).apply(part)
        got = together.filter(pl.col("symbol") == symbol[0])
        assert_frame_equal(got.select("entry", "exit"), alone.select("entry", "exit"))


# --- random programs: only DslError, round trips, no look-ahead ---------------------------------

TOKENS = [
    "close", "open", "high", "volume", "hl2", "sma", "rsi", "macd", "crosses_above", "if_else",
    "nz", "highest", "(", ")", "[", "]", ",", ".", "@", "1h", "5m", "+", "-", "*", "/", "**",
    "%", "<", ">=", "==", "and", "or", "not", "true", "14", "0", "2.5", "-1", "=", "period",
    "signal", "$n", "#", "'", "1e999", "ma_type", "ema", "x",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.booleans())
def test_random_tokens_raise_only_dsl_errors(tokens: list[str], spaced: bool) -> None:
    text = (" " if spaced else "").join(tokens)
    try:
        ta.compile(text, ts="ts", base="1m")
    except DslError as error:
        assert error.code in CODES
        str(error)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_random_text_raises_only_dsl_errors(text: str) -> None:
    with contextlib.suppress(DslError):
        ta.compile(text)


TIMEFRAMES = ("5m", "15m", "1h")


def numbers(depth: int, frames: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Numeric programs; `x@tf` only with the timeframes in `frames` (finest first), and
    inside it only as coarse or coarser ones (a coarser bar cannot read finer ones)."""
    leaf = st.sampled_from(["close", "open", "high", "low", "hl2", "volume / 1000", "2.5", "3"])
    if depth == 0:
        return leaf
    inner = numbers(depth - 1, frames)
    period = st.integers(2, 12).map(str)
    options = [
        leaf,
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(st.sampled_from(["sma", "ema", "rsi", "wma"]), inner, period).map(
            lambda t: f"{t[0]}({t[1]} + close, {t[2]})"
        ),
        st.tuples(inner, st.integers(0, 4)).map(lambda t: f"({t[0]})[{t[1]}]"),
        st.tuples(inner, period).map(lambda t: f"highest({t[0]} + low, {t[1]})"),
        inner.map(lambda x: f"abs({x})"),
        st.tuples(period, period).map(
            lambda t: f"macd(close, {t[0]}, {int(t[0]) + int(t[1])}).hist"
        ),
        st.tuples(inner, inner).map(lambda t: f"max({t[0]}, {t[1]})"),
    ]
    for i, tf in enumerate(frames):
        options.append(numbers(depth - 1, frames[i:]).map(lambda x, tf=tf: f"({x} + close)@{tf}"))
    return st.one_of(*options)


def conditions(frames: bool) -> st.SearchStrategy[str]:
    x = numbers(2, TIMEFRAMES if frames else ())
    compare = st.tuples(x, st.sampled_from(["<", ">", ">=", "<="]), x).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"
    )
    crosses = st.tuples(x, x).map(lambda t: f"crosses_above({t[0]} + close, {t[1]} + open)")
    single = st.one_of(compare, crosses)
    return st.one_of(
        single,
        st.tuples(single, st.sampled_from(["and", "or"]), single).map(
            lambda t: f"({t[0]}) {t[1]} ({t[2]})"
        ),
        single.map(lambda s: f"not ({s})"),
    )


@pytest.fixture(scope="module")
def minute_bars() -> pl.DataFrame:
    """Two symbols of minute bars with a gap, interleaved (time-major)."""
    rng = np.random.default_rng(11)
    frames = []
    for k, symbol in enumerate(["A", "B"]):
        n = 300
        close = 100 + np.cumsum(rng.normal(0, 1, n))
        start = pl.datetime(2024, 1, 2, 9, 3 * k)
        frame = pl.DataFrame(
            {
                "symbol": symbol,
                "close": close,
                "open": close + rng.normal(0, 0.3, n),
                "high": close + 1.0,
                "low": close - 1.0,
                "volume": rng.integers(100, 10_000, n).astype(float),
            }
        ).with_columns(
            ts=pl.datetime_range(start, start + pl.duration(minutes=n - 1), "1m", eager=False)
        )
        frames.append(
            frame.filter((pl.int_range(pl.len()) < 120) | (pl.int_range(pl.len()) >= 130))
        )
    return pl.concat(frames).sort("ts", "symbol")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(program=conditions(frames=True), cut=st.integers(20, 500))
def test_no_future_value_is_ever_visible(program: str, cut: int, minute_bars: pl.DataFrame) -> None:
    plan = ta.compile(program, by="symbol", ts="ts", base="1m")
    full = plan.apply(minute_bars)
    part = plan.apply(minute_bars.head(cut))
    assert_series_equal(full["signal"].head(cut), part["signal"])


@settings(max_examples=100, deadline=None)
@given(conditions(frames=True))
def test_normalised_text_round_trips(program: str) -> None:
    plan = ta.compile(program, ts="ts", base="1m")
    (text,) = plan.normalised().values()
    again = ta.compile(text, ts="ts", base="1m")
    assert again.normalised() == {"signal": text}
    assert json.dumps(again.ir, sort_keys=True) == json.dumps(plan.ir, sort_keys=True)


def test_explain_names_stages_joins_and_warmups() -> None:
    plan = ta.compile(
        {"trend": "close > sma(close@1h, 20)", "entry": "trend and rsi(close, 14) < 30"},
        by="symbol",
        ts="ts",
        base="1m",
    )
    text = plan.explain()
    assert "1h bars: base bars (1m) grouped into 1h buckets by symbol" in text
    assert "whose close time is at or before its own close time (open time + 1m)" in text
    assert "trend: null for the first 1199 base bars" in text
    assert plan.timeframes == ["1h"]
    assert plan.required_columns == ["close", "symbol", "ts"]


@pytest.mark.parametrize(
    "text", ["ema(close, 14)", "rsi(close, 14) / 100", "macd(close).signal", "atr(14) / close"]
)
def test_converged_warmup_removes_the_start_dependence(text: str) -> None:
    plan = ta.compile(text)
    settled = plan.warmup_converged(1e-9)["signal"]
    assert settled > plan.warmup_bars["signal"]
    # On other data: started 3,000 bars earlier or not, values agree to ~1e-9 after it.
    bars = ta.sample_ohlcv(6_000, seed=99)
    early = plan.apply(bars)["signal"].to_numpy()[3_000:]
    late = plan.apply(bars.slice(3_000))["signal"].to_numpy()
    close = np.isclose(early, late, rtol=1e-8, atol=0)
    assert close[settled:].all()
    assert not close[: plan.warmup_bars["signal"] + 5].all()


def test_converged_warmup_of_windows_is_the_warmup() -> None:
    plan = ta.compile({"a": "sma(close, 20) > highest(high, 10)", "b": "ema(close, 10)"})
    converged = plan.warmup_converged()
    assert converged["a"] == plan.warmup_bars["a"] == 19
    assert converged["b"] > plan.warmup_bars["b"]
    with pytest.raises(ValueError, match="tol"):
        plan.warmup_converged(0)


def test_a_pickled_plan_runs_as_the_original() -> None:
    """A plan shipped to another process (pickled) lays its nodes out again."""
    import pickle

    plan = ta.compile({"r": "rsi(close, 14)", "m": "macd(close).signal"}, by="symbol")
    bars = ta.sample_ohlcv(100, symbols=["A", "B"], seed=1)
    copy = pickle.loads(pickle.dumps(plan))
    assert copy.apply(bars).equals(plan.apply(bars))
