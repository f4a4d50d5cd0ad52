"""Project-made pictures: abstract patterns drawn with Pillow from a page's
slug, so that the demo (and a new site) has images without borrowing any.
The same seed always gives the same picture."""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

# Named colours of the site's palette (all dark enough for white text on them).
COLOURS = {
    "violet": (91, 42, 134),
    "orange": (194, 65, 12),
    "teal": (15, 118, 110),
    "blue": (29, 78, 216),
}
KINDS = ("circles", "stripes", "tiles")


def choose(seed: str) -> tuple[str, str]:
    """The pattern and main colour for ``seed``."""
    digest = hashlib.sha256(seed.encode()).digest()
    return KINDS[digest[0] % len(KINDS)], list(COLOURS)[digest[1] % len(COLOURS)]


def _mix(colour, other, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def pattern(seed: str, width: int = 1200, height: int = 675) -> tuple[bytes, str, str]:
    """A PNG of an abstract pattern; returns (bytes, kind, colour name)."""
    kind, name = choose(seed)
    rng = random.Random(seed)
    base = COLOURS[name]
    accent = COLOURS[list(COLOURS)[(list(COLOURS).index(name) + 1) % len(COLOURS)]]
    image = Image.new("RGB", (width, height), _mix(base, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image, "RGBA")
    if kind == "circles":
        for _ in range(14):
            r = rng.randint(height // 10, height // 2)
            x, y = rng.randint(-r, width), rng.randint(-r, height)
            colour = base if rng.random() < 0.6 else accent
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, rng.randint(60, 150)))
    elif kind == "stripes":
        step = rng.randint(40, 90)
        angle = rng.uniform(0.3, 1.2)
        for i in range(-height // step - 2, (width + height) // step + 2):
            x = i * step
            colour = base if i % 3 else accent
            shift = height / math.tan(angle)
            draw.polygon(
                [
                    (x, 0),
                    (x + step * 0.6, 0),
                    (x + step * 0.6 - shift, height),
                    (x - shift, height),
                ],
                fill=(*colour, rng.randint(70, 170)),
            )
    else:
        size = rng.choice((75, 90, 120))
        for x in range(0, width, size):
            for y in range(0, height, size):
                roll = rng.random()
                colour = base if roll < 0.45 else accent if roll < 0.7 else None
                if colour is None:
                    continue
                shape = rng.randint(0, 2)
                box = (x + 6, y + 6, x + size - 6, y + size - 6)
                fill = (*colour, rng.randint(90, 220))
                if shape == 0:
                    draw.rectangle(box, fill=fill)
                elif shape == 1:
                    draw.ellipse(box, fill=fill)
                else:
                    draw.pieslice(box, rng.choice((0, 90, 180, 270)), 0, fill=fill)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), kind, name


def logo(seed: str, name: str, size: int = 400) -> bytes:
    """A square logo: the initials of ``name`` on a disc of the seed's colour."""
    _kind, colour = choose(seed)
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=COLOURS[colour])
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    initials = "".join(w[0] for w in words[:2]).upper() or "?"
    font = ImageFont.load_default(size=size // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    x = (size - (box[2] - box[0])) / 2 - box[0]
    y = (size - (box[3] - box[1])) / 2 - box[1]
    draw.text((x, y), initials, fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
