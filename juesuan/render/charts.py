"""Charts of the income and expenditure composition and the year-on-year changes.

Two drawings of the same :class:`~juesuan.render.document.Chart`: an SVG for HTML
(interactive in a browser: every slice and bar carries a tooltip and highlights on hover)
and a PNG for DOCX and PDF, drawn with Pillow.

Why not matplotlib (STACK.md §8): importing it takes about 1.2 s and each PNG about
100 ms, which alone breaks the 100 ms budget of a DOCX; Pillow (also used by ``juesuan
debug``) draws both charts in a few milliseconds. Amounts become floats here, for
drawing only; every printed figure is formatted from the Decimal.
"""

from __future__ import annotations

import functools
import io
import math
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from juesuan.render import numbers
from juesuan.render.document import Chart

PALETTE = ("#c0392b", "#2471a3", "#d68910", "#229954", "#7d3c98", "#5d6d7e", "#a04000", "#138d75")
PREVIOUS_COLOUR = "#aab7b8"
WIDTH, HEIGHT = 640, 300
FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"
#: Where Debian's fonts-noto-cjk puts the font; index 2 of the collection is Simplified Chinese.
FONT_FILES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
)


def _labels(chart: Chart) -> list[str]:
    total = sum(chart.values, Decimal(0))
    return [
        f"{label} {numbers.money(value)}万元（{numbers.share(value, total)[1:]}）"
        for label, value in zip(chart.labels, chart.values, strict=True)
    ]


def _pie_points(chart: Chart) -> list[tuple[float, float]]:
    """(start, end) angles in radians of each slice, clockwise from twelve o'clock."""
    total = float(sum(chart.values)) or 1.0
    angles, start = [], -math.pi / 2
    for value in chart.values:
        end = start + 2 * math.pi * float(value) / total
        angles.append((start, end))
        start = end
    return angles


def svg(chart: Chart) -> str:
    """The chart as an inline SVG element."""
    body = _svg_pie(chart) if chart.kind == "pie" else _svg_bars(chart)
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(chart.title)}" '
        f'font-family="{FONT}" font-size="13">'
        f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">'
        f"{escape(chart.title)}</text>{body}</svg>"
    )


def _svg_pie(chart: Chart) -> str:
    cx, cy, radius = 150.0, 165.0, 110.0
    parts: list[str] = []
    labels = _labels(chart)
    for index, (start, end) in enumerate(_pie_points(chart)):
        colour = PALETTE[index % len(PALETTE)]
        tip = f"<title>{escape(labels[index])}</title>"
        if end - start >= 2 * math.pi - 1e-9:
            parts.append(
                f'<circle class="slice" cx="{cx}" cy="{cy}" r="{radius}" fill="{colour}">{tip}</circle>'
            )
        else:
            large = 1 if end - start > math.pi else 0
            x0, y0 = cx + radius * math.cos(start), cy + radius * math.sin(start)
            x1, y1 = cx + radius * math.cos(end), cy + radius * math.sin(end)
            path = f"M{cx},{cy} L{x0:.2f},{y0:.2f} A{radius},{radius} 0 {large} 1 {x1:.2f},{y1:.2f} Z"
            parts.append(f'<path class="slice" d="{path}" fill="{colour}" stroke="#fff">{tip}</path>')
        y = 80 + index * 26
        parts.append(f'<rect x="300" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="322" y="{y + 1}">{escape(labels[index])}</text>')
    return "".join(parts)


def _bar_scale(chart: Chart) -> float:
    values = [float(v) for v in chart.values] + [float(p) for p in chart.previous if p is not None]
    return max([*values, 1.0])


def _svg_bars(chart: Chart) -> str:
    top, bottom, left = 50.0, HEIGHT - 40.0, 40.0
    slot = (WIDTH - left - 20) / max(len(chart.labels), 1)
    scale = (bottom - top - 20) / _bar_scale(chart)
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - 20}" y2="{bottom}" stroke="#555"/>']
    for index, label in enumerate(chart.labels):
        x = left + slot * index + slot * 0.15
        bar = slot * 0.3
        pairs = (
            (chart.previous[index] if chart.previous else None, PREVIOUS_COLOUR, "上年"),
            (chart.values[index], PALETTE[1], "本年"),
        )
        for offset, (value, colour, word) in enumerate(pairs):
            if value is None:
                continue
            height = float(value) * scale
            x0 = x + offset * bar
            text = f"{label}（{word}）{numbers.money(value)}万元"
            parts.append(
                f'<rect class="bar" x="{x0:.1f}" y="{bottom - height:.1f}" width="{bar - 2:.1f}" '
                f'height="{height:.1f}" fill="{colour}"><title>{escape(text)}</title></rect>'
                f'<text x="{x0 + bar / 2:.1f}" y="{bottom - height - 4:.1f}" text-anchor="middle" '
                f'font-size="11">{numbers.money(value)}</text>'
            )
        parts.append(f'<text x="{x + bar:.1f}" y="{bottom + 18}" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<rect x="{WIDTH - 170}" y="34" width="12" height="12" fill="{PREVIOUS_COLOUR}"/>')
    parts.append(f'<text x="{WIDTH - 153}" y="45">上年</text>')
    parts.append(f'<rect x="{WIDTH - 110}" y="34" width="12" height="12" fill="{PALETTE[1]}"/>')
    parts.append(f'<text x="{WIDTH - 93}" y="45">本年</text>')
    return "".join(parts)


@functools.cache
def _font(size: int) -> Any:
    from PIL import ImageFont  # noqa: PLC0415 - Pillow is loaded only when a PNG is drawn

    for path, index in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size, index=index)
    return ImageFont.load_default(size)


def png(chart: Chart, scale: int = 3) -> bytes:
    """The chart as a PNG, 1.5 × its nominal size (drawn at 3×, halved: smooth edges)."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - as above: HTML never pays for it

    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    title = _font(16 * scale)
    draw.text((WIDTH * scale / 2, 12 * scale), chart.title, font=title, fill="black", anchor="mt")
    if chart.kind == "pie":
        _png_pie(draw, chart, scale)
    else:
        _png_bars(draw, chart, scale)
    image = image.reduce(2)  # a box filter: a fifth of the time of LANCZOS, as smooth at 2:1
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # level 6 is 50 % slower for 25 % less
    return buffer.getvalue()


def _png_pie(draw: Any, chart: Chart, s: int) -> None:
    cx, cy, r = 150 * s, 165 * s, 110 * s
    labels, font = _labels(chart), _font(13 * s)
    for index, (start, end) in enumerate(_pie_points(chart)):
        colour = PALETTE[index % len(PALETTE)]
        box = (cx - r, cy - r, cx + r, cy + r)
        draw.pieslice(box, math.degrees(start), math.degrees(end), fill=colour, outline="white", width=s)
        y = (80 + index * 26) * s
        draw.rectangle((300 * s, y - 11 * s, 314 * s, y + 3 * s), fill=colour)
        draw.text((322 * s, y - 4 * s), labels[index], font=font, fill="black", anchor="lm")


def _png_bars(draw: Any, chart: Chart, s: int) -> None:
    top, bottom, left = 50.0, HEIGHT - 40.0, 40.0
    slot = (WIDTH - left - 20) / max(len(chart.labels), 1)
    scale = (bottom - top - 20) / _bar_scale(chart)
    font, small = _font(13 * s), _font(11 * s)
    draw.line((left * s, bottom * s, (WIDTH - 20) * s, bottom * s), fill="#555555", width=s)
    for index, label in enumerate(chart.labels):
        x, bar = left + slot * index + slot * 0.15, slot * 0.3
        pairs = (
            (chart.previous[index] if chart.previous else None, PREVIOUS_COLOUR),
            (chart.values[index], PALETTE[1]),
        )
        for offset, (value, colour) in enumerate(pairs):
            if value is None:
                continue
            height = float(value) * scale
            x0 = x + offset * bar
            draw.rectangle((x0 * s, (bottom - height) * s, (x0 + bar - 2) * s, bottom * s), fill=colour)
            draw.text(
                ((x0 + bar / 2) * s, (bottom - height - 4) * s),
                numbers.money(value),
                font=small,
                fill="black",
                anchor="mb",
            )
        draw.text(((x + bar) * s, (bottom + 8) * s), label, font=font, fill="black", anchor="mt")
    for x, colour, word in ((WIDTH - 170, PREVIOUS_COLOUR, "上年"), (WIDTH - 110, PALETTE[1], "本年")):
        draw.rectangle((x * s, 34 * s, (x + 12) * s, 46 * s), fill=colour)
        draw.text(((x + 17) * s, 40 * s), word, font=font, fill="black", anchor="lm")
