"""The ``laakhay-ta`` command line: the catalog, strategy expressions over files, the demo.

``laakhay-ta list`` and ``laakhay-ta info NAME`` read the catalog; ``laakhay-ta compute INPUT
-e NAME=EXPR ... -o OUTPUT`` runs DSL expressions (``ta.compile``) over a CSV or Parquet file,
per symbol with ``--by``, a bucket of symbols at a time for files larger than memory;
``laakhay-ta demo`` runs the demo. Also ``python -m laakhay.ta``.

Exit codes: 0 success, 1 an unexpected internal error (``--traceback`` shows it), 2 a problem
with the command (a bad file, a missing column, a bad expression), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import keyword
import math
import os
import shutil
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import polars as pl

from laakhay import ta
from laakhay.ta import _catalog
from laakhay.ta.dsl.errors import DslError
from laakhay.ta.dsl.ir import BAR_SOURCES, DERIVED_SOURCES
from laakhay.ta.dsl.planner import _signature
from laakhay.ta.dsl.syntax import KEYWORDS
from laakhay.ta.dsl.timeframes import parse_timeframe

PROG = "laakhay-ta"
EXTENSIONS = {".csv": "csv", ".parquet": "parquet"}
AUTO = 0
"""`--buckets auto`: one bucket unless the input looks larger than the memory budget."""
MAX_AUTO_BUCKETS = 4096
# Bytes in memory per byte of file, roughly: a CSV's numbers shrink to 8-byte floats,
# Parquet decompresses; both then grow by the outputs and the plan's temporary columns.
EXPANSION = {"csv": 3, "parquet": 8}
_GENERIC_NAME_HINT = "sources are open, high, low, close, volume"


class UserError(Exception):
    """A problem the user can fix: printed as a few lines without a traceback, exit code 2."""

    def __init__(self, message: str, *details: str) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


# --- entry point ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Runs the command line on `argv` (default ``sys.argv[1:]``) and returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, usage errors
        return _exit_code(stop.code)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except UserError as error:
        _error(error.message, *error.details)
        return 2
    except DslError as error:  # raised outside `compute`'s own handling: still the user's
        _error(*_dsl_lines(error))
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`laakhay-ta list | head`): stop quietly.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:
        if getattr(args, "traceback", False):
            raise
        text = str(error).strip()
        first = text.splitlines()[0] if text else ""
        print(f"{PROG}: internal error: {type(error).__name__}: {first}", file=sys.stderr)
        print(
            f"{PROG}: an unexpected error; rerun with --traceback to see where it happened "
            "(and please report it)",
            file=sys.stderr,
        )
        return 1


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 2


def _error(message: str, *details: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    for line in details:
        print(line, file=sys.stderr)


def _note(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"{PROG}: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Technical analysis for Polars from the shell: the indicator catalog, "
        "strategy expressions over CSV/Parquet files, the demo.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's options. Exit codes: 0 success, "
        "2 a problem with the command (file, column, expression), 1 an internal error.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {ta.__version__}")
    traceback_help = "on an internal error, show the Python traceback (for bug reports)"
    parser.add_argument("--traceback", action="store_true", help=traceback_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help: str, description: str, **more: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description, **more)
        # Also accepted after the command; SUPPRESS keeps a global --traceback.
        sub.add_argument(
            "--traceback", action="store_true", default=argparse.SUPPRESS, help=traceback_help
        )
        return sub

    groups = sorted({e["group"] for e in _catalog.entries().values()})
    p = command(
        "list",
        "list the indicators",
        "One line per indicator: name, group, TA-Lib name (- for our own), summary.",
    )
    p.add_argument("--group", metavar="GROUP", help=f"only this group ({', '.join(groups)})")
    p.add_argument("--origin", choices=("talib", "laakhay"), help="TA-Lib's or our own")
    p.add_argument("--search", metavar="TEXT", help="TEXT in the name or summary (any case)")
    p.set_defaults(run=cmd_list)

    p = command(
        "info",
        "show one indicator",
        "Inputs, parameters (kind, default, range), outputs, lookback and flags of one "
        "indicator. NAME is ours (rsi) or TA-Lib's (RSI).",
    )
    p.add_argument("name", metavar="NAME")
    p.set_defaults(run=cmd_info)

    p = command(
        "compute",
        "run expressions over a CSV/Parquet file",
        _paragraphs(
            "Runs strategy expressions (the DSL of ta.compile) over a CSV or Parquet file and "
            "writes the results. Each -e NAME=EXPR adds a column NAME; expressions read the "
            "file's columns by name (close, volume, or any numeric column) and each other's "
            "names. A multi-output result (macd(close)) becomes NAME.macd, NAME.signal, ..."
        ),
        epilog="examples:\n"
        f"  {PROG} compute bars.csv -e 'rsi=rsi(close, 14)' -o out.parquet\n"
        f"  {PROG} compute panel.parquet --by symbol --ts ts \\\n"
        "      -e 'entry=crosses_above(ema(close, 12), ema(close, 26))' -o signals.csv\n"
        f"  {PROG} compute big.parquet --by symbol --buckets 16 \\\n"
        "      -e 'trend=sma(close, 20) > sma(close, 50)' -o out/\n\n"
        + _paragraphs(
            "Column names are used as they are; a file without 'close' whose OHLCV columns "
            "differ only in case (Close, ...) has them renamed to lower case. An unnamed "
            "column (a pandas index) is called ''.",
            "Rows must be in time order within each symbol: with --ts this is checked (--sort "
            "sorts instead); without --ts the file's order is taken as time order.",
            "With --buckets N the input is scanned N times, each time keeping the symbols whose "
            "hash falls in one bucket; a symbol's rows are never split. Output rows come "
            "bucket by bucket, in file order within a bucket.",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "input", metavar="INPUT", help="a .csv or .parquet file, or a directory of .parquet files"
    )
    p.add_argument(
        "-e",
        "--expr",
        metavar="NAME=EXPR",
        action="append",
        required=True,
        help="an output column NAME computed by EXPR, e.g. 'rsi=rsi(close, 14)' (repeatable)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        required=True,
        help="a .csv or .parquet file, or a directory ending in / (one Parquet file per bucket)",
    )
    p.add_argument("--by", metavar="COL[,COL]", help="symbol column(s): each symbol on its own")
    p.add_argument("--ts", metavar="COL", help="the timestamp column (parsed if it holds strings)")
    p.add_argument(
        "--base",
        metavar="DURATION",
        help="the bar length (1m, 1h, 1d), needed by expressions with @timeframe",
    )
    keep = p.add_mutually_exclusive_group()
    keep.add_argument(
        "--keep",
        metavar="COLS",
        action="append",
        help="input columns to copy to the output, comma-separated (the --by and --ts "
        "columns are always copied)",
    )
    keep.add_argument("--keep-all", action="store_true", help="copy every input column")
    p.add_argument(
        "--buckets",
        metavar="N",
        type=_buckets_arg,
        default=AUTO,
        help="with --by: process the symbols in N hash buckets, one at a time, so only one "
        "bucket is in memory (default 'auto': 1, or more when the input looks larger than a "
        "quarter of the memory)",
    )
    p.add_argument(
        "--sort",
        action="store_true",
        help="sort each symbol's rows by --ts instead of refusing rows out of time order",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no notes or progress on stderr")
    p.set_defaults(run=cmd_compute)

    p = command(
        "plot",
        "chart a CSV/Parquet file with indicators",
        _paragraphs(
            "Draws the price (candlesticks, or --kind line) and each -i indicator where the "
            "catalog's plot hints put it, as a standalone HTML page or, for a .png output, a "
            "screenshot by headless Chromium. An indicator is a catalog name (rsi), a strategy "
            "expression (bbands(close, 20), rsi(close, 7) < 30) or a column of the file."
        ),
        epilog="examples:\n"
        f"  {PROG} plot EURUSD.csv -i 'bbands(close, 20)' -i rsi -i macd -o chart.html\n"
        f"  {PROG} plot panel.parquet --symbol AAA --last 500 -i sar -i adx -o aaa.png",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="INPUT", help="a .csv or .parquet file")
    p.add_argument(
        "-i",
        "--indicator",
        metavar="IND",
        action="append",
        default=[],
        help="an indicator: a name, an expression, or a column (repeatable)",
    )
    p.add_argument("-o", "--output", metavar="OUTPUT", required=True, help="a .html or .png file")
    p.add_argument("--symbol", metavar="SYMBOL", help="the symbol to draw from a panel")
    p.add_argument("--by", metavar="COL", help="the symbol column (default: symbol, if present)")
    p.add_argument("--ts", metavar="COL", help="the timestamp column (default: found by type)")
    p.add_argument("--kind", choices=("candlestick", "line"), default="candlestick")
    p.add_argument(
        "--last",
        metavar="N",
        type=int,
        help="only the last N bars of the symbol (the indicators are computed on them alone)",
    )
    p.add_argument("--title", metavar="TEXT", help="the chart's title")
    p.set_defaults(run=cmd_plot)

    p = command(
        "demo",
        "run the demo",
        "A lazy multi-symbol pipeline, a live panel and a DSL strategy on synthetic data.",
    )
    p.set_defaults(run=cmd_demo)
    return parser


def _paragraphs(*texts: str) -> str:
    return "\n\n".join(textwrap.fill(t, 79) for t in texts)


def _buckets_arg(text: str) -> int:
    if text == "auto":
        return AUTO
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer or 'auto', got {text!r}")
    return value


# --- list and info ----------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    entries = list(_catalog.entries().values())
    if args.group is not None:
        groups = sorted({e["group"] for e in entries})
        if args.group not in groups:
            close = difflib.get_close_matches(args.group, groups, n=3)
            raise UserError(
                f"unknown group '{args.group}'"
                + (f"; did you mean {' or '.join(close)}?" if close else ""),
                f"groups: {', '.join(groups)}",
            )
        entries = [e for e in entries if e["group"] == args.group]
    if args.origin is not None:
        entries = [e for e in entries if e["origin"] == args.origin]
    if args.search:
        text = args.search.lower()
        entries = [
            e
            for e in entries
            if text in e["name"]
            or text in (e["talib_name"] or "").lower()
            or text in e["summary"].lower()
        ]
    if not entries:
        _note(args, "no indicator matches")
        return 0
    name_w = max(len(e["name"]) for e in entries)
    group_w = max(len(e["group"]) for e in entries)
    talib_w = max(len(e["talib_name"] or "-") for e in entries)
    for e in entries:
        print(
            f"{e['name']:<{name_w}}  {e['group']:<{group_w}}  "
            f"{e['talib_name'] or '-':<{talib_w}}  {e['summary']}"
        )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    spec = _lookup(args.name)
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    for line in _info_lines(spec, width):
        print(line)
    return 0


def _lookup(name: str) -> dict[str, Any]:
    """A catalog entry by our name or TA-Lib's (any case); `UserError` with close names."""
    entries = _catalog.entries()
    key = name.lower()
    if key in entries:
        return entries[key]
    for e in entries.values():
        if e["talib_name"] is not None and e["talib_name"].lower() == key:
            return e
    shown = {n: n for n in entries}
    shown.update(
        {
            e["talib_name"].lower(): e["talib_name"]
            for e in entries.values()
            if e["talib_name"] is not None and e["talib_name"].lower() not in shown
        }
    )
    close = difflib.get_close_matches(key, list(shown), n=5, cutoff=0.6)
    found = list(dict.fromkeys(shown[c] for c in close))
    raise UserError(
        f"unknown indicator '{name}'" + (f"; did you mean {', '.join(found)}?" if found else ""),
        f"'{PROG} list' lists them all; '{PROG} list --search TEXT' searches the summaries",
    )


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        (indent + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))).rstrip()
        for r in rows
    ]


def _info_lines(spec: dict[str, Any], width: int) -> list[str]:
    def wrap(text: str, indent: str = "  ") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)

    talib = f" (TA-Lib {spec['talib_name']})" if spec["talib_name"] else " (ours, not in TA-Lib)"
    group = spec["group"] + (f", TA-Lib's {spec['talib_group']}" if spec["talib_group"] else "")
    lines = [f"{spec['name']}{talib}: {group}"]
    lines += wrap(spec["summary"], "")
    if spec["details"]:
        lines += ["", "Details:", *wrap(spec["details"])]
    lines += ["", f"Call: {_signature(spec)}", "", "Inputs:"]
    lines += _table(
        [
            [keyword_, role, f"(TA-Lib {talib_name})"]
            for keyword_, role, talib_name in zip(
                spec["input_keywords"], spec["input_roles"], spec["inputs"], strict=True
            )
        ]
    )
    ma_names = dict((code, name) for name, code in _catalog.ma_types())
    if spec["params"]:
        lines.append("Parameters:")
        rows = []
        for p in spec["params"]:
            default = _number(p["default"])
            if p["kind"] == "matype" and p["default"] is not None:
                default += f" ({ma_names.get(int(p['default']), '?')})"
            rows.append(
                [
                    p["name"],
                    p["kind"],
                    f"default {default}",
                    f"range {_number(p['min'])}..{_number(p['max'])}",
                    p["description"] or "",
                ]
            )
        lines += _table(rows)
    else:
        lines.append("Parameters: none")
    lines.append("Outputs:")
    rows = []
    for o in spec["outputs"]:
        row = [o["name"], o["dtype"], f"pane {o['pane']}", f"style {o['style']}"]
        row.append(f"event_lag_param {o['event_lag_param']}" if o["event_lag_param"] else "")
        rows.append(row)
    lines += _table(rows)
    defaults = ", ".join(f"{p['name']}={_number(p['default'])}" for p in spec["params"])
    lines.append(
        f"Lookback: {spec['default_lookback']} bars"
        + (f" (with {defaults})" if defaults else "")
        + f"; default output name {spec['output_name']}"
    )
    if spec["levels"]:
        lines.append(f"Levels: {', '.join(_number(v) for v in spec['levels'])}")
    lines.append(f"Flags: {', '.join(spec['flags']) or 'none'}")
    lines.append(f"Missing data: {spec['missing_data']}")
    if spec["deviations"]:
        lines.append("Deviations from TA-Lib:")
        for text in spec["deviations"]:
            wrapped = wrap(text, "    ")
            lines += ["  - " + wrapped[0][4:], *wrapped[1:]]
    return lines


# --- demo -------------------------------------------------------------------------------------


def cmd_plot(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if target.suffix.lower() not in (".html", ".png"):
        raise UserError(f"{args.output}: a chart is written as .html or .png")
    source = _source(args.input)
    try:
        frame = source.scan().collect()
    except (OSError, pl.exceptions.PolarsError) as error:
        raise UserError(f"{args.input}: cannot read it: {_first_line(error)}") from None
    renames = _renames(frame.columns)
    frame = frame.rename(renames)
    for option, column in (("--by", args.by), ("--ts", args.ts)):
        if column is not None and column not in frame.columns:
            raise _missing(option, column, frame.columns)
    by = args.by or ("symbol" if "symbol" in frame.columns else None)
    if args.symbol is not None:
        if by is None:
            raise UserError("--symbol needs a symbol column: name it with --by")
        frame = frame.filter(pl.col(by).cast(pl.String) == args.symbol)
        if frame.is_empty():
            raise UserError(f"no rows for --symbol {args.symbol} in column '{by}'")
    if args.last is not None:
        if args.last < 1:
            raise UserError("--last must be at least 1")
        frame = frame.tail(args.last)
    try:
        from laakhay.ta.plot import write_html, write_png

        figure = ta.plot(
            frame,
            *args.indicator,
            ts="auto" if args.ts is None else args.ts,
            by=by,
            symbol=args.symbol,
            kind=args.kind,
            title=args.title,
        )
        if target.suffix.lower() == ".png":
            write_png(figure, target)
        else:
            write_html(figure, target)
    except ImportError as error:
        raise UserError(f"charts need plotly: pip install 'laakhay-ta[plot]' ({error})") from None
    except DslError as error:
        raise UserError(*_dsl_lines(error, frame.columns)) from None
    except (ValueError, KeyError, pl.exceptions.PolarsError) as error:
        raise UserError(_first_line(error)) from None
    except RuntimeError as error:  # no headless Chromium for a PNG
        raise UserError(f"{args.output}: {_first_line(error)}") from None
    _note(args, f"wrote {target} ({frame.height:,} bars)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from laakhay.ta import demo

    demo.main()
    return 0


# --- compute ----------------------------------------------------------------------------------


@dataclass
class Source:
    """The input: a file or a directory of Parquet files, and its format."""

    path: Path
    kind: str
    files: list[Path]

    def scan(self) -> pl.LazyFrame:
        if self.kind == "csv":
            return pl.scan_csv(self.files[0], infer_schema_length=10_000)
        return pl.scan_parquet(self.files)

    @property
    def size(self) -> int:
        return sum(f.stat().st_size for f in self.files)


def _source(text: str) -> Source:
    path = Path(text)
    if path.is_dir():
        files = sorted(path.glob("*.parquet"))
        if not files:
            raise UserError(f"{text}: a directory without .parquet files")
        return Source(path, "parquet", files)
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise UserError(
            f"{text}: unknown file type '{path.suffix or '(no extension)'}'",
            f"supported: {', '.join(EXTENSIONS)} (or a directory of .parquet files)",
        )
    if not path.exists():
        raise UserError(f"{text}: no such file")
    if not path.is_file() or not os.access(path, os.R_OK):
        raise UserError(f"{text}: cannot read it (not a readable file)")
    return Source(path, kind, [path])


@dataclass
class Target:
    """The output: a .csv or .parquet file, or a directory of Parquet parts."""

    path: Path
    kind: str  # "csv", "parquet" or "dir"


def _target(text: str, source: Source) -> Target:
    path = Path(text)
    if text.endswith(("/", os.sep)):
        if path.exists() and not path.is_dir():
            raise UserError(f"{text}: exists and is not a directory")
        if path.is_dir() and any(path.glob("part-*.parquet")):
            raise UserError(
                f"{text}: already holds part-*.parquet files; remove them or choose another "
                "directory"
            )
        if not path.parent.is_dir():
            raise UserError(f"{text}: its parent directory {path.parent} does not exist")
        return Target(path, "dir")
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise UserError(
            f"{text}: unknown file type '{path.suffix or '(no extension)'}'",
            f"supported: {', '.join(EXTENSIONS)}, or a directory path ending in / "
            "(Parquet, one file per bucket)",
        )
    if not path.parent.is_dir():
        raise UserError(f"{text}: directory {path.parent} does not exist")
    if path.is_dir():
        raise UserError(f"{text}: is a directory (write {text}/ for one file per bucket)")
    if any(path.exists() and path.samefile(f) for f in source.files):
        raise UserError(f"{text}: is the input file; write the output elsewhere")
    return Target(path, kind)


def _expressions(items: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items:
        name, eq, text = item.partition("=")
        name = name.strip()
        if not eq:
            raise UserError(
                f"-e {item!r}: expected NAME=EXPR", "for example: -e 'rsi=rsi(close, 14)'"
            )
        if not name:
            raise UserError(f"-e {item!r}: the output name before '=' is empty")
        if keyword.iskeyword(name) or name in KEYWORDS:
            raise UserError(f"-e {item!r}: '{name}' is a keyword, not a possible output name")
        if not name.isidentifier():
            raise UserError(
                f"-e {item!r}: '{name}' is not a valid output name",
                "names are letters, digits and _, not starting with a digit "
                "(write comparisons as NAME=EXPR: -e 'up=close >= open')",
            )
        if name in found:
            raise UserError(f"-e {name}=...: the output name '{name}' is given twice")
        found[name] = text
    return found


def _split(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out += [part.strip() for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(out))


def _show(column: str) -> str:
    return column if column and column.isprintable() and column.strip() == column else repr(column)


def _columns_line(schema: Sequence[str]) -> str:
    return f"the file's columns: {', '.join(_show(c) for c in schema)}"


def _missing(what: str, column: str, schema: Sequence[str]) -> UserError:
    lower = {c.lower(): c for c in schema}
    hint = ""
    close = difflib.get_close_matches(column, list(schema), n=1, cutoff=0.6)
    if column.lower() in lower:
        hint = f"; did you mean {_show(lower[column.lower()])}?"
    elif close:
        hint = f"; did you mean {_show(close[0])}?"
    return UserError(f"{what}: no column {column!r} in the file{hint}", _columns_line(schema))


def _renames(schema: Sequence[str]) -> dict[str, str]:
    """OHLCV columns to rename when the file has no `close` but `Close` (any case)."""
    if "close" in schema:
        return {}
    found: dict[str, str] = {}
    for field_ in BAR_SOURCES:
        matches = [c for c in schema if c.lower() == field_ and c != field_]
        if len(matches) == 1 and field_ not in schema:
            found[matches[0]] = field_
    return found if "close" in found.values() else {}


def memory_budget() -> int:
    """Bytes one bucket may take: a quarter of the physical memory (2 GiB if unknown)."""
    try:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        total = 8 << 30
    return max(total // 4, 64 << 20)


def auto_buckets(source: Source) -> int:
    """Buckets so that each bucket's rows (estimated from the file size) fit the budget."""
    need = source.size * EXPANSION[source.kind]
    return max(1, min(MAX_AUTO_BUCKETS, math.ceil(need / memory_budget())))


@dataclass
class Job:
    """Everything `compute` decided before reading rows."""

    plan: ta.Plan
    outputs: dict[str, str]
    by: list[str]
    ts: str | None
    kept: list[str]
    read: list[str]
    renames: dict[str, str]
    buckets: int
    sort: bool


def cmd_compute(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    outputs = _expressions(args.expr)
    source = _source(args.input)
    target = _target(args.output, source)
    try:
        schema = source.scan().collect_schema().names()
    except (OSError, pl.exceptions.PolarsError) as error:
        raise UserError(f"{args.input}: cannot read it: {_first_line(error)}") from None
    renames = _renames(schema)
    if renames:
        _note(
            args,
            "renamed columns "
            + ", ".join(f"{old} -> {new}" for old, new in renames.items())
            + " (the file has no 'close')",
        )
        schema = [renames.get(c, c) for c in schema]
    by = _split([args.by] if args.by else None)
    for column in by:
        if column not in schema:
            raise _missing("--by", column, schema)
    ts = args.ts
    if ts is not None and ts not in schema:
        raise _missing("--ts", ts, schema)
    keep = _split(args.keep)
    for column in keep:
        if column not in schema:
            raise _missing("--keep", column, schema)
    kept = (
        list(schema)
        if args.keep_all
        else list(dict.fromkeys([*by, *([] if ts is None else [ts]), *keep]))
    )
    for name in outputs:
        if name in schema:
            raise UserError(
                f"-e {name}=...: the file already has a column '{name}'; choose another name"
            )
    if args.base is not None:
        try:
            parse_timeframe(args.base)
        except DslError as error:
            raise UserError(f"--base: {error.message}", *_hint(error.hint)) from None
    declared = [
        c
        for c in schema
        if c.isidentifier()
        and not keyword.iskeyword(c)
        and c not in KEYWORDS
        and c not in BAR_SOURCES
        and c not in DERIVED_SOURCES
    ]
    try:
        plan = ta.compile(outputs, by=by or None, ts=ts, base=args.base, columns=declared)
    except DslError as error:
        raise UserError(*_dsl_lines(error, schema)) from None
    for column in plan.required_columns:
        if column not in schema:
            needed = ", ".join(c for c in plan.required_columns if c not in by and c != ts)
            raise UserError(
                f"no column '{column}' in the file (the expressions read {needed})",
                _columns_line(schema),
            )
    if args.sort and ts is None:
        raise UserError("--sort needs --ts: the column to sort each symbol's rows by")
    buckets = args.buckets
    if not by:
        if buckets > 1:
            raise UserError("--buckets needs --by: only whole symbols can go to a bucket")
        buckets = 1
    elif buckets == AUTO:
        buckets = auto_buckets(source)
        if buckets > 1:
            _note(
                args,
                f"{args.input} is {source.size / 1e6:,.0f} MB: processing the symbols in "
                f"{buckets} buckets (--buckets N to choose)",
            )
    read = list(dict.fromkeys([*kept, *plan.required_columns]))
    job = Job(plan, outputs, by, ts, kept, read, renames, buckets, args.sort)
    rows = _run(args, job, source, target)
    _note(
        args,
        f"wrote {rows:,} rows to {args.output} ({time.perf_counter() - started:.1f} s)",
    )
    return 0


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _hint(hint: str | None) -> list[str]:
    return [f"hint: {hint}"] if hint else []


def _run(args: argparse.Namespace, job: Job, source: Source, target: Target) -> int:
    """Reads, computes and writes bucket by bucket; the number of rows written."""
    rows = 0
    with _writer(target, job.buckets) as write:
        for k in range(job.buckets):
            started = time.perf_counter()
            frame = _read(source, job, k, args.input)
            result = _compute(job, frame)
            try:
                write(k, result)
            except (OSError, pl.exceptions.PolarsError) as error:
                raise UserError(f"{args.output}: cannot write it: {_first_line(error)}") from None
            rows += result.height
            if job.buckets > 1:
                symbols = frame.select(pl.struct(job.by).n_unique()).item() if frame.height else 0
                _note(
                    args,
                    f"bucket {k + 1}/{job.buckets}: {symbols} symbol{'' if symbols == 1 else 's'}, "
                    f"{time.perf_counter() - started:.1f} s",
                )
    return rows


def _read(source: Source, job: Job, k: int, label: str) -> pl.DataFrame:
    """Bucket `k`'s rows (all rows with one bucket), the columns the job needs."""
    lf = source.scan()
    if job.renames:
        lf = lf.rename(job.renames)
    lf = lf.select(job.read)
    if job.buckets > 1:
        key = pl.col(job.by[0]) if len(job.by) == 1 else pl.struct(job.by)
        lf = lf.filter(key.hash(seed=0) % job.buckets == k)
    try:
        # Streaming: the filter runs while the file is read, so only the bucket is held.
        frame = lf.collect(engine="streaming")
    except (OSError, pl.exceptions.PolarsError) as error:
        raise UserError(f"{label}: cannot read it: {_first_line(error)}") from None
    ts = job.ts
    if ts is not None and frame.schema[ts] == pl.String:
        try:
            frame = frame.with_columns(pl.col(ts).str.to_datetime())
        except pl.exceptions.PolarsError as error:
            sample = frame[ts].drop_nulls().head(1).to_list()
            raise UserError(
                f"--ts {_show(ts)}: cannot read its strings as timestamps: {_first_line(error)}",
                f"first value: {sample[0]!r}" if sample else "the column is empty",
            ) from None
    if ts is not None:
        frame = _in_time_order(frame, job)
    return frame


def _in_time_order(frame: pl.DataFrame, job: Job) -> pl.DataFrame:
    assert job.ts is not None
    if job.sort:
        return frame.sort([*job.by, job.ts], maintain_order=True)
    previous = pl.col(job.ts).shift(1)
    if job.by:
        previous = previous.over(job.by)
    bad = frame.select(*job.by, pl.col(job.ts), previous.alias("__prev")).filter(
        pl.col(job.ts) < pl.col("__prev")
    )
    if bad.is_empty():
        return frame
    row = bad.row(0, named=True)
    where = "".join(f" {_show(k)}={row[k]!r}" for k in job.by)
    raise UserError(
        f"rows are not in time order:{where or ''} {row['__prev']} comes before {row[job.ts]} "
        f"(column {_show(job.ts)})",
        "indicators read each symbol's rows in file order; sort the file, or pass --sort",
    )


def _compute(job: Job, frame: pl.DataFrame) -> pl.DataFrame:
    try:
        result = job.plan.apply(frame)
    except DslError as error:
        raise UserError(*_dsl_lines(error, frame.columns)) from None
    columns: list[pl.Expr] = [pl.col(c) for c in job.kept]
    for name in job.outputs:
        dtype = result.schema[name]
        if isinstance(dtype, pl.Struct):
            columns += [
                pl.col(name).struct.field(f.name).alias(f"{name}.{f.name}") for f in dtype.fields
            ]
        else:
            columns.append(pl.col(name))
    return result.select(columns)


@contextlib.contextmanager
def _writer(target: Target, buckets: int) -> Iterator[Callable[[int, pl.DataFrame], None]]:
    """A function writing bucket k's result; the output appears complete or not at all."""
    if target.kind == "dir":
        target.path.mkdir(exist_ok=True)

        def write_part(k: int, frame: pl.DataFrame) -> None:
            frame.write_parquet(target.path / f"part-{k:05d}.parquet")

        yield write_part
        return
    work = Path(tempfile.mkdtemp(prefix=f".{target.path.name}.", dir=target.path.parent))
    try:
        staged = work / target.path.name
        if target.kind == "csv":
            handle: IO[bytes] = staged.open("wb")
            try:

                def write_csv(k: int, frame: pl.DataFrame) -> None:
                    frame.write_csv(handle, include_header=k == 0)

                yield write_csv
            finally:
                handle.close()
        elif buckets == 1:

            def write_parquet(k: int, frame: pl.DataFrame) -> None:
                frame.write_parquet(staged)

            yield write_parquet
        else:
            parts: list[Path] = []

            def write_piece(k: int, frame: pl.DataFrame) -> None:
                parts.append(work / f"part-{k:05d}.parquet")
                frame.write_parquet(parts[-1])

            yield write_piece
            # One file from the parts, streamed: never the whole result in memory.
            pl.scan_parquet(parts).sink_parquet(staged)
        os.replace(staged, target.path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- DSL errors -------------------------------------------------------------------------------


def _dsl_lines(error: DslError, schema: Sequence[str] | None = None) -> list[str]:
    """A DslError for the shell: the message, the expression as typed with a caret line
    under the span, and a hint in command-line terms."""
    where = f" in -e {error.output}" if error.output is not None else ""
    located = error.span is not None and bool(error.source)
    if located:
        where += f" at column {error.column}"
        if "\n" in error.source:
            where += f" of line {error.line}"
    message = error.message.replace("ts=", "--ts").replace("base=", "--base")
    lines = [f"[{error.code}]{where}: {message}"]
    if located and error.span is not None:
        start, end = error.span
        line_start = error.source.rfind("\n", 0, start) + 1
        line_end = error.source.find("\n", start)
        line_end = len(error.source) if line_end < 0 else line_end
        text = error.source[line_start:line_end]
        column = start - line_start
        if len(text) > 100:  # cut around the span so the caret stays on screen
            cut = max(0, column - 40)
            text = ("…" if cut else "") + text[cut : cut + 100]
            column -= cut - (1 if cut else 0)
        prefix = f"-e {error.output}=" if error.output is not None and line_start == 0 else ""
        width = max(1, min(end, line_end) - start)
        lines.append("    " + prefix + text)
        lines.append("    " + " " * (len(prefix) + column) + "^" * width)
    hint = error.hint
    if error.code == "E_UNKNOWN_NAME" and (hint is None or hint.startswith(_GENERIC_NAME_HINT)):
        hint = (
            "expressions read bar fields (open, high, low, close, volume, hl2, hlc3, "
            "ohlc4), the file's columns and other -e names"
        )
        if schema is not None:
            lines += _hint(hint)
            lines.append(_columns_line(schema))
            return lines
    elif error.code == "E_COLUMN" and hint == "cast it first":
        hint = "expressions read numeric (or true/false) columns only"
    elif error.code == "E_PLACEHOLDER":
        hint = "the command line has no parameter grid: write the value itself"
    elif hint is not None:
        hint = hint.replace("ts=", "--ts").replace("base=", "--base")
    lines += _hint(hint)
    return lines


__all__ = ["build_parser", "main"]
