"""The independent checker's parts (see tests/tools/check_counts.py)."""
