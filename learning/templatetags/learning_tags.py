"""Template helpers for learning pages: durations and the learner state
that learning.js reads."""

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """45 -> "45 min"; 150 -> "2 h 30 min"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        text = _("%(m)d min") % {"m": rest}
    elif not rest:
        text = _("%(h)d h") % {"h": hours}
    else:
        text = _("%(h)d h %(m)d min") % {"h": hours, "m": rest}
    return keep_together(text)


def keep_together(text: str) -> str:
    """Numbers and units never wrap apart ("4 h", not "4" and "h")."""
    return text.replace(" ", "\u00a0")


@register.simple_tag
def esco_in_english(*groups) -> bool:
    """Whether any concept in these lists shows an English label for want
    of one in the active language (for the page's one notice)."""
    return any(concept.label_is_fallback for group in groups for concept in group)


@register.filter
def esco_label(concept) -> str:
    """An ESCO concept's label; marked ``lang`` when it is in another
    language (English) because ESCO has none in the active one."""
    if concept is None:
        return ""
    if concept.label_is_fallback:
        return format_html('<span lang="{}">{}</span>', concept.label_language, concept.label)
    return format_html("{}", concept.label)


@register.filter
def about(minutes) -> str:
    """A rough time for "about 2 h left": minutes under an hour, else whole hours."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return _("%(m)d min") % {"m": minutes}
    return _("%(h)d h") % {"h": int(minutes / 60 + 0.5)}


@register.simple_tag
def progress_pattern(total: int) -> str:
    """The progress sentence with its placeholders, in the plural form that
    fits ``total`` (Polish has three): the browser fills in the numbers."""
    return ngettext(
        "%(done)d of %(total)d module, about %(time)s left",
        "%(done)d of %(total)d modules, about %(time)s left",
        total,
    )


@register.simple_tag
def progress_text(done: int, total: int, minutes_left: int) -> str:
    if total and done >= total:
        return _("All %(total)d modules done.") % {"total": total}
    return progress_pattern(total) % {"done": done, "total": total, "time": about(minutes_left)}


@register.simple_tag(takes_context=True)
def learner_state(context) -> dict:
    """What learning.js needs: who is signed in, what they completed, where
    to post, and the interface strings it shows."""
    request = context["request"]
    user = request.user
    return {
        "signedIn": bool(user.is_authenticated),
        "completed": sorted(context.get("completed_keys") or []),
        "mergeUrl": reverse("learning:merge_progress"),
        "csrf": get_token(request),
        "strings": {
            "allDone": _("All %(total)d modules done."),
            "minutes": _("%(m)d min"),
            "hours": _("%(h)d h"),
            "done": _("Done"),
            "notDone": _("Not done yet"),
            "markDone": _("Mark as done"),
            "markNotDone": _("Mark as not done"),
            "correct": _("Correct."),
            "wrong": _("Not quite. The right answer is: %(answer)s"),
            "score": _("%(score)d of %(total)d correct."),
            "merged": _("Your progress from this browser was added to your account."),
            "noResults": _("No occupation matches."),
        },
    }


@register.simple_tag(takes_context=True)
def quiz_url(context, page, block_id) -> str:
    """Where a quiz form posts: the module's ``check_quiz`` sub-route."""
    base = page.get_url(context.get("request"))
    return base + page.reverse_subpage("check_quiz", args=[block_id])
