"""Demo step: an open consultation on a draft guideline, with responses in
several languages (published ones and one waiting for moderation), and a
closed one with its summary and "what changed". Text in
demo/content/consultations.yaml, written
for this project; translations are real wagtail-localize translations."""

import datetime

from django.utils import timezone, translation
from wagtail.models import Locale

from consultation.models import Consultation, ConsultationResponse, ResponseStatus
from consultation.sections import document_sections
from core.demo_content import read
from knowledgebase.models import GuidelinePage

TEXT_FIELDS = ("title", "introduction")
RICH_FIELDS = ("summary", "what_changed")


def load(context):
    entries = read("consultations")["consultations"]
    english = Locale.objects.get(language_code="en")
    today = timezone.localdate()
    for entry in entries:
        page = GuidelinePage.objects.filter(slug=entry["guideline"], locale=english).first()
        if page is None:
            context.step(f"no guideline {entry['guideline']}: skipped")
            continue
        consultation = ensure_consultation(page, entry, today)
        context.translate(consultation)
        count = ensure_responses(consultation, page, entry.get("responses", []), today)
        context.step(f"{consultation.title}: {count} responses")


def ensure_consultation(page, entry, today):
    text = entry["text"]
    fields = {
        "opens_on": today + datetime.timedelta(days=entry["opens"]),
        "closes_on": today + datetime.timedelta(days=entry["closes"]),
        **{name: text[name] for name in TEXT_FIELDS},
        **{name: f"<p>{text[name]}</p>" if name in text else "" for name in RICH_FIELDS},
    }
    questions = list(text.get("questions", []))
    consultation = Consultation.objects.filter(page=page, locale=page.locale).first()
    if consultation is None:
        consultation = Consultation(page=page, locale=page.locale, **fields)
        consultation.questions = [("question", q) for q in questions]
        consultation.save()
        return consultation
    for name, value in fields.items():
        setattr(consultation, name, value)
    # Keep the questions' block ids (answers are keyed by them) unless the
    # questions themselves changed.
    if [value for _id, value in consultation.question_list()] != questions:
        consultation.questions = [("question", q) for q in questions]
    consultation.save()
    return consultation


def ensure_responses(consultation, page, responses, today):
    question_ids = [block_id for block_id, _text in consultation.question_list()]
    now = timezone.now()
    for number, item in enumerate(responses, start=1):
        language = item["language"]
        version = _version(consultation, language)
        section, section_title = _section(page, item.get("step"), language)
        status = item["status"]
        fields = {
            "consultation": version,
            "language": language,
            "section": section,
            "section_title": section_title,
            "comment": item["comment"],
            "answers": {
                block_id: answer
                for block_id, answer in zip(question_ids, item.get("answers", []), strict=False)
                if answer
            },
            "name": item.get("name", ""),
            "organisation_type": item.get("organisation_type", ""),
            "country": item.get("country", ""),
            "sector": item.get("sector", ""),
            "consent": item["consent"],
            "status": status,
            "reply": item.get("reply", ""),
        }
        email = f"demo-{page.slug}-{number}@example.org"
        existing = ConsultationResponse.objects.filter(
            consultation__translation_key=consultation.translation_key, email=email
        ).first()
        if existing is None:
            existing = ConsultationResponse(email=email, confirmed_at=now)
        for name, value in fields.items():
            setattr(existing, name, value)
        if status != ResponseStatus.PENDING and existing.moderated_at is None:
            existing.moderated_at = now
        if existing.reply and existing.replied_at is None:
            existing.replied_at = now
        existing.save()
    return len(responses)


def _version(consultation, language):
    locale = Locale.objects.get(language_code=language)
    return consultation.get_translation_or_none(locale) or consultation


def _section(page, step, language):
    if not step:
        return "", ""
    locale = Locale.objects.get(language_code=language)
    local = page.get_translation_or_none(locale) or page
    with translation.override(language):
        sections = document_sections(local.specific)
    return sections[step - 1]
