"""reader: a terminal news reader with an offline cache."""

__version__ = "0.1.0"

# First: the time this process began, against which an upgrade under it is told (`upgraded`).
from . import upgraded as _upgraded  # noqa: F401
