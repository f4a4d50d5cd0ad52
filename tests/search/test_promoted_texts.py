"""A search asks for promoted pages only when its words have a promotion:
the promoted words are kept (``search.promotions.promoted_texts``) until a
promotion is saved or deleted, so a new promotion shows at once and a
deleted one is gone at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

pytestmark = pytest.mark.django_db


def promoted_titles(client, q):
    data = client.get("/api/v2/search/", {"q": q, "locale": "en"}).json()
    return [item["title"] for item in data["promoted"]]


def promotion_queries(client, q) -> list[str]:
    client.get("/en/search/", {"q": q})  # the kept words, read once
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/search/", {"q": q}).status_code == 200
    return [c["sql"] for c in captured if "wagtailsearchpromotions_searchpromotion" in c["sql"]]


def test_a_search_without_promotions_does_not_ask_for_them(client, shared_corpus):
    festival = shared_corpus["en"]["news_2025"]
    SearchPromotion.objects.create(query=Query.get("festival"), page=festival)
    assert promotion_queries(client, "funding") == []
    assert len(promotion_queries(client, "Festival")) == 1


def test_a_new_promotion_shows_at_once_and_a_deleted_one_goes(client, shared_corpus):
    assert promoted_titles(client, "funding") == []  # the kept words: none
    promotion = SearchPromotion.objects.create(
        query=Query.get("funding"), page=shared_corpus["en"]["news_2025"]
    )
    assert promoted_titles(client, "Funding") == ["Festival of makers"]
    promotion.delete()
    assert promoted_titles(client, "funding") == []


def test_a_deleted_query_takes_its_promotions_with_it(client, shared_corpus):
    query = Query.get("makers")
    SearchPromotion.objects.create(query=query, page=shared_corpus["en"]["news_2025"])
    assert promoted_titles(client, "makers") == ["Festival of makers"]
    query.delete()
    assert promoted_titles(client, "makers") == []
    SearchPromotion.objects.create(query=Query.get("makers"), page=shared_corpus["en"]["funding"])
    assert promoted_titles(client, "makers") == ["Funding for creative hubs"]
