"""core/routing.py routes as Wagtail does, in two queries; core/visibility.py
hides the same pages as Wagtail's ``public()``."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from core.visibility import public
from home.models import HomePage
from tests.knowledgebase.conftest import make_news, make_paper
from tests.partners.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    from knowledgebase.models import NewsIndexPage, PolicyPaperIndexPage, PolicyPaperPage
    from partners.models import HubPage, PartnerIndexPage

    papers = add_page(home, PolicyPaperIndexPage, title="Policy papers", slug="policy-papers")
    news = add_page(home, NewsIndexPage, title="News", slug="news")
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    hub = add_page(directory, HubPage, title="Hub", slug="hub", country="PT")
    return {
        "papers": papers,
        "news": news,
        "directory": directory,
        "hub": hub,
        "paper": make_paper(papers, "Live paper"),
        "hub_news": make_news(hub, "Hub news"),
        "draft": add_page(
            papers,
            PolicyPaperPage,
            publish=False,
            title="Draft",
            slug="draft",
            abstract="<p>A.</p>",
        ),
    }


def wagtail_route(home, request, components):
    """Wagtail's own routing, level by level."""
    return Page.route(home, request, components)


def outcome(route, *args):
    try:
        result = route(*args)
    except Http404:
        return "404"
    page, view_args, view_kwargs = result
    view = view_args[0].__name__ if view_args else None
    return (page.pk, type(page).__name__, view, view_args[1:] if view_args else (), view_kwargs)


PATHS = [
    "policy-papers",
    "policy-papers/feed",
    "policy-papers/paper-does-not-exist",
    "policy-papers/draft",
    "news",
    "partners",
    "partners/hub",
    "partners/nowhere/deeper",
    "nothing-here",
]


def test_routes_like_wagtail_everywhere(tree):
    home = HomePage.objects.get(pk=tree["papers"].get_parent().pk)
    request = RequestFactory().get("/en/")
    paths = [
        *PATHS,
        tree["paper"].url_path.removeprefix(home.url_path).strip("/"),
        tree["hub_news"].url_path.removeprefix(home.url_path).strip("/"),
    ]
    for path in paths:
        components = path.split("/")
        assert outcome(home.route, request, components) == outcome(
            wagtail_route, home, request, components
        ), path


def test_unknown_paths_answer_404(tree, client):
    for path in ("/en/nothing-here/", "/en/partners/nowhere/deeper/", "/en/policy-papers/draft/"):
        assert client.get(path).status_code == 404, path


def test_a_child_of_an_unpublished_page_is_still_served(tree):
    """Wagtail only asks the last page to be live."""
    home = HomePage.objects.get(pk=tree["papers"].get_parent().pk)
    tree["directory"].unpublish()
    request = RequestFactory().get("/en/")
    components = ["partners", "hub"]
    expected = outcome(wagtail_route, home, request, components)
    assert expected != "404"
    assert outcome(home.route, request, components) == expected


def test_a_deep_page_is_routed_in_two_queries(tree, django_assert_num_queries):
    home = HomePage.objects.get(pk=tree["papers"].get_parent().pk)
    request = RequestFactory().get("/en/")
    components = tree["hub_news"].url_path.removeprefix(home.url_path).strip("/").split("/")
    assert len(components) == 3
    with django_assert_num_queries(2):
        page = home.route(request, components)[0]
    assert page.pk == tree["hub_news"].pk and page.locale.language_code == "en"


def test_public_hides_what_wagtail_hides(tree, client):
    PageViewRestriction.objects.create(page=tree["hub"], restriction_type="login")
    PageViewRestriction.objects.create(page=tree["paper"], restriction_type="login")
    expected = set(Page.objects.public().values_list("pk", flat=True))
    assert set(public(Page.objects.all()).values_list("pk", flat=True)) == expected
    hidden = {tree["hub"].pk, tree["hub_news"].pk, tree["paper"].pk}
    assert hidden.isdisjoint(expected)
    # A restricted page is not served to visitors, and not listed.
    assert client.get(tree["paper"].url).status_code == 302  # to the login page
    listing = client.get(tree["papers"].url).content.decode()
    assert "Live paper" not in listing
