"""Scale-out: a strategy or an indicator set over a partitioned Parquet dataset, bucket by bucket.

``Job(source, exprs, by="symbol", ts="ts", buckets=16, output="out/").run()`` splits the
symbols into buckets (whole symbols only, balanced by row count), runs one lazy Polars plan
per bucket as one task, and writes each bucket's result as ``output/bucket=K/part-0.parquet``.
Nothing but a few numbers per bucket comes back to the caller; read the result with
``pl.scan_parquet(output, hive_partitioning=True)`` (or ``result.scan()``).

Executors: ``None`` is a local process pool (``spawn``); any ``concurrent.futures.Executor``
works, and so does a ``dask.distributed.Client`` (``pip install 'laakhay-ta[dask]'``), whose
workers must see `source` and `output` at the same paths (a shared filesystem).

Each bucket is written to a staging directory beside `output` and renamed into place, so a
bucket file exists only once it is complete, and a retried task (``retries=``) replaces its
own bucket: no symbol is lost or written twice.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import glob
import importlib
import multiprocessing
import os
import shutil
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from laakhay.ta.dsl.plan import Plan
from laakhay.ta.dsl.plan import compile as compile_dsl

PARTITION = "bucket"
"""The hive key of the output directories (``bucket=K``)."""

Programs = str | Mapping[str, str]
Exprs = Programs | Plan | Sequence[pl.Expr] | Mapping[str, pl.Expr]


class JobError(RuntimeError):
    """Some buckets failed after every retry; the others were written (each complete)."""

    def __init__(self, failures: Mapping[int, BaseException]) -> None:
        self.failures = dict(failures)
        first = min(self.failures)
        super().__init__(
            f"{len(self.failures)} bucket(s) failed ({', '.join(map(str, sorted(self.failures)))})"
            f"; bucket {first}: {type(self.failures[first]).__name__}: {self.failures[first]}"
        )


@dataclass(frozen=True)
class BucketInfo:
    """What one task reports: its bucket, rows and symbols written, seconds spent."""

    bucket: int
    rows: int
    symbols: int
    seconds: float
    path: str


@dataclass
class Result:
    """A finished run: where the output is and what each bucket wrote."""

    output: Path
    buckets: list[BucketInfo]
    seconds: float
    attempts: dict[int, int] = field(default_factory=dict)
    """Attempts per bucket, for executors this module retries itself (not Dask)."""

    @property
    def rows(self) -> int:
        return sum(b.rows for b in self.buckets)

    @property
    def symbols(self) -> int:
        return sum(b.symbols for b in self.buckets)

    def scan(self) -> pl.LazyFrame:
        """The output as one LazyFrame, without the ``bucket`` partition column."""
        return pl.scan_parquet(self.output, hive_partitioning=True).drop(PARTITION)


# --- what a task gets ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    paths: str | list[str]
    hive: bool | None

    def scan(self) -> pl.LazyFrame:
        return pl.scan_parquet(self.paths, hive_partitioning=self.hive)


@dataclass(frozen=True)
class _Task:
    bucket: int
    source: _Source
    keys: pl.DataFrame
    by: list[str]
    ts: str | None
    work: Plan | list[pl.Expr]
    keep: list[str] | None
    output: str
    staging: str
    faults: str | None


def _transform(lf: pl.LazyFrame, work: Plan | list[pl.Expr]) -> pl.LazyFrame:
    if isinstance(work, Plan):
        return work.apply(lf)
    return lf.with_columns(work)


def _run_bucket(task: _Task) -> BucketInfo:
    """One task: scan, keep the bucket's symbols, compute, write atomically, report."""
    started = time.perf_counter()
    if task.faults is not None:
        _fault_hook(Path(task.faults), task.bucket)
    lf = task.source.scan()
    if len(task.by) == 1:
        key = task.by[0]
        lf = lf.filter(pl.col(key).is_in(pl.lit(task.keys[key]).implode(), nulls_equal=True))
    else:
        lf = lf.join(
            task.keys.lazy(), on=task.by, how="semi", nulls_equal=True, maintain_order="left"
        )
    if task.ts is not None:
        lf = lf.sort([*task.by, task.ts], maintain_order=True)
    lf = _transform(lf, task.work)
    if task.keep is not None:
        lf = lf.select(task.keep)
    frame = lf.collect()
    staging = Path(task.staging)
    staging.mkdir(parents=True, exist_ok=True)
    temporary = staging / f"{PARTITION}={task.bucket}-{uuid.uuid4().hex}.parquet"
    frame.write_parquet(temporary)
    if task.faults is not None and (Path(task.faults) / f"crash-{task.bucket}").exists():
        (Path(task.faults) / f"crash-{task.bucket}").unlink()
        raise RuntimeError(f"injected failure in bucket {task.bucket} (after writing)")
    target = Path(task.output) / f"{PARTITION}={task.bucket}"
    target.mkdir(parents=True, exist_ok=True)
    final = target / "part-0.parquet"
    os.replace(temporary, final)
    return BucketInfo(
        task.bucket, frame.height, task.keys.height, time.perf_counter() - started, str(final)
    )


def _fault_hook(faults: Path, bucket: int) -> None:
    """For tests: record the attempt; fail once if ``fail-K`` exists (removing it first),
    or end the worker process once if ``kill-K`` exists."""
    (faults / f"attempt-{bucket}-{uuid.uuid4().hex}").touch()
    kill = faults / f"kill-{bucket}"
    if kill.exists():
        kill.unlink()
        os._exit(70)  # the worker process dies, as if killed
    marker = faults / f"fail-{bucket}"
    try:
        marker.unlink()
    except FileNotFoundError:
        return
    raise RuntimeError(f"injected failure in bucket {bucket}")


# --- the job ---------------------------------------------------------------------------------


class Job:
    """An indicator set or a strategy over a partitioned Parquet dataset, bucket by bucket.

    Parameters
    ----------
    source
        A directory of Parquet files (hive partitions such as ``year=2024/`` become
        columns), a glob, or a list of files.
    exprs
        DSL text or ``{output: text}`` (compiled with `by`, `ts`, `base`, `columns`, `grid`),
        a `Plan`, or Polars expressions (a list, or ``{name: expr}``; they
        run as given, so give them ``by=`` themselves).
    by
        Symbol column(s): a symbol's rows always go to one bucket.
    ts
        The timestamp column; each bucket is sorted by (`by`, `ts`) before computing.
        Without it rows must already be in time order per symbol, in file order.
    buckets
        How many tasks (at most one per symbol). Each task holds one bucket in memory.
    output
        A directory for ``bucket=K/part-0.parquet`` files; must not be inside `source`.
    keep
        Columns to keep besides the outputs (default: every source column).
    overwrite
        Replace the buckets of an earlier run in `output` (other files are never touched).
    retries
        Extra attempts for a failed bucket.
    workers
        Processes of the default local pool (default: the CPU count).
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        exprs: Exprs,
        *,
        output: str | os.PathLike[str],
        by: str | Sequence[str] = "symbol",
        ts: str | None = None,
        buckets: int = 16,
        keep: Sequence[str] | None = None,
        base: str | None = None,
        columns: Sequence[str] = (),
        grid: Mapping[str, Sequence[int | float]] | None = None,
        overwrite: bool = False,
        retries: int = 1,
        workers: int | None = None,
    ) -> None:
        if isinstance(buckets, bool) or not isinstance(buckets, int) or buckets < 1:
            raise ValueError(f"buckets must be a positive integer, got {buckets!r}")
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise ValueError(f"retries must be a non-negative integer, got {retries!r}")
        self.by = [by] if isinstance(by, str) else list(by)
        if not self.by:
            raise ValueError("by must name at least one column: buckets hold whole symbols")
        self.ts = ts
        self.buckets = buckets
        self.retries = retries
        self.workers = workers
        self.overwrite = overwrite
        self.output = Path(output).absolute()
        self.staging = self.output.parent / f".{self.output.name}.staging"
        self._source, self._roots = _resolve_source(source)
        for root in self._roots:
            if self.output == root or root in self.output.parents:
                raise ValueError(
                    f"output {self.output} is inside the source {root}: the next scan of the "
                    "source would read the output"
                )
            if self.output in root.parents:
                raise ValueError(f"the source {root} is inside the output {self.output}")
        self._work, self._outputs, self._needs = _prepare(
            exprs, self.by, ts, base, list(columns), grid
        )
        self.keep = None if keep is None else list(dict.fromkeys([*keep, *self._outputs]))
        self._faults: str | None = None

    # --- checks on the driver (one schema read, one scan of the key columns) -----------------

    def _check(self) -> pl.DataFrame:
        try:
            schema = self._source.scan().collect_schema()
        except (OSError, pl.exceptions.PolarsError) as error:
            raise ValueError(f"cannot read the source: {_first_line(error)}") from None
        names = schema.names()
        named = [("by", c) for c in self.by] + ([("ts", self.ts)] if self.ts else [])
        named += [("exprs", c) for c in self._needs] + [("keep", c) for c in self.keep or ()]
        for role, column in named:
            if column not in names and column not in self._outputs:
                raise ValueError(
                    f"{role}: the source has no column '{column}' (it has {', '.join(names)})"
                )
        final = self.keep if self.keep is not None else [*names, *self._outputs]
        if PARTITION in final:
            raise ValueError(
                f"the output would have a column '{PARTITION}', the name of its partition "
                "directories: rename it or leave it out with keep="
            )
        keys = (
            self._source.scan()
            .group_by(self.by)
            .agg(pl.len().alias("__rows"))
            .sort(self.by, nulls_last=True)
            .collect()
        )
        if keys.is_empty():
            raise ValueError("the source has no rows")
        return keys

    def _tasks(self, keys: pl.DataFrame) -> list[_Task]:
        """Symbols to buckets: contiguous runs of the sorted keys, cut where the running row
        count crosses each bucket's share (a symbol goes where its middle row falls), so
        buckets carry similar row counts and, on data sorted or partitioned by symbol, each
        bucket's filter skips the other buckets' row groups. Deterministic for a source."""
        count = min(self.buckets, keys.height)
        total = int(keys["__rows"].sum())
        middle = keys["__rows"].cum_sum() - keys["__rows"] / 2
        index = (middle * count / total).floor().cast(pl.Int64).clip(0, count - 1)
        ranked = index.rank("dense").cast(pl.Int64) - 1  # empty buckets (a huge symbol) dropped
        found = keys.select(self.by).with_columns(__bucket=ranked)
        return [
            _Task(
                k,
                self._source,
                part.drop("__bucket"),
                self.by,
                self.ts,
                self._work,
                self.keep,
                str(self.output),
                str(self.staging),
                self._faults,
            )
            for k, part in enumerate(found.partition_by("__bucket", maintain_order=True))
        ]

    def _prepare_output(self) -> None:
        if self.output.exists():
            if not self.output.is_dir():
                raise ValueError(f"output {self.output} is a file, not a directory")
            entries = list(self.output.iterdir())
            ours = [e for e in entries if e.is_dir() and e.name.startswith(f"{PARTITION}=")]
            if entries and not self.overwrite:
                raise FileExistsError(
                    f"output {self.output} is not empty; pass overwrite=True to replace "
                    "an earlier run's buckets"
                )
            if len(ours) != len(entries):
                others = sorted(e.name for e in entries if e not in ours)
                raise FileExistsError(
                    f"output {self.output} holds files this job did not write "
                    f"({', '.join(others[:3])}); choose an empty directory"
                )
            for entry in ours:
                shutil.rmtree(entry)
        self.output.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)

    # --- running ---------------------------------------------------------------------------

    def run(
        self,
        executor: concurrent.futures.Executor | Literal["inline"] | Any | None = None,
    ) -> Result:
        """Runs every bucket and returns what each wrote.

        `executor`: ``None`` for a local process pool (``spawn``, `workers` processes),
        ``"inline"`` for this process, a ``concurrent.futures.Executor``, or a
        ``dask.distributed.Client``. Raises `JobError` if buckets still fail after
        `retries`; buckets that succeeded stay written.
        """
        started = time.perf_counter()
        dask = _is_dask(executor)
        pools = None if dask else self._pools(executor)
        keys = self._check()
        self._prepare_output()
        tasks = self._tasks(keys)
        attempts: dict[int, int] = {}
        try:
            if pools is None:
                infos = _run_dask(executor, tasks, self.retries)
            else:
                infos = _run_rounds(pools, tasks, self.retries, attempts)
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)
        infos.sort(key=lambda b: b.bucket)
        return Result(self.output, infos, time.perf_counter() - started, attempts)

    def _pools(self, executor: object) -> Callable[[], contextlib.AbstractContextManager[Any]]:
        """What gives each round of tasks its executor (``None``: run in this process)."""
        if executor == "inline":
            return functools.partial(contextlib.nullcontext, None)
        if executor is None:
            # A fresh pool per round: a worker that died (out of memory, killed) breaks the
            # pool it was in, and its buckets run again in the next one.
            return functools.partial(
                concurrent.futures.ProcessPoolExecutor,
                self.workers or os.cpu_count() or 1,
                mp_context=multiprocessing.get_context("spawn"),
            )
        if isinstance(executor, concurrent.futures.Executor):
            return functools.partial(contextlib.nullcontext, executor)
        raise TypeError(
            "executor must be None, 'inline', a concurrent.futures.Executor or a "
            f"dask.distributed.Client, got {type(executor).__name__}"
        )

    def __repr__(self) -> str:
        return (
            f"<Job outputs={self._outputs} by={self.by} buckets={self.buckets} "
            f"output={str(self.output)!r}>"
        )


def _run_rounds(
    pools: Callable[[], contextlib.AbstractContextManager[Any]],
    tasks: list[_Task],
    retries: int,
    attempts: dict[int, int],
) -> list[BucketInfo]:
    """Runs the tasks, then the failed ones again, up to `retries` more rounds; `pools()`
    gives each round's executor (``None``: this process)."""
    done: list[BucketInfo] = []
    pending = tasks
    failures: dict[int, BaseException] = {}
    for _ in range(retries + 1):
        failures = {}
        for task in pending:
            attempts[task.bucket] = attempts.get(task.bucket, 0) + 1
        with pools() as pool:
            if pool is None:
                for task in pending:
                    try:
                        done.append(_run_bucket(task))
                    except Exception as error:
                        failures[task.bucket] = error
            else:
                futures: dict[concurrent.futures.Future[BucketInfo], _Task] = {}
                for task in pending:
                    try:
                        futures[pool.submit(_run_bucket, task)] = task
                    except concurrent.futures.BrokenExecutor as error:
                        failures[task.bucket] = error
                for future in concurrent.futures.as_completed(futures):
                    try:
                        done.append(future.result())
                    except Exception as error:
                        failures[futures[future].bucket] = error
        pending = [t for t in pending if t.bucket in failures]
        if not pending:
            return done
    raise JobError(failures)


def _is_dask(executor: object) -> bool:
    module = type(executor).__module__
    return module.split(".")[0] == "distributed" and hasattr(executor, "submit")


def _run_dask(client: Any, tasks: list[_Task], retries: int) -> list[BucketInfo]:
    """Each bucket as one Dask task (``retries`` by the scheduler); only metadata returns."""
    # dask ships no complete type stubs: the boundary is Any.
    distributed: Any = importlib.import_module("distributed")
    as_completed = distributed.as_completed
    run = uuid.uuid4().hex[:8]
    futures = {
        client.submit(
            _run_bucket, task, key=f"laakhay-ta-{run}-bucket-{task.bucket}", retries=retries
        ): task
        for task in tasks
    }
    done: list[BucketInfo] = []
    failures: dict[int, BaseException] = {}
    for future in as_completed(list(futures)):
        try:
            done.append(future.result())
        except Exception as error:
            failures[futures[future].bucket] = error
    if failures:
        raise JobError(failures)
    return done


# --- inputs ----------------------------------------------------------------------------------


def _resolve_source(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
) -> tuple[_Source, list[Path]]:
    """The scan to run and the directories (or files) it reads, checked to hold files."""
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        path = Path(text).absolute()
        if path.is_dir():
            if not any(path.rglob("*.parquet")):
                raise ValueError(f"source {text}: no .parquet files in the directory")
            return _Source(str(path), True), [path]
        if glob.has_magic(text):
            matches = glob.glob(text, recursive=True)
            if not matches:
                raise ValueError(f"source {text}: the pattern matches no files")
            parents = [str(Path(m).absolute().parent) for m in matches]
            return _Source(str(path), True), [Path(os.path.commonpath(parents))]
        if not path.is_file():
            raise ValueError(f"source {text}: no such file or directory")
        return _Source(str(path), None), [path]
    files = [Path(os.fspath(p)).absolute() for p in source]
    if not files:
        raise ValueError("source is an empty list of files")
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise ValueError(f"source: no such file(s): {', '.join(missing[:3])}")
    return _Source([str(p) for p in files], None), files


def _prepare(
    exprs: Exprs,
    by: list[str],
    ts: str | None,
    base: str | None,
    columns: list[str],
    grid: Mapping[str, Sequence[int | float]] | None,
) -> tuple[Plan | list[pl.Expr], list[str], list[str]]:
    """What tasks run (a `Plan`, pickled to the workers, or expressions), the output names
    and the columns the work reads."""
    if isinstance(exprs, Plan):
        plan = exprs
    elif isinstance(exprs, str) or (
        isinstance(exprs, Mapping) and all(isinstance(v, str) for v in exprs.values())
    ):
        programs: Programs = exprs if isinstance(exprs, str) else dict(exprs)  # type: ignore[arg-type]
        plan = compile_dsl(programs, by=by, ts=ts, base=base, columns=columns, grid=grid)
    else:
        given: list[object] = (
            [e.alias(n) if isinstance(e, pl.Expr) else e for n, e in exprs.items()]
            if isinstance(exprs, Mapping)
            else list(exprs)
        )
        items = [e for e in given if isinstance(e, pl.Expr)]
        if not items or len(items) != len(given):
            raise TypeError(
                "exprs must be DSL text, {name: text}, a Plan, or a non-empty list or dict "
                "of polars expressions"
            )
        names = [e.meta.output_name() for e in items]
        needs = sorted({c for e in items for c in e.meta.root_names()})
        return items, names, needs
    return plan, plan.outputs, plan.required_columns


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


__all__ = ["PARTITION", "BucketInfo", "Job", "JobError", "Result"]
