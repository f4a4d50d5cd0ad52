"""Malformed input answers 4xx, never 500: numbers typed in other scripts,
huge numbers, deeply nested JSON, NUL bytes; the API serialises every page
type; CSV cells are safe to open in a spreadsheet."""

import csv
import io

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from core.csv_cells import FORMULA_SIGNS, csv_safe
from core.demo_tools import ensure_page
from knowledgebase.models import NewsIndexPage
from learning.models import LearningIndexPage, Occupation, Skill
from partners.models import HubPage, PartnerIndexPage
from tests.knowledgebase.conftest import make_news
from tests.learning.conftest import FIXTURES as ESCO_FIXTURES
from tests.learning.conftest import make_module
from tests.partners.conftest import add_page, make_partner

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWO = "%C2%B2"  # '²': isdigit() is true, int() fails
ARABIC_INDIC_12 = "%D9%A1%D9%A2"  # '١٢': int() reads 12
FULL_WIDTH_1 = "%EF%BC%91"  # '１'
NOT_ASCII_DIGITS = [SUPERSCRIPT_TWO, ARABIC_INDIC_12, FULL_WIDTH_1]


@pytest.fixture
def esco(db):
    call_command("import_esco", str(ESCO_FIXTURES), "--all", verbosity=0)
    return {"occupation": Occupation.objects.first(), "skill": Skill.objects.first()}


# Skills explorer ------------------------------------------------------------


@pytest.mark.parametrize("ref", NOT_ASCII_DIGITS)
def test_skill_detail_with_digits_of_other_scripts_is_400(client, home, esco, ref):
    assert client.get(f"/en/skills/skill/{ref}/").status_code == 400


def test_skill_detail_by_id_or_slug_and_huge_id(client, home, esco):
    skill = esco["skill"]
    assert client.get(f"/en/skills/skill/{skill.pk}/").status_code == 200
    assert client.get(f"/en/skills/skill/{skill.uri.rsplit('/', 1)[-1]}/").status_code == 200
    assert client.get(f"/en/skills/skill/{'9' * 40}/").status_code == 404


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS + ["9" * 5000, "-1", "1.0"])
def test_explorer_occupation_that_is_not_an_id_is_400(client, home, esco, value):
    assert client.get(f"/en/skills/?occupation={value}").status_code == 400


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS + ["9" * 5000])
def test_explorer_ticked_skill_that_is_not_an_id_is_400(client, home, esco, value):
    occupation = esco["occupation"]
    response = client.get(f"/en/skills/?occupation={occupation.pk}&have={value}")
    assert response.status_code == 400


def test_explorer_with_ids_works(client, home, esco):
    occupation, skill = esco["occupation"], esco["skill"]
    response = client.get(f"/en/skills/?occupation={occupation.pk}&have={skill.pk}")
    assert response.status_code == 200
    assert client.get(f"/en/skills/?occupation={'9' * 18}").status_code == 404


def test_occupation_search_ignores_control_characters(client, home, esco):
    """PostgreSQL refuses NUL in a query: the search text drops it."""
    response = client.get("/en/skills/?q=graph%00ic")
    assert response.status_code == 200
    assert "graphic designer" in response.content.decode()
    response = client.get("/en/skills/occupations/?q=graph%00ic")
    assert [r["label"] for r in response.json()["results"]] == ["graphic designer"]


# Quiz -----------------------------------------------------------------------


@pytest.fixture
def quiz_url(home):
    index = add_page(home, LearningIndexPage, title="Learning", slug="learning")
    module = make_module(index, "module")
    block = next(b for b in module.lessons if b.block_type == "quiz")
    return module.url + module.reverse_subpage("check_quiz", args=[block.id])


@pytest.mark.parametrize("answer", ["¹²³", "١", "１", "9" * 5000, "0", "3", "-1"])
def test_quiz_answer_that_is_not_an_option_is_400(client, quiz_url, answer):
    response = client.post(quiz_url, {"q0": answer}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400


def test_quiz_with_a_real_answer_is_marked(client, quiz_url):
    response = client.post(quiz_url, {"q0": "1"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["score"] == 1


# Progress -------------------------------------------------------------------

NESTED = "[" * 3000 + "]" * 3000


@pytest.fixture
def learner_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("learner", password="x-long-pw-9"))
    return client


@pytest.mark.parametrize("url", ["/en/accounts/progress/", "/en/accounts/progress/merge/"])
@pytest.mark.parametrize(
    "body", [NESTED, '{"module": ' + NESTED + "}", '{"completed": ' + NESTED + "}", "[]", '"x"']
)
def test_progress_body_that_is_not_a_small_object_is_400(learner_client, home, url, body):
    response = learner_client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


def test_anonymous_progress_with_nested_json_is_400(client, home):
    response = client.post("/en/accounts/progress/", NESTED, content_type="application/json")
    assert response.status_code == 400


# Wagtail API v2 -------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=9223372036854775807",
        f"offset={SUPERSCRIPT_TWO}",
        f"limit={ARABIC_INDIC_12}",
        "search=x&search_operator=2025",
        "search=" + "x" * 201,
        "title=%00",
        "order=title%00",
        "fields=" + "title(" * 1000 + ")" * 1000,
        "fields=" + "a" * 501,
    ],
)
def test_api_rejects_malformed_query_with_a_message(client, home, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")
    assert response.status_code == 400, response.content[:300]
    assert response.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        "html_path=/en/&site=%00",
        "html_path=/en/%00/",
        "id=abc",
        f"id={SUPERSCRIPT_TWO}",
    ],
)
def test_api_find_rejects_malformed_query(client, home, query):
    response = client.get(f"/api/v2/pages/find/?{query}")
    assert response.status_code == 400, response.content[:300]


@pytest.mark.parametrize(
    "query",
    [
        "locale=%00",
        f"child_of={SUPERSCRIPT_TWO}",
        "descendant_of=99999999999999999999999",
        "type=knowledgebase.NewsPage&date=tomorrow",
        "type=knowledgebase.NewsPage&date=2025-02-30",
    ],
)
def test_api_pages_rejects_malformed_filters(client, home, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400, response.content[:300]


def test_api_well_formed_queries_still_work(client, home):
    for query in [
        "offset=0&limit=5",
        "child_of=root",
        f"child_of={home.pk}&fields=title",
        "search=home&search_operator=or",
        "type=home.HomePage&fields=*",
    ]:
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, (query, response.content[:300])
    response = client.get("/api/v2/pages/find/?html_path=/")
    assert response.status_code == 302


def test_api_serialises_every_page_type_in_every_language(client, site_pages):
    """The detail of every page, and each type's list with fields=*, in
    each language: all 200, countries as ISO codes."""
    types = set()
    for code, pages in site_pages.items():
        for page in pages:
            response = client.get(f"/api/v2/pages/{page.pk}/")
            assert response.status_code == 200, (code, type(page).__name__, response.content)
            types.add(page.specific_class)
    assert len(types) == 18
    for model in types:
        label = f"{model._meta.app_label}.{model.__name__}"
        for code, pages in site_pages.items():
            response = client.get("/api/v2/pages/", {"type": label, "fields": "*", "locale": code})
            assert response.status_code == 200, (code, label, response.content)
            expected = sum(1 for page in pages if page.specific_class is model)
            assert response.json()["meta"]["total_count"] == expected, (code, label)
    paper = client.get("/api/v2/pages/", {"type": "knowledgebase.PolicyPaperPage", "fields": "*"})
    assert ["DE", "PT"] in [sorted(item["countries"]) for item in paper.json()["items"]]
    events = client.get("/api/v2/pages/", {"type": "knowledgebase.EventPage", "fields": "country"})
    assert sorted(item["country"] for item in events.json()["items"]) == [""] * 7 + ["IT"] * 7


# CSV cells ------------------------------------------------------------------

DANGEROUS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "\nplain",
    " =1+1",
    "   @x",
    "\u3000=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    " ＝1",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_safe_neutralises_formulas(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [("plain", "plain"), ("a=b", "a=b"), (None, ""), (-9.14, "-9.14"), (3, "3"), ("", "")],
)
def test_csv_safe_keeps_text_and_numbers(value, cell):
    assert csv_safe(value) == cell


def _starts_a_formula(text: str) -> bool:
    return text[:1] in ("\t", "\r", "\n") or text.lstrip()[:1] in FORMULA_SIGNS


@given(st.text(max_size=30))
def test_csv_safe_property(text):
    cell = csv_safe(text)
    if _starts_a_formula(text):
        assert cell == "'" + text
    else:
        assert cell == text
    # Whatever the input, the cell does not start a formula.
    assert not _starts_a_formula(cell)


@given(
    st.sampled_from(["", " ", "  ", "\t", "\n", "\r\n", "\u3000", "\xa0"]),
    st.sampled_from(sorted(FORMULA_SIGNS)),
    st.text(max_size=10),
)
def test_csv_safe_property_for_formulas_behind_whitespace(space, sign, rest):
    text = space + sign + rest
    assert csv_safe(text) == "'" + text


def _csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_partner_csv_export_neutralises_every_formula(client, home):
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    for number, text in enumerate(DANGEROUS):
        make_partner(directory, HubPage, f"hub-{number}", f"{text}Hub", "PT", 38.7, -9.1, city=text)
    response = client.get("/en/partners/export.csv")
    assert response.status_code == 200
    header, *rows = _csv_rows(response)
    names = [row[header.index("name")] for row in rows]
    cities = [row[header.index("city")] for row in rows]
    assert sorted(names) == sorted(f"'{text}Hub" for text in DANGEROUS)
    assert sorted(cities) == sorted(f"'{text}" for text in DANGEROUS)
    assert {row[header.index("longitude")] for row in rows} == {"-9.10000"}


def test_translation_status_csv_neutralises_titles(client, home, superuser):
    news = ensure_page(home, NewsIndexPage, "news", title="News")
    for text in DANGEROUS:
        make_news(news, title=f"{text}Page")
    client.force_login(superuser)
    response = client.get("/admin/translation-status/", {"export": "csv", "locale": "de"})
    assert response.status_code == 200
    header, *rows = _csv_rows(response)
    titles = {row[header.index("title")] for row in rows}
    assert {f"'{text}Page" for text in DANGEROUS} <= titles
    assert not any(_starts_a_formula(title) for title in titles)
