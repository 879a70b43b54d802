"""Casefile's Qt window: calls casefile.services only."""
