"""ta.distributed: bucketed runs over partitioned Parquet equal the single-process result."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from laakhay import ta
from laakhay.ta.distributed import Job, JobError
from polars.testing import assert_frame_equal

PROGRAMS = {
    "rsi": "rsi(close, 14)",
    "fast": "ema(close, 12)",
    "entry": "crosses_above(fast, sma(close, 26)) and rsi > 50",
    "bb": "bbands(close, 20)",
}
SYMBOLS = [f"S{i:02d}" for i in range(12)]


@pytest.fixture(scope="module")
def panel() -> pl.DataFrame:
    """12 symbols x 200 bars over two calendar years, rows shuffled (time-major)."""
    frame = ta.sample_ohlcv(200, symbols=SYMBOLS, seed=11).with_columns(
        ts=pl.lit(datetime(2023, 12, 31, 20)) + pl.duration(hours=pl.col("bar"))
    )
    frame = frame.with_columns(year=pl.col("ts").dt.year())
    return frame.sort("ts", "symbol")


@pytest.fixture(scope="module")
def source(panel: pl.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The panel as hive-partitioned Parquet: data/year=2023/..., data/year=2024/..."""
    root = tmp_path_factory.mktemp("source") / "data"
    for (year,), part in panel.group_by("year", maintain_order=True):
        (root / f"year={year}").mkdir(parents=True)
        part.drop("year").write_parquet(root / f"year={year}" / "part-0.parquet")
    return root


def expected(source: Path) -> pl.DataFrame:
    """The single-process run: the whole dataset in memory, one plan."""
    frame = pl.read_parquet(source, hive_partitioning=True).sort("symbol", "ts")
    return ta.compile(PROGRAMS, by="symbol", ts="ts").apply(frame)


def written(output: Path) -> pl.DataFrame:
    return pl.read_parquet(output, hive_partitioning=True).drop("bucket").sort("symbol", "ts")


def job(source: Any, output: Path, **options: Any) -> Job:
    options.setdefault("buckets", 5)
    return Job(source, PROGRAMS, by="symbol", ts="ts", output=output, **options)


def test_local_pool_equals_single_process(source: Path, tmp_path: Path) -> None:
    result = job(source, tmp_path / "out", workers=2).run()
    assert_frame_equal(written(tmp_path / "out"), expected(source))
    assert result.rows == 12 * 200 and result.symbols == 12
    assert [b.bucket for b in result.buckets] == list(range(5))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"bucket={k}" for k in range(5)]
    assert not (tmp_path / ".out.staging").exists()
    assert_frame_equal(result.scan().sort("symbol", "ts").collect(), expected(source))
    # Buckets are contiguous runs of the sorted symbols, of equal size here (equal rows).
    per_bucket = (
        pl.read_parquet(tmp_path / "out", hive_partitioning=True)
        .group_by("bucket")
        .agg(pl.col("symbol").unique().sort())
        .sort("bucket")["symbol"]
        .to_list()
    )
    assert [s for bucket in per_bucket for s in bucket] == SYMBOLS
    assert [len(b) for b in per_bucket] == [b.symbols for b in result.buckets]
    assert max(b.symbols for b in result.buckets) - min(b.symbols for b in result.buckets) <= 1


def test_inline_plan_and_expressions(source: Path, tmp_path: Path) -> None:
    plan = ta.compile(PROGRAMS, by="symbol", ts="ts")
    Job(source, plan, ts="ts", buckets=3, output=tmp_path / "a").run("inline")
    assert_frame_equal(written(tmp_path / "a"), expected(source))
    exprs = {"r": ta.rsi("close", 14, by="symbol"), "e": ta.ema("close", 12, by="symbol")}
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        Job(source, exprs, ts="ts", buckets=4, output=tmp_path / "b").run(pool)
    whole = pl.read_parquet(source, hive_partitioning=True).sort("symbol", "ts")
    assert_frame_equal(written(tmp_path / "b"), whole.with_columns(**exprs))


def test_list_of_files_and_glob(source: Path, tmp_path: Path) -> None:
    files = sorted(source.glob("year=*/*.parquet"))
    Job(files, PROGRAMS, ts="ts", buckets=2, output=tmp_path / "a").run("inline")
    # Without hive paths there is no `year` column; everything else is the same.
    assert_frame_equal(written(tmp_path / "a"), expected(source).drop("year"))
    Job(str(source / "**" / "*.parquet"), PROGRAMS, ts="ts", output=tmp_path / "b").run("inline")
    assert_frame_equal(written(tmp_path / "b"), expected(source))


def test_failed_bucket_is_retried_without_loss_or_duplicates(source: Path, tmp_path: Path) -> None:
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "fail-1").touch()  # fails before computing
    (faults / "crash-3").touch()  # fails after writing its temporary file, before the rename
    run = job(source, tmp_path / "out", workers=2)
    run._faults = str(faults)
    result = run.run()
    out = written(tmp_path / "out")
    assert out.group_by("symbol").len()["len"].to_list() == [200] * 12
    assert_frame_equal(out, expected(source))
    assert result.attempts == {0: 1, 1: 2, 2: 1, 3: 2, 4: 1}
    counts = {k: len(list(faults.glob(f"attempt-{k}-*"))) for k in range(5)}
    assert counts == {0: 1, 1: 2, 2: 1, 3: 2, 4: 1}
    assert not (tmp_path / ".out.staging").exists()


def test_killed_worker_is_replaced(source: Path, tmp_path: Path) -> None:
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "kill-2").touch()  # the worker process running bucket 2 exits
    run = job(source, tmp_path / "out", workers=2)
    run._faults = str(faults)
    result = run.run()
    assert_frame_equal(written(tmp_path / "out"), expected(source))
    # Bucket 2 ran again in a fresh pool (with any bucket its broken pool took down).
    assert result.attempts[2] == 2
    assert len(list(faults.glob("attempt-2-*"))) == 2


def test_failure_after_retries_raises(source: Path, tmp_path: Path) -> None:
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "fail-0").touch()
    run = job(source, tmp_path / "out", retries=0)
    run._faults = str(faults)
    with pytest.raises(JobError, match="injected failure in bucket 0") as caught:
        run.run("inline")
    assert list(caught.value.failures) == [0]
    # The other buckets are complete; the failed one is absent, never half-written.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"bucket={k}" for k in range(1, 5)
    ]
    with pytest.raises(FileExistsError, match="overwrite=True"):
        job(source, tmp_path / "out").run("inline")
    job(source, tmp_path / "out", overwrite=True).run("inline")
    assert_frame_equal(written(tmp_path / "out"), expected(source))


def test_bad_inputs(source: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="by: the source has no column 'ticker'"):
        Job(source, PROGRAMS, by="ticker", output=tmp_path / "a").run("inline")
    with pytest.raises(ValueError, match="exprs: the source has no column 'vwap_in'"):
        Job(source, "sma(vwap_in, 3)", columns=["vwap_in"], output=tmp_path / "a").run("inline")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match=r"no \.parquet files"):
        Job(empty, PROGRAMS, output=tmp_path / "a")
    with pytest.raises(ValueError, match="empty list of files"):
        Job([], PROGRAMS, output=tmp_path / "a")
    with pytest.raises(ValueError, match="matches no files"):
        Job(str(tmp_path / "nothing" / "*.parquet"), PROGRAMS, output=tmp_path / "a")
    with pytest.raises(ValueError, match="is inside the source"):
        Job(source, PROGRAMS, output=source / "out")
    with pytest.raises(ValueError, match="buckets must be a positive integer"):
        Job(source, PROGRAMS, buckets=0, output=tmp_path / "a")
    with pytest.raises(ta.DslError):
        Job(source, "macd(close).sig > 0", output=tmp_path / "a")
    with pytest.raises(TypeError, match="executor must be"):
        Job(source, PROGRAMS, output=tmp_path / "a").run(executor=42)
    zero_rows = tmp_path / "zero.parquet"
    pl.read_parquet(source, hive_partitioning=True).head(0).write_parquet(zero_rows)
    with pytest.raises(ValueError, match="no rows"):
        Job(zero_rows, PROGRAMS, output=tmp_path / "a").run("inline")


def test_null_symbols_and_several_keys(panel: pl.DataFrame, tmp_path: Path) -> None:
    frame = panel.with_columns(
        symbol=pl.when(pl.col("symbol") == "S03").then(None).otherwise(pl.col("symbol")),
        venue=pl.col("symbol").str.slice(2).cast(pl.Int64) % 2,
    ).drop("year")
    frame.write_parquet(tmp_path / "panel.parquet")
    plan = ta.compile(PROGRAMS, by=["venue", "symbol"], ts="ts")
    whole = plan.apply(frame.sort("venue", "symbol", "ts", nulls_last=True))
    Job(
        tmp_path / "panel.parquet",
        plan,
        by=["venue", "symbol"],
        ts="ts",
        buckets=4,
        output=tmp_path / "out",
    ).run("inline")
    out = pl.read_parquet(tmp_path / "out", hive_partitioning=True).drop("bucket")
    assert out["symbol"].null_count() == 200
    assert_frame_equal(
        out.sort("venue", "symbol", "ts", nulls_last=True),
        whole.sort("venue", "symbol", "ts", nulls_last=True),
    )


# --- Dask distributed: a local cluster of 2 worker processes ----------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip(
        "distributed", reason="dask distributed is not installed (pip install 'laakhay-ta[dask]')"
    )
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_dask_equals_single_process(client: Any, source: Path, tmp_path: Path) -> None:
    result = job(source, tmp_path / "out").run(client)
    assert_frame_equal(written(tmp_path / "out"), expected(source))
    assert result.rows == 12 * 200 and len(result.buckets) == 5
    # Plugin expressions travel too (Polars pickles them; workers load the plugin library).
    exprs = [ta.rsi("close", 14, by="symbol"), ta.macd("close", by="symbol").alias("m")]
    Job(source, exprs, ts="ts", buckets=3, output=tmp_path / "exprs").run(client)
    whole = pl.read_parquet(source, hive_partitioning=True).sort("symbol", "ts")
    assert_frame_equal(written(tmp_path / "exprs"), whole.with_columns(exprs))


def test_dask_retries_a_failed_bucket(client: Any, source: Path, tmp_path: Path) -> None:
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "fail-2").touch()
    (faults / "crash-4").touch()
    run = job(source, tmp_path / "out", retries=1)
    run._faults = str(faults)
    run.run(client)
    out = written(tmp_path / "out")
    assert out.group_by("symbol").len()["len"].to_list() == [200] * 12
    assert_frame_equal(out, expected(source))
    counts = {k: len(list(faults.glob(f"attempt-{k}-*"))) for k in range(5)}
    assert counts == {0: 1, 1: 1, 2: 2, 3: 1, 4: 2}


def test_dask_reruns_the_bucket_of_a_dead_worker(client: Any, source: Path, tmp_path: Path) -> None:
    faults = tmp_path / "faults"
    faults.mkdir()
    (faults / "kill-1").touch()  # the worker process exits; its nanny starts a new one
    run = job(source, tmp_path / "out", retries=0)
    run._faults = str(faults)
    run.run(client)
    assert_frame_equal(written(tmp_path / "out"), expected(source))
    assert len(list(faults.glob("attempt-1-*"))) == 2
