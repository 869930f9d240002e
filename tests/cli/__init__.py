"""Tests of the cxguide command line."""
