"""One public address for the whole site: the ``SITE_URL`` setting.

``SITE_URL`` (e.g. ``https://kb.example.org``) sets the default Wagtail
Site's hostname and port, hence the scheme of Wagtail's own full URLs
(``page.get_full_url``: sitemap, partner CSV, search API, OAI-PMH). It is
applied after every ``migrate`` (post_migrate), by ``manage.py
set_site_url`` and at the end of ``load_demo``. ``absolute_url`` makes every
other absolute URL the site writes (feeds, citation tags, JSON-LD, hreflang,
iCalendar) from it. When ``SITE_URL`` is empty, the request's host is used,
as Django does by default.

Wagtail derives the scheme from the port: 443 gives https, anything else
http. So https must use port 443 (the usual case, behind a proxy).
"""

from urllib.parse import urljoin, urlsplit

from django.core.exceptions import ImproperlyConfigured


def parse(url: str) -> tuple[str, str, int]:
    """``https://kb.example.org`` -> ``("https", "kb.example.org", 443)``;
    ImproperlyConfigured for anything but a bare http(s) origin."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_URL {url!r} is not a URL: {error}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must look like https://kb.example.org, not {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"SITE_URL is an origin only (no path or query): {url!r}")
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured("An https SITE_URL must use port 443 (Wagtail's rule).")
    return parts.scheme, parts.hostname, port


def site_url() -> str:
    from django.conf import settings

    return (getattr(settings, "SITE_URL", "") or "").rstrip("/")


def absolute_url(request, url: str) -> str:
    """``url`` (a path, or already absolute) as an absolute URL on SITE_URL,
    or on the request's host when SITE_URL is not set."""
    base = site_url()
    if base:
        return urljoin(base + "/", url)
    return request.build_absolute_uri(url)


def apply_site_url(using: str = "default", verbosity: int = 1) -> str:
    """Give the default Wagtail Site SITE_URL's hostname and port. Returns
    what was done, for the command's output."""
    from wagtail.models import Site

    base = site_url()
    if not base:
        return "SITE_URL is not set: the Site is left as it is."
    _scheme, hostname, port = parse(base)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return "There is no default Site yet."
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(using=using)
        Site.clear_site_root_paths_cache()
        return f"The default Site is now {site.root_url}."
    return f"The default Site is already {site.root_url}."


def on_post_migrate(sender, using="default", verbosity=1, **kwargs):
    """post_migrate: once per migrate, after the last app (Wagtail's
    tables exist by then)."""
    from django.db import DatabaseError

    try:
        message = apply_site_url(using)
    except DatabaseError:  # a partial migrate, e.g. of another app only
        return
    if verbosity > 1:
        print(message)
