import pytest

from .conftest import make_document, make_event, make_guideline, make_news, make_paper, make_story

pytestmark = pytest.mark.django_db


def test_api_detail_of_each_type_serialises_every_field(client, indexes):
    pages = [
        make_paper(indexes["papers"], document=make_document("Api"), themes=["finance"]),
        make_guideline(indexes["guidelines"]),
        make_story(indexes["stories"]),
        make_news(indexes["news"]),
        make_event(indexes["news"]),
    ]
    for page in pages:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, (page, response.content[:500])
        data = response.json()
        assert data["date"] == page.date.isoformat()
        for field in type(page).api_fields:
            name = getattr(field, "name", field)  # a name, or an APIField
            assert name in data, (type(page).__name__, name)
    paper = client.get(f"/api/v2/pages/{pages[0].pk}/").json()
    assert [a["name"] for a in paper["authors"]] == ["Ana Costa"]
