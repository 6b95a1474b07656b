"""Measuring: the benchmark, its generation runs, probes and statistics, and the evaluation on held-out incidents."""
