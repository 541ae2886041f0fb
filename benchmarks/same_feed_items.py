"""Whether two checkouts read feeds into the same items: every field of every entry, the
feed's title, site, problem and article keys, or the same refusal (bigfeed41: a faster reading
of a big feed must not change what it reads).

    uv run python benchmarks/same_feed_items.py --record DIR [-- PYTEST ARGS]
    uv run python benchmarks/same_feed_items.py --against CHECKOUT [DIR ...] [--huge]

`--record` runs pytest (by default the feed tests: tests/test_feed*, test_sync*, test_huge*,
test_add*, test_json_feed.py and every test module that writes a feed) with every call of `feeds.parse_feed`, in the tests' processes
and their workers, written to DIR (one file a distinct call: its bytes and its arguments), by
a `sitecustomize` on PYTHONPATH that wraps the function as `reader.feeds` is imported.

The comparison reads each recorded call (and with `--huge`, acc40b's and acc34b's big feeds of
`huge_feed.py` and the demo site's feeds) in a child of each checkout, and prints how many
differ, with the first differences field by field. Exit status 1 when any does.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts

# Wraps `reader.feeds.parse_feed` as the module is first imported, in whichever process.
_HOOK = """
import hashlib, importlib.abc, os, pickle, sys

_FOLDER = os.environ["SAME_FEED_ITEMS_RECORD"]


def _wrapped(parse):
    def parse_feed(*args, **kwargs):
        data = pickle.dumps((args, kwargs))
        name = hashlib.sha1(data).hexdigest() + ".pickle"
        path = os.path.join(_FOLDER, name)
        if not os.path.exists(path):
            with open(path + f".{os.getpid()}", "wb") as out:
                out.write(data)
            os.replace(path + f".{os.getpid()}", path)
        return parse(*args, **kwargs)

    return parse_feed


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "reader.feeds":
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            module.parse_feed = _wrapped(module.parse_feed)

        spec.loader.exec_module = exec_module
        return spec


import importlib.util

sys.meta_path.insert(0, _Finder())
"""

FEED_TESTS = ["tests/test_feed*.py", "tests/test_sync*.py", "tests/test_huge*.py"]
FEED_TESTS += ["tests/test_add*.py", "tests/test_json_feed.py"]
# And every test module that writes a feed of its own, or reads one.
FEED_WORDS = ("parse_feed", "<rss", "<feed", "<item>", "<entry>", "<rdf:RDF")


def feed_tests(checkout: Path) -> list[str]:
    """The test modules that read feeds: `FEED_TESTS`, and those holding a `FEED_WORDS`."""
    found = {str(p.relative_to(checkout)) for g in FEED_TESTS for p in checkout.glob(g)}
    for path in checkout.glob("tests/test_*.py"):
        if any(word in path.read_text(encoding="utf-8") for word in FEED_WORDS):
            found.add(str(path.relative_to(checkout)))
    return sorted(found)


def record(folder: Path, pytest_args: list[str]) -> int:
    """Run pytest in this checkout with every `parse_feed` call written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    checkout = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="same-feed-items-") as hook:
        Path(hook, "sitecustomize.py").write_text(_HOOK, encoding="utf-8")
        env = dict(os.environ, SAME_FEED_ITEMS_RECORD=str(folder.resolve()))
        env["PYTHONPATH"] = os.pathsep.join([hook, str(checkout)])
        tests = pytest_args or feed_tests(checkout)
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
            cwd=checkout,
            env=env,
            check=False,
        )
    print(f"{len(list(folder.glob('*.pickle')))} distinct feed readings in {folder}")
    return done.returncode


def huge_inputs() -> list[tuple[str, tuple[Any, ...]]]:
    """The big feeds `huge_feed.py` serves (acc40b P11's, acc34b D5's) and the demo's."""
    from huge_feed import feed_of

    base = "http://127.0.0.1:8000"
    url = f"{base}/feed.xml"
    found = [
        ("acc40b 3,000 x 1,540", (feed_of(3000, base, 1540), url)),
        ("acc34b 100,000", (feed_of(100_000, base), url)),
        ("1,999 x 300", (feed_of(1999, base, 300), url)),
    ]
    from reader.demo.feeds import build_feed, feed_entries
    from reader.demo.sites import SITE_ORDER, SITES

    for key in SITE_ORDER:
        feed = build_feed(key, base, feed_entries(key))
        found.append((f"demo {key}", (feed, base + SITES[key].feed_path)))
    return found


def _plain(value: Any) -> Any:
    """A reading as plain data: dataclasses as dicts of their fields, so two checkouts'
    classes compare by what they hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__class__": type(value).__name__, **fields}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def dump(folders: list[Path], out: Path, huge: bool) -> None:
    """(A child, this checkout on PYTHONPATH.) Every input read, its reading written to `out`."""
    from reader.feeds import parse_feed
    from reader.models import FetchError

    inputs: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    for folder in folders:
        for path in sorted(folder.glob("*.pickle")):
            args, kwargs = pickle.loads(path.read_bytes())
            inputs.append((path.name, args, kwargs))
    if huge:
        inputs.extend((name, args, {}) for name, args in huge_inputs())
    readings: dict[str, Any] = {}
    for name, args, kwargs in inputs:
        try:
            readings[name] = _plain(parse_feed(*args, **kwargs))
        except FetchError as error:
            readings[name] = ("refused", error.kind, error.message, error.url)
        except Exception as error:
            readings[name] = ("raised", type(error).__name__, str(error))
    out.write_bytes(pickle.dumps(readings))


def differences(old: Any, new: Any, where: str = "") -> list[str]:
    """Where two readings differ, field by field."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new:
                found.append(f"{where}.{key}: only in {'new' if key in new else 'old'}")
            else:
                found += differences(old[key], new[key], f"{where}.{key}")
        return found
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{where}: {len(old)} items against {len(new)}"]
        return [d for i, (a, b) in enumerate(zip(old, new, strict=True)) for d in
                differences(a, b, f"{where}[{i}]")]  # fmt: skip
    if old != new or type(old) is not type(new):
        return [f"{where}: {old!r:.200} against {new!r:.200}"]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="run the feed tests, recording to this")
    parser.add_argument("--against", type=Path, help="the checkout to compare with")
    parser.add_argument("--huge", action="store_true", help="the big feeds and demo's too")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*")
    args = parser.parse_args()
    if args.record:
        return record(args.record, args.rest)
    folders = [Path(p) for p in args.rest]
    if args.dump:
        dump(folders, args.dump, args.huge)
        return 0
    readings: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="same-feed-items-") as temp:
        for name, checkout in checkouts(args.against).items():
            out = Path(temp, name)
            env = dict(os.environ, PYTHONPATH=str(checkout))
            cmd = [sys.executable, "-P", __file__, "--dump", str(out), *map(str, folders)]
            subprocess.run([*cmd, *(["--huge"] if args.huge else [])], env=env, check=True)
            readings[name] = pickle.loads(out.read_bytes())
    this, other = readings["this"], readings.get("against", readings["this"])
    differing = {name: differences(other[name], this[name]) for name in this}
    differing = {name: found for name, found in differing.items() if found}
    entries = sum(
        len(reading.get("entries", ())) for reading in this.values() if isinstance(reading, dict)
    )
    refused = sum(1 for reading in this.values() if not isinstance(reading, dict))
    print(
        f"{len(this)} feeds read ({entries:,} entries, {refused} refused): "
        f"{len(differing)} read differently"
    )
    for name, found in list(differing.items())[:10]:
        digest = hashlib.sha1(name.encode()).hexdigest()[:8]
        print(f"  {name} ({digest}): {len(found)} differences")
        for line in found[:5]:
            print(f"    {line}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
