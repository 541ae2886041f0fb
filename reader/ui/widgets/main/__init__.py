"""Widgets of the main screen: the feed list and the headline table."""
