"""Learner progress: what a signed-in learner has done, and how far along a
path that puts them. Anonymous progress lives in the browser (learning.js)
and uses the same module keys (translation keys)."""

import json
import uuid

from django.db.models import Count, Q

from learning.models import (
    LearningModulePage,
    LearningPathModule,
    LearningPathPage,
    ModuleCompletion,
)

MAX_MERGE = 500


def completed_keys(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {
        str(key)
        for key in ModuleCompletion.objects.filter(user=user).values_list("module_key", flat=True)
    }


def path_progress(modules, done_keys: set[str]) -> dict:
    """``3 of 7 modules, about 2 h left`` as numbers."""
    total = len(modules)
    done = [m for m in modules if str(m.translation_key) in done_keys]
    minutes_left = sum(
        m.duration_minutes for m in modules if str(m.translation_key) not in done_keys
    )
    return {
        "done": len(done),
        "total": total,
        "minutes_left": minutes_left,
        "percent": round(100 * len(done) / total) if total else 0,
    }


def parse_payload(body: bytes) -> dict:
    """The JSON object sent by learning.js; ValueError on anything else."""
    try:
        payload = json.loads(body or b"{}")
    except RecursionError as error:  # thousands of nested brackets
        raise ValueError("the JSON is nested too deeply") from error
    if not isinstance(payload, dict):
        raise ValueError("expected a JSON object")
    return payload


def parse_keys(values) -> list[uuid.UUID]:
    """Module keys from untrusted input; ValueError on anything malformed."""
    if not isinstance(values, list) or len(values) > MAX_MERGE:
        raise ValueError(f"expected a list of at most {MAX_MERGE} module keys")
    keys = []
    for value in values:
        if not isinstance(value, str):
            raise ValueError("module keys are strings")
        keys.append(uuid.UUID(value))
    return keys


def known_module_keys(keys) -> set[uuid.UUID]:
    return set(
        LearningModulePage.objects.live()
        .filter(translation_key__in=keys)
        .values_list("translation_key", flat=True)
    )


def mark_done(user, keys, done: bool = True) -> set[str]:
    """Record (or undo) completion of the live modules among ``keys``;
    unknown keys are ignored. Returns the learner's completed keys."""
    valid = known_module_keys(keys)
    if done:
        existing = set(
            ModuleCompletion.objects.filter(user=user, module_key__in=valid).values_list(
                "module_key", flat=True
            )
        )
        ModuleCompletion.objects.bulk_create(
            [ModuleCompletion(user=user, module_key=key) for key in valid - existing],
            ignore_conflicts=True,
        )
    else:
        ModuleCompletion.objects.filter(user=user, module_key__in=valid).delete()
    return completed_keys(user)


def path_report():
    """Per path (English source), how many learners started it (did at
    least one module) and completed it (did all). Counts only, no names."""
    paths = list(LearningPathPage.objects.filter(locale__language_code="en").order_by("title"))
    steps = LearningPathModule.objects.filter(path__in=paths).select_related("module")
    keys_by_path: dict[int, set] = {p.pk: set() for p in paths}
    for step in steps:
        keys_by_path[step.path_id].add(step.module.translation_key)
    rows = []
    for path in paths:
        keys = keys_by_path[path.pk]
        per_user = (
            ModuleCompletion.objects.filter(module_key__in=keys)
            .values("user")
            .annotate(done=Count("module_key", filter=Q(module_key__in=keys)))
        )
        started = completed = 0
        for row in per_user:
            started += 1
            completed += row["done"] >= len(keys) > 0
        rows.append(
            {"path": path, "modules": len(keys), "started": started, "completed": completed}
        )
    return rows
