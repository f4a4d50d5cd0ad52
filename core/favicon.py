"""/favicon.ico and /robots.txt, answered by Django (no proxy needed).

The icon is drawn here with Pillow, from the same shapes as
``static/icons/favicon.svg`` (a white "F" and an amber corner on teal), at
16, 32 and 48 pixels, once per process."""

from functools import lru_cache
from io import BytesIO

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.site_url import absolute_url

TEAL = (29, 78, 95, 255)
WHITE = (255, 255, 255, 255)
AMBER = (242, 177, 52, 255)


@lru_cache(maxsize=1)
def favicon_bytes() -> bytes:
    from PIL import Image, ImageDraw

    size = 128  # drawn large on the 32-unit grid of the SVG, then scaled down
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def grid(points):
        return [(x * size / 32, y * size / 32) for x, y in points]

    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 // 32, fill=TEAL)
    f_shape = [(8, 7), (24, 7), (24, 12), (13, 12), (13, 15), (22, 15), (22, 20), (13, 20)]
    draw.polygon(grid([*f_shape, (13, 25), (8, 25)]), fill=WHITE)
    draw.polygon(grid([(24, 20), (24, 25), (18, 25)]), fill=AMBER)
    out = BytesIO()
    image.save(out, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return out.getvalue()


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    return HttpResponse(favicon_bytes(), content_type="image/x-icon")


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; the admin and the JSON search
    are left out, and the sitemap is named by the site's public address."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
