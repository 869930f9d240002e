"""Tests of the terminal app: pilot tests on state, and snapshots."""
