"""Widgets, grouped by where they sit on screen: `main/` (feeds, headlines), `article/` (reading view)."""
