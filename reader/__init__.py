"""reader: a terminal news reader with an offline cache."""

__version__ = "0.1.0"
