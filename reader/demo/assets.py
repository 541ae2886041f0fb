"""Non-HTML files the demo sites serve: the budget report PDF (scanned, no text in it),
placeholder images and recordings."""

from __future__ import annotations

import hashlib
import html
import io
import math
import struct
import wave
import zlib


def budget_report_pdf() -> bytes:
    """The council's budget report as councils often publish one: a scan of the printed pages,
    each a picture of its lines (drawn here as bars), no text in it. A reader can't read it,
    and must say so, naming it as a link to open (where a PDF with text is read as an article).
    """
    from .pdf_pages import pdf_of_drawings

    bars = [(72, 770 - 22 * row, 300 + (row * 37) % 150, 9) for row in range(28)]
    return pdf_of_drawings([bars], title="Harbour City Council budget report 2027-28")


def placeholder_svg(name: str) -> bytes:
    """A tiny deterministic SVG for a figure, coloured by a hash of its file name."""
    digest = hashlib.sha1(name.encode()).hexdigest()
    sky, sea = f"#{digest[:6]}", f"#{digest[6:12]}"
    label = html.escape(name.rsplit(".", 1)[0].replace("-", " "))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">'
        f'<rect width="800" height="450" fill="{sky}"/>'
        f'<path d="M0 300 Q200 250 400 300 T800 300 V450 H0 Z" fill="{sea}"/>'
        f'<text x="24" y="430" font-family="sans-serif" font-size="20" fill="#fff">{label}</text>'
        "</svg>"
    ).encode()


def placeholder_png(name: str) -> bytes:
    """A small deterministic PNG for a figure (`placeholder_svg`'s picture: sky over sea, its
    colours by a hash of its file name), with a noisy sea so that it weighs what a small photo
    does (~20 KB): a picture a sync can keep (`reader.pictures` keeps no SVG)."""
    digest = hashlib.sha1(name.encode()).digest()
    sky, sea = digest[:3], digest[3:6]
    width, height = 320, 180
    noise = b"".join(hashlib.sha256(digest + b"%d" % n).digest() for n in range(width * 3))
    rows = []
    for y in range(height):
        wave_at = 120 + int(10 * math.sin(y / 7))
        if y < wave_at:
            rows.append(b"\x00" + sky * width)
        else:
            start = (y * 97) % (len(noise) - width * 3)
            speckle = noise[start : start + width * 3]
            rows.append(
                b"\x00" + bytes((c & 0x3F) | (sea[i % 3] & 0xC0) for i, c in enumerate(speckle))
            )

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def placeholder_wav(name: str) -> bytes:
    """A short deterministic recording for an audio player: two seconds of a soft chime whose
    pitch comes from a hash of the file name (8 kHz mono, 8-bit: 16 KB)."""
    rate, seconds = 8000, 2
    pitch = 330 + int(hashlib.sha1(name.encode()).hexdigest()[:4], 16) % 330
    samples = bytes(
        128 + round(40 * math.exp(-3 * t / rate) * math.sin(2 * math.pi * pitch * t / rate))
        for t in range(rate * seconds)
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(1)
        recording.setframerate(rate)
        recording.writeframes(samples)
    return out.getvalue()


# Each template links a stylesheet or script, as real pages do; serving small real files
# keeps a crawl of the demo free of 404s and makes pages readable in a browser.
STATIC_FILES: dict[str, tuple[str, bytes]] = {
    "/gazette/static/gazette.css": (
        "text/css; charset=utf-8",
        b"body{font-family:Georgia,serif;margin:0 auto;max-width:72rem;color:#1b1b1b}"
        b".gz-layout{display:grid;grid-template-columns:1fr 20rem;gap:2rem}"
        b".gz-cookie-banner{position:fixed;bottom:0;background:#052962;color:#fff;padding:1rem}"
        b".gz-read-also{border-top:3px solid #052962;padding:.5rem 0}\n",
    ),
    "/northwind/static/app.js": (
        "text/javascript; charset=utf-8",
        b"document.querySelectorAll('.consent-button').forEach(function (b) {"
        b" b.addEventListener('click', function () {"
        b" document.querySelector('.consent-overlay').remove(); }); });\n",
    ),
    "/vestnik/css/main.css": (
        "text/css; charset=utf-8",
        b"body{font:13px Verdana,Arial,sans-serif;background:#eee}"
        b"#wrapper{width:980px;margin:0 auto;background:#fff}"
        b"#content{float:left;width:700px}#right-column{float:right;width:260px}"
        b".vrezka{border:1px solid #c00;padding:8px;margin:10px 0}\n",
    ),
}
