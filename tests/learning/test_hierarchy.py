"""ESCO's skills hierarchy and transversal skills collection: the import,
the walk from a skill to the occupations that need it or a narrower skill,
the transversal browse page, English labels marked on other languages'
pages."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning import explorer
from learning.esco_import import CREATIVE_ISCO_GROUPS, ancestors
from learning.models import OccupationSkill, Skill, SkillAncestor

from .conftest import group_uri, make_module, make_path, skill_uri

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = ["", "0", "-1", "²", "٣", "１２", "\x00", "9" * 30, "9223372036854775808", "a/b", "é"]


def hierarchy_counts():
    return (
        Skill.objects.count(),
        Skill.broader.through.objects.count(),
        SkillAncestor.objects.count(),
        sorted(SkillAncestor.objects.values_list("skill_id", "ancestor_id", "depth")),
    )


def test_import_reads_groups_hierarchy_and_transversal_collection(esco_tree, esco_tree_dir):
    s, g = esco_tree["skills"], esco_tree["groups"]
    assert g[1].is_group and g[2].is_group and not s[1].is_group
    assert g[2].label == "thinking creatively"
    assert list(s[1].broader.all()) == [g[2]]
    assert set(s[1].narrower.all()) == {s[9]}
    assert set(Skill.objects.filter(transversal=True)) == {s[1], s[8]}
    # The closure: design graphics -> sketch ideas -> think creatively -> groups.
    chain = dict(SkillAncestor.objects.filter(skill=s[2]).values_list("ancestor_id", "depth"))
    assert chain == {s[2].pk: 0, s[9].pk: 1, s[1].pk: 2, g[2].pk: 3, g[1].pk: 4}
    assert dict(SkillAncestor.objects.filter(skill=s[5]).values_list("ancestor", "depth")) == {
        s[5].pk: 0
    }
    # A second run changes nothing.
    before = hierarchy_counts()
    call_command("import_esco", str(esco_tree_dir), "--languages", "en,de", "--all", verbosity=0)
    assert hierarchy_counts() == before


def test_import_drops_a_removed_broader_relation(esco_tree, esco_tree_dir):
    s = esco_tree["skills"]
    path = esco_tree_dir / "broaderRelationsSkillPillar.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(line for line in lines if not line.endswith(skill_uri(9))) + "\n")
    call_command("import_esco", str(esco_tree_dir), "--languages", "en,de", "--all", verbosity=0)
    assert not s[2].broader.exists()
    assert set(SkillAncestor.objects.filter(skill=s[2]).values_list("ancestor", flat=True)) == {
        s[2].pk
    }


def test_default_scope_keeps_broader_skills_groups_and_the_collection(esco_tree_dir):
    call_command("import_esco", str(esco_tree_dir), verbosity=0)
    kept = set(Skill.objects.values_list("uri", flat=True))
    # Broader skills and groups of the skills that creative occupations need,
    # and the transversal collection (8 is needed by nobody).
    assert {skill_uri(1), skill_uri(9), skill_uri(8), group_uri(1), group_uri(2)} <= kept
    assert skill_uri(7) not in kept  # food safety: only the cook needs it


def test_without_hierarchy_files_an_import_keeps_the_hierarchy(esco_tree, esco_tree_dir):
    before = hierarchy_counts()
    for name in ("broaderRelationsSkillPillar.csv", "transversalSkillsCollection_en.csv"):
        (esco_tree_dir / name).unlink()
    out = StringIO()
    call_command("import_esco", str(esco_tree_dir), "--languages", "en,de", "--all", stdout=out)
    assert hierarchy_counts() == before
    assert Skill.objects.filter(transversal=True).count() == 2


def test_bad_concept_type_in_the_hierarchy_is_refused(esco_tree_dir):
    path = esco_tree_dir / "broaderRelationsSkillPillar.csv"
    path.write_text(path.read_text() + f"Occupation,{skill_uri(3)},SkillGroup,{group_uri(1)}\n")
    with pytest.raises(Exception, match="unknown concept type"):
        call_command("import_esco", str(esco_tree_dir), "--all", verbosity=0)
    assert not Skill.objects.exists()


def test_ancestors_survive_cycles():
    assert ancestors({1: {2}, 2: {3}, 3: {1}}, 1) == {1: 0, 2: 1, 3: 2}
    assert ancestors({1: {2, 3}, 2: {3}}, 1) == {1: 0, 2: 1, 3: 1}


def test_reach_walks_the_hierarchy(esco_tree):
    s, g, o = esco_tree["skills"], esco_tree["groups"], esco_tree["occupations"]
    reach = explorer.skill_reach(s[9], CREATIVE_ISCO_GROUPS)
    assert (reach.total, reach.direct, reach.through, reach.creative) == (2, 1, 1, 2)
    needs = {need.occupation: need for need in reach.needs}
    assert needs[o[2]].relation == OccupationSkill.OPTIONAL
    assert needs[o[1]].relation is None and needs[o[1]].through == [s[2]]
    # Think creatively: all three name it; the product designer also names a
    # narrower skill, and counts once, as direct.
    reach = explorer.skill_reach(s[1], CREATIVE_ISCO_GROUPS)
    assert (reach.total, reach.direct, reach.outside_creative) == (3, 3, 1)
    # A group: every occupation only through narrower skills.
    reach = explorer.skill_reach(g[1], CREATIVE_ISCO_GROUPS)
    assert (reach.total, reach.direct, reach.through) == (3, 0, 3)


def test_skill_page_says_directly_or_through_narrower_skills(client, esco_tree):
    s = esco_tree["skills"]
    html = client.get(f"/en/skills/skill/{s[9].pk}/").content.decode()
    assert "2 occupations need this skill" in html
    assert "Directly: 1. Through narrower skills only: 1." in html
    designer = html[html.index("graphic designer") :]
    assert re.search(r"through narrower skills:\s*design graphics", designer)
    assert "directly, optional" in html[html.index("product designer") :]
    hierarchy = html[html.index("hierarchy-heading") : html.index("reach-heading")]
    assert "think creatively" in hierarchy[: hierarchy.index("Narrower")]  # broader
    assert "design graphics" in hierarchy[hierarchy.index("Narrower") :]
    think = client.get(f"/en/skills/skill/{s[1].pk}/").content.decode()
    assert "collection of transversal skills" in think
    assert "thinking creatively" in think  # its group, as a broader concept


def test_skill_page_query_count_does_not_grow(client, esco_tree, django_assert_num_queries):
    """Skill, labels, broader and narrower with labels (6), the relations
    under it (1), occupations with labels (2), the narrower skills named
    (2), ISCO groups with labels (2), the modules (1; the site and the
    active locale are kept with the chrome). A query with nothing to
    look up (no occupation, no skill named) is not sent."""
    s, g = esco_tree["skills"], esco_tree["groups"]
    client.get(f"/en/skills/skill/{s[5].pk}/")  # warm the page chrome
    # Typography: 1 occupation, none through narrower skills, no broader or
    # narrower skill (4 queries not needed); sketch ideas: 2, one through;
    # the group "thinking skills": 3, all through, nothing broader (1 less).
    for skill, queries in ((s[5], FULL - 4), (s[9], FULL), (g[1], FULL - 1)):
        with django_assert_num_queries(queries + AROUND):
            assert client.get(f"/en/skills/skill/{skill.pk}/").status_code == 200


FULL = 14  # the skill page when occupations need it through narrower skills
AROUND = 0  # the page chrome, cached after the first request
TRANSVERSAL_QUERIES = (
    5  # groups, skills, labels of each, broader links, counts (the site is kept with the chrome)
)


def test_transversal_skills_can_be_browsed(client, esco_tree, django_assert_num_queries):
    s, g = esco_tree["skills"], esco_tree["groups"]
    client.get("/en/skills/transversal/")
    with django_assert_num_queries(TRANSVERSAL_QUERIES + AROUND):
        response = client.get("/en/skills/transversal/")
    html = response.content.decode()
    group = html.index("thinking creatively")
    assert html.index("think creatively", group) > group
    assert re.search(r"think creatively</a>\s*<span[^>]*>3 occupations", html)
    assert re.search(r"unused skill</a>\s*<span[^>]*>0 occupations", html)
    groups = explorer.transversal_skills()
    assert [(group, members) for group, members in groups] == [(g[2], [s[1]]), (None, [s[8]])]
    assert "Browse the transversal skills" in client.get("/en/skills/").content.decode()


def test_english_labels_are_marked_on_german_pages(client, esco_tree, home_all_locales):
    s, g = esco_tree["skills"], esco_tree["groups"]
    # "sketch ideas" and the groups have no German label; "kreativ denken" has.
    html = client.get(f"/de/skills/skill/{s[1].pk}/").content.decode()
    assert "<h1>kreativ denken</h1>" in html
    assert '<span lang="en">thinking creatively</span>' in html
    assert '<span lang="en">sketch ideas</span>' in html
    assert html.count("esco-english-notice") == 1
    # The notice says, in German, how an administrator adds the labels.
    assert "manage.py import_esco --languages" in html
    assert "Die Verwaltung der Website kann sie ergänzen" in html
    group = client.get(f"/de/skills/skill/{g[2].pk}/").content.decode()
    assert '<h1><span lang="en">thinking creatively</span></h1>' in group
    # On English pages nothing is marked and there is no notice.
    english = client.get(f"/en/skills/skill/{s[1].pk}/").content.decode()
    assert '<span lang="en">' not in english
    assert "esco-english-notice" not in english
    designer = esco_tree["occupations"][1]
    gap = client.get("/de/skills/", {"occupation": designer.pk}).content.decode()
    assert "kreativ denken" in gap and "esco-english-notice" not in gap


def test_gap_page_with_an_english_only_label_shows_the_notice(client, esco_tree):
    product = esco_tree["occupations"][2]  # needs "sketch ideas", English only
    html = client.get("/de/skills/", {"occupation": product.pk}).content.decode()
    assert '<span lang="en">sketch ideas</span>' in html
    assert html.count("esco-english-notice") == 1


@FUZZ
@given(ref=st.one_of(st.text(max_size=90), st.sampled_from(NASTY)))
def test_fuzz_skill_reference(client, esco_tree, ref):
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("learning:skill", args=[ref])
    except NoReverseMatch:
        return  # not a URL the site can have
    assert client.get(url).status_code in (200, 400, 404)


@FUZZ
@given(
    occupation=st.one_of(st.text(max_size=30), st.sampled_from(NASTY)),
    have=st.lists(st.one_of(st.text(max_size=12), st.sampled_from(NASTY)), max_size=4),
    q=st.one_of(st.text(max_size=120), st.sampled_from(NASTY)),
)
def test_fuzz_explorer_parameters(client, esco_tree, occupation, have, q):
    response = client.get("/en/skills/", {"occupation": occupation, "have": have, "q": q})
    assert response.status_code in (200, 400, 404)
    assert client.get("/en/skills/transversal/", {"x": q}).status_code == 200


def test_module_and_path_pages_mark_english_skill_labels(
    client, esco_tree, index, home_all_locales, translate
):
    s = esco_tree["skills"]
    module = make_module(index, "sketching", skills=[s[1], s[9]])
    path = make_path(index, "sketch-path", [module])
    translate(index, "de", {"Learning": "Lernen"})
    de_module = translate(module, "de", {"Sketching": "Skizzieren", "Read this.": "Lies das."})
    de_path = translate(path, "de", {"Sketch path": "Skizzenpfad"})
    for page in (de_module, de_path):
        html = client.get(page.url).content.decode()
        assert '<span lang="en">sketch ideas</span>' in html
        assert ">kreativ denken</a>" in html  # German label, not marked
        assert html.count("esco-english-notice") == 1
    english = client.get(module.url).content.decode()
    assert "esco-english-notice" not in english and '<span lang="en">' not in english
