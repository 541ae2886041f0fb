"""`python -m reader` is the `reader` command."""

from .cli import main

# Guarded: worker processes started with "spawn" import this module under another name.
if __name__ == "__main__":
    raise SystemExit(main())
