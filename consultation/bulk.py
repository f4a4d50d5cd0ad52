"""Bulk moderation: approve, reject or mark as spam several responses at
once, without JavaScript (one form, one POST).

Every selected id must be in the user's own queue
(``moderation.visible_responses``). When one is not (another section's
response, an unconfirmed one, a forged or unknown id), nothing is changed
and the answer is 404: ids are never trusted because they came from the
list the user was shown."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages

from consultation import moderation
from consultation.models import ResponseStatus

ACTIONS = {
    "approve": ResponseStatus.APPROVED,
    "reject": ResponseStatus.REJECTED,
    "spam": ResponseStatus.SPAM,
}
MAX_SELECTED = 200
SHOWN = 100


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("approve", _("Approve")),
            ("reject", _("Reject")),
            ("spam", _("Mark as spam")),
        ],
    )
    selected = forms.CharField(required=False)

    def __init__(self, data, selected_ids):
        super().__init__(data)
        self.selected_ids = selected_ids

    def clean(self):
        cleaned = super().clean()
        ids = []
        for raw in self.selected_ids:
            if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
                raise forms.ValidationError(_("The selection is not valid."))
            ids.append(int(raw))
        if not ids:
            raise forms.ValidationError(_("Tick at least one response."))
        if len(set(ids)) > MAX_SELECTED:
            raise forms.ValidationError(
                _("Tick at most %(max)s responses at a time.") % {"max": MAX_SELECTED}
            )
        cleaned["ids"] = sorted(set(ids))
        return cleaned


def bulk_moderate(request):
    user = request.user
    if not moderation.can_moderate_any(user):
        raise PermissionDenied
    queue = moderation.visible_responses(user)
    form = BulkForm(None, [])
    status = 200
    if request.method == "POST":
        form = BulkForm(request.POST, request.POST.getlist("response"))
        if form.is_valid():
            ids = form.cleaned_data["ids"]
            with transaction.atomic():
                mine = list(
                    queue.select_for_update().filter(pk__in=ids).values_list("pk", flat=True)
                )
                if len(mine) != len(ids):
                    # Not all in this user's queue: change nothing.
                    raise Http404
                done = queue.filter(pk__in=ids).update(
                    status=ACTIONS[form.cleaned_data["action"]],
                    moderated_at=timezone.now(),
                    moderated_by=user,
                )
            messages.success(
                request,
                ngettext("%(count)s response moderated.", "%(count)s responses moderated.", done)
                % {"count": done},
            )
            return redirect("consultation_bulk")
        status = 400
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    pending = list(
        queue.filter(status=ResponseStatus.PENDING)
        .select_related("consultation")
        .order_by("created_at", "pk")[:SHOWN]
    )
    waiting = queue.filter(status=ResponseStatus.PENDING).count()
    context = {"form": form, "responses": pending, "waiting": waiting, "shown": SHOWN}
    return render(request, "consultation/admin/bulk.html", context, status=status)
