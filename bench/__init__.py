"""Benchmarks of Herald's gathering pipeline, each run as one command (see each module's
docstring); `bench.scoring` is shared with the extraction-quality test."""
