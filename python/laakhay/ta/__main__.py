"""``python -m laakhay.ta``: the ``laakhay-ta`` command line (see `laakhay.ta.cli`)."""

from __future__ import annotations

import sys

from laakhay.ta.cli import main

if __name__ == "__main__":
    sys.exit(main())
