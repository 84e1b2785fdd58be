"""The `laakhay-ta` command line: catalog commands, `compute` over files, errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from conftest import SHARED_DATA
from laakhay import ta
from laakhay.ta import cli

EURUSD = SHARED_DATA / "EURUSD.csv"
GOOG = SHARED_DATA / "GOOG.csv"
needs_real = pytest.mark.skipif(
    not (EURUSD.exists() and GOOG.exists()), reason="shared real data not present"
)
OHLCV = {"Open": "open", "High": "high", "Low": "low", "Close": "close", "Volume": "volume"}
EXPRS = {
    "r": "rsi(close, 14)",
    "m": "macd(close)",
    "up": "sma(close, 20) > sma(close, 50)",
    "x": "crosses_above(ema(close, 12), ema(close, 26)) and volume > 0",
}


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Runs the CLI in-process; user errors must never show a traceback."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def e_args(exprs: dict[str, str]) -> list[str]:
    return [a for name, text in exprs.items() for a in ("-e", f"{name}={text}")]


def expected(
    frame: pl.DataFrame, exprs: dict[str, str], keep: list[str], **kw: str
) -> pl.DataFrame:
    """The same expressions computed in memory by `ta.compile(...).apply`, multi-output
    results as NAME.field columns (what the CLI writes)."""
    result = ta.compile(exprs, **kw).apply(frame)
    columns = [pl.col(c) for c in keep]
    for name in exprs:
        dtype = result.schema[name]
        if isinstance(dtype, pl.Struct):
            columns += [
                pl.col(name).struct.field(f.name).alias(f"{name}.{f.name}") for f in dtype.fields
            ]
        else:
            columns.append(pl.col(name))
    return result.select(columns)


def panel(n: int = 400, symbols: int = 9) -> pl.DataFrame:
    """A multi-symbol panel, time-major (symbols interleaved), with a datetime `ts`."""
    bars = ta.sample_ohlcv(n, symbols=[f"S{i}" for i in range(symbols)], seed=11)
    bars = bars.with_columns(ts=pl.datetime(2024, 1, 1) + pl.duration(hours=pl.col("bar")))
    return bars.sort("bar", "symbol")


def caret(err: str) -> tuple[str, int, int]:
    """The shown expression line, the caret's column in it and the caret's width."""
    lines = err.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() and set(line.strip()) == {"^"})
    return lines[at - 1], lines[at].index("^"), lines[at].count("^")


# --- list and info ----------------------------------------------------------------------------


def test_list_prints_every_catalog_entry_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    cat = ta.catalog()
    assert [line.split()[0] for line in lines] == cat["name"].to_list()
    for line, row in zip(lines, cat.iter_rows(named=True), strict=True):
        _, group, talib = line.split()[:3]
        assert (group, talib) == (row["group"], row["talib_name"] or "-")
        assert line.endswith(row["summary"])


def test_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    cat = ta.catalog()
    code, out, _ = run(capsys, "list", "--group", "momentum", "--origin", "talib")
    wanted = cat.filter((pl.col("group") == "momentum") & (pl.col("origin") == "talib"))
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == wanted["name"].to_list()
    code, out, _ = run(capsys, "list", "--origin", "laakhay")
    names = [line.split()[0] for line in out.splitlines()]
    assert names == cat.filter(pl.col("origin") == "laakhay")["name"].to_list()
    assert all(line.split()[2] == "-" for line in out.splitlines())
    code, out, _ = run(capsys, "list", "--search", "RELATIVE STRENGTH")
    assert "rsi" in [line.split()[0] for line in out.splitlines()]
    assert "sma" not in [line.split()[0] for line in out.splitlines()]


def test_list_unknown_group(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "--group", "momentm")
    assert code == 2 and out == ""
    assert "unknown group 'momentm'" in err and "momentum" in err


def test_info_rsi_by_our_name_and_talibs(capsys: pytest.CaptureFixture[str]) -> None:
    code, ours, _ = run(capsys, "info", "rsi")
    assert code == 0
    code, talibs, _ = run(capsys, "info", "RSI")
    assert code == 0 and talibs == ours
    lines = ours.splitlines()
    assert lines[0].startswith("rsi (TA-Lib RSI): momentum")
    spec = ta.info("rsi")
    assert spec["summary"] in ours
    assert "Call: rsi(close, period=14)" in lines
    (param,) = [line.split() for line in lines if line.split()[:1] == ["period"]]
    assert param[:6] == ["period", "int", "default", "14", "range", "2..100000"]
    assert " ".join(param[6:]) == spec["params"][0]["description"]
    assert any(line.split() == ["expr", "free", "(TA-Lib", "real)"] for line in lines)
    assert any(line.split()[:2] == ["value", "Float64"] for line in lines)
    assert "Lookback: 14 bars (with period=14); default output name rsi_14" in lines
    assert "Levels: 30, 70" in lines
    assert "Flags: unstable_period" in lines


def test_info_outputs_lag_and_ma_types(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info", "macd")
    outputs = [line.split()[0] for line in out.split("Outputs:")[1].splitlines()[1:4]]
    assert code == 0 and outputs == ["macd", "signal", "hist"]
    assert "Lookback: 33 bars" in out and "Deviations from TA-Lib:" in out
    code, out, _ = run(capsys, "info", "pivot_high")
    assert code == 0 and "(ours, not in TA-Lib)" in out
    (row,) = [line for line in out.splitlines() if line.split()[:2] == ["pivot_high", "Float64"]]
    assert row.split()[-2:] == ["event_lag_param", "right_bars"]
    code, out, _ = run(capsys, "info", "bbands")
    assert "default 0 (SMA)" in out and "range 0..15" in out


@pytest.mark.parametrize(("name", "suggestion"), [("rsii", "rsi"), ("MACDD", "macd")])
def test_info_unknown_suggests(
    capsys: pytest.CaptureFixture[str], name: str, suggestion: str
) -> None:
    code, out, err = run(capsys, "info", name)
    assert code == 2 and out == ""
    assert f"unknown indicator '{name}'; did you mean {suggestion}" in err


# --- compute ----------------------------------------------------------------------------------


@needs_real
def test_compute_csv_to_parquet_equals_in_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "eurusd.parquet"
    code, stdout, err = run(capsys, "compute", EURUSD, "--ts", "", *e_args(EXPRS), "-o", out)
    assert code == 0 and stdout == ""
    assert "renamed columns Open -> open" in err and "wrote 5,000 rows" in err
    got = pl.read_parquet(out)
    frame = pl.read_csv(EURUSD).rename(OHLCV).with_columns(pl.col("").str.to_datetime())
    want = expected(frame, EXPRS, [""], ts="")
    assert got.columns == ["", "r", "m.macd", "m.signal", "m.hist", "up", "x"]
    assert got.schema[""] == pl.Datetime("us")
    assert got.equals(want)
    # ...and the typed functions agree.
    direct = frame.select(ta.rsi("close", 14), ta.macd("close"))
    assert got["r"].equals(direct["rsi_14"], check_names=False)
    signal = direct["macd_12_26_9"].struct.field("signal")
    assert got["m.signal"].equals(signal, check_names=False)
    assert got["r"].drop_nulls().len() == frame.height - 14


@needs_real
def test_compute_parquet_to_csv_equals_in_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    frame = pl.read_csv(GOOG, try_parse_dates=True).rename({"": "date", **OHLCV})
    source = tmp_path / "goog.parquet"
    frame.write_parquet(source)
    out = tmp_path / "goog.csv"
    exprs = {"atr": "atr(14)", "bb": "bbands(close, 20).upper", "obv": "obv(close, volume=volume)"}
    code, _, err = run(capsys, "compute", source, *e_args(exprs), "--keep", "date,close", "-o", out)
    assert code == 0 and "renamed" not in err
    got = pl.read_csv(out, try_parse_dates=True)
    assert got.columns == ["date", "close", "atr", "bb", "obv"]
    assert got.equals(expected(frame, exprs, ["date", "close"]))
    code, _, _ = run(capsys, "compute", source, "-e", "s=sma(close, 5)", "--keep-all", "-o", out)
    assert code == 0
    got = pl.read_csv(out, try_parse_dates=True)
    assert got.columns == [*frame.columns, "s"]
    assert got.equals(frame.with_columns(s=ta.sma("close", 5)))


def test_compute_by_symbol_buckets_equal_one_pass_and_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bars = panel()
    source = tmp_path / "panel.parquet"
    bars.write_parquet(source)
    common = ["compute", source, "--by", "symbol", "--ts", "ts", *e_args(EXPRS)]
    code, _, err = run(capsys, *common, "--buckets", "1", "-o", tmp_path / "one.parquet")
    assert code == 0 and "bucket 1/" not in err
    code, _, err = run(capsys, *common, "--buckets", "3", "-o", tmp_path / "three.parquet")
    assert code == 0
    progress = [line for line in err.splitlines() if line.startswith("laakhay-ta: bucket ")]
    assert [line.split(":")[1].split()[1] for line in progress] == ["1/3", "2/3", "3/3"]
    assert sum(int(line.split(": ")[2].split()[0]) for line in progress) == 9  # symbols
    code, _, _ = run(capsys, *common, "--buckets", "3", "-o", f"{tmp_path / 'parts'}/")
    assert code == 0
    one = pl.read_parquet(tmp_path / "one.parquet")
    three = pl.read_parquet(tmp_path / "three.parquet")
    parts = sorted((tmp_path / "parts").glob("part-*.parquet"))
    assert [p.name for p in parts] == [f"part-0000{k}.parquet" for k in range(3)]
    key = ["symbol", "ts"]
    want = expected(bars, EXPRS, key, by="symbol", ts="ts")
    assert one.equals(want)  # one bucket keeps the file's row order
    assert three.sort(key).equals(one.sort(key))
    assert pl.read_parquet(parts).sort(key).equals(one.sort(key))
    # A symbol's rows never split across buckets, and keep their order.
    for part in parts:
        rows = pl.read_parquet(part)
        for symbol in rows["symbol"].unique():
            mine = rows.filter(pl.col("symbol") == symbol)
            assert mine.height == 400 and mine["ts"].is_sorted()
    # A directory of parts is an input too; columns of the file are read by name.
    code, _, _ = run(
        capsys,
        "compute",
        tmp_path / "parts",
        "--by",
        "symbol",
        "--keep",
        "ts",
        "-e",
        "s=sma(r, 3)",
        "-o",
        tmp_path / "again.parquet",
    )
    assert code == 0
    again = pl.read_parquet(tmp_path / "again.parquet").sort(key)
    assert again["s"].equals(
        one.sort(key).select(ta.sma("r", 3, by="symbol"))["r_sma_3"], check_names=False
    )
    # Per symbol really is per symbol: the panel differs from one series over all rows.
    assert not one["r"].equals(bars.select(ta.rsi("close", 14))["rsi_14"], check_names=False)


def test_compute_csv_panel_buckets_and_auto(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bars = panel(200, 5)
    source = tmp_path / "panel.csv"
    bars.with_columns(pl.col("ts").dt.strftime("%Y-%m-%d %H:%M:%S")).write_csv(source)
    exprs = {"r": "rsi(close, 14)", "h": "sma(close@4h, 3)"}
    common = ["compute", source, "--by", "symbol", "--ts", "ts", "--base", "1h", *e_args(exprs)]
    want = expected(bars, exprs, ["symbol", "ts"], by="symbol", ts="ts", base="1h")
    code, _, err = run(capsys, *common, "--buckets", "4", "-o", tmp_path / "four.csv")
    assert code == 0
    got = pl.read_csv(tmp_path / "four.csv", try_parse_dates=True)
    assert got.sort("symbol", "ts").equals(want.sort("symbol", "ts"))
    # auto: one bucket for a small file; several when the file outgrows the memory budget.
    code, _, err = run(capsys, *common, "-o", tmp_path / "auto1.csv")
    assert code == 0 and "bucket 1/" not in err
    monkeypatch.setattr(cli, "memory_budget", lambda: source.stat().st_size)
    code, _, err = run(capsys, *common, "-o", tmp_path / "auto.csv")
    assert code == 0 and "processing the symbols in 3 buckets" in err
    assert "bucket 3/3:" in err
    got = pl.read_csv(tmp_path / "auto.csv", try_parse_dates=True)
    assert got.sort("symbol", "ts").equals(want.sort("symbol", "ts"))


def test_compute_sort_and_time_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bars = panel(100, 3)
    source = tmp_path / "reversed.parquet"
    bars.reverse().write_parquet(source)
    common = ["compute", source, "--by", "symbol", "--ts", "ts", "-e", "r=rsi(close, 5)"]
    code, _, err = run(capsys, *common, "-o", tmp_path / "r.parquet")
    assert code == 2 and "not in time order" in err and "--sort" in err
    assert not (tmp_path / "r.parquet").exists()
    code, _, _ = run(capsys, *common, "--sort", "-o", tmp_path / "r.parquet")
    assert code == 0
    want = expected(bars, {"r": "rsi(close, 5)"}, ["symbol", "ts"], by="symbol")
    assert pl.read_parquet(tmp_path / "r.parquet").equals(want.sort("symbol", "ts"))


# --- errors -----------------------------------------------------------------------------------


@pytest.fixture
def bars_file(tmp_path: Path) -> Path:
    path = tmp_path / "bars.parquet"
    panel(60, 2).drop("volume").write_parquet(path)
    return path


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-e", "rsi(close, 14)"], "expected NAME=EXPR"),
        (["-e", "=rsi(close, 14)"], "output name before '=' is empty"),
        (["-e", "a=close", "-e", "a=open"], "output name 'a' is given twice"),
        (["-e", "2x=close"], "'2x' is not a valid output name"),
        (["-e", "high=close"], "already has a column 'high'"),
        (["--by", "ticker", "-e", "a=close"], "--by: no column 'ticker'"),
        (["--ts", "Ts", "-e", "a=close"], "--ts: no column 'Ts' in the file; did you mean ts?"),
        (["--keep", "open,foo", "-e", "a=close"], "--keep: no column 'foo'"),
        (["-e", "a=obv(close, volume=volume)"], "no column 'volume' in the file"),
        (["-e", "a=rsi(close, 1)"], "rsi: parameter 'period' must be between 2 and 100000, got 1"),
        (["-e", "a=sma(symbol, 3)"], "column 'symbol' is String, not numbers"),
        (["-e", "a=close", "--buckets", "2"], "--buckets needs --by"),
        (["-e", "a=close", "--sort"], "--sort needs --ts"),
        (["-e", "a=close@1h > 0"], "give --ts and --base"),
        (["--ts", "ts", "--base", "1x", "-e", "a=close@4h"], "--base: '1x' is not a timeframe"),
        (["--ts", "symbol", "-e", "a=close"], "--ts symbol: cannot read its strings as timestamps"),
    ],
)
def test_compute_user_errors(
    capsys: pytest.CaptureFixture[str], bars_file: Path, argv: list[str], message: str
) -> None:
    out = bars_file.with_name("out.csv")
    code, stdout, err = run(capsys, "compute", bars_file, *argv, "-o", out)
    assert code == 2 and stdout == ""
    assert err.startswith("laakhay-ta: error: ")
    assert message in err
    assert not out.exists()


def test_missing_column_lists_the_available_ones(
    capsys: pytest.CaptureFixture[str], bars_file: Path
) -> None:
    code, _, err = run(
        capsys,
        "compute",
        bars_file,
        "-e",
        "a=obv(close, volume=volume)",
        "-o",
        bars_file.with_name("o.csv"),
    )
    assert code == 2
    assert "the file's columns: symbol, bar, open, high, low, close, ts" in err


@pytest.mark.parametrize(
    ("text", "pointed", "code"),
    [
        ("macd(close).sig > 0", "sig", "E_UNKNOWN_OUTPUT"),
        ("rsi(close, 0) < 30", "0", "E_RANGE"),
        ("sma(close, 20) > sma(clos, 50)", "clos", "E_UNKNOWN_NAME"),
        ("rsi(close, 14) > > 3", ">", "E_SYNTAX"),
        ("sma(close, 2.5)", "2.5", "E_PARAMETER"),
        ("close +", "+", "E_END"),
    ],
)
def test_dsl_error_caret(
    capsys: pytest.CaptureFixture[str], bars_file: Path, text: str, pointed: str, code: str
) -> None:
    status, _, err = run(
        capsys, "compute", bars_file, "-e", f"sig={text}", "-o", bars_file.with_name("o.csv")
    )
    assert status == 2
    assert f"[{code}] in -e sig at column " in err
    shown, column, width = caret(err)
    assert shown == f"    -e sig={text}"
    if code == "E_END":  # the caret stands just after the text
        assert column == len(shown)
    else:
        assert shown[column : column + width] == pointed
    with pytest.raises(ta.DslError) as raised:
        ta.compile({"sig": text}, columns=["bar"])
    assert raised.value.span is not None
    assert column == len("    -e sig=") + raised.value.span[0]


def test_unknown_name_suggests_and_lists_columns(
    capsys: pytest.CaptureFixture[str], bars_file: Path
) -> None:
    code, _, err = run(
        capsys, "compute", bars_file, "-e", "a=sma(bars, 3)", "-o", bars_file.with_name("o.csv")
    )
    assert code == 2
    assert "unknown name 'bars'" in err and "hint: did you mean 'bar'?" in err
    assert "ta.compile" not in err


def test_file_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, bars_file: Path) -> None:
    out = tmp_path / "o.csv"
    code, _, err = run(capsys, "compute", tmp_path / "nope.csv", "-e", "a=close", "-o", out)
    assert code == 2 and "nope.csv: no such file" in err
    code, _, err = run(capsys, "compute", tmp_path / "bars.txt", "-e", "a=close", "-o", out)
    assert code == 2 and "bars.txt: unknown file type '.txt'" in err and ".csv, .parquet" in err
    code, _, err = run(capsys, "compute", bars_file, "-e", "a=close", "-o", tmp_path / "o.json")
    assert code == 2 and "o.json: unknown file type '.json'" in err and ".csv, .parquet" in err
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not a parquet file")
    code, _, err = run(capsys, "compute", broken, "-e", "a=close", "-o", out)
    assert code == 2 and "broken.parquet: cannot read it" in err
    code, _, err = run(capsys, "compute", bars_file, "-e", "a=close", "-o", bars_file)
    assert code == 2 and "is the input file" in err
    code, _, err = run(
        capsys, "compute", bars_file, "-e", "a=close", "-o", tmp_path / "missing" / "o.csv"
    )
    assert code == 2 and "does not exist" in err
    assert not out.exists()


def test_internal_error_exit_1_and_traceback_flag(
    capsys: pytest.CaptureFixture[str], bars_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "_run", broken)
    argv = ["compute", bars_file, "-e", "a=close", "-o", bars_file.with_name("o.csv")]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "internal error: RuntimeError: boom" in err and "second line" not in err
    assert "--traceback" in err
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["--traceback", *map(str, argv)])
    with pytest.raises(RuntimeError, match="boom"):
        cli.main([*map(str, argv[:1]), "--traceback", *map(str, argv[1:])])


def test_usage_errors_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0 and out.strip() == f"laakhay-ta {ta.__version__}"
    code, _, err = run(capsys)
    assert code == 2 and "usage: laakhay-ta" in err
    code, _, err = run(capsys, "compute", "x.csv", "-o", "y.csv")
    assert code == 2 and "-e/--expr" in err
    code, _, err = run(capsys, "compute", "x.csv", "-e", "a=close", "-o", "y.csv", "--buckets", "0")
    assert code == 2 and "positive integer" in err


@needs_real
def test_plot_writes_a_chart_and_refuses_what_it_cannot_draw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "chart.html"
    code, _, err = run(
        capsys, "plot", EURUSD, "-i", "bbands(close, 20)", "-i", "rsi", "--last", "300", "-o", page
    )
    assert code == 0 and "300 bars" in err
    assert "plotly" in page.read_text().lower()
    # The same chart as ta.plot draws from the file's last 300 bars.
    frame = pl.read_csv(EURUSD).rename(OHLCV).tail(300)
    figure = ta.plot(frame, "bbands(close, 20)", "rsi")
    assert figure.layout.meta["panes"] == ["price", "rsi"]
    code, _, err = run(capsys, "plot", EURUSD, "-i", "rsi(close, 14", "-o", page)
    assert code == 2 and "rsi(close, 14" in err and "^" in err
    code, _, err = run(capsys, "plot", EURUSD, "-i", "rsi", "-o", tmp_path / "chart.svg")
    assert code == 2 and ".html or .png" in err
    code, _, err = run(capsys, "plot", EURUSD, "--symbol", "AAA", "-o", page)
    assert code == 2 and "--symbol" in err
    code, _, err = run(capsys, "plot", EURUSD, "--ts", "when", "-o", page)
    assert code == 2 and "'when'" in err


def test_demo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert out.startswith("Input: 1200 bars") and "Catalog:" in out


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "laakhay.ta", "list"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()] == ta.catalog()["name"].to_list()
    done = subprocess.run(
        [sys.executable, "-m", "laakhay.ta", "info", "nope_nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
