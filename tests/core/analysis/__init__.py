"""Tests of the pure analysis package: normalisation, subjects, detection, corroboration."""
