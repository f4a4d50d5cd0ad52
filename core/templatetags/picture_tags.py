"""``{% card_picture image %}``: a card's ``<picture>``, kept in this process.

Wagtail's ``{% picture %}`` tag (in ``components/card_picture_markup.html``)
costs about as much as the rest of a card: it expands its filter specs,
finds each rendition, asks the storage for each URL and writes the
attributes. A listing shows the same pictures over and over, so the markup
is kept in a dict of this process (at most ``MAX_ENTRIES``, each for
``TIMEOUT`` seconds, emptied when a setting changes, e.g. the storage or
``MEDIA_URL`` in a test). The markup is still made by that template.

What the key holds, and why (read from ``wagtail/images/models.py``,
``AbstractImage.get_renditions`` and ``find_existing_renditions``): the
markup is made of the URLs and sizes of the renditions Wagtail picks. It
picks, for each filter spec, the rendition whose ``filter_spec`` and
``focal_point_key`` match; the focal point key is a hash of the image's
focal point. So the key holds the image's id, file name, file hash, width
and height (the file and which specs apply) and its focal point, and

- when the image's renditions were read with it (``prefetch_related
  ("renditions")``, or ``prefetched_renditions`` as ``core.cards`` does),
  the id of the rendition each spec would use, found the way Wagtail finds
  it. A rendition that is deleted and made again gets a new id, hence a new
  key. If one is missing, the tag makes it now (or, when the original file
  is gone, Wagtail shows "not-found" markup); that markup is not kept, so
  the next listing, which reads the new rendition, keeps its own.
- otherwise, the filter specs only. Wagtail then looks in its rendition
  cache first, under the image's id, file hash (empty for an image not
  uploaded through the admin), focal point key and spec
  (``construct_cache_key``): no more than this key holds. Not seen by this
  key: a rendition deleted and made again while the image stays the same
  (by a management command: a new file has a new name; Wagtail drops the
  deleted one from its cache, but other processes keep this markup), or an
  original file found again after "not-found" markup was shown. The old
  markup then shows for at most ``TIMEOUT`` seconds.

The alt text is not in the key: the template sets ``alt=""``.
"""

import threading
import time

from django import template
from django.core.signals import setting_changed
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter

register = template.Library()

MARKUP_TEMPLATE = "components/card_picture_markup.html"
MAX_ENTRIES = 2000
TIMEOUT = 600  # seconds

# The renditions the markup template asks for: two widths from WIDE_MIN
# pixels up, one below (keep these in step with the template).
WIDE_MIN = 800
WIDE_FILTERS = tuple(
    Filter(spec) for spec in Filter.expand_spec(["format-{webp,jpeg}", "fill-{400x225,800x450}"])
)
NARROW_FILTERS = tuple(
    Filter(spec) for spec in Filter.expand_spec(["format-{webp,jpeg}", "fill-400x225"])
)

# The filter specs of every rendition a card may show (``load_pictures``
# reads only these).
CARD_RENDITIONS = tuple(sorted({f.spec for f in WIDE_FILTERS + NARROW_FILTERS}))

_markup: dict = {}  # key -> (expiry, markup)
_lock = threading.Lock()


def filters_for(image) -> tuple:
    """The filters the markup template uses for ``image``."""
    return WIDE_FILTERS if image.width >= WIDE_MIN else NARROW_FILTERS


def _prefetched(image):
    # As Wagtail's AbstractImage._get_prefetched_renditions.
    if "renditions" in getattr(image, "_prefetched_objects_cache", {}):
        return image.renditions.all()
    return getattr(image, "prefetched_renditions", None)


def markup_key(image) -> tuple[tuple, bool]:
    """The key of ``image``'s markup, and whether the markup may be kept
    (not when a rendition it uses is still to be made)."""
    filters = filters_for(image)
    key = (
        image.pk,
        image.file.name,
        image.file_hash,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
    renditions = _prefetched(image)
    if renditions is None:
        return (*key, *(f.spec for f in filters)), image.pk is not None
    ids = []
    for f in filters:
        focal_point_key = f.get_cache_key(image)
        ids.append(
            next(
                (
                    r.pk
                    for r in renditions
                    if r.filter_spec == f.spec and r.focal_point_key == focal_point_key
                ),
                None,
            )
        )
    return (*key, *ids), image.pk is not None and None not in ids


@register.simple_tag
def card_picture(image):
    """The markup of ``components/card_picture_markup.html`` for ``image``,
    rendered once per ``markup_key``."""
    if not image:
        return ""
    key, keep = markup_key(image)
    now = time.monotonic()
    found = _markup.get(key)
    if found is not None and found[0] > now:
        return found[1]
    markup = mark_safe(get_template(MARKUP_TEMPLATE).render({"image": image}))  # noqa: S308 - a template's output
    if keep:
        with _lock:
            if len(_markup) >= MAX_ENTRIES:
                _markup.pop(next(iter(_markup)))  # the oldest
            _markup[key] = (now + TIMEOUT, markup)
    return markup


def clear(**_kwargs) -> None:
    """Forget every kept markup (a storage or media setting may have changed)."""
    with _lock:
        _markup.clear()


setting_changed.connect(clear, dispatch_uid="card-picture-setting-changed")
