"""The archive commands: `reader archive ARTICLE…` (done with, kept: saved if it wasn't, marked
read) and `reader unarchive ARTICLE…` (back in Saved, still saved)."""

from __future__ import annotations

import argparse

from ..models import FetchError
from ..safe import safe_line
from .common import EXIT_FAILED, EXIT_OK, err, given_ids, open_library, out
from .tags import article_title


def cmd_archive(args: argparse.Namespace) -> int:
    return _archive(args, True)


def cmd_unarchive(args: argparse.Namespace) -> int:
    return _archive(args, False)


def _archive(args: argparse.Namespace, archived: bool) -> int:
    lib = open_library(args)
    status = EXIT_OK
    try:
        resolve = lib.resolver()
        for given in given_ids(args.targets):
            try:
                target = resolve(given)
            except FetchError as error:
                err(error.message)
                status = EXIT_FAILED
                continue
            if isinstance(target, str) and not (
                lib.is_saved(target) or lib.store.has_article(target)
            ):
                # As `reader tag`: an address known nowhere is `reader save`'s to fetch.
                err(
                    f"no article at {safe_line(given, 200)} is listed, cached or saved:"
                    " `reader save` it first"
                )
                status = EXIT_FAILED
                continue
            if not archived and not lib.is_archived(target):
                err(f"not archived: {safe_line(given, 120)}")  # nothing to do: no failure
                continue
            was_saved = lib.is_saved(target)
            was = lib.archive(target, archived)
            title = article_title(lib, target)
            if not archived:
                out(f"unarchived: {title} (back in Saved, still read)")
            elif was:
                out(f"already archived: {title}")
            else:
                saved = "" if was_saved else ", saved for good"
                out(f"archived: {title} (read{saved})")
    finally:
        lib.close()
    return status
