import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from core.demo_tools import DemoContext
from search import demo

pytestmark = pytest.mark.django_db


def test_demo_promotions_are_idempotent(home, capsys):
    import sys

    from django.core.management.color import no_style

    context = DemoContext(stdout=sys.stdout, style=no_style(), verbosity=0)
    demo.load(context)
    demo.load(context)
    assert SearchPromotion.objects.count() == len(demo.queries()) == 7
