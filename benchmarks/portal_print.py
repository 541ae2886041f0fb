"""What a page's fingerprint costs (`portal.page_print`, taken of every web page a sync reads,
to tell a Wi-Fi login page answering in every page's place): main's checkout against this one,
in one run, on the same pages.

Since session 42 a page up to 32 KB (a login page's size) is printed with what a login page
changes at each answer masked (addresses, tokens, times: `portal._CHANGING`), so a page
carrying a session token is still one page; since session 43 one up to 512 KB too when, its
inline styles, SVGs and `data:` pictures left out, it is that size (a portal with its CSS
framework and logo inline); since session 44 their scripts too, and those elements' tags in
capitals (`<STYLE>`). This prints the time per page of each side, by page size (an article's
page; "200000s": one of 200 KB half of it scripts, in capitals), and their ratio, and says
whether the two prints of a login page carrying a fresh token and the address asked are the
same on each side.

    python benchmarks/portal_print.py --against /tmp/main-checkout [--repeats 200] [--rounds 5]

With `--rounds N` the two sides take turns N times and each figure is a side's fastest: on a
shared machine one run moved even the unchanged sizes by 2x.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from reader.portal import page_print

def page(size):
    para = ("<p>The island ferry will sail twice a day from the first of the month, the harbour "
            "office said on Monday, after a winter of cancelled crossings.</p>")
    body = para * max(1, size // len(para))
    return ("<!doctype html><html><head><title>Ferry timetable cut | Quay Gazette</title></head>"
            f"<body><article><h1>Ferry timetable cut</h1>{body}</article></body></html>").encode()

def portal(n):
    asked = f"http://127.0.0.1:8761/r/harbour/comments/abc{n}/post_{n}/"
    token = f"{n:08x}9f2c8e0a1b2c3d4e5f6071"
    return ("<!doctype html><html><head><title>Welcome to SeaBreeze Hotel Wi-Fi</title></head>"
            f"<body><form method=post action='http://127.0.0.1:8765/login?continue={asked}'>"
            f"<input type=hidden name=csrf value='{token}'><input type=hidden name=orig value='{asked}'>"
            "<label><input type=checkbox name=terms> I accept the terms</label><button>Connect</button>"
            f"</form><p>You asked for {asked}. Session {token[:8]}, 16:4{n % 10}:07.</p></body></html>").encode()

def big_portal(n):
    # A portal's page past 32 KB: its CSS framework, its logo as a data: address, an SVG icon.
    css = "<style>" + "".join(
        f".c{i}{{margin:{i}px auto;padding:4px 8px;color:#0a5;border:1px solid #ccc}}" for i in range(900)
    ) + "</style>"
    logo = "<img alt=SeaBreeze src='data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 400 + "'>"
    icon = "<svg viewBox='0 0 24 24'>" + "<path d='M12 2L2 7l10 5 10-5-10-5z'/>" * 60 + "</svg>"
    small = portal(n).decode()
    return small.replace("</head>", css + "</head>").replace("<body>", "<body>" + logo + icon).encode()

def scripted(size):
    # An article's page with its scripts inline (a framework, trackers), half its size.
    code = "".join(f"function f{i}(a){{return a*{i}+1;}}" for i in range(size // 60))
    return page(size // 2).replace(b"</head>", f"<SCRIPT>{code}</SCRIPT></head>".encode())

def capitals(n):
    return (big_portal(n).decode().replace("<style>", "<STYLE>").replace("</style>", "</STYLE>")
            .replace("<svg", "<SVG").replace("</svg>", "</SVG>"))

def with_script(n):
    code = "".join(f"function f{i}(a){{return a*{i}+1;}}" for i in range(1500))
    return big_portal(n).decode().replace("</head>", f"<script>{code}</script></head>")

repeats = int(sys.argv[1])
out = {}
for size in (2_000, 20_000, 30_000, 60_000, 200_000, 1_000_000, "200000s"):
    body = scripted(200_000) if size == "200000s" else page(size)
    page_print(body)
    start = time.perf_counter()
    for _ in range(repeats):
        page_print(body)
    out[str(size)] = (time.perf_counter() - start) / repeats * 1000
out["portal_same"] = page_print(portal(1))[0] == page_print(portal(2))[0]
out["big_portal_size"] = len(big_portal(1))
out["big_portal_same"] = page_print(big_portal(1))[0] == page_print(big_portal(2))[0]
out["capitals_same"] = page_print(capitals(1).encode())[0] == page_print(capitals(2).encode())[0]
out["script_same"] = page_print(with_script(1).encode())[0] == page_print(with_script(2).encode())[0]
print(json.dumps(out))
"""


def _run(root: Path, repeats: int) -> dict[str, float | bool]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(repeats)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="main's checkout")
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1, help="turns of each side; fastest kept")
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.1f}")
    old, new = _run(args.against, args.repeats), _run(_HERE, args.repeats)
    for _ in range(args.rounds - 1):
        for kept, root in ((old, args.against), (new, _HERE)):
            again = _run(root, args.repeats)
            kept.update({k: min(v, again[k]) for k, v in kept.items() if isinstance(v, float)})
    print(f"{'page':>10} {'main ms':>9} {'now ms':>9} {'ratio':>7}")
    for size in ("2000", "20000", "30000", "60000", "200000", "1000000", "200000s"):
        before, after = float(old[size]), float(new[size])
        print(f"{size:>10} {before:9.3f} {after:9.3f} {after / before:7.2f}x")
    print(
        f"a token portal's two answers one page: main {old['portal_same']}, now {new['portal_same']}"
    )
    print(
        f"a token portal of {int(new['big_portal_size']) // 1024} KB (styles, logo inline): two"
        f" answers one page: main {old['big_portal_same']}, now {new['big_portal_same']}"
    )
    for key, what in (("capitals_same", "<STYLE>, <SVG>"), ("script_same", "a <script>")):
        print(
            f"a big token portal with {what}: two answers one page: main {old.get(key)},"
            f" now {new.get(key)}"
        )
    print(f"load: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
