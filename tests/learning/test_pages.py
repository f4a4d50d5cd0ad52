import pytest
from django.core.exceptions import ValidationError

from core.models import Theme
from learning.blocks import LessonBlock, QuestionBlock
from learning.models import LearningModulePage, LearningPathPage

from .conftest import QUIZ, make_module, make_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(index, esco, theme_en):
    skills = esco["skills"]
    first = make_module(index, "first", minutes=30, skills=[skills[1], skills[2]])
    first.themes.set([theme_en])
    first.save_revision().publish()
    second = make_module(index, "second", minutes=90, skills=[skills[2], skills[3]])
    third = make_module(index, "third", minutes=45, skills=[skills[6]], level="advanced")
    path = make_path(index, "design-path", [first, second, third])
    path.target_occupations.set([esco["occupations"][1]])
    path.save_revision().publish()
    return {"modules": [first, second, third], "path": LearningPathPage.objects.get(pk=path.pk)}


def test_path_computes_duration_and_skill_union(course, esco):
    path = course["path"]
    assert [m.slug for m in path.modules] == ["first", "second", "third"]
    assert path.total_minutes == 165
    skills = esco["skills"]
    assert set(path.skills_covered()) == {skills[1], skills[2], skills[3], skills[6]}
    # A module taken offline no longer counts.
    course["modules"][1].unpublish()
    path = LearningPathPage.objects.get(pk=path.pk)
    assert path.total_minutes == 75
    assert set(path.skills_covered()) == {skills[1], skills[2], skills[6]}


def test_module_and_path_render_in_two_locales(
    client, home_all_locales, course, translate, theme_en
):
    translate(theme_en, "de", {"Finance": "Finanzierung"})
    index = course["path"].get_parent().specific
    translate(index, "de", {"Learning": "Lernen"})
    de_modules = [
        translate(m, "de", {m.title: f"{m.title} (de)", "Read this.": "Lies das."})
        for m in course["modules"]
    ]
    de_path = translate(course["path"], "de", {"Design path": "Designpfad"})
    # wagtail-localize copied the steps; they point at the German modules.
    assert [m.pk for m in de_path.modules] == [m.pk for m in de_modules]
    assert de_path.total_minutes == 165
    response = client.get(de_path.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Designpfad" in html and "First (de)" in html
    assert "graphic designer" not in html and "Grafikdesigner/Grafikdesignerin" in html
    assert "kreativ denken" in html  # skill labels in German
    module = client.get(de_modules[0].url).content.decode()
    assert "Lies das." in module and "First (de)" in module
    # The theme link follows the page into German.
    assert [t.name for t in de_modules[0].themes.all()] == ["Finanzierung"]
    assert "Finanzierung" in module
    english = client.get(course["path"].url).content.decode()
    assert "0 of 3 modules, about 3 h left" in english


def test_index_lists_and_filters(client, course, esco):
    url = course["path"].get_parent().url
    html = client.get(url).content.decode()
    assert "First" in html and "Design path" in html
    advanced = client.get(url, {"level": "advanced"}).content.decode()
    assert "Third" in advanced and "Second" not in advanced
    short = client.get(url, {"duration": "short"}).content.decode()
    assert "First" in short and "Second" not in short
    by_skill = client.get(url, {"skill": esco["skills"][3].pk}).content.decode()
    assert "Second" in by_skill and "Third" not in by_skill
    by_theme = client.get(url, {"theme": "finance"}).content.decode()
    assert "First" in by_theme and "Third" not in by_theme


@pytest.mark.parametrize(
    "query", [{"level": "expert"}, {"skill": "abc"}, {"duration": "forever"}, {"language": "xx"}]
)
def test_index_rejects_malformed_filters(client, course, query):
    response = client.get(course["path"].get_parent().url, query)
    assert response.status_code == 400
    assert "Some filters were not understood" in response.content.decode()


def test_quiz_checked_on_the_server(client, course):
    module = course["modules"][0]
    block = next(b for b in module.lessons if b.block_type == "quiz")
    url = module.url + f"quiz/{block.id}/"
    right = client.post(url, {"q0": "1"})
    assert right.status_code == 200
    assert "1 of 1 correct." in right.content.decode()
    wrong = client.post(url, {"q0": "2"})
    assert "0 of 1 correct." in wrong.content.decode()
    data = client.post(url, {"q0": "2"}, HTTP_ACCEPT="application/json").json()
    assert data["score"] == 0 and data["results"][0]["correct"] == 1
    assert client.post(url, {"q0": "7"}).status_code == 400
    assert client.post(url, {"q0": "one"}).status_code == 400
    unknown = module.url + "quiz/00000000-0000-0000-0000-000000000000/"
    assert client.post(unknown, {"q0": "1"}).status_code == 404
    assert client.get(url).status_code == 302


def test_quiz_and_exercise_blocks_validate():
    question = QuestionBlock()
    with pytest.raises(ValidationError):
        question.clean(question.to_python({"question": "Q", "options": ["A", "B"], "correct": 3}))
    with pytest.raises(ValidationError):
        question.clean(question.to_python({"question": "Q", "options": ["A", "A"], "correct": 1}))
    assert question.clean(
        question.to_python({"question": "Q", "options": ["A", "B"], "correct": 2})
    )
    lessons = LessonBlock()
    bad_exercise = lessons.to_python(
        [{"type": "exercise", "value": {"title": "Try", "instructions": "<p> </p>", "minutes": 5}}]
    )
    with pytest.raises(ValidationError):
        lessons.clean(bad_exercise)
    good = lessons.to_python(
        [{"type": "quiz", "value": QUIZ}, {"type": "text", "value": "<p>Hello</p>"}]
    )
    assert lessons.clean(good)


def test_path_page_queries_do_not_grow_with_modules(
    client, index, esco, django_assert_max_num_queries
):
    skills = list(esco["skills"].values())
    modules = [
        make_module(index, f"m{i}", minutes=10, skills=skills[i % 4 : i % 4 + 3]) for i in range(12)
    ]
    small = make_path(index, "small", modules[:2])
    large = make_path(index, "large", modules)
    client.get(small.url)
    client.get(large.url)  # both pages' chrome (menu, switcher) is cached
    with django_assert_max_num_queries(40) as small_queries:
        assert client.get(small.url).status_code == 200
    small_count = len(small_queries.captured_queries)
    with django_assert_max_num_queries(small_count) as large_queries:
        assert client.get(large.url).status_code == 200
    large_count = len(large_queries.captured_queries)
    assert "0 of 12 modules, about 2 h left" in client.get(large.url).content.decode()
    assert large_count == small_count


def test_module_page_rules():
    assert LearningModulePage.parent_page_types == [
        "learning.LearningIndexPage",
        "partners.EducationPartnerPage",
    ]
    assert LearningPathPage.parent_page_types == ["learning.LearningIndexPage"]
    assert Theme in [f.related_model for f in LearningModulePage._meta.many_to_many]
