"""Machine translation: configured by DEEPL_API_KEY, hidden without a
translator, and its suggestions are drafts marked for review."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

pytestmark = pytest.mark.django_db

TEST_TRANSLATOR = {"CLASS": "tests.i18n.machine.MarkingTestTranslator"}


def _edit_html(admin_client, page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_no_translator_no_button(admin_client, section, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    html = _edit_html(admin_client, section["de"]["paper"])
    assert "machineTranslator&quot;: null" in html
    assert "Test translator" not in html


def test_button_appears_with_a_translator(admin_client, section, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TEST_TRANSLATOR
    html = _edit_html(admin_client, section["de"]["paper"])
    assert "Test translator" in html
    translation = Translation.objects.get(
        source__object_id=section["en"]["paper"].translation_key,
        target_locale__language_code="de",
    )
    assert reverse("wagtail_localize:machine_translate", args=[translation.pk]) in html


def test_machine_suggestions_are_marked_and_not_published_unseen(admin_client, section, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TEST_TRANSLATOR
    paper = Page.objects.get(pk=section["en"]["paper"].pk).specific
    paper.summary = "Grants of a few thousand euros change what a hub can try."
    paper.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(paper)
    source.update_from_db()  # "Sync translated pages" without publishing
    translation = source.translations.get(target_locale__language_code="de")

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.get(
        locale__language_code="de", translation_of__data=paper.summary
    )
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert machine.tool_name == "Test translator"
    assert machine.data.startswith("[de] ")
    # Strings a person already translated are left alone.
    human = StringTranslation.objects.get(
        locale__language_code="de", translation_of__data="Micro-grants for hubs"
    )
    assert human.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL

    german = Page.objects.get(pk=section["de"]["paper"].pk).specific
    assert german.summary == "Kleine Zuschüsse halten kleine Hubs am Leben."

    # Saving the translation as a draft (the editor's "Save draft") keeps the
    # machine text off the live page ...
    translation.save_target(user=None, publish=False)
    german = Page.objects.get(pk=german.pk).specific
    assert german.summary == "Kleine Zuschüsse halten kleine Hubs am Leben."
    assert german.has_unpublished_changes
    assert german.get_latest_revision_as_object().summary == machine.data
    page_html = admin_client.get("/de/policy-papers/micro-grants/").content.decode()
    assert "[de]" not in page_html

    # ... until a reviewer publishes it.
    german.get_latest_revision().publish()
    assert Page.objects.get(pk=german.pk).specific.summary == machine.data


def _setting_with(env):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='creativeflip.settings.test';"
        "from django.conf import settings;"
        "print(repr(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    )
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEEPL_API_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_deepl_is_chosen_by_its_api_key():
    assert _setting_with({}) == "None"
    configured = _setting_with({"DEEPL_API_KEY": "abc:fx"})
    assert "wagtail_localize.machine_translators.deepl.DeepLTranslator" in configured
    assert "abc:fx" in configured


def test_the_test_translator_is_not_in_any_settings_file():
    from pathlib import Path

    settings_dir = Path(__file__).resolve().parents[2] / "creativeflip" / "settings"
    for path in settings_dir.glob("*.py"):
        assert "MarkingTestTranslator" not in path.read_text()
