"""The partner map's country borders (partners/europe_borders.py) and the
shipped SVG; markers are 44 px targets with a label."""

import re
from pathlib import Path

from defusedxml import ElementTree as ET

from partners.europe import HEIGHT, WIDTH
from partners.europe_borders import country_paths, svg

SHIPPED = Path(__file__).resolve().parents[2] / "static" / "img" / "europe.svg"


def topology(*countries):
    """A TopoJSON with one arc per country ring, quantised to whole units of
    0.01 degree (the format world-atlas uses)."""
    arcs, geometries = [], []
    for name, ring in countries:
        points = [(round(lon * 100), round(lat * 100)) for lon, lat in ring]
        deltas = [points[0]] + [
            (x - px, y - py) for (px, py), (x, y) in zip(points, points[1:], strict=False)
        ]
        geometries.append({"type": "Polygon", "arcs": [[len(arcs)]], "properties": {"name": name}})
        arcs.append(deltas)
    return {
        "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
        "arcs": arcs,
        "objects": {"countries": {"geometries": geometries}},
    }


def coordinates(d):
    return [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", d)]


def test_a_country_in_the_frame_becomes_one_closed_path():
    square = [(5, 45), (10, 45), (10, 50), (5, 50), (5, 45)]
    ((name, d),) = country_paths(topology(("Squareland", square)))
    assert name == "Squareland" and d.startswith("M") and d.endswith("Z")
    assert all(0 <= x <= WIDTH and 0 <= y <= HEIGHT for x, y in coordinates(d))


def test_far_away_countries_and_specks_are_left_out():
    far = [(100, 10), (110, 10), (110, 20), (100, 20), (100, 10)]
    speck = [(5, 45), (5.05, 45), (5.05, 45.05), (5, 45.05), (5, 45)]
    assert country_paths(topology(("Far", far), ("Speck", speck))) == []


def test_a_ring_across_the_antimeridian_draws_no_band_over_europe():
    ring = [(30, 66), (179.9, 66), (-179.9, 66), (-170, 69), (179.9, 69), (30, 69), (30, 66)]
    ((_name, d),) = country_paths(topology(("Wide", ring)))
    xs = [x for x, _y in coordinates(d)]
    # Every point stays at the east edge of Europe or beyond, none to the west.
    assert min(xs) >= coordinates(svg_path_x_of(30))[0][0] - 0.1


def svg_path_x_of(lon):
    ((_n, d),) = country_paths(
        topology(("Probe", [(lon, 50), (lon + 5, 50), (lon + 5, 55), (lon, 55), (lon, 50)]))
    )
    return d


def test_the_shipped_map_has_country_borders_and_says_where_they_come_from():
    text = SHIPPED.read_text(encoding="utf-8")
    assert "Natural Earth" in text
    root = ET.fromstring(text)
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) >= 40
    names = {p.findtext("{http://www.w3.org/2000/svg}title") for p in paths}
    assert {"Portugal", "Germany", "Greece", "Estonia"} <= names
    assert root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    assert svg(topology()).startswith("<svg")


def test_markers_have_a_44_px_hit_area_and_a_label(client, directory, partners):
    html = client.get(directory.url).content.decode()
    assert html.count('<circle class="partner-map__hit"') == 4
    # 18 map units of radius are 44 px at the map's smallest drawn width (36rem).
    # (matched on the hit circles alone: a partner's pk can be 18 too)
    assert len(re.findall(r'<circle class="partner-map__hit"[^>]* r="18"/>', html)) == 4
    labels = re.findall(
        r'<text class="partner-map__label"[^>]*aria-hidden="true">([^<]+)</text>', html
    )
    assert len(labels) == 4 and all(label.strip() for label in labels)
