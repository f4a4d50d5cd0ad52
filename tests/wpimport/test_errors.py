"""Bad files and bad mappings stop the import before anything is written."""

import pytest
from django.core.management.base import CommandError
from wagtail.models import Page

from knowledgebase.models import NewsPage
from wpimport.models import ImportedItem

from .conftest import FIXTURES, UPLOADS, counts, run_import


@pytest.mark.parametrize(
    ("export", "message"),
    [
        ("truncated.xml", "not well-formed XML (a truncated or damaged file?)"),
        ("wrong-version.xml", "is WXR version 1.3"),
        ("entities.xml", "declares XML entities"),
        ("mapping.yaml", "not well-formed XML"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(indexes, export, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run_import(FIXTURES / export, "--media-dir", UPLOADS)
    assert message in str(error.value)
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()


def test_rss_that_is_not_a_wordpress_export(indexes, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    with pytest.raises(CommandError, match="no <wp:wxr_version>"):
        run_import(feed)


def test_unknown_mapping_category(indexes):
    with pytest.raises(CommandError, match="the export has no category 'podcasts'"):
        run_import(FIXTURES / "export.xml", "--map", FIXTURES / "unknown-category.yaml")
    assert not NewsPage.objects.exists()


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("types:\n  research: podcast\n", "unknown page type 'podcast'"),
        ("categories:\n  funding: {themes: [nope]}\n", "no themes nope on the site"),
        ("categories:\n  funding: {colours: [red]}\n", "unknown taxonomy 'colours'"),
        ("pages: {}\n", "unknown section(s)"),
        ("types: [1, 2\n", "not valid YAML"),
    ],
)
def test_bad_mappings(indexes, tmp_path, mapping, message):
    path = tmp_path / "mapping.yaml"
    path.write_text(mapping)
    with pytest.raises(CommandError) as error:
        run_import(FIXTURES / "export.xml", "--map", path)
    assert message in str(error.value)


def test_missing_index_and_impossible_parent(home, indexes):
    with pytest.raises(CommandError, match="cannot go under"):
        run_import(FIXTURES / "export.xml", "--parent", str(indexes["guideline"].pk))
    with pytest.raises(CommandError, match="no such page"):
        run_import(FIXTURES / "export.xml", "--parent", "/en/nowhere/")
    with pytest.raises(CommandError, match="no hub or education partner"):
        run_import(FIXTURES / "export.xml", "--section", "nobody")


def test_no_news_index(home):
    with pytest.raises(CommandError, match="there is no news index"):
        run_import(FIXTURES / "export.xml")


def test_iso_8859_1_export(indexes, client):
    out = run_import(FIXTURES / "latin1.xml")
    assert "(WXR 1.0)" in out and counts(out, "posts") == [1, 0, 0, 0]
    page = NewsPage.objects.get()
    assert page.title == "Café créatif à Liège"
    assert page.slug == "café-créatif"
    assert "Ouvert à tous, entrée libre." in page.body
    # The blog lived under /blog: its old addresses keep that prefix.
    response = client.get("/blog/?p=80")
    assert response.status_code == 301 and response["Location"] == page.url
