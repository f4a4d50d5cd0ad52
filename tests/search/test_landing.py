"""The search page before a query: popular themes counted over every page
type in one query (search/landing.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.demo_tools import ensure_page
from core.models import Theme
from knowledgebase.models import NewsIndexPage, PolicyPaperIndexPage
from search.landing import popular_themes
from tests.knowledgebase.conftest import make_news, make_paper

pytestmark = pytest.mark.django_db


def test_popular_themes_count_live_pages_of_every_type(home):
    papers = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Papers")
    news = ensure_page(home, NewsIndexPage, "news", title="News")
    make_paper(papers, themes=["finance", "intellectual-property"])
    make_paper(papers, themes=["finance"])
    item = make_news(news, "Finance news")
    item.themes.set([Theme.objects.get(slug="finance", locale=home.locale)])
    item.save_revision().publish()
    draft = make_paper(papers, themes=["intellectual-property"])
    draft.unpublish()
    english = Locale.objects.get(language_code="en")
    with CaptureQueriesContext(connection) as captured:
        found = [(theme.slug, n) for theme, n in popular_themes(english)]
    assert found == [("finance", 3), ("intellectual-property", 1)]
    assert len(captured.captured_queries) == 2
    german = Locale.objects.get(language_code="de")
    assert popular_themes(german) == []
