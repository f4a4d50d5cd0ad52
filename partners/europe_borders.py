"""Redraw static/img/europe.svg with country borders from Natural Earth
(public domain), read from the TopoJSON of the npm package world-atlas:

    npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    python -m partners.europe_borders package/countries-50m.json

Each country's rings are decoded, projected with the map's projection
(partners/europe.py, the same one that places the markers), thinned to points
at least MIN_STEP map units apart, and written as one path per country. The
SVG is shipped; nothing is downloaded at run time or in tests."""

import json
import sys
from pathlib import Path

from partners.europe import EAST, HEIGHT, NORTH, SCALE, SOUTH, WEST, WIDTH, X_FACTOR

MIN_STEP = 2.0  # map units (the map is 463 wide)
MIN_AREA = 8.0  # square map units: smaller islands are left out
MARGIN = 4.0  # degrees outside the frame still drawn, so coasts run off the edge
# Points far outside the frame are pulled onto this box (off the visible map),
# which also tames rings that cross the antimeridian (Russia, Fiji).
CLAMP = (-40.0, 70.0, 20.0, 85.0)


def _arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(points)
    return decoded


def _ring(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def _project(lon, lat):
    return ((lon - WEST) * X_FACTOR * SCALE, (NORTH - lat) * SCALE)


def _near_frame(ring) -> bool:
    return any(
        WEST - MARGIN <= lon <= EAST + MARGIN and SOUTH - MARGIN <= lat <= NORTH + MARGIN
        for lon, lat in ring
    )


def _area(points) -> float:
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def _path(ring) -> str:
    kept = []
    west, east, south, north = CLAMP
    shift, previous = 0.0, None
    for lon, lat in ring:
        # Unwrap rings that cross the antimeridian so they stay on one side.
        if previous is not None and abs(lon - previous) > 180:
            shift += 360 if lon < previous else -360
        previous = lon
        lon = lon + shift
        x, y = _project(min(max(lon, west), east), min(max(lat, south), north))
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    if len(kept) < 4 or _area(kept) < MIN_AREA:
        return ""
    head, *tail = kept
    return f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f"L{x:.1f},{y:.1f}" for x, y in tail) + "Z"


def country_paths(topology) -> list[tuple[str, str]]:
    arcs = _arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        drawn = ""
        for polygon in polygons:
            for ring_arcs in polygon:
                ring = _ring(ring_arcs, arcs)
                if _near_frame(ring):
                    drawn += _path(ring)
        if drawn:
            paths.append((geometry.get("properties", {}).get("name", ""), drawn))
    return paths


def svg(topology) -> str:
    countries = "".join(
        f'<path d="{d}"><title>{name}</title></path>' for name, d in country_paths(topology)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">'
        "<!-- Country borders: Natural Earth 1:50m (public domain), via world-atlas. -->"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#e8f1f7"/>'
        '<g fill="#f4efe4" stroke="#9a9080" stroke-width="0.7" stroke-linejoin="round">'
        f"{countries}</g></svg>\n"
    )


if __name__ == "__main__":
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    target = Path(__file__).resolve().parent.parent / "static" / "img" / "europe.svg"
    target.write_text(svg(topology), encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes)")
