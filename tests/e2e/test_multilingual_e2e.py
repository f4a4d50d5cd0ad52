"""The demo as loaded for the browser tests (issue 12): partner sections hold
their partner's pages and files, the demo editors may edit their own
section's pages and not another's, and other languages' pages show
translated link titles, cities and series, and say when a file is English."""

import json
import re
import urllib.request

from tests.e2e.conftest import manage

SECTIONS = (
    "import json; from partners.models import HubPage; from partners.sections import section_for; "
    "from core.models import SiteDocument; "
    "hubs = HubPage.objects.filter(locale__language_code='en'); "
    "print(json.dumps({h.slug: [h.get_children().count(), "
    "SiteDocument.objects.filter(collection=section_for(h).collection).count()] for h in hubs}))"
)
RIGHTS = (
    "import json; from django.contrib.auth import get_user_model; "
    "from knowledgebase.models import CaseStoryPage; "
    "editors = get_user_model().objects.filter(username__startswith='demo-editor'); "
    "story = CaseStoryPage.objects.get("
    "slug='a-members-fund-in-lisbon', locale__language_code='en'); "
    "print(json.dumps({u.username: story.permissions_for_user(u).can_edit() "
    "for u in editors}))"
)


def last_json(text):
    return json.loads(text.strip().splitlines()[-1])


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def test_every_demo_hub_section_holds_pages(live_site, e2e_env):
    sections = last_json(manage(e2e_env, "shell", "-v0", "-c", SECTIONS))
    assert len(sections) == 8
    assert all(pages > 0 for pages, _files in sections.values()), sections
    assert sections["fabrika-lisboa"][1] > 0  # its guideline's PDF and budget template


def test_demo_editors_may_edit_their_own_sections_pages_only(live_site, e2e_env):
    rights = last_json(manage(e2e_env, "shell", "-v0", "-c", RIGHTS))
    assert rights == {"demo-editor-lisboa": True, "demo-editor-leipzig": False}


def test_greek_and_german_pages_read_in_their_language(live_site):
    guideline = get(live_site + "/de/partners/fabrika-lisboa/access-to-finance/")
    link = re.search(r'<a href="[^"]+\.csv"[^>]*>([^<]+)</a>', guideline)
    assert link and link.group(1).startswith("Budgetvorlage: ")
    assert 'hreflang="en"' in link.group(0)

    story = get(live_site + "/el/partners/officina-torino/licensing-a-type-family-in-turin/")
    assert "Τορίνο, Ιταλία" in story and "Turin," not in story

    module = get(live_site + "/el/learning/from-spark-to-concept/")
    assert "Teacher notes for the Creative FLIP" not in module
    assert "Σημειώσεις για εκπαιδευτικούς" in module

    papers = get(live_site + "/el/policy-papers/patient-capital-for-creative-hubs/")
    assert "Σημειώματα πολιτικής" in papers and "Policy briefs" not in papers
