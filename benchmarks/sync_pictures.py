"""A first sync of the demo site with its articles' pictures kept (`[cache] keep_pictures`) and
without: what keeping them costs in time, CPU and disk.

    uv run python benchmarks/sync_pictures.py [--runs 3] [--against CHECKOUT]

The demo site (`reader.demo`, its six figures small PNGs, one SVG-free drawing each) runs in
this process; each run syncs a fresh data directory subscribed to its three feeds with the real
CLI (`reader --data-dir D sync -q`), once with `keep_pictures = true` and once with `false`, one
after the other, so the two are measured side by side at the same load. Each row gives the
medians of wall time and CPU (user + sys, workers included), the data directory's size on disk,
what the size limit counts (`Store.cached_total`) and the pictures' part of it, and the ratios of
keeping them to not. With `--against`, this checkout's sync and another's (main, say), both
keeping pictures, one after the other in each run, and the ratios of this one to the other.
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's reader

import farm
from farm import child_env, load_average, median, reader_command, run_measured, subscribe, warm_up


def sizes(data_dir: Path) -> tuple[int, int, int, int]:
    """The directory's bytes on disk, what the size limit counts, the pictures' bytes and how
    many pictures are kept."""
    from reader.library import Library

    lib = Library(data_dir)
    try:
        counted, _ = lib.store.cached_total()
        pictures = lib.store.pictures_total()
        kept = sum(
            sum(p.kept for p in lib.store.pictures(key_url))
            for key_url in (h.entry.link for h in lib.headlines())
        )
    finally:
        lib.close()
    disk = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    return disk, counted, pictures, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout, synced side by side")
    args = parser.parse_args()
    from reader.demo.server import start_demo_server

    server = start_demo_server()
    warm_up()
    reader = reader_command()
    # Each row: its name, the reader that syncs, and whether it keeps pictures.
    cases = [("on", reader, "true"), ("off", reader, "false")]
    if args.against is not None:
        cases = [("this", reader, "true"), ("other", farm.checkout_reader(args.against), "true")]
    os.chdir(tempfile.gettempdir())  # not in a checkout: `-m reader` would import its reader
    rows: dict[str, list[tuple[float, float, int, int, int, int]]] = {c[0]: [] for c in cases}
    loads: list[str] = []
    try:
        for run in range(args.runs):
            for name, command, keep in cases:
                with tempfile.TemporaryDirectory(prefix="bench-pictures-") as tmp:
                    data_dir = Path(tmp) / "d"
                    subscribe(data_dir, server.feed_urls)
                    config = Path(tmp) / "config.toml"
                    config.write_text(f"[cache]\nkeep_pictures = {keep}\n")
                    loads.append(load_average())
                    cmd = [*command, "--data-dir", str(data_dir), "--config", str(config)]
                    result = run_measured([*cmd, "sync", "-q"], env=child_env())
                    if result.returncode != 0:
                        print(f"{name} exit {result.returncode}: {result.stderr.strip()[-300:]}")
                    disk, counted, pictures, kept = sizes(data_dir)
                    rows[name].append((result.wall, result.cpu, disk, counted, pictures, kept))
                    print(
                        f"run {run + 1} {name:5} wall {result.wall:5.2f} s  cpu"
                        f" {result.cpu:5.2f} s  disk {disk / 1024:7.0f} KB  counted"
                        f" {counted / 1024:6.0f} KB  pictures {pictures / 1024:5.0f} KB ({kept})"
                        f"  load {loads[-1]}",
                        flush=True,
                    )
    finally:
        server.stop()
    print(f"\nmedians of {args.runs} runs, load {min(loads)}–{max(loads)}")
    medians = {
        name: [median([float(r[i]) for r in found]) for i in range(6)]
        for name, found in rows.items()
    }
    for name, (wall, cpu, disk, counted, pictures, kept) in medians.items():
        print(
            f"{name:5}  wall {wall:5.2f} s  cpu {cpu:5.2f} s  disk {disk / 1024:7.0f} KB"
            f"  counted {counted / 1024:6.0f} KB  pictures {pictures / 1024:5.0f} KB ({kept:.0f})"
        )
    first, second = (name for name, _, _ in cases)
    on, off = medians[first], medians[second]
    print(
        f"{first} ÷ {second}: wall {on[0] / off[0]:.2f}×, cpu {on[1] / off[1]:.2f}×, disk"
        f" {on[2] / off[2]:.2f}×, counted {on[3] / off[3]:.2f}×"
    )


if __name__ == "__main__":
    main()
