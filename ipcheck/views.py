"""The visitor's side of the IP self-check: one POST per step, answers in
the session (never in the URL), the result as HTML or PDF."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.numbers import user_int
from core.visibility import public
from ipcheck.logic import profile
from ipcheck.models import IPCheckCount

FIXED_FIELDS = {"csrfmiddlewaretoken", "step", "action"}


class BadStep(Exception):
    pass


def session_key(page):
    return f"ipcheck:{page.translation_key}"


def load_state(page, request):
    state = request.session.get(session_key(page))
    if not isinstance(state, dict) or not isinstance(state.get("answers"), dict):
        state = {"answers": {}, "at": None, "counted": False}
    state["answers"] = page.questionnaire.clean_answers(state["answers"])
    return state


def save_state(page, request, state):
    request.session[session_key(page)] = state


def current_step(page, state):
    questionnaire = page.questionnaire
    answers = state["answers"]
    visible = questionnaire.visible_steps(answers)
    if not visible:
        return None, visible
    frontier = questionnaire.frontier(answers)
    at = state.get("at")
    if at not in visible or (frontier is not None and at > frontier):
        at = visible[0] if frontier is None else frontier
    return at, visible


def step(page, request):
    state = load_state(page, request)
    if request.method == "POST":
        try:
            return _post_step(page, request, state)
        except BadStep as error:
            return _bad_request(page, request, str(error))
    if request.method not in ("GET", "HEAD"):
        return _bad_request(page, request, _("Send your answers with the form."), status=405)
    at, visible = current_step(page, state)
    return _render_step(page, request, state, at, visible)


def _posted_step(questionnaire, answers, post) -> int:
    """The index of the step the form was sent from, if the visitor may
    answer it now."""
    number = user_int(post.get("step", ""), maximum=len(questionnaire.steps))
    if not number:
        raise BadStep(_("This step does not exist."))
    index = number - 1
    frontier = questionnaire.frontier(answers)
    if index not in questionnaire.visible_steps(answers):
        raise BadStep(_("This step is not part of your check."))
    if frontier is not None and index > frontier:
        raise BadStep(_("Answer the earlier steps first."))
    if post.get("action", "next") not in ("next", "back"):
        raise BadStep(_("Use the Next or Back button."))
    return index


def _posted_answers(questions, post) -> tuple[dict, list]:
    """The answers sent for ``questions``, and the keys left unanswered."""
    allowed = {f"q-{question.key}" for question in questions}
    for name in post:
        if name not in FIXED_FIELDS and name not in allowed:
            raise BadStep(_("An answer was sent for a question that is not on this step."))
    chosen, missing = {}, []
    for question in questions:
        values = post.getlist(f"q-{question.key}")
        if len(values) > (len(question.options) if question.multiple else 1):
            raise BadStep(_("Too many answers were sent for one question."))
        if any(value not in question.option_keys() for value in values):
            raise BadStep(_("An answer is not one of the choices."))
        if values:
            chosen[question.key] = list(dict.fromkeys(values))
        else:
            missing.append(question.key)
    return chosen, missing


def _post_step(page, request, state):
    questionnaire = page.questionnaire
    answers = state["answers"]
    index = _posted_step(questionnaire, answers, request.POST)
    visible = questionnaire.visible_steps(answers)
    questions = questionnaire.step_questions(index, answers)
    chosen, missing = _posted_answers(questions, request.POST)
    if request.POST.get("action", "next") == "back":
        answers.update(chosen)
        state["answers"] = questionnaire.clean_answers(answers)
        earlier = [n for n in questionnaire.visible_steps(state["answers"]) if n < index]
        state["at"] = earlier[-1] if earlier else index
        save_state(page, request, state)
        return _see_other(page.url)
    if missing:
        return _render_step(page, request, state, index, visible, submitted=chosen, missing=missing)
    answers.update(chosen)
    state["answers"] = answers = questionnaire.clean_answers(answers)
    return _advance(page, request, state, index)


def _advance(page, request, state, index):
    """After a complete step: the next step, the first unanswered one, or
    the result (counted once per check)."""
    questionnaire = page.questionnaire
    answers = state["answers"]
    later = [n for n in questionnaire.visible_steps(answers) if n > index]
    frontier = questionnaire.frontier(answers)
    if later or frontier is not None:
        state["at"] = later[0] if later else frontier
        save_state(page, request, state)
        return _see_other(page.url)
    state["at"] = index
    if not state.get("counted"):
        _visible, tags = questionnaire.evaluate(answers)
        fired = [rule.key for rule in page.rule_list if rule.fires(tags)]
        IPCheckCount.record(page.translation_key, fired, tags)
        state["counted"] = True
    save_state(page, request, state)
    return _see_other(page.url + "result/")


def _see_other(url):
    response = redirect(url)
    response.status_code = 303
    return response


def _render_step(page, request, state, at, visible, submitted=None, missing=()):
    questionnaire = page.questionnaire
    answers = state["answers"]
    context = page.get_context(request)
    complete = questionnaire.frontier(answers) is None and bool(visible)
    possible = sorted(set(questionnaire.possible_steps(answers)) | set(visible))
    rows = []
    if at is not None:
        for question in questionnaire.step_questions(at, answers):
            chosen = (submitted if submitted is not None else answers).get(question.key, [])
            rows.append({"question": question, "chosen": chosen, "error": question.key in missing})
    context.update(
        {
            "step_index": at,
            "step_number": None if at is None else at + 1,
            "position": None if at is None else len([n for n in possible if n <= at]),
            "total": len(possible),
            "is_first": at is None or visible.index(at) == 0,
            "is_last": at is not None and visible.index(at) == len(visible) - 1,
            "rows": rows,
            "has_errors": bool(missing),
            "complete": complete,
            "started": bool(answers),
        }
    )
    status = 400 if missing else 200
    return TemplateResponse(request, "ipcheck/ip_check_page.html", context, status=status)


def _bad_request(page, request, message, status=400):
    context = page.get_context(request)
    context["message"] = message
    return TemplateResponse(request, "ipcheck/bad_step.html", context, status=status)


def result_context(page, request):
    """The profile for the visitor's answers, or None while incomplete."""
    state = load_state(page, request)
    questionnaire = page.questionnaire
    answers = state["answers"]
    if not questionnaire.steps or questionnaire.frontier(answers) is not None:
        return None
    _visible, tags = questionnaire.evaluate(answers)
    result = profile(page.rule_list, tags)
    links = _localized_pages(page, result["fired"])
    for rule in result["fired"]:
        rule.pages = [links[p.pk] for p in rule.guidelines + rule.modules if p.pk in links]
    return result


def _localized_pages(page, rules):
    """``{linked page id: page in the check's language (or the linked page)}``,
    live and public only, in one query whatever the number of links."""
    linked = {p.pk: p for rule in rules for p in rule.guidelines + rule.modules}
    if not linked:
        return {}
    keys = {p.translation_key: pk for pk, p in linked.items()}
    found = {}
    for candidate in public(Page.objects.live()).filter(
        translation_key__in=keys,
        locale_id__in={page.locale_id, *(p.locale_id for p in linked.values())},
    ):
        pk = keys[candidate.translation_key]
        if candidate.locale_id == page.locale_id or pk not in found:
            found[pk] = candidate
    return found


def result(page, request):
    data = result_context(page, request)
    if data is None:
        return redirect(page.url)
    context = page.get_context(request)
    context["profile"] = data
    return TemplateResponse(request, "ipcheck/ip_check_result.html", context)


def result_pdf(page, request):
    from ipcheck.pdf import profile_pdf

    data = result_context(page, request)
    if data is None:
        return redirect(page.url)
    body = profile_pdf(page, data, request)
    response = HttpResponse(body, content_type="application/pdf")
    name = slugify(page.title) or "ip-check"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


def restart(page, request):
    if request.method != "POST":
        return redirect(page.url)
    request.session.pop(session_key(page), None)
    return _see_other(page.url)
