"""`ta.distributed` overhead (not a test): `python benches/bench_distributed.py` or bench.py's
``distributed`` section.

The --symbols x --bars panel (the same synthetic OHLCV as bench.py's panel table, daily bars
from 2020, so each symbol spans several ``year=`` partitions) is written as hive-partitioned
Parquet, each partition sorted by symbol then time. One indicator set then runs:

- single process: read everything, sort, ``plan.apply``, write one Parquet file;
- ``Job.run("inline")``: the buckets one after another in this process (the cost of
  bucketing alone: one filtered scan per bucket);
- ``Job.run()``: a local pool of 2 spawned processes (pool start-up included), then the same
  on a pool that is already running (``Job.run(pool)``);
- ``Job.run(client)``: a Dask ``LocalCluster`` of 2 processes, one thread each
  (started once, outside the timing).

Seconds are the median of --repeat runs; overhead is against the single-process run.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from conftest import OHLCV, synthetic_ohlcv  # noqa: E402
from laakhay import ta  # noqa: E402
from laakhay.ta.distributed import Job  # noqa: E402

INDICATORS = {
    "rsi": "rsi(close, 14)",
    "ema": "ema(close, 20)",
    "atr": "atr(14)",
    "macd": "macd(close)",
    "bb": "bbands(close, 20)",
}


def write_panel(root: Path, symbols: int, bars: int) -> Path:
    """The panel as ``root/data/year=YYYY/part-0.parquet``."""
    data = synthetic_ohlcv(symbols * bars, seed=2)
    ids = (pl.int_range(symbols * bars, eager=True) // bars).cast(pl.String).str.zfill(6)
    bar = pl.int_range(symbols * bars, eager=True) % bars
    frame = pl.DataFrame({k: data[k] for k in OHLCV}).with_columns(
        symbol=ids, ts=pl.datetime(2020, 1, 1) + pl.duration(days=bar)
    )
    frame = frame.with_columns(year=pl.col("ts").dt.year())
    source = root / "data"
    for (year,), part in frame.group_by("year", maintain_order=True):
        (source / f"year={year}").mkdir(parents=True)
        part.drop("year").sort("symbol", "ts").write_parquet(
            source / f"year={year}" / "part-0.parquet"
        )
    return source


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(symbols: int, bars: int, repeat: int, buckets: int, workers: int) -> list[list[str]]:
    """The rows of the table: name, seconds, overhead vs single process."""
    with tempfile.TemporaryDirectory(prefix="laakhay-dist-") as tmp:
        root = Path(tmp)
        source = write_panel(root, symbols, bars)
        plan = ta.compile(INDICATORS, by="symbol", ts="ts")

        def single() -> None:
            frame = pl.read_parquet(source, hive_partitioning=True).sort("symbol", "ts")
            plan.apply(frame).write_parquet(root / "single.parquet")

        def job(executor: Any) -> Callable[[], object]:
            def go() -> object:
                return Job(
                    source,
                    INDICATORS,
                    ts="ts",
                    buckets=buckets,
                    workers=workers,
                    output=root / "out",
                    overwrite=True,
                ).run(executor)

            return go

        base = median_seconds(single, repeat)
        rows = [["single process (read, sort, apply, write)", base]]
        rows.append(
            [f"Job inline ({buckets} buckets, 1 process)", median_seconds(job("inline"), repeat)]
        )
        pooled = median_seconds(job(None), repeat)
        rows.append([f"Job local pool ({workers} processes, started per run)", pooled])
        context = multiprocessing.get_context("spawn")
        started = time.perf_counter()
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            list(concurrent.futures.as_completed([pool.submit(os.getpid) for _ in range(workers)]))
            spawn = time.perf_counter() - started
            rows.append(
                [
                    f"Job on a running pool ({workers} processes; start-up {spawn:.1f} s)",
                    median_seconds(job(pool), repeat),
                ]
            )
        check = pl.read_parquet(root / "out", hive_partitioning=True).drop("bucket")
        expected = pl.read_parquet(root / "single.parquet")
        same = check.sort("symbol", "ts").equals(expected.sort("symbol", "ts"))
        try:
            import distributed
        except ImportError:
            rows.append(["Dask LocalCluster: not installed (pip install 'laakhay-ta[dask]')", None])
        else:
            started = time.perf_counter()
            with (
                distributed.LocalCluster(
                    n_workers=workers,
                    processes=True,
                    threads_per_worker=1,
                    dashboard_address=None,
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                startup = time.perf_counter() - started
                seconds = median_seconds(job(client), repeat)
            rows.append(
                [f"Job Dask LocalCluster ({workers} x 1 thread; start-up {startup:.1f} s)", seconds]
            )
    print(f"\nbucketed output equals the single-process output: {same}")
    return [
        [name, "-" if s is None else f"{s:.2f}", "-" if s is None else f"{s / base:.2f}x"]
        for name, s in rows
    ]


def distributed_section(symbols: int, bars: int, repeat: int, buckets: int = 16) -> None:
    workers = 2
    rows = run(symbols, bars, max(1, min(repeat, 3)), buckets, workers)
    title = (
        f"ta.distributed: {len(INDICATORS)} indicators ({', '.join(INDICATORS)}) over "
        f"{symbols:,} symbols x {bars:,} bars in year= partitions, {buckets} buckets "
        "(seconds, median)"
    )
    header = ["run", "seconds", "vs single"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    print(f"\n{title}\n")
    for row in [header, ["-" * w for w in widths], *rows]:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--symbols", type=int, default=2_000)
    parser.add_argument("--bars", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--buckets", type=int, default=16)
    args = parser.parse_args()
    distributed_section(args.symbols, args.bars, args.repeat, args.buckets)


if __name__ == "__main__":
    main()
