"""The demo step builds both consultations, translated, and adds nothing
when run again."""

import io

from django.core.management.base import OutputWrapper
from django.core.management.color import no_style
from wagtail.models import Locale

from consultation import demo
from consultation.models import Consultation, ConsultationResponse
from core.demo_tools import DemoContext

from .conftest import make_guideline


def run(django_capture_on_commit_callbacks):
    context = DemoContext(stdout=OutputWrapper(io.StringIO()), style=no_style())
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(context)


def test_demo_consultations(guideline_index, client, django_capture_on_commit_callbacks):
    draft = make_guideline(guideline_index, status="draft")
    draft.slug = "running-a-skills-exchange"
    draft.save_revision().publish()
    piloted = make_guideline(guideline_index, status="piloted")
    piloted.slug = "capturing-value-from-ip"
    piloted.save_revision().publish()

    run(django_capture_on_commit_callbacks)
    first = {
        "consultations": Consultation.objects.count(),
        "responses": list(
            ConsultationResponse.objects.order_by("pk").values_list("pk", "answers", "section")
        ),
    }
    assert first["consultations"] == 14  # two consultations in seven languages
    open_one = Consultation.objects.get(page=draft, locale__language_code="en")
    closed = Consultation.objects.get(page=piloted, locale__language_code="en")
    assert open_one.is_open() and closed.state() == "closed"
    german = open_one.get_translation(Locale.objects.get(language_code="de"))
    assert german.title == "Ihre Meinung: einen Kompetenzaustausch organisieren"
    assert [block.id for block in german.questions] == [b.id for b in open_one.questions]
    responses = ConsultationResponse.objects.filter(
        consultation__translation_key=open_one.translation_key
    )
    published = responses.filter(status="approved")
    assert set(published.values_list("language", flat=True)) == {"en", "de", "pl"}
    assert responses.filter(status="pending").count() == 1
    assert closed.summary and closed.what_changed

    run(django_capture_on_commit_callbacks)
    assert Consultation.objects.count() == first["consultations"]
    assert (
        list(ConsultationResponse.objects.order_by("pk").values_list("pk", "answers", "section"))
        == first["responses"]
    )

    page = client.get("/en/guidelines/running-a-skills-exchange/").content.decode()
    assert "Maren Kask" in page
    assert "Der gastgebende Hub" in page
    assert "Pour une indépendante" not in page  # pending
    closed_page = client.get("/en/guidelines/capturing-value-from-ip/").content.decode()
    assert "Twenty-three responses" in closed_page
    assert "Step 2 gained a sample clause" in closed_page
