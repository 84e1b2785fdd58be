"""Laakhay: trading tools. The technical-analysis engine lives in :mod:`laakhay.ta`."""
