"""Background tasks (django-tasks): document text extraction.

Queued by ``SiteDocument.save()`` whenever a document gets a new file. The
upload request only stores the file and runs the cheap checks of
``core.forms``; reading the text (seconds for a long PDF) happens here, in
``manage.py db_worker`` when ``TASKS_BACKEND=database``.
"""

import logging

from django.db import transaction
from django_tasks import task

from core import extraction
from core.models.documents import EXTRACTED_FIELDS, SiteDocument

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id: int, file_name: str) -> str:
    """Extract the text of the document's file and store it. Returns the
    document's new extraction status, or "skipped" when the document is gone
    or its file has been replaced since (the newer file has its own task)."""
    document = SiteDocument.objects.filter(pk=document_id, file=file_name).first()
    if document is None:
        return "skipped"
    try:
        result = document.run_extraction(document.read_file())
    except OSError as error:
        logger.warning("Document %s: file %s unreadable: %s", document_id, file_name, error)
        result = extraction.Extraction(
            extraction.CORRUPT, warning=f"The file could not be read: {error}"
        )
    with transaction.atomic():
        # Lock the row and look again: a replacement uploaded while this
        # file was being read must not get this file's text.
        current = SiteDocument.objects.select_for_update().filter(pk=document_id).first()
        if current is None or current.file.name != file_name:
            return "skipped"
        current.apply_extraction(result)
        current.save(update_fields=EXTRACTED_FIELDS)
    return current.extraction_status
