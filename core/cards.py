"""Cards of pages of mixed types, in a fixed number of queries whatever the
types.

A card shows a page's title, link, summary and picture. ``summary`` and the
picture are fields of each page type's own table (``core.models.BasePage``
is abstract), so ``.specific()`` would cost one query per type shown.
``card_pages`` loads the plain pages and adds their summaries and picture
ids with one UNION over the types present; ``with_pictures`` then loads the
pictures of every card, with their renditions, in one query.
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast
from wagtail.images import get_image_model

# The fields a card takes its picture from, in order: a page's own picture,
# else a partner's logo.
PICTURE_FIELDS = ("image", "logo")


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return False
    return True


def picture_field(model) -> str | None:
    """The name of the field a card of ``model`` takes its picture from."""
    return next((name for name in PICTURE_FIELDS if _has_field(model, name)), None)


def picture_id(obj) -> int | None:
    """The id of the card picture of ``obj`` (a specific page), no query."""
    name = picture_field(type(obj))
    return getattr(obj, f"{name}_id", None) if name else None


def card_pages(pages, also=()) -> list:
    """``pages`` (plain ``Page`` objects, or a queryset of them) as a list,
    each with ``summary`` set ("" for a type without one) and ``image`` (the
    card picture, with its renditions, or None): two queries. The pictures
    of ``also`` (specific pages, e.g. the page listing these cards) are read
    in the same query."""
    pages = list(pages)
    by_model = defaultdict(list)
    for page in pages:
        by_model[page.specific_class].append(page.pk)
    parts = []
    for model, pks in by_model.items():
        # Annotations only, in one order: every part of the UNION then has
        # the same columns in the same places (Django puts named fields
        # before annotations).
        field = picture_field(model)
        columns = {
            "card_summary": (
                F("summary") if _has_field(model, "summary") else Value("", CharField())
            ),
            # A typed NULL: PostgreSQL makes two untyped NULLs text.
            "card_picture": F(field) if field else Cast(Value(None), IntegerField()),
        }
        parts.append(
            model.objects.filter(pk__in=pks)
            .order_by()
            .annotate(**columns)
            .values_list("pk", "card_summary", "card_picture")
        )
    rows = parts[0].union(*parts[1:], all=True) if parts else []
    found = {pk: (summary, image_id) for pk, summary, image_id in rows}
    for page in pages:
        page.summary, page.card_image_id = found.get(page.pk, ("", None))
    others = [(obj, picture_field(type(obj))) for obj in also]
    others = [(obj, name) for obj, name in others if name]
    pictures = load_pictures(
        [page.card_image_id for page in pages]
        + [getattr(obj, f"{name}_id", None) for obj, name in others]
    )
    for page in pages:
        page.image = pictures.get(page.card_image_id)
    for obj, name in others:
        if getattr(obj, f"{name}_id", None) in pictures:
            setattr(obj, name, pictures[getattr(obj, f"{name}_id")])
    return pages


def load_pictures(ids, specs=None) -> dict:
    """Images by id, each with all its renditions (or those of the filter
    ``specs`` only), in one query (read from the renditions, joined to
    their image), however many cards show them; images that have no such
    rendition yet (before their first view) take one more. Uses Wagtail's
    ``prefetched_renditions`` attribute, which
    ``ImageQuerySet.prefetch_renditions`` also fills."""
    wanted = {pk for pk in ids if pk}
    if not wanted:
        return {}
    image_model = get_image_model()
    renditions = image_model.get_rendition_model().objects.filter(image_id__in=wanted)
    if specs is not None:
        renditions = renditions.filter(filter_spec__in=specs)
    images = {}
    for rendition in renditions.select_related("image"):
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        rendition.image = image
        image.prefetched_renditions.append(rendition)
    missing = wanted - set(images)
    if missing:
        for image in image_model.objects.filter(pk__in=missing):
            image.prefetched_renditions = []
            images[image.pk] = image
    return images


def with_pictures(items) -> None:
    """Give every card of a listing its picture (``image`` or ``logo``, as
    the model has it) in one query, whatever the number of cards and
    types, instead of one query per card."""
    fields = [(item, picture_field(type(item))) for item in items]
    fields = [(item, name) for item, name in fields if name]
    pictures = load_pictures(getattr(item, f"{name}_id", None) for item, name in fields)
    for item, name in fields:
        picture = pictures.get(getattr(item, f"{name}_id", None))
        if picture is not None:
            setattr(item, name, picture)
