"""The built wheel (`make wheel`) installs into a fresh virtual environment and runs the README
quickstart there, away from this checkout. `make test` builds the wheel and names it in
LAAKHAY_WHEEL; without it (pytest run alone) the test is skipped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WHEEL = os.environ.get("LAAKHAY_WHEEL", "")


@pytest.mark.skipif(not WHEEL, reason="no wheel named in LAAKHAY_WHEEL (make test builds one)")
def test_the_wheel_runs_the_readme_quickstart(tmp_path: Path) -> None:
    wheel = Path(WHEEL)
    assert wheel.is_file(), wheel
    # abi3: one wheel for every CPython from 3.10.
    assert re.search(r"-cp310-abi3-", wheel.name), wheel.name
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    readme = (ROOT / "README.md").read_text()
    quickstart = readme[readme.index("## Quickstart") :]
    match = re.search(r"```python\n(.*?)```", quickstart, re.S)
    assert match is not None
    script = tmp_path / "quickstart.py"
    script.write_text(
        match.group(1)
        + "\nimport laakhay.ta, pathlib\n"
        + "print(pathlib.Path(laakhay.ta.__file__).parent)\n"
        + "print(out.columns)\n"
    )
    # Run outside the checkout, so only the installed package can be imported.
    done = subprocess.run(
        [python, str(script)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    where, columns = done.stdout.strip().splitlines()[-2:]
    assert str(env_dir) in where and str(ROOT) not in where
    for name in ("rsi_14", "ema_20", "atr_14", "macd_12_26_9.signal"):
        assert name in columns
    # The console script came with it.
    cli = subprocess.run(
        [env_dir / "bin" / "laakhay-ta", "info", "RSI"], capture_output=True, text=True
    )
    assert cli.returncode == 0 and "rsi" in cli.stdout
    assert sys.version_info >= (3, 10)
