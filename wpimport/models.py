"""What the WordPress import remembers between runs."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    """One WordPress item (post, page or attachment) and what it became.

    Keyed on the item's GUID, so running the import again updates the same
    page, image or document instead of making a second one. ``source_hash``
    tells whether the item changed in WordPress since; ``revision_id`` whether
    an editor changed the page in Wagtail since (then it is left alone)."""

    guid = models.CharField(max_length=500, unique=True)
    wp_id = models.PositiveBigIntegerField()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    source_hash = models.CharField(max_length=64)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.guid
