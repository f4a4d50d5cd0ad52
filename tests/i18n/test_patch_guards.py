"""Guard of core/patches/draft_translations.py: wagtail-localize still
writes a draft translation into the live row. When this fails, upstream
keeps drafts in revisions and the patch can go."""

import pytest
from wagtail.models import Page

from core.patches import draft_translations

pytestmark = pytest.mark.django_db

DRAFT = {"Micro-grants for hubs": {"fr": "Microsubventions (brouillon)"}}


@pytest.fixture
def unpatched():
    draft_translations.disconnect()
    yield
    draft_translations.connect()


def test_upstream_still_writes_drafts_into_the_live_row(section, translate, unpatched):
    paper = section["en"]["paper"]
    translate(paper, "fr", DRAFT, publish=False)
    french = Page.objects.get(pk=section["fr"]["paper"].pk)
    assert french.live
    assert french.title == "Microsubventions (brouillon)"  # unreviewed text is live


def test_the_patch_keeps_the_live_row(section, translate):
    paper = section["en"]["paper"]
    translate(paper, "fr", DRAFT, publish=False)
    french = Page.objects.get(pk=section["fr"]["paper"].pk)
    assert french.title == "Micro-subventions pour hubs"
    assert french.get_latest_revision_as_object().title == "Microsubventions (brouillon)"
