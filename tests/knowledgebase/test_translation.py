import pytest
from wagtail.models import Locale

from core.models import Theme
from knowledgebase.models import PolicyPaperAuthor, PolicyPaperPage

from .conftest import make_event, make_guideline, make_news, make_paper, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def de_indexes(indexes, translate):
    for index in indexes.values():
        translate(index, "de")
    return indexes


def test_policy_paper_translates_authors_and_localizes_themes(client, de_indexes, translate):
    translate(
        Theme.objects.get(slug="finance", locale__language_code="en"),
        "de",
        {"Finance": "Finanzierung"},
    )
    paper = make_paper(
        de_indexes["papers"],
        "Money for makers",
        authors=[("Ana Costa", "Lisbon Hub"), ("Jan Kowalski", "Gdańsk Forge")],
        themes=["finance"],
        body=[("finding", {"title": "Grants are slow", "text": "<p>Most wait six months.</p>"})],
    )
    german = translate(
        paper,
        "de",
        {
            "Money for makers": "Geld für Macher",
            "Lisbon Hub": "Hub Lissabon",
            "Grants are slow": "Zuschüsse sind langsam",
        },
    )
    assert german.locale.language_code == "de"
    assert german.translation_key == paper.translation_key
    authors = list(german.authors.all())
    assert [a.name for a in authors] == ["Ana Costa", "Jan Kowalski"]
    assert authors[0].affiliation == "Hub Lissabon"
    assert {a.locale.language_code for a in authors} == {"de"}
    # The English authors are untouched and linked by translation key.
    english = list(PolicyPaperAuthor.objects.filter(page=paper).order_by("sort_order"))
    assert english[0].affiliation == "Lisbon Hub"
    assert english[0].translation_key == authors[0].translation_key
    # Taxonomy links point at the German term.
    assert [t.name for t in german.themes.all()] == ["Finanzierung"]

    response = client.get(german.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Geld für Macher" in html and "Hub Lissabon" in html and "Zuschüsse sind langsam" in html
    assert "Finanzierung" in html


def test_new_author_in_source_reaches_the_translation_on_sync(de_indexes, translate):
    paper = make_paper(de_indexes["papers"], "Sync me", authors=[("Ana Costa", "Hub")])
    translate(paper, "de")
    paper = PolicyPaperPage.objects.get(pk=paper.pk)
    paper.authors.add(
        PolicyPaperAuthor(name="Eleni Papadopoulou", affiliation="Ergastiri", sort_order=1)
    )
    paper.save_revision().publish()
    german = translate(paper, "de", {"Ergastiri": "Ergastiri (DE)"})
    assert [(a.name, a.affiliation) for a in german.authors.all()] == [
        ("Ana Costa", "Hub"),
        ("Eleni Papadopoulou", "Ergastiri (DE)"),
    ]


@pytest.mark.parametrize("code", ["de", "el"])
def test_every_type_renders_in_another_locale(client, indexes, translate, code):
    for index in indexes.values():
        translate(index, code)
    pages = [
        make_paper(indexes["papers"], "Paper"),
        make_guideline(indexes["guidelines"], "Guide"),
        make_story(indexes["stories"], "Story"),
        make_news(indexes["news"], "News"),
        make_event(indexes["news"], "Event"),
    ]
    for page in pages:
        translated = translate(page, code, {page.title: f"{page.title} [{code}]"})
        response = client.get(translated.url)
        assert response.status_code == 200, translated.url
        html = response.content.decode()
        assert f'<html lang="{code}">' in html
        assert f"{page.title} [{code}]" in html
    # The translated indexes list the translated pages, and only those.
    for key, index in indexes.items():
        local_index = index.get_translation(Locale.objects.get(language_code=code))
        response = client.get(local_index.url)
        listed = [item.title for item in response.context["items"]]
        assert listed and all(title.endswith(f"[{code}]") for title in listed), (key, listed)
