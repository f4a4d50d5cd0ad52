"""Bad input answers a clear 400 (or form error), never a 500: late
responses, tampered anchors and tokens, NUL bytes, huge inputs, and
generated values for every field of the form."""

import datetime

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultation.models import ConsultationResponse, ResponseStatus
from consultation.tokens import SALT

from .conftest import confirmation_link, response_data, submit, submit_and_confirm

ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["²", "٣", "\x00", "abc\x00def", "9" * 400, "-1", "<script>", "ＰＴ", ""]),
)
FIELDS = [
    "response-section",
    "response-comment",
    "response-name",
    "response-email",
    "response-organisation_type",
    "response-country",
    "response-sector",
    "response-consent",
    "response-privacy",
]


def test_tampered_anchor_is_a_form_error(client, consultation):
    answer = submit(client, consultation, **{"response-section": "not-a-block-id"})
    assert answer.status_code == 400
    assert "Select a valid choice" in answer.content.decode()
    assert answer["Cache-Control"] == "private, no-store"
    assert ConsultationResponse.objects.count() == 0


def test_nul_bytes_are_a_form_error(client, consultation):
    answer = submit(client, consultation, **{"response-comment": "hello\x00world"})
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "Null characters are not allowed" in html
    # What was typed comes back, the country too.
    assert '<option value="PT" selected>Portugal</option>' in html
    assert "rita@example.org" in html


def test_too_long_comment_is_a_form_error(client, consultation):
    answer = submit(client, consultation, **{"response-comment": "x" * 5001})
    assert answer.status_code == 400
    assert ConsultationResponse.objects.count() == 0


def test_huge_body_is_a_400(client, consultation):
    answer = submit(client, consultation, **{"response-comment": "x" * 3_000_000})
    assert answer.status_code == 400


def test_missing_consent_to_privacy_notice(client, consultation):
    data = response_data(consultation)
    del data["response-privacy"]
    answer = client.post(f"/en/consultations/{consultation.pk}/respond/", data)
    assert answer.status_code == 400
    assert ConsultationResponse.objects.count() == 0


def test_before_opening_and_after_closing(client, consultation):
    today = timezone.localdate()
    for opens, closes in (
        (today + datetime.timedelta(days=1), today + datetime.timedelta(days=9)),
        (today - datetime.timedelta(days=9), today - datetime.timedelta(days=1)),
    ):
        consultation.opens_on, consultation.closes_on = opens, closes
        consultation.save()
        answer = submit(client, consultation)
        assert answer.status_code == 400
        assert "not open for responses" in answer.content.decode()
    assert ConsultationResponse.objects.count() == 0


def test_closing_day_is_still_open(client, consultation):
    consultation.closes_on = timezone.localdate()
    consultation.save()
    assert submit(client, consultation).status_code == 302


def test_unknown_consultation_and_get(client, consultation):
    assert client.post("/en/consultations/999999/respond/", {}).status_code == 404
    assert client.get(f"/en/consultations/{consultation.pk}/respond/").status_code == 405


def test_tampered_and_foreign_tokens(client, consultation):
    submit(client, consultation)
    link = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    token = link.rsplit("/", 2)[1]
    stored = ConsultationResponse.objects.get()
    forged = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        signing.dumps({"r": stored.pk, "e": stored.email}, salt="another.salt"),
        signing.dumps({"r": stored.pk, "e": "someone@example.org"}, salt=SALT),
        signing.dumps({"r": "1"}, salt=SALT),
        signing.dumps([1], salt=SALT),
        "%00",
        "²",
    ]
    for bad in forged:
        for method in (client.get, client.post):
            answer = method(reverse("consultation_confirm", args=[bad]))
            assert answer.status_code == 400, bad
            assert "not valid" in answer.content.decode()
    stored.refresh_from_db()
    assert stored.status == ResponseStatus.UNCONFIRMED


def test_expired_token(client, consultation, settings):
    submit(client, consultation)
    link = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    settings.CONSULTATION_CONFIRM_DAYS = -1
    for answer in (client.get(link), client.post(link)):
        assert answer.status_code == 400
        assert "expired" in answer.content.decode()
    assert ConsultationResponse.objects.get().status == ResponseStatus.UNCONFIRMED


def test_confirming_a_deleted_response(client, consultation):
    submit(client, consultation)
    link = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    ConsultationResponse.objects.all().delete()
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400


def test_a_moderated_response_is_not_reopened_by_its_link(client, consultation):
    response = submit_and_confirm(client, consultation)
    response.status = ResponseStatus.SPAM
    response.save()
    link = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    for answer, status in ((client.get(link), 200), (client.post(link), 400)):
        assert answer.status_code == status
        assert "Already confirmed" in answer.content.decode()
    response.refresh_from_db()
    assert response.status == ResponseStatus.SPAM


def test_opening_the_link_many_times_confirms_nothing(client, consultation):
    """Mail scanners and link previews fetch the link, maybe with HEAD."""
    submit(client, consultation)
    link = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    for _ in range(3):
        assert client.get(link).status_code == 200
    assert client.head(link).status_code == 200
    assert client.put(link).status_code == 405
    stored = ConsultationResponse.objects.get()
    assert stored.status == ResponseStatus.UNCONFIRMED
    assert stored.confirmed_at is None
    assert client.post(link).status_code == 200
    stored.refresh_from_db()
    assert stored.status == ResponseStatus.PENDING


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS + ["question"]), value=ODD_TEXT)
def test_fuzz_form_fields(client, consultation, field, value):
    if field == "question":
        field = f"response-q_{consultation.question_list()[1][0]}"
    before = ConsultationResponse.objects.count()
    answer = submit(client, consultation, **{field: value})
    assert answer.status_code in (302, 400), (field, value, answer.status_code)
    if answer.status_code == 400:
        assert ConsultationResponse.objects.count() == before


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(token=st.text(min_size=1, max_size=80).filter(lambda t: "/" not in t and "\x00" not in t))
def test_fuzz_tokens(client, consultation, token):
    answer = client.get(reverse("consultation_confirm", args=[token]))
    assert answer.status_code in (400, 404)
    answer = client.post(reverse("consultation_confirm", args=[token]))
    assert answer.status_code in (400, 404)


def test_limit_store_unreachable_is_a_503(client, consultation, settings):
    unreachable = "redis://127.0.0.1:1/0"
    settings.REDIS_URL = unreachable
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": unreachable,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    answer = submit(client, consultation)
    assert answer.status_code == 503
    assert "cannot be taken just now" in answer.content.decode()
    assert ConsultationResponse.objects.count() == 0


def test_mail_server_down_keeps_nothing_and_says_so(client, consultation, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    answer = submit(client, consultation)
    assert answer.status_code == 503
    assert "could not send the confirmation" in answer.content.decode()
    # The form comes back filled in, so nothing typed is lost.
    assert "The budget step needs an example." in answer.content.decode()
    assert ConsultationResponse.objects.count() == 0
