"""Queries per request stay bounded whatever the number of responses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultation.models import ConsultationResponse, ResponseStatus

from .conftest import make_consultation, make_guideline, submit_and_confirm


def count_queries(client, url):
    client.get(url)  # the page chrome cached, as on a busy site
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url)
    assert answer.status_code == 200
    return len(queries)


def approve_all():
    ConsultationResponse.objects.update(status=ResponseStatus.APPROVED)


def test_document_page_queries_do_not_grow(client, guideline_index, moderator):
    bare = make_guideline(guideline_index)
    baseline = count_queries(client, bare.url)
    guideline = make_guideline(guideline_index)
    consultation = make_consultation(guideline)
    submit_and_confirm(client, consultation)
    approve_all()
    with_one = count_queries(client, guideline.url)
    for n in range(6):
        submit_and_confirm(client, consultation, **{"response-country": ["DE", "FR", "IT"][n % 3]})
    approve_all()
    with_seven = count_queries(client, guideline.url)
    # The consultation, the grouped counts, the public responses, the sectors.
    assert with_one - baseline <= 4, (baseline, with_one)
    assert with_seven == with_one
    print(f"document page: {baseline} queries without, {with_seven} with a consultation")


@pytest.mark.parametrize("name", ["queue", "summary", "export", "reports"])
def test_admin_queries_do_not_grow(client, consultation, moderator, name):
    urls = {
        "queue": reverse("consultation_responses:index"),
        "summary": reverse("consultation_summary", args=[consultation.pk]),
        "export": reverse("consultation_export", args=[consultation.pk]),
        "reports": reverse("consultation_reports"),
    }
    submit_and_confirm(client, consultation)
    client.force_login(moderator)
    one = count_queries(client, urls[name])
    client.logout()
    for _ in range(5):
        submit_and_confirm(client, consultation)
    client.force_login(moderator)
    six = count_queries(client, urls[name])
    assert six == one, (name, one, six)
    print(f"{name}: {six} queries")


def test_submit_and_confirm_queries(client, consultation, django_assert_max_num_queries):
    submit_and_confirm(client, consultation)  # warm caches (locale, site)
    from .conftest import response_data

    # Consultation, locale and translations, sectors, the rate-limit row, the insert.
    with django_assert_max_num_queries(14):
        client.post(f"/en/consultations/{consultation.pk}/respond/", response_data(consultation))
    # The e-mailed link: the page with the button, then the button's POST.
    from django.core import mail

    from .conftest import confirmation_link

    link = confirmation_link(mail.outbox[-1]).split("testserver", 1)[1]
    with django_assert_max_num_queries(12):
        assert client.get(link).status_code == 200
    with django_assert_max_num_queries(13):
        assert client.post(link).status_code == 200


def consultation_queries(client, url) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries if '"consultation_consultation"' in q["sql"]]


def test_a_page_without_a_consultation_asks_for_none(client, guideline_index):
    """Which pages have a consultation is kept with the page chrome; a
    consultation added or removed later shows at once."""
    guideline = make_guideline(guideline_index)
    assert consultation_queries(client, guideline.url) == []
    consultation = make_consultation(guideline, title="Tell us now")
    assert "Tell us now" in client.get(guideline.url).content.decode()
    assert consultation_queries(client, guideline.url)  # the consultation, its counts
    consultation.delete()
    assert "Tell us now" not in client.get(guideline.url).content.decode()
    assert consultation_queries(client, guideline.url) == []
