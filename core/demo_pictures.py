"""Demo step: a generated picture (core/pictures.py) for every page with a
picture (the ``PagePicture`` mixin: case stories, news, learning modules and
paths), with alt text in every language, and a generated logo for every page
type that says ``demo_logo`` (hubs). Runs after the steps that create those
pages; the images live in the collection "Demo pictures"."""

import functools
import io
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from core.languages import CODES
from core.pictures import choose, logo, pattern

DATA = Path(__file__).parent / "demo_data" / "pictures.yaml"
LANGUAGES = CODES


def _collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name="Demo pictures").first()
    return found or root.add_child(name="Demo pictures")


def _image(title: str, filename: str, make):
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = model(
        title=title, collection=_collection(), file=ImageFile(io.BytesIO(make()), name=filename)
    )
    image.save()
    return image


def alt_texts(kind: str, colour: str, data) -> dict[str, str]:
    return {
        code: data["patterns"][kind][code]
        + "; "
        + data["colours"]["label"][code].format(colour=data["colours"][colour][code])
        + "."
        for code in LANGUAGES
    }


def _page_models(kind: str) -> list:
    """The page types that get a picture (``kind="picture"``) or a logo."""
    from wagtail.models import get_page_models

    from core.models.pictures import PagePicture

    if kind == "picture":
        return [m for m in get_page_models() if issubclass(m, PagePicture)]
    return [m for m in get_page_models() if getattr(m, "demo_logo", False)]


@functools.cache
def _data():
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def prepare(instance, table):
    """Give an English page its picture (or a hub its logo) before it is
    translated, so that one translation pass carries image and alt text.
    Returns the table with the alt text's translations, and whether the
    page had to be published again."""
    from core.models.pictures import PagePicture

    if getattr(instance, "locale", None) is None or instance.locale.language_code != "en":
        return table, False
    if getattr(instance, "demo_logo", False):
        image = _image(
            f"Logo: {instance.slug}",
            f"logo-{instance.slug}.png",
            lambda: logo(instance.slug, instance.title),
        )
        if instance.logo_id == image.pk:
            return table, False
        instance.logo = image
        instance.save_revision().publish()
        return table, True
    if not isinstance(instance, PagePicture):
        return table, False
    image = _image(
        f"Picture: {instance.slug}", f"{instance.slug}.png", lambda: pattern(instance.slug)[0]
    )
    alts = alt_texts(*choose(instance.slug), _data())
    table = {**table, alts["en"]: {c: t for c, t in alts.items() if c != "en"}}
    if instance.image_id == image.pk and instance.image_alt == alts["en"]:
        return table, False
    instance.image, instance.image_alt = image, alts["en"]
    instance.save_revision().publish()
    return table, True


def load(context):
    """Pictures for pages the other steps did not translate through
    DemoContext.translate (which calls prepare); usually nothing to do."""
    english = Locale.objects.get(language_code="en")
    added = 0
    for model in (*_page_models("picture"), *_page_models("logo")):
        for page in model.objects.filter(locale=english):
            _table, changed = prepare(page, {})
            if changed:
                context.translate(page)
                added += 1
    context.step(f"pictures: {added} added after the other steps")
