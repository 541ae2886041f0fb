"""Widgets of the reading view: the article body and the typesetting it draws from."""
