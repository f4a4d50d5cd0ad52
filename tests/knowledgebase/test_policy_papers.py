import json
import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from knowledgebase.models import PolicyPaperAuthor, Series

from .conftest import make_document, make_paper

pytestmark = pytest.mark.django_db


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = []
        self.json_ld = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs["content"]))
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_ld = False


@pytest.fixture
def paper(indexes):
    return make_paper(
        indexes["papers"],
        "Funding the <creative> economy & more",
        authors=[("Ana Costa", "Fábrica Lisboa"), ("Jan Kowalski", "Kuźnia Gdańsk")],
        themes=["finance"],
        document=make_document("Funding report", pages=3),
        publisher="Creative FLIP",
        series=Series.objects.create(name="Policy briefs", locale=Locale.get_default()),
        doi="10.5281/zenodo.123456",
    )


def test_paper_page_shows_pdf_with_size_and_page_count(client, paper):
    response = client.get(paper.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert paper.document.url in html
    assert "3 pages" in html
    assert re.search(r"PDF, [\d.,]+\xa0(KB|bytes)", html)
    assert "Ana Costa" in html and "(Fábrica Lisboa)" in html
    assert html.index("Ana Costa") < html.index("Jan Kowalski")


def test_citation_meta_tags_and_json_ld(client, paper):
    parser = MetaParser()
    parser.feed(client.get(paper.url).content.decode())
    meta = parser.meta
    assert ("citation_title", paper.title) in meta
    assert [v for k, v in meta if k == "citation_author"] == ["Ana Costa", "Jan Kowalski"]
    assert ("citation_publication_date", "2025/03/14") in meta
    assert ("citation_pdf_url", "http://testserver" + paper.document.url) in meta
    assert ("citation_doi", "10.5281/zenodo.123456") in meta
    (data,) = parser.json_ld
    assert data["@type"] == "ScholarlyArticle"  # it has a DOI
    assert data["name"] == paper.title
    assert [a["name"] for a in data["author"]] == ["Ana Costa", "Jan Kowalski"]
    assert data["author"][0]["affiliation"]["name"] == "Fábrica Lisboa"
    assert data["numberOfPages"] == 3
    assert data["encoding"]["contentUrl"].endswith(paper.document.url)


def test_json_ld_cannot_break_out_of_its_script(client, indexes):
    page = make_paper(indexes["papers"], "Bad </script><script>alert(1)</script> title")
    html = client.get(page.url).content.decode()
    # (The tag carries the CSP nonce: attributes after the type.)
    block = re.split(r'<script type="application/ld\+json"[^>]*>', html, maxsplit=1)[1]
    block = block.split("</script>", 1)[0]
    assert "<" not in block
    assert json.loads(block)["@type"] == "Report"


def parse_bibtex(text):
    head = re.match(r"@(\w+)\{([^,]+),", text)
    fields = dict(re.findall(r"^\s+(\w+) = \{(.*)\},$", text, re.M))
    return head.group(1), head.group(2), fields


def parse_ris(text):
    rows = [line.split("  - ", 1) for line in text.split("\r\n") if line]
    return [(tag, value) for tag, value in rows]


def test_bibtex_export(client, paper):
    response = client.get(paper.url, {"format": "bibtex"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{paper.slug}.bib"'
    kind, key, fields = parse_bibtex(response.content.decode())
    assert kind == "techreport"
    assert key.startswith("costa2025")
    assert fields["author"] == "Ana Costa and Jan Kowalski"
    assert fields["title"] == "{Funding the <creative> economy \\& more}"
    assert fields["year"] == "2025"
    assert fields["doi"] == "10.5281/zenodo.123456"
    assert fields["institution"] == "Creative FLIP"
    assert fields["url"] == "http://testserver" + paper.url


def test_ris_export(client, paper):
    response = client.get(paper.url, {"format": "ris"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{paper.slug}.ris"'
    rows = parse_ris(response.content.decode())
    assert rows[0] == ("TY", "RPRT")
    assert rows[-1] == ("ER", "")
    values = dict(rows)
    assert [v for t, v in rows if t == "AU"] == ["Ana Costa", "Jan Kowalski"]
    assert values["TI"] == paper.title
    assert values["PY"] == "2025"
    assert values["DA"] == "2025/03/14"
    assert values["DO"] == "10.5281/zenodo.123456"
    assert values["L1"] == "http://testserver" + paper.document.url


def test_book_with_isbn_exports_as_book(client, indexes):
    page = make_paper(indexes["papers"], isbn="978-3-16-148410-0")
    kind, _key, fields = parse_bibtex(client.get(page.url, {"format": "bibtex"}).content.decode())
    assert kind == "book" and fields["isbn"] == "978-3-16-148410-0"
    assert dict(parse_ris(client.get(page.url, {"format": "ris"}).content.decode()))["TY"] == "BOOK"


@pytest.mark.parametrize("value", ["pdf", "", "BIBTEX", "../etc"])
def test_unknown_format_is_400(client, paper, value):
    response = client.get(paper.url, {"format": value})
    assert response.status_code == 400


def test_author_order_follows_sort_order(client, paper):
    PolicyPaperAuthor.objects.filter(page=paper, name="Ana Costa").update(sort_order=5)
    html = client.get(paper.url).content.decode()
    assert html.index("Jan Kowalski") < html.index("Ana Costa")


def test_paper_without_pdf_renders(client, indexes):
    page = make_paper(indexes["papers"])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "citation_pdf_url" not in response.content.decode()
