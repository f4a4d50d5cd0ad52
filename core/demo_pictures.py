"""Demo step: a generated picture (core/pictures.py) for every case story,
news item, learning module and learning path, with alt text in every
language, and a generated logo for every hub. Runs after the steps that
create those pages; the images live in the collection "Demo pictures"."""

import io
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from core.pictures import choose, logo, pattern

DATA = Path(__file__).parent / "demo_data" / "pictures.yaml"
LANGUAGES = ("en", "de", "fr", "it", "es", "pl", "el")


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


def _page_models():
    from knowledgebase.models import CaseStoryPage, NewsPage
    from learning.models import LearningModulePage, LearningPathPage

    return [CaseStoryPage, NewsPage, LearningModulePage, LearningPathPage]


def load(context):
    from partners.models import HubPage

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    english = Locale.objects.get(language_code="en")
    count = 0
    for model in _page_models():
        for page in model.objects.filter(locale=english):
            image = _image(
                f"Picture: {page.slug}", f"{page.slug}.png", lambda s=page.slug: pattern(s)[0]
            )
            kind, colour = choose(page.slug)
            alts = alt_texts(kind, colour, data)
            if page.image_id != image.pk or page.image_alt != alts["en"]:
                page.image, page.image_alt = image, alts["en"]
                page.save_revision().publish()
            context.translate(page, {alts["en"]: {c: t for c, t in alts.items() if c != "en"}})
            count += 1
    for hub in HubPage.objects.filter(locale=english):
        image = _image(
            f"Logo: {hub.slug}", f"logo-{hub.slug}.png", lambda h=hub: logo(h.slug, h.title)
        )
        if hub.logo_id != image.pk:
            hub.logo = image
            hub.save_revision().publish()
        context.translate(hub, {})
        count += 1
    context.step(f"pictures: {count} pages and hubs")
