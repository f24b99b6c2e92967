"""Checker of received meerzorg forms (xl-meerzorg controleer)."""
