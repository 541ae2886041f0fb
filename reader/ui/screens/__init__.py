"""The app's screens: the main list and the reading view."""
