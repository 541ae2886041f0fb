"""A big library as a web reader exports it: an Inoreader-style OPML file of many feeds in
folders (each folder a tag once imported), every address on 127.0.0.1 at a closed port (an
import subscribes and fetches nothing), and the same feeds as a newsboat urls file, the
folders as its tags.

    uv run python benchmarks/big_library.py OUT_DIR [--feeds 9550] [--folders 191]

Writes OUT_DIR/big.opml (about 2 MB at the default size, acc43a's A19 shape) and
OUT_DIR/urls. `tui_startup.py --opml FILE` imports such a file into a data directory of its
own and times the first screen on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

PORT = 9
"""The discard port: closed on a machine that runs no such service, so a refresh on start
fails at once, after the first screen."""


def feed_name(n: int) -> str:
    """Feed `n`'s name, as the export gives it (non-ASCII and an ampersand, as real ones)."""
    return f"Big blog {n:05d} – Städte & Dörfer"


def feed_address(n: int) -> str:
    return f"http://127.0.0.1:{PORT}/feeds/f{n}.xml?u={n}"


def folder_name(folder: int) -> str:
    return f"Folder {folder:03d}"


def big_opml(feeds: int, folders: int) -> str:
    """An OPML 1.0 file of `feeds` feeds spread over `folders` folders (none outside one when
    `folders` > 0, all at the top level when 0), as Inoreader exports a subscription list."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="1.0">']
    lines += ["<head><title>Big export</title></head>", "<body>"]

    def outline(n: int) -> str:
        name = quoteattr(feed_name(n))
        return (
            f'  <outline type="rss" text={name} title={name} '
            f"xmlUrl={quoteattr(feed_address(n))} "
            f'htmlUrl="http://127.0.0.1:{PORT}/site/f{n}/"/>'
        )

    if folders <= 0:
        lines += [outline(n) for n in range(feeds)]
    else:
        per = -(-feeds // folders)  # ceiling: every folder but perhaps the last one full
        for folder in range(folders):
            members = range(folder * per, min(feeds, (folder + 1) * per))
            if not members:
                break
            name = quoteattr(folder_name(folder))
            lines.append(f"<outline text={name} title={name}>")
            lines += [outline(n) for n in members]
            lines.append("</outline>")
    lines += ["</body>", "</opml>"]
    return "\n".join(lines) + "\n"


def newsboat_urls(feeds: int, folders: int) -> str:
    """The same feeds as newsboat's urls file, each with its folder as a tag."""
    per = -(-feeds // folders) if folders > 0 else feeds
    rows = []
    for n in range(feeds):
        tag = f' "{folder_name(n // per)}"' if folders > 0 else ""
        rows.append(f"{feed_address(n)}{tag}")
    return "\n".join(rows) + "\n"


def write_library(out: Path, feeds: int, folders: int) -> Path:
    """OUT/big.opml and OUT/urls written; the OPML file's path."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "urls").write_text(newsboat_urls(feeds, folders), encoding="utf-8")
    opml = out / "big.opml"
    opml.write_text(big_opml(feeds, folders), encoding="utf-8")
    return opml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--feeds", type=int, default=9550)
    parser.add_argument("--folders", type=int, default=191)
    args = parser.parse_args(argv)
    opml = write_library(args.out, args.feeds, args.folders)
    print(f"{opml}: {args.feeds} feeds in {args.folders} folders, {opml.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
