import pytest
from django.core.management import call_command
from wagtail.models import Page

from core.models import Theme

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_skips_when_unchanged(capsys):
    """One test, because the full demo is slow: run it twice, compare, then
    check that --if-needed sees nothing to do."""
    call_command("load_demo")
    first = Page.objects.count()
    themes = Theme.objects.count()
    call_command("load_demo")
    out = capsys.readouterr().out
    assert Page.objects.count() == first
    assert Theme.objects.count() == themes == 5 * 7
    assert "Demo content ready" in out
    # Every page of the demo exists in all seven languages.
    for page in Page.objects.filter(depth__gte=2):
        assert page.get_translations(inclusive=True).count() == 7, page

    call_command("load_demo", "--if-needed")
    assert "up to date" in capsys.readouterr().out
