"""Limits shared by the command line and the app (a dependency-free module, cheap to import)."""

COMPARE_MIN, COMPARE_MAX = 2, 6  # how many countries a comparison holds
