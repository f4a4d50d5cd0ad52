"""A simplified map of Europe, drawn for this project.

Outlines are a few dozen hand-placed longitude/latitude points per land mass
(no borders, no third-party data), projected with a plain equirectangular
projection scaled by cos(52°) so Europe keeps a familiar shape. The same
projection places the partners' markers. ``python -m partners.europe`` writes
static/img/europe.svg."""

import math
from pathlib import Path

WEST, EAST, SOUTH, NORTH = -12.0, 35.0, 34.0, 71.5
SCALE = 16.0  # SVG units per degree of latitude
X_FACTOR = math.cos(math.radians(52))
WIDTH = round((EAST - WEST) * X_FACTOR * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)

# Land masses as (longitude, latitude) rings.
LAND = {
    "mainland": [
        (-8.9, 37.0),
        (-9.5, 38.8),
        (-8.9, 41.8),
        (-9.3, 43.0),
        (-7.7, 43.7),
        (-3.8, 43.5),
        (-1.8, 43.4),
        (-1.2, 45.5),
        (-2.2, 47.2),
        (-4.6, 48.4),
        (-1.6, 48.7),
        (-1.3, 49.7),
        (0.2, 49.5),
        (1.6, 50.9),
        (3.0, 51.3),
        (4.5, 52.5),
        (5.2, 53.4),
        (7.0, 53.5),
        (8.6, 53.9),
        (8.1, 55.5),
        (8.6, 57.1),
        (10.6, 57.7),
        (10.3, 56.3),
        (9.9, 55.0),
        (10.8, 54.0),
        (12.5, 54.5),
        (14.2, 53.9),
        (16.5, 54.5),
        (18.6, 54.7),
        (21.1, 55.7),
        (21.0, 56.8),
        (22.6, 57.6),
        (24.1, 57.0),
        (23.5, 58.5),
        (24.0, 59.3),
        (28.0, 59.5),
        (30.3, 59.9),
        (28.0, 60.5),
        (22.9, 59.8),
        (21.4, 60.9),
        (21.5, 63.0),
        (25.0, 65.0),
        (24.2, 65.8),
        (22.0, 65.6),
        (21.0, 64.5),
        (19.0, 63.3),
        (17.4, 62.3),
        (17.1, 61.0),
        (18.8, 60.0),
        (18.3, 59.3),
        (16.6, 58.2),
        (16.4, 56.5),
        (14.3, 55.5),
        (12.9, 55.4),
        (12.6, 56.2),
        (11.8, 57.7),
        (11.2, 59.0),
        (10.6, 59.9),
        (9.5, 59.0),
        (7.0, 58.0),
        (5.6, 58.9),
        (5.0, 60.4),
        (5.0, 62.0),
        (8.0, 63.5),
        (10.5, 64.5),
        (13.0, 66.0),
        (15.5, 68.3),
        (18.9, 69.7),
        (23.7, 70.9),
        (25.8, 71.1),
        (28.0, 71.0),
        (31.0, 70.3),
        (33.1, 69.3),
        (35.0, 69.2),
        (35.0, 46.8),
        (33.5, 46.0),
        (31.0, 46.6),
        (30.7, 46.4),
        (29.7, 45.3),
        (28.6, 44.0),
        (27.9, 42.7),
        (28.0, 41.6),
        (29.0, 41.2),
        (31.5, 41.2),
        (35.0, 42.0),
        (35.0, 36.6),
        (32.0, 36.1),
        (30.6, 36.8),
        (28.0, 36.7),
        (26.5, 38.4),
        (26.2, 39.9),
        (26.0, 40.8),
        (24.0, 40.8),
        (23.0, 40.3),
        (22.9, 40.6),
        (22.6, 40.0),
        (23.0, 39.0),
        (24.0, 38.2),
        (23.1, 37.4),
        (22.8, 36.5),
        (21.7, 36.8),
        (21.1, 37.8),
        (21.3, 38.4),
        (20.7, 39.0),
        (20.0, 39.7),
        (19.4, 40.4),
        (19.5, 41.8),
        (18.5, 42.4),
        (16.4, 43.5),
        (15.2, 44.3),
        (14.3, 45.2),
        (13.7, 45.6),
        (12.3, 45.4),
        (12.3, 44.5),
        (13.6, 43.6),
        (14.2, 42.4),
        (16.1, 41.9),
        (17.0, 41.1),
        (18.5, 40.1),
        (17.2, 40.4),
        (16.5, 39.6),
        (17.1, 39.0),
        (16.0, 38.0),
        (15.6, 38.2),
        (16.2, 39.3),
        (15.6, 40.0),
        (14.3, 40.8),
        (12.4, 41.7),
        (11.1, 42.4),
        (10.3, 43.5),
        (8.9, 44.4),
        (7.3, 43.7),
        (5.4, 43.3),
        (4.1, 43.5),
        (3.1, 43.0),
        (3.2, 41.9),
        (2.2, 41.4),
        (0.8, 41.0),
        (-0.3, 39.5),
        (0.2, 38.7),
        (-0.8, 37.6),
        (-2.1, 36.7),
        (-4.4, 36.7),
        (-5.6, 36.0),
        (-6.3, 36.5),
        (-7.4, 37.2),
    ],
    "great-britain": [
        (-5.7, 50.1),
        (-3.5, 50.3),
        (1.3, 51.1),
        (1.7, 52.6),
        (0.3, 53.4),
        (-0.1, 54.5),
        (-1.6, 55.6),
        (-2.1, 57.1),
        (-1.8, 57.6),
        (-3.0, 58.6),
        (-5.0, 58.6),
        (-6.2, 57.5),
        (-5.6, 56.3),
        (-5.0, 55.0),
        (-3.2, 54.9),
        (-3.0, 53.8),
        (-4.6, 53.3),
        (-4.2, 52.2),
        (-5.2, 51.8),
        (-3.0, 51.5),
        (-4.5, 51.2),
    ],
    "ireland": [
        (-6.0, 52.1),
        (-6.2, 53.3),
        (-6.0, 54.0),
        (-5.5, 54.6),
        (-6.2, 55.2),
        (-7.3, 55.4),
        (-8.5, 54.5),
        (-10.0, 54.2),
        (-9.9, 53.4),
        (-9.5, 52.6),
        (-10.4, 52.1),
        (-9.8, 51.5),
        (-8.2, 51.8),
        (-6.4, 52.2),
    ],
    "zealand": [(11.0, 55.4), (12.5, 55.0), (12.6, 55.7), (12.3, 56.1), (11.2, 55.9)],
    "sardinia": [(8.4, 41.2), (9.6, 41.0), (9.8, 40.0), (9.6, 39.1), (8.6, 38.9), (8.4, 39.9)],
    "corsica": [(9.4, 43.0), (9.6, 42.2), (9.2, 41.4), (8.6, 41.9), (8.6, 42.6)],
    "sicily": [
        (12.4, 38.1),
        (13.4, 38.2),
        (15.6, 38.3),
        (15.1, 37.3),
        (15.1, 36.7),
        (14.3, 37.0),
        (12.6, 37.6),
    ],
    "crete": [(23.5, 35.6), (24.3, 35.4), (26.3, 35.3), (25.8, 35.0), (24.0, 35.2), (23.6, 35.2)],
    "cyprus": [(32.3, 35.1), (33.0, 35.4), (34.6, 35.7), (33.9, 35.1), (33.0, 34.6), (32.4, 34.7)],
    "north-africa": [
        (-6.8, 34.0),
        (-5.9, 35.8),
        (-2.0, 35.1),
        (1.0, 36.5),
        (3.1, 36.8),
        (8.6, 36.9),
        (10.2, 37.2),
        (11.1, 36.9),
        (10.4, 36.0),
        (10.8, 35.0),
        (10.1, 34.0),
    ],
}


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG coordinates of a place; points outside the frame are clamped."""
    lon = min(max(float(longitude), WEST), EAST)
    lat = min(max(float(latitude), SOUTH), NORTH)
    return (
        round((lon - WEST) * X_FACTOR * SCALE, 1),
        round((NORTH - lat) * SCALE, 1),
    )


def in_frame(latitude, longitude) -> bool:
    return SOUTH <= float(latitude) <= NORTH and WEST <= float(longitude) <= EAST


def _path(ring) -> str:
    points = [project(lat, lon) for lon, lat in ring]
    head, *tail = points
    return f"M{head[0]},{head[1]} " + " ".join(f"L{x},{y}" for x, y in tail) + " Z"


def svg() -> str:
    lines = []
    for lon in range(-10, 36, 10):
        x, _ = project(SOUTH, lon)
        lines.append(f'<path d="M{x},0 V{HEIGHT}"/>')
    for lat in range(40, 71, 10):
        _, y = project(lat, WEST)
        lines.append(f'<path d="M0,{y} H{WIDTH}"/>')
    land = "".join(f'<path id="{name}" d="{_path(ring)}"/>' for name, ring in LAND.items())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#e8f1f7"/>'
        f'<g fill="none" stroke="#c9dbe7" stroke-width="0.8">{"".join(lines)}</g>'
        f'<g fill="#f4efe4" stroke="#8a8171" stroke-width="1" stroke-linejoin="round">{land}</g>'
        "</svg>\n"
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "static" / "img" / "europe.svg"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg())
    print(f"wrote {target} ({WIDTH}x{HEIGHT})")
