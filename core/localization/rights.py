"""Who may export, import and publish a page's translation as PO files.

The global "submit translation" permission only opens the tools; each page
then needs Wagtail's own page permissions (``permissions_for_user``):

- export: edit rights on the source page, or the source page is live and
  the user may edit its translation (what a translator does: a translator
  never edits the English tree). A live page's PO file holds the text
  wagtail-localize took from it when it was submitted or synced, which is
  what a translator sees in wagtail-localize's own editor anyway;
- import: edit rights on the translated page;
- publish: publish rights on the translated page. Without them an import
  saves a draft revision and submits it to the page's workflow, as Wagtail's
  "Submit for moderation" does.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from core.localization.po import POError


class NotAllowed(POError):
    """The user lacks a page permission the import needs."""


def _pages(translations):
    """``{translation pk: (source page, translated page or None)}``."""
    keys = {t.source.object_id for t in translations}
    found = {
        (p.translation_key, p.locale_id): p for p in Page.objects.filter(translation_key__in=keys)
    }
    return {
        t.pk: (
            found.get((t.source.object_id, t.source.locale_id)),
            found.get((t.source.object_id, t.target_locale_id)),
        )
        for t in translations
    }


def exportable(translations, user):
    """The translations whose PO file ``user`` may download."""
    pages = _pages(translations)
    allowed = []
    for translation in translations:
        source, target = pages[translation.pk]
        if source is None:
            continue
        if source.permissions_for_user(user).can_edit() or (
            source.live and target is not None and target.permissions_for_user(user).can_edit()
        ):
            allowed.append(translation)
    return allowed


def may_publish_any(page, user) -> bool:
    """Whether ``user`` may publish some translation of ``page`` (else the
    import form does not offer "publish")."""
    translations = Page.objects.translation_of(page)
    return any(other.permissions_for_user(user).can_publish() for other in translations)


def check_import(parsed, user, *, publish):
    """Raise ``NotAllowed`` (or ``POError`` for a translated page that does
    not exist) unless ``user`` may import every file, and publish when asked.
    Returns the translated pages, by translation pk."""
    pages = _pages([item.translation for item in parsed])
    targets = {}
    for item in parsed:
        translation = item.translation
        source, target = pages[translation.pk]
        names = {
            "page": source.title if source else translation.source.object_repr,
            "locale": translation.target_locale.get_display_name(),
        }
        if target is None:
            raise POError(
                _(
                    "“%(page)s” has no page in %(locale)s to import into: "
                    "submit it for translation first."
                )
                % names
            )
        permissions = target.permissions_for_user(user)
        if not permissions.can_edit():
            raise NotAllowed(
                _("You may not edit the translation of “%(page)s” into %(locale)s.") % names
            )
        if publish and not permissions.can_publish():
            raise NotAllowed(
                _(
                    "You may not publish the translation of “%(page)s” into %(locale)s: "
                    "import it without “Publish” to submit it for review."
                )
                % names
            )
        targets[translation.pk] = target
    return targets


def submit_for_review(targets, user) -> int:
    """Submit each imported draft that ``user`` may not publish to its page's
    workflow, as Wagtail's "Submit for moderation" does. Returns how many."""
    submitted = 0
    for target in targets:
        page = target.specific
        if page.permissions_for_user(user).can_publish():
            continue
        workflow = page.get_workflow()
        if workflow is None:
            continue
        state = page.current_workflow_state
        if state is None:
            workflow.start(page, user)
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        # A workflow in progress reviews the latest revision: the new one.
        submitted += 1
    return submitted
