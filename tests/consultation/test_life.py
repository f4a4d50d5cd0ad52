"""A consultation's whole life over HTTP: the form on the document, submit,
confirm by the link in the e-mail, moderate, publish, close, summary, CSV
export and the deletion of personal data."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from consultation.models import ConsultationResponse, ResponseStatus

from .conftest import confirmation_link, response_data, submit, submit_and_confirm


def path_of(link):
    return link.split("testserver", 1)[1]


def test_document_page_shows_the_form_without_a_csrf_token(
    client, consultation, guideline, settings
):
    # With the page cache on, the page is one the cache may keep for everyone.
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    response = client.get(guideline.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="/en/consultations/{consultation.pk}/respond/"' in html
    assert "Is the first step clear?" in html
    # Each step is an anchor the response can name.
    step_id = guideline.steps[1].id
    assert f'id="part-{step_id}"' in html
    assert f'<option value="{step_id}">Step 2: Price your work</option>' in html
    # No per-visitor token: the page is the same for every anonymous visitor.
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    assert "public" in response["Cache-Control"]
    assert client.get(guideline.url)["X-Page-Cache"] == "hit"
    caches["pages"].clear()
    assert reverse("consultation_privacy") in html


def test_whole_life(client, consultation, guideline, moderator, settings):
    step_id = guideline.steps[0].id
    # Submit: nothing reaches the queue before the e-mail link is clicked.
    answer = submit(client, consultation, **{"response-section": step_id})
    assert answer.status_code == 302
    assert answer["Location"] == "/en/consultations/sent/"
    stored = ConsultationResponse.objects.get()
    assert stored.status == ResponseStatus.UNCONFIRMED
    assert stored.section == step_id
    assert stored.section_title == "Step 1: Map your assets"
    assert list(stored.answers.values()) == ["Yes, mostly."]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rita@example.org"]
    client.force_login(moderator)
    queue = reverse("consultation_responses:index")
    assert "The budget step" not in client.get(queue).content.decode()
    client.logout()

    # Open the link: a page with a button, nothing confirmed yet (a mail
    # scanner fetching the link changes nothing).
    link = path_of(confirmation_link(message))
    shown = client.get(link)
    assert shown.status_code == 200
    assert 'method="post"' in shown.content.decode()
    stored.refresh_from_db()
    assert stored.status == ResponseStatus.UNCONFIRMED
    # The button confirms; a second press says so and is no error.
    first = client.post(link)
    assert first.status_code == 200
    assert "your response is confirmed" in first.content.decode()
    stored.refresh_from_db()
    assert stored.status == ResponseStatus.PENDING
    assert stored.confirmed_at is not None
    # A second click is refused with a clear message; opening the link again
    # just says so.
    second = client.post(link)
    assert second.status_code == 400
    assert "Already confirmed" in second.content.decode()
    reopened = client.get(link)
    assert reopened.status_code == 200
    assert "Already confirmed" in reopened.content.decode()

    # Moderate: approve with a public reply.
    client.force_login(moderator)
    listing = client.get(queue + "?status=pending")
    assert listing.status_code == 200
    assert f"#{stored.pk}" in listing.content.decode()
    edit = reverse("consultation_responses:edit", args=[stored.pk])
    assert "The budget step needs an example." in client.get(edit).content.decode()
    saved = client.post(edit, {"status": "approved", "reply": "Added in step 1."})
    assert saved.status_code == 302, saved.content.decode()[:3000]
    stored.refresh_from_db()
    assert stored.status == ResponseStatus.APPROVED
    assert stored.moderated_by == moderator
    assert stored.reply == "Added in step 1."
    assert stored.replied_at is not None
    client.logout()

    # Published under the document, with counts by type and country.
    page = client.get(guideline.url).content.decode()
    assert "The budget step needs an example." in page
    assert "Rita Lopes" in page
    assert "Added in step 1." in page
    assert "Micro or small business" in page
    assert "Portugal" in page
    assert "rita@example.org" not in page

    # Close: no form, and a late response is refused with a message.
    today = timezone.localdate()
    consultation.closes_on = today - datetime.timedelta(days=1)
    consultation.summary = "<p>Twelve people wrote in.</p>"
    consultation.what_changed = "<p>Step 1 now has a worked example.</p>"
    consultation.save()
    page = client.get(guideline.url).content.decode()
    assert "respond/" not in page
    assert "This consultation closed on" in page
    assert "Twelve people wrote in." in page
    assert "What changed after consultation and piloting" in page
    late = submit(client, consultation)
    assert late.status_code == 400
    assert "not open for responses" in late.content.decode()
    assert ConsultationResponse.objects.count() == 1

    # Summary and CSV for the moderator.
    client.force_login(moderator)
    summary = client.get(reverse("consultation_summary", args=[consultation.pk]))
    assert summary.status_code == 200
    text = summary.content.decode()
    assert "Final summary" in text
    assert "Step 1: Map your assets" in text
    exported = client.get(reverse("consultation_export", args=[consultation.pk]))
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("text/csv")
    header, *rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["comment"] == "The budget step needs an example."
    assert row["section"] == "Step 1: Map your assets"
    assert row["Q: Is the first step clear?"] == "Yes, mostly."
    assert row["Q: What is missing?"] == ""
    assert row["country"] == "PT"
    assert row["name"] == "Rita Lopes"
    assert "email" not in header

    # Months later the name and address are deleted; the response stays.
    consultation.closes_on = today - datetime.timedelta(
        days=31 * settings.CONSULTATION_RETENTION_MONTHS + 2
    )
    consultation.save()
    call_command("purge_consultation_data", stdout=io.StringIO())
    stored.refresh_from_db()
    assert (stored.name, stored.email) == ("", "")
    assert stored.consent == "anonymous"
    assert stored.personal_data_removed_at is not None
    page = client.get(guideline.url).content.decode()
    assert "Rita Lopes" not in page
    assert "The budget step needs an example." in page


def test_csv_neutralises_formulas(client, consultation, moderator):
    submit_and_confirm(
        client,
        consultation,
        **{"response-comment": '=HYPERLINK("http://x.example","click")', "response-name": "@bob"},
    )
    client.force_login(moderator)
    exported = client.get(reverse("consultation_export", args=[consultation.pk]))
    header, row = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert cells["comment"] == '\'=HYPERLINK("http://x.example","click")'
    assert cells["name"] == "'@bob"


def test_reject_spam_and_private_responses_are_not_published(
    client, consultation, guideline, moderator
):
    spam = submit_and_confirm(client, consultation, **{"response-comment": "Buy pills"})
    private = submit_and_confirm(
        client, consultation, **{"response-comment": "Only for you", "response-consent": "private"}
    )
    client.force_login(moderator)
    for response, status in ((spam, "spam"), (private, "approved")):
        edit = reverse("consultation_responses:edit", args=[response.pk])
        assert client.post(edit, {"status": status, "reply": ""}).status_code == 302
    # Unconfirmed is no moderation choice.
    edit = reverse("consultation_responses:edit", args=[spam.pk])
    refused = client.post(edit, {"status": "unconfirmed", "reply": ""})
    assert refused.status_code == 200
    spam.refresh_from_db()
    assert spam.status == "spam"
    client.logout()
    page = client.get(guideline.url).content.decode()
    assert "Buy pills" not in page
    assert "Only for you" not in page
    # The private one still counts in the statistics.
    assert "1 response approved." in page


def test_honeypot_stores_and_sends_nothing(client, consultation):
    answer = submit(client, consultation, **{"response-website": "http://spam.example"})
    assert answer.status_code == 302
    assert ConsultationResponse.objects.count() == 0
    assert mail.outbox == []


REDIS_DB = "redis://127.0.0.1:6379/4"


@pytest.fixture(params=["database", "redis"])
def limit_store(request, settings):
    """The count in the database, and in Redis (this helper's db 4)."""
    if request.param == "database":
        settings.REDIS_URL = ""
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        yield
        return
    import redis

    server = redis.Redis.from_url(REDIS_DB)
    server.flushdb()
    settings.REDIS_URL = REDIS_DB
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_DB,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    yield
    server.flushdb()


def test_rate_limit(client, consultation, settings, limit_store):
    settings.CONSULTATION_RATE_LIMIT = 2
    codes = [submit(client, consultation).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert ConsultationResponse.objects.count() == 2


def test_unconfirmed_responses_expire(client, consultation, settings):
    submit(client, consultation)
    stale = ConsultationResponse.objects.get()
    ConsultationResponse.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.CONSULTATION_CONFIRM_DAYS + 1)
    )
    fresh_answer = submit(client, consultation)
    assert fresh_answer.status_code == 302
    call_command("purge_consultation_data", stdout=io.StringIO())
    assert ConsultationResponse.objects.count() == 1
    assert not ConsultationResponse.objects.filter(pk=stale.pk).exists()


def test_a_response_in_another_language_is_confirmed_there(client, consultation, guideline):
    # The document exists in English only here: German visitors may respond.
    data = response_data(consultation)
    answer = client.post(f"/de/consultations/{consultation.pk}/respond/", data)
    assert answer.status_code == 302
    assert ConsultationResponse.objects.get().language == "de"
    assert "/de/consultations/confirm/" in mail.outbox[0].body


def test_policy_paper_sections_are_anchors(client, home, moderator):
    from core.demo_tools import ensure_page
    from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage

    from .conftest import make_consultation

    index = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")
    paper = PolicyPaperPage(
        title="Patient capital",
        slug="patient-capital",
        abstract="<p>Why.</p>",
        body=[
            ("heading", "Where the money is"),
            ("paragraph", "<p>Text.</p>"),
            ("recommendation", {"title": "Pool small loans", "text": "<p>How.</p>"}),
        ],
    )
    index.add_child(instance=paper)
    paper.save_revision().publish()
    paper.refresh_from_db()
    consultation = make_consultation(paper)
    html = client.get(paper.url).content.decode()
    heading, _paragraph, recommendation = paper.body
    assert f'<option value="{heading.id}">Where the money is</option>' in html
    assert f'<option value="{recommendation.id}">Pool small loans</option>' in html
    assert f'id="part-{recommendation.id}"' in html
    response = submit_and_confirm(client, consultation, **{"response-section": recommendation.id})
    assert response.section_title == "Pool small loans"
    # A paragraph is no anchor.
    refused = submit(client, consultation, **{"response-section": _paragraph.id})
    assert refused.status_code == 400
