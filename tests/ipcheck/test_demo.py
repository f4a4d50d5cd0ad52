"""The demo IP check: twelve questions, at least ten rules, seven languages,
and a whole run through it in Greek."""

import io
import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from pypdf import PdfReader

from core.demo_tools import DemoContext
from ipcheck import demo
from ipcheck.models import IPCheckPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def ip_guideline(home):
    from core.demo_tools import ensure_page
    from knowledgebase.models import GuidelineIndexPage
    from tests.knowledgebase.conftest import make_guideline

    index = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    page = make_guideline(index, title="Capturing value from IP")
    page.slug = "capturing-value-from-ip"
    page.save_revision().publish()
    return page


@pytest.fixture
def demo_check(home_all_locales, ip_guideline, django_capture_on_commit_callbacks):
    context = DemoContext(stdout=SimpleNamespace(write=lambda _m: None), style=None, verbosity=0)
    with django_capture_on_commit_callbacks(execute=True):
        return demo.load(context)


def test_demo_check_in_every_language(demo_check):
    demo_check.full_clean()
    assert len(demo_check.questionnaire.questions) == 12
    assert len(demo_check.questionnaire.steps) == 8
    assert len(demo_check.rule_list) >= 10
    pages = IPCheckPage.objects.filter(translation_key=demo_check.translation_key)
    assert {p.locale.language_code for p in pages} == {code for code, _ in settings.LANGUAGES}
    for page in pages:
        assert page.live and page.url == f"/{page.locale.language_code}/ip-check/"
        assert [q.key for q in page.questionnaire.questions] == [
            q.key for q in demo_check.questionnaire.questions
        ]
        assert [r.when for r in page.rule_list] == [r.when for r in demo_check.rule_list]
    polish = pages.get(locale__language_code="pl")
    assert polish.questionnaire.questions[0].text == "Co głównie tworzy Twoja firma?"


def test_demo_is_idempotent(demo_check, django_capture_on_commit_callbacks):
    revisions = demo_check.revisions.count()
    context = DemoContext(stdout=SimpleNamespace(write=lambda _m: None), style=None, verbosity=0)
    with django_capture_on_commit_callbacks(execute=True):
        again = demo.load(context)
    assert again.pk == demo_check.pk and again.revisions.count() == revisions
    assert IPCheckPage.objects.count() == 7


def test_a_whole_demo_check_in_greek(client, demo_check):
    url = "/el/ip-check/"
    steps = [
        {"q-business": "design", "q-name": "name-only"},
        {"q-mark-registered": "unsure", "q-name-checked": "no"},
        {"q-originals": ["look", "technical"]},
        {"q-design-protection": "nothing", "q-invention": "secret"},
        {"q-team": ["freelancers"]},
        {"q-agreements": "some"},
        {"q-know-how": "open", "q-records": "never"},
        {"q-deals": ["commissions", "third-party"]},
    ]
    totals = []
    for number, data in enumerate(steps, start=1):
        page = client.get(url).content.decode()
        shown = re.search(r"(?:Step|Βήμα) (\d+) (?:of|από) (\d+)", page).groups()
        assert int(shown[0]) == number
        totals.append(int(shown[1]))
        response = client.post(url, {"step": str(number), "action": "next", **data})
        assert response.status_code == 303, response.content.decode()[:500]
    assert totals == [8] * 8  # these answers keep every step
    assert response["Location"] == url + "result/"
    body = client.get(url + "result/").content.decode()
    assert "Καταχωρίστε το εμπορικό σας σήμα" in body
    # The guideline has no Greek translation: the link goes to the English one.
    assert 'href="/en/guidelines/capturing-value-from-ip/"' in body
    assert 'href="https://euipo.europa.eu/"' in body
    # "Now" comes before "within three months", which comes before "within a year".
    assert (
        body.index("Κρατήστε την εφεύρεση εμπιστευτική")
        < body.index("Καταχωρίστε το εμπορικό σας σήμα")
        < body.index("Ελέγξτε τις άδειες του υλικού")
    )
    pdf = client.get(url + "result/pdf/")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Καταχωρίστε το εμπορικό σας σήμα" in text
    assert "Περιορίστε την πρόσβαση στην τεχνογνωσία σας" in text


def test_progress_total_shrinks_as_answers_hide_steps(demo_check):
    questionnaire = demo_check.questionnaire
    assert len(questionnaire.possible_steps({})) == 8
    answers = {"business": ["media"], "name": ["not-yet"]}
    assert len(questionnaire.possible_steps(answers)) == 7  # no brand: no trade-mark step
    answers |= {"originals": ["content"], "team": ["solo"]}
    assert len(questionnaire.possible_steps(answers)) == 5  # no designs, invention or team
