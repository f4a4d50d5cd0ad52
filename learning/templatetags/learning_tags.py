"""Template helpers for learning pages: durations and the learner state
that learning.js reads."""

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
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
        return _("%(m)d min") % {"m": rest}
    if not rest:
        return _("%(h)d h") % {"h": hours}
    return _("%(h)d h %(m)d min") % {"h": hours, "m": rest}


@register.filter
def about(minutes) -> str:
    """A rough time for "about 2 h left": minutes under an hour, else whole hours."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return _("%(m)d min") % {"m": minutes}
    return _("%(h)d h") % {"h": int(minutes / 60 + 0.5)}


@register.simple_tag
def progress_text(done: int, total: int, minutes_left: int) -> str:
    if total and done >= total:
        return _("All %(total)d modules done.") % {"total": total}
    return ngettext(
        "%(done)d of %(total)d module, about %(time)s left",
        "%(done)d of %(total)d modules, about %(time)s left",
        total,
    ) % {"done": done, "total": total, "time": about(minutes_left)}


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
            "progressOne": _("%(done)d of %(total)d module, about %(time)s left"),
            "progressMany": _("%(done)d of %(total)d modules, about %(time)s left"),
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
