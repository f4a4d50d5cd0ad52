import re

import pytest
from wagtail.models import Locale

from learning import explorer
from learning.templatetags.learning_tags import duration

from .conftest import make_module, make_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(index, esco):
    s = esco["skills"]
    modules = {
        "A": make_module(index, "module-a", minutes=90, skills=[s[2], s[3]]),
        "B": make_module(index, "module-b", minutes=30, skills=[s[1]]),
        "C": make_module(index, "module-c", minutes=60, skills=[s[4], s[5]]),
        "D": make_module(index, "module-d", minutes=20, skills=[s[7]]),
    }
    paths = {
        "P1": make_path(index, "path-one", [modules["B"], modules["C"]]),
        "P2": make_path(index, "path-two", [modules["A"]]),
    }
    return modules, paths


def test_gap_ranking_on_a_known_fixture(catalogue, esco):
    modules, paths = catalogue
    designer = esco["occupations"][1]
    locale = Locale.objects.get(language_code="en")
    gap = explorer.occupation_gap(designer, set())
    s = esco["skills"]
    assert gap.missing_essential == {s[1].pk, s[2].pk, s[3].pk}
    assert gap.missing_optional == {s[4].pk, s[5].pk}
    ranked = explorer.rank_modules(gap, locale)
    assert [m.slug for m in ranked] == ["module-a", "module-b"]
    assert [m.closes for m in ranked] == [2, 1]
    # Module C closes no essential gap: it is offered for the optional ones only.
    optional = explorer.rank_modules(gap, locale, essential=False)
    assert [(m.slug, m.closes, m.closes_optional) for m in optional] == [("module-c", 0, 2)]
    assert [p.slug for p in explorer.rank_paths(gap, locale)] == ["path-two", "path-one"]
    # Having "design graphics": A and B each close one gap; the shorter comes first.
    gap = explorer.occupation_gap(designer, {s[2].pk, s[7].pk})
    assert gap.have == {s[2].pk}  # a skill the occupation does not list is ignored
    assert [m.slug for m in explorer.rank_modules(gap, locale)] == ["module-b", "module-a"]
    # Nothing missing: nothing to suggest.
    everything = {s[n].pk for n in range(1, 6)}
    assert explorer.rank_modules(explorer.occupation_gap(designer, everything), locale) == []


def test_explorer_page_groups_skills_and_ranks_without_js(client, catalogue, esco):
    designer = esco["occupations"][1]
    s = esco["skills"]
    response = client.get("/en/skills/", {"occupation": designer.pk, "have": [s[1].pk]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "graphic designer" in html
    essential = html[html.index("Essential skills") : html.index("Optional skills")]
    assert essential.index("Transversal") < essential.index("Cross-sector")
    assert f'value="{s[1].pk}" id="have-{s[1].pk}" checked' in html
    assert "You lack 2 essential skills (and 2 optional)." in html
    gap = html[html.index("Your gap") :]
    assert gap.index("Module a") < gap.index("Module c")
    assert "Module d" not in gap


def test_explorer_in_german_and_text_search(client, catalogue, esco, home_all_locales):
    html = client.get("/de/skills/", {"occupation": esco["occupations"][1].pk}).content.decode()
    assert "Grafikdesigner/Grafikdesignerin" in html and "kreativ denken" in html
    matches = client.get("/en/skills/", {"q": "designer"}).content.decode()
    assert "graphic designer" in matches and "product designer" in matches
    assert "cook" not in matches


def test_autocomplete_uses_the_current_language(client, esco):
    data = client.get("/de/skills/occupations/", {"q": "grafik"}).json()
    assert [r["label"] for r in data["results"]] == ["Grafikdesigner/Grafikdesignerin"]
    assert data["results"][0]["url"] == f"/de/skills/?occupation={esco['occupations'][1].pk}"
    # Alternative labels match too; case does not matter.
    data = client.get("/en/skills/occupations/", {"q": "VISUAL"}).json()
    assert [r["label"] for r in data["results"]] == ["graphic designer"]
    # A language without labels falls back to English.
    french = client.get("/fr/skills/occupations/", {"q": "cook"}).json()["results"][0]
    assert (french["label"], french["lang"]) == ("cook", "en")
    german = client.get("/de/skills/occupations/", {"q": "grafik"}).json()["results"][0]
    assert "lang" not in german
    assert client.get("/en/skills/occupations/", {"q": "c"}).json() == {"results": []}
    assert client.get("/en/skills/occupations/", {"q": "x" * 101}).status_code == 400


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"occupation": "abc"}, 400),
        ({"occupation": "999999"}, 404),
        ({"occupation": "1", "have": "x"}, 400),
        ({"q": "y" * 101}, 400),
    ],
)
def test_explorer_bad_input(client, esco, query, status):
    assert client.get("/en/skills/", query).status_code == status


def test_transversal_view_of_a_skill(client, catalogue, esco, home_all_locales):
    think = esco["skills"][1]
    response = client.get(f"/en/skills/skill/{think.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "3 occupations need this skill: 2 in the cultural and creative occupations, 1 beyond them."
        in html
    )
    assert "Personal service workers" in html and "cook" in html
    assert "Module b" in html
    by_slug = client.get(f"/de/skills/skill/{think.slug}/")
    assert by_slug.status_code == 200
    assert "kreativ denken" in by_slug.content.decode()
    assert "Berufe im Bereich personenbezogener Dienstleistungen" in by_slug.content.decode()


@pytest.mark.parametrize(
    ("ref", "status"), [("999999", 404), ("no-such-skill", 404), ("bad!ref", 400)]
)
def test_unknown_or_malformed_skill(client, esco, ref, status):
    assert client.get(f"/en/skills/skill/{ref}/").status_code == status


def test_nothing_that_closes_no_gap_is_listed_as_closing_it(client, catalogue, esco):
    designer = esco["occupations"][1]
    html = client.get("/en/skills/", {"occupation": designer.pk}).content.decode()
    closing = html[html.index("Modules that close it") : html.index("For the optional skills")]
    assert "Module a" in closing and "Module b" in closing
    assert "Module c" not in closing
    optional = html[html.index("For the optional skills you lack") :]
    assert "Module c" in optional and "covers 2 optional skills" in optional
    assert "closes 0" not in html
    # Every essential skill ticked: no heading promises what nothing delivers.
    s = esco["skills"]
    have = [s[1].pk, s[2].pk, s[3].pk]
    html = client.get("/en/skills/", {"occupation": designer.pk, "have": have}).content.decode()
    assert "closes " not in html
    assert "No module covers the essential skills you lack yet." in html


def test_the_occupation_box_keeps_the_choice(client, esco):
    designer = esco["occupations"][1]
    html = client.get("/en/skills/", {"occupation": designer.pk}).content.decode()
    assert re.search(r'id="occupation-q" name="q" value="graphic designer"', html)
    german = client.get("/de/skills/", {"occupation": designer.pk}).content.decode()
    assert 'value="Grafikdesigner/Grafikdesignerin"' in german
    typed = client.get("/en/skills/", {"q": "desig"}).content.decode()
    assert 'name="q" value="desig"' in typed


def test_explorer_is_in_the_main_menu(client, home):
    html = client.get("/en/").content.decode()
    start = html.index('class="site-nav"')
    nav = html[start : html.index("</nav>", start)]
    assert '<a href="/en/skills/">Skills explorer</a>' in nav
    page = client.get("/en/skills/").content.decode()
    assert '<a href="/en/skills/" aria-current="page">Skills explorer</a>' in page


def test_durations_never_break_between_number_and_unit():
    assert duration(240) == "4\u00a0h"
    assert duration(150) == "2\u00a0h\u00a030\u00a0min"
    assert duration("x") == ""


def test_gap_page_query_count_is_fixed(client, catalogue, esco, django_assert_num_queries):
    designer = esco["occupations"][1]
    s = esco["skills"]
    client.get("/en/skills/", {"occupation": designer.pk})
    for have in ([], [s[1].pk], [s[1].pk, s[2].pk, s[4].pk]):
        with django_assert_num_queries(GAP_PAGE_QUERIES):
            response = client.get("/en/skills/", {"occupation": designer.pk, "have": have})
        assert response.status_code == 200


# Occupation and labels (2), relations with skills and labels (2), modules
# and paths that close essential gaps and those for optional ones (4, each
# path query with its totals). The site and the locale are kept with the
# chrome (core/chrome.py, core/site_roots.py).
GAP_PAGE_QUERIES = 8


def test_matches_in_english_on_other_pages_are_marked(client, esco):
    german = client.get("/de/skills/", {"q": "grafik"}).content.decode()
    assert ">Grafikdesigner/Grafikdesignerin</a>" in german
    assert "esco-english-notice" not in german
    french = client.get("/fr/skills/", {"q": "cook"}).content.decode()
    assert re.search(r'<a href="\?occupation=\d+" lang="en">cook</a>', french)
    assert french.count("esco-english-notice") == 1
