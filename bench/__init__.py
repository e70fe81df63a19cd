"""Benchmarks for DMU Board (`make bench`); not part of the test suite."""
