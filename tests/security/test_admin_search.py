"""The admin's searches (pages, documents, images, snippets, and the
choosers of pages, documents, images and snippets) and the search box's
suggestions, through the real views and the configured search
backend: the database backend of the test run (SQLite or PostgreSQL) and,
marked ``opensearch``, the OpenSearch backend against the osmem-server
EMULATOR (an in-memory stand-in, not a real cluster).

A superuser finds every match; a partner's editor finds the pages of their
own section and the media of their own collection, not another partner's; a
user without admin access is sent to the login page."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from core.models import SiteDocument
from knowledgebase.models import NewsPage
from partners.models import Service
from partners.sections import section_for
from tests.partners.conftest import (  # noqa: F401 - fixtures
    add_page,
    directory,
    english,
    make_user,
    partners,
    services,
    users,
)
from tests.search.conftest import no_indexing_errors  # noqa: F401 - autouse guard

pytestmark = pytest.mark.django_db

DATABASE = {"default": {"BACKEND": "search.backends.database"}}
SEARCHES = {
    "pages": "wagtailadmin_pages:search",
    "documents": "wagtaildocs:index",
    "images": "wagtailimages:index",
    "chooser": "wagtailadmin_choose_page_search",
    "document chooser": "wagtaildocs_chooser:choose_results",
    "image chooser": "wagtailimages_chooser:choose_results",
}
# A snippet that is indexed (partners.Service), listed and chosen through
# the backend. Services are a shared vocabulary, not a section's.
SNIPPET_SEARCHES = {
    "snippets": "wagtailsnippets_partners_service:list_results",
    "snippet chooser": "wagtailsnippetchoosers_partners_service:choose_results",
}
SERVICES = ("Weaving loom hire", "Weaving dye kitchen")
# The titles each search should find, in Lisbon's section and in Leipzig's.
TITLES = {
    "pages": ("Weaving cooperative notes", "Weaving guild ledger"),
    "documents": ("Weaving pattern handbook", "Weaving loom inventory"),
    "images": ("Weaving workshop photo", "Weaving market photo"),
}
TITLES["chooser"] = TITLES["pages"]
TITLES["document chooser"] = TITLES["documents"]
TITLES["image chooser"] = TITLES["images"]
# Query syntax of one backend or another, which each must take as text (a
# double quote made SQLite's FTS5 MATCH fail).
ODD = ['"', 'weaving"', "-", "*", "(", "NOT", ":", "\\", "<->", "x & !y"]


@pytest.fixture(params=["database", pytest.param("opensearch", marks=pytest.mark.opensearch)])
def backend(request, settings):
    if request.param == "opensearch":
        url = request.getfixturevalue("osmem_url")
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.opensearch",
                "URLS": [url],
                "INDEX_PREFIX": "cfadmin_",
                "TIMEOUT": 10,
            }
        }
    else:
        settings.WAGTAILSEARCH_BACKENDS = DATABASE
    return request.param


def png(name: str) -> ImageFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


@pytest.fixture
def content(backend, partners, users, english):  # noqa: F811 - the imported fixtures
    """A page, a document and an image in Lisbon's section and in
    Leipzig's, and two services, saved (and so indexed) through the
    configured backend."""
    for position, name in enumerate(SERVICES):
        Service.objects.create(name=name, slug=f"weaving-{position}", locale=english)
    for position, partner in enumerate((partners["lisbon"], partners["leipzig"])):
        add_page(
            partner,
            NewsPage,
            title=TITLES["pages"][position],
            slug=f"weaving-{partner.slug}",
            date=datetime.date(2025, 3, 1),
        )
        collection = section_for(partner).collection
        SiteDocument.objects.create(
            title=TITLES["documents"][position],
            collection=collection,
            file=ContentFile(b"Warp and weft.", name=f"weaving-{partner.slug}.txt"),
        )
        get_image_model().objects.create(
            title=TITLES["images"][position],
            collection=collection,
            file=png(f"weaving-{partner.slug}.png"),
        )
    if backend == "opensearch":
        # Mappings (with the autocomplete analyzers) come from update_index.
        call_command("update_index", backend_name="default", verbosity=0)
        get_search_backend().es.indices.refresh(index="_all")
    return users


def search(client, view, q):
    response = client.get(reverse({**SEARCHES, **SNIPPET_SEARCHES}[view]), {"q": q})
    assert response.status_code == 200, (view, q, response.status_code)
    return response.content.decode()


def test_superuser_finds_every_match(client, content):
    client.force_login(content["admin"])
    for view, titles in TITLES.items():
        html = search(client, view, "x")
        assert not [title for title in titles if title in html], view
        for q in ("weaving", "weav"):
            html = search(client, view, q)
            assert [title for title in titles if title in html] == list(titles), (view, q)
        for q in ODD:
            search(client, view, q)  # a 200


def test_editor_finds_only_own_section(client, content):
    client.force_login(content["editor_lisbon"])
    for view, (own, other) in TITLES.items():
        html = search(client, view, "x")
        assert own not in html, view
        for q in ("weaving", "weav"):
            html = search(client, view, q)
            assert own in html, (view, q)
            # The chooser offers every page to link to (Wagtail's design).
            if view != "chooser":
                assert other not in html, (view, q)


def test_superuser_finds_every_snippet(client, content):
    client.force_login(content["admin"])
    for view in SNIPPET_SEARCHES:
        assert not [name for name in SERVICES if name in search(client, view, "x")], view
        for q in ("weaving", "weav"):
            html = search(client, view, q)
            assert [name for name in SERVICES if name in html] == list(SERVICES), (view, q)
        html = search(client, view, "dye")
        assert [name for name in SERVICES if name in html] == [SERVICES[1]], view
        for q in ODD:
            search(client, view, q)  # a 200


@pytest.mark.parametrize("role", ["anonymous", "learner"])
def test_no_admin_access_no_search(client, content, role):
    if content[role]:
        client.force_login(content[role])
    for view, name in {**SEARCHES, **SNIPPET_SEARCHES}.items():
        response = client.get(reverse(name), {"q": "weaving"})
        assert response.status_code == 302, view
        assert response["Location"].startswith(reverse("wagtailadmin_login")), view


def test_suggest_completes_a_prefix(client, content):
    # Two words in another order than the title's: no substring of the
    # title, so only the backend's autocomplete can find it.
    response = client.get("/en/search/suggest/", {"q": "cooperative weav"})
    assert response.status_code == 200
    assert [t["title"] for t in response.json()["titles"]] == [TITLES["pages"][0]]
    assert client.get("/en/search/suggest/", {"q": "x"}).status_code == 200
