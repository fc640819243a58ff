"""Calculators: rules engine (Python reference), exported rules.json and one small JS engine."""
