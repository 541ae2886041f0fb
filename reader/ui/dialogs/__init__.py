"""Screens shown over the others: the key help."""
