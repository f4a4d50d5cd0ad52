"""What a detail page reads, read with fewer queries and the same result:
its terms in one query (core/detail_terms.py), its view restrictions from the
pages routing loaded (BasePage.get_view_restrictions), and the home page's
row in the same query as the chain below it (core.routing.route_below)."""

import pytest
from django.db import connection
from django.db.models import prefetch_related_objects
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core.demo_tools import ensure_page
from core.detail_terms import load_terms, term_relations
from core.models import Audience, Sector, Theme
from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage
from tests.knowledgebase.conftest import make_paper

pytestmark = pytest.mark.django_db
FIELDS = ["id", "translation_key", "locale_id", "name", "slug", "description"]


def rows(terms):
    return [tuple(getattr(term, name) for name in FIELDS) for term in terms]


@pytest.fixture
def papers(home):
    return ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")


@pytest.fixture
def paper(papers):
    return make_paper(
        papers,
        "Terms",
        themes=["intellectual-property", "finance"],
        sectors=["music"],
        audiences=["policy-makers"],
    )


def test_terms_come_in_one_query_as_the_orm_gives_them(paper):
    names = term_relations(PolicyPaperPage, ["themes", "authors", "sectors", "audiences"])
    assert names == ["themes", "sectors", "audiences"]
    ours = PolicyPaperPage.objects.get(pk=paper.pk)
    with CaptureQueriesContext(connection) as captured:
        load_terms(ours, names)
    assert len(captured.captured_queries) == 1
    theirs = PolicyPaperPage.objects.get(pk=paper.pk)
    prefetch_related_objects([theirs], *names)
    with CaptureQueriesContext(connection) as captured:
        for name, model in zip(names, [Theme, Sector, Audience], strict=True):
            mine, orm = list(getattr(ours, name).all()), list(getattr(theirs, name).all())
            assert all(type(term) is model for term in mine)
            # Same rows, same order (by name), same Python types (a UUID, not text).
            assert rows(mine) == rows(orm) and mine
            assert [type(value) for value in rows(mine)[0]] == [
                type(value) for value in rows(orm)[0]
            ]
    assert captured.captured_queries == []
    assert [t.name for t in ours.themes.all()] == sorted(t.name for t in ours.themes.all())


def test_a_page_without_terms_gets_empty_lists(papers):
    bare = make_paper(papers, "Bare")
    page = PolicyPaperPage.objects.get(pk=bare.pk)
    load_terms(page, ["themes", "sectors", "audiences"])
    with CaptureQueriesContext(connection) as captured:
        assert not page.themes.all() and not page.sectors.all() and not page.audiences.all()
    assert captured.captured_queries == []


def test_the_paper_shows_its_terms(client, paper):
    html = client.get(paper.url).content.decode()
    for name in ["Finance", "Intellectual Property", "Music", "Policy makers"]:
        assert f'<span class="tag">{name}</span>' in html


def served(client, url):
    response = client.get(url)
    return response, response.context["page"] if response.status_code == 200 else None


def restrict(page, kind=PageViewRestriction.LOGIN):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


@pytest.mark.parametrize("where", ["page", "parent", "home", "root"])
def test_restrictions_from_the_routed_chain_are_wagtails(client, paper, papers, where, superuser):
    """Where a restriction sits, the routed page finds the same restrictions
    as Wagtail's own lookup, and a visitor is sent to sign in."""
    client.force_login(superuser)  # sees the page, so its context can be read
    response, page = served(client, paper.url)
    with CaptureQueriesContext(connection) as captured:
        assert not list(page.get_view_restrictions())
    assert captured.captured_queries == []  # routing's rows said so
    target = {
        "page": paper,
        "parent": papers,
        "home": papers.get_parent(),
        "root": Page.get_first_root_node(),
    }[where]
    restriction = restrict(target)
    response, page = served(client, paper.url)
    with CaptureQueriesContext(connection) as captured:
        ours = list(page.get_view_restrictions())
    assert len(captured.captured_queries) == 1  # Wagtail's needs two
    assert ours == [restriction] == list(Page.get_view_restrictions(page))
    client.logout()
    assert client.get(paper.url).status_code == 302


def test_an_alias_in_the_chain_uses_wagtails_lookup(client, paper, papers, home):
    """An alias takes its original's restrictions, as in Wagtail."""
    alias_index = papers.create_alias(recursive=True, parent=home, update_slug="papers-again")
    restriction = restrict(papers)
    alias_paper = Page.objects.get(alias_of=paper, path__startswith=alias_index.path)
    assert client.get(alias_paper.url).status_code == 302
    restriction.delete()
    response, page = served(client, alias_paper.url)
    assert page.pk == alias_paper.pk and not list(page.get_view_restrictions())
