"""The skills explorer, learner progress and the learners' accounts."""

import re
from collections import OrderedDict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import LoginView, LogoutView
from django.db.models import Prefetch
from django.http import (
    Http404,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import ratelimit
from core.clientip import client_ip
from core.numbers import user_int
from core.site_roots import active_locale
from learning import explorer, progress
from learning.esco_import import CREATIVE_ISCO_GROUPS
from learning.models import (
    IscoGroup,
    IscoGroupLabel,
    LearningIndexPage,
    LearningModulePage,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    Skill,
)

MAX_QUERY = 100
MAX_HAVE = 500
SLUG = re.compile(r"^[A-Za-z0-9-]{1,80}$")


def learning_index_url(request) -> str:
    index = LearningIndexPage.objects.live().filter(locale=active_locale(request)).first()
    if index is None:
        index = LearningIndexPage.objects.live().first()
    return index.get_url(request) if index else "/"


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


# Autocomplete and explorer ------------------------------------------------


def _search_text(request) -> str:
    """``q`` without control characters (PostgreSQL refuses NUL) and with
    runs of white space as one space."""
    text = request.GET.get("q", "")
    return " ".join("".join(ch for ch in text if ch.isprintable() or ch.isspace()).split())


def search_occupations(query: str, limit: int = 10):
    """Occupations whose labels (in the active language, else English)
    contain ``query``; those starting with it first."""
    needle = query.casefold()
    for language in explorer.languages():
        labels = list(
            OccupationLabel.objects.filter(language=language, search_text__contains=needle)
            .select_related("concept")
            .order_by("preferred_label")[:200]
        )
        if labels:
            labels.sort(key=lambda row: (not row.preferred_label.casefold().startswith(needle),))
            return [(row.concept, row) for row in labels[:limit]]
    return []


@require_GET
def occupation_autocomplete(request):
    query = _search_text(request)
    if len(query) > MAX_QUERY:
        return JsonResponse({"error": _("The search text is too long.")}, status=400)
    if len(query) < 2:
        return JsonResponse({"results": []})
    active = explorer.languages()[0]
    results = [
        {
            "id": occupation.pk,
            "label": label.preferred_label,
            "isco": occupation.isco_code,
            "url": f"{reverse('learning:explorer')}?occupation={occupation.pk}",
            # The label's language when it is not the page's (ESCO has none in it).
            **({"lang": label.language} if label.language != active else {}),
        }
        for occupation, label in search_occupations(query)
    ]
    return JsonResponse({"results": results})


def _id_set(values, limit) -> set[int] | None:
    """The ids of ticked skills, or None when there are too many or one is
    not an id."""
    ids = {user_int(value) for value in values}
    if len(values) > limit or None in ids:
        return None
    return ids


def explorer_view(request):
    query = _search_text(request)
    raw_occupation = request.GET.get("occupation", "").strip()
    if len(query) > MAX_QUERY:
        return HttpResponseBadRequest(_("The search text is too long."))
    have_ids = _id_set(request.GET.getlist("have"), MAX_HAVE)
    if have_ids is None:
        return HttpResponseBadRequest(_("The ticked skills could not be read."))
    context = {"query": query, "matches": [], "occupation": None}
    if query and not raw_occupation:
        context["matches"] = search_occupations(query, limit=25)
    if raw_occupation:
        occupation_id = user_int(raw_occupation)
        if occupation_id is None:
            return HttpResponseBadRequest(_("Unknown occupation."))
        occupation = get_object_or_404(
            Occupation.objects.prefetch_related(explorer.occupation_labels()),
            pk=occupation_id,
        )
        gap = explorer.occupation_gap(occupation, have_ids)
        locale = active_locale(request)
        context.update(
            occupation=occupation,
            gap=gap,
            checked=request.GET.get("checked") == "1",
            modules=explorer.rank_modules(gap, locale),
            paths=explorer.rank_paths(gap, locale),
            optional_modules=explorer.rank_modules(gap, locale, essential=False),
            optional_paths=explorer.rank_paths(gap, locale, essential=False),
            relation_labels={
                OccupationSkill.ESSENTIAL: _("Essential skills"),
                OccupationSkill.OPTIONAL: _("Optional skills"),
            },
        )
        if not query:
            context["query"] = occupation.label  # the box keeps the choice
        context["in_english"] = explorer.any_in_english([occupation, *gap.essential, *gap.optional])
    else:
        context["in_english"] = explorer.any_in_english(
            match for match, _label in context["matches"]
        )
    return render(request, "learning/skills_explorer.html", context)


def skill_detail(request, ref: str):
    """The transversal view: which occupations and ISCO groups need a skill,
    directly or through its narrower skills; its place in ESCO's hierarchy."""
    queryset = Skill.objects.prefetch_related(explorer.skill_labels(), *explorer.related_skills())
    skill_id = user_int(ref)
    if skill_id is not None:
        skill = get_object_or_404(queryset, pk=skill_id)
    elif SLUG.fullmatch(ref):
        skill = get_object_or_404(queryset, uri__endswith=f"/{ref}")
    else:
        return HttpResponseBadRequest(_("Unknown skill."))
    reach = explorer.skill_reach(skill, CREATIVE_ISCO_GROUPS)
    by_group: dict[str, dict] = OrderedDict()
    for need in reach.needs:
        code = need.occupation.isco_code[:2]
        by_group.setdefault(code, {"code": code, "needs": []})["needs"].append(need)
    groups = {
        g.code: g
        for g in IscoGroup.objects.filter(code__in=list(by_group)).prefetch_related(
            Prefetch(
                "labels",
                queryset=IscoGroupLabel.objects.filter(language__in=explorer.languages()),
            )
        )
    }
    for code, entry in by_group.items():
        entry["group"] = groups.get(code)
    modules = (
        LearningModulePage.objects.live()
        .filter(locale=active_locale(request), skills=skill)
        .order_by("title")
    )
    broader, narrower = list(skill.broader.all()), list(skill.narrower.all())
    concepts = [skill, *broader, *narrower, *explorer.reach_concepts(reach)]
    return render(
        request,
        "learning/skill_detail.html",
        {
            "skill": skill,
            "reach": reach,
            "groups": list(by_group.values()),
            "listed": len(reach.needs),
            "broader": sorted(broader, key=explorer.label_key),
            "narrower": sorted(narrower, key=explorer.label_key),
            "modules": modules,
            "in_english": explorer.any_in_english(concepts),
        },
    )


def transversal_view(request):
    """ESCO's transversal skills, by group, with how many occupations need
    each (directly or through narrower skills)."""
    groups = explorer.transversal_skills()
    concepts = [c for group, skills in groups for c in [group, *skills]]
    return render(
        request,
        "learning/transversal_skills.html",
        {"groups": groups, "in_english": explorer.any_in_english(concepts)},
    )


# Progress ------------------------------------------------------------------


@require_POST
def mark_progress(request):
    """Mark a module done (or not done). JSON for the script, a redirect for
    the plain form. Signed-in learners only: anonymous progress stays in the
    browser."""
    wants_json = request.content_type == "application/json"
    if wants_json:
        try:
            payload = progress.parse_payload(request.body)
            keys = progress.parse_keys([payload.get("module")])
            done = bool(payload.get("done", True))
        except ValueError:
            return JsonResponse({"error": "module must be a module key"}, status=400)
    else:
        try:
            keys = progress.parse_keys([request.POST.get("module", "")])
        except ValueError:
            return HttpResponseBadRequest(_("Unknown module."))
        done = request.POST.get("done", "1") != "0"
    if not request.user.is_authenticated:
        if wants_json:
            return JsonResponse({"error": "sign in to keep progress on the server"}, status=403)
        return redirect(f"{reverse('learning:login')}?next={_safe_next(request, '')}")
    if not progress.known_module_keys(keys):
        if wants_json:
            return JsonResponse({"error": "unknown module"}, status=404)
        raise Http404("unknown module")
    completed = progress.mark_done(request.user, keys, done=done)
    if wants_json:
        return JsonResponse({"completed": sorted(completed)})
    messages.success(request, _("Progress saved.") if done else _("Marked as not done."))
    return redirect(_safe_next(request, learning_index_url(request)))


@require_POST
def merge_progress(request):
    """Merge the progress kept in the browser into the signed-in account."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "sign in first"}, status=403)
    try:
        payload = progress.parse_payload(request.body)
        keys = progress.parse_keys(payload.get("completed"))
    except ValueError:
        return JsonResponse(
            {"error": f"completed must be a list of at most {progress.MAX_MERGE} module keys"},
            status=400,
        )
    before = progress.completed_keys(request.user)
    completed = progress.mark_done(request.user, keys)
    return JsonResponse({"completed": sorted(completed), "added": len(completed - before)})


# Accounts --------------------------------------------------------------------


class LearnerLoginView(LoginView):
    template_name = "learning/accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return learning_index_url(self.request)


class LearnerLogoutView(LogoutView):
    def get_success_url(self):
        return learning_index_url(self.request)


def signup(request):
    """Anyone may create a learner account (no admin access, so pages for
    "logged-in users" stay closed to it: core/restrictions.py), at most
    SIGNUP_RATE_LIMIT per client address per hour."""
    if request.user.is_authenticated:
        return redirect(learning_index_url(request))
    form = UserCreationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        status = _signup_refused(request, form)
        if not status:
            user = form.save()  # an ordinary learner: no staff or admin rights
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your progress is now kept in your account."))
            return redirect(_safe_next(request, learning_index_url(request)))
    elif form.errors:
        status = 400
    return render(
        request,
        "learning/accounts/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=status,
    )


def _signup_refused(request, form) -> int:
    """The status (429, 503) and a form error when this client may not create
    another account now, else 0. Counts only sign-ups that passed the form."""
    try:
        allowed = ratelimit.acquire(
            "signup", client_ip(request), settings.SIGNUP_RATE_LIMIT, settings.SIGNUP_RATE_WINDOW
        )
    except ratelimit.Unavailable:
        form.add_error(None, _("Sign-up is not available just now. Please try again later."))
        return 503
    if not allowed:
        form.add_error(None, _("Too many new accounts from your address. Please try again later."))
        return 429
    return 0
