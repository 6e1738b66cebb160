"""Benchmarks: whole-process timings against a bare baseline measured in the same run."""
