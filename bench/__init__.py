"""Benchmarks: `make bench` (or `python -m bench NAME`). Not part of `make test`.

Each module measures against a baseline taken in the same run and prints ratios, because the
machines are shared and noisy: absolute times alone mean little.
"""
