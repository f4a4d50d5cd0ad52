"""Attachments: WordPress uploads as Wagtail images and documents.

Files are read from a local copy of ``wp-content/uploads`` and never fetched
from the old site. Each file written to storage is remembered so that a dry
run, or an import that fails, can remove it again with the rolled-back rows.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.files import File
from django.core.files.images import get_image_dimensions
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import get_allowed_image_extensions

from .richtext import media_path, original_path


@dataclass
class Attachment:
    post_id: int
    guid: str
    title: str
    url: str
    path: str  # relative to the uploads folder
    alt: str


class Journal:
    """Files saved during the import, deleted again when it rolls back."""

    def __init__(self):
        self.names: list[tuple[object, str]] = []

    def saved(self, field_file) -> None:
        self.names.append((field_file.storage, field_file.name))

    def discard(self) -> None:
        for storage, name in self.names:
            storage.delete(name)
        self.names.clear()


def file_hash(path: Path) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


class MediaLibrary:
    """Finds the files of attachments and the images and documents they
    became. ``by_path`` maps upload paths (``2023/02/a.jpg``) to attachment
    ids; ``objects`` attachment ids to the imported image or document."""

    def __init__(self, media_dir: Path | None, attachments: dict[int, Attachment]):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.attachments = attachments
        self.by_path = {original_path(a.path): a.post_id for a in attachments.values() if a.path}
        self.objects: dict[int, object] = {}

    def locate(self, attachment: Attachment) -> tuple[Path | None, str]:
        """The attachment's file, or None and why not."""
        if self.media_dir is None:
            return None, "no --media-dir given"
        if not attachment.path:
            return None, "no file name in the export"
        candidate = (self.media_dir / unquote(attachment.path)).resolve()
        if not candidate.is_relative_to(self.media_dir):
            return None, "file outside the uploads folder"
        if not candidate.is_file():
            return None, "file not found"
        return candidate, ""

    @staticmethod
    def kind_of(path: Path) -> tuple[str, str]:
        """("image" | "document", "") or ("", reason)."""
        extension = path.suffix.lower().lstrip(".")
        size = path.stat().st_size
        if extension in get_allowed_image_extensions():
            if size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                return "", "image larger than WAGTAILIMAGES_MAX_UPLOAD_SIZE"
            if get_image_dimensions(path)[0] is None:
                return "", "not a readable image"
            return "image", ""
        if extension in settings.WAGTAILDOCS_EXTENSIONS:
            if size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
                return "", "document larger than WAGTAILDOCS_MAX_UPLOAD_SIZE"
            return "document", ""
        return "", f"file type .{extension} is not accepted for images or documents"

    @staticmethod
    def model_for(kind: str):
        return get_image_model() if kind == "image" else get_document_model()

    def save(self, kind: str, attachment: Attachment, path: Path, journal: Journal, existing=None):
        """Create (or refresh) the image or document for ``attachment``."""
        obj = existing if existing is not None else self.model_for(kind)()
        obj.title = attachment.title[:255] or path.name
        if kind == "image":
            obj.description = attachment.alt[:255]
        with open(path, "rb") as handle:
            obj.file.save(os.path.basename(path), File(handle), save=False)
        journal.saved(obj.file)
        if kind == "image":
            obj._set_image_file_metadata()
        else:
            obj._set_document_file_metadata()
        obj.file.close()
        obj.save()
        return obj

    # Lookups used by the rich-text converter ------------------------------

    def _by_upload_path(self, url: str):
        path = original_path(unquote(media_path(url)))
        post_id = self.by_path.get(path)
        return self.objects.get(post_id) if post_id else None

    def image_for_src(self, src: str):
        obj = self._by_upload_path(src)
        return obj if isinstance(obj, get_image_model()) else None

    def image_for_id(self, post_id):
        text = str(post_id)
        obj = self.objects.get(int(text)) if text.isascii() and text.isdecimal() else None
        return obj if isinstance(obj, get_image_model()) else None

    def document_for_href(self, href: str):
        obj = self._by_upload_path(href) if media_path(href) else None
        return obj if isinstance(obj, get_document_model()) else None
