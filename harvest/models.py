"""What the OAI-PMH endpoint must remember about pages it no longer shows."""

from django.db import models


class Tombstone(models.Model):
    """A harvested record that was withdrawn: its page was unpublished,
    deleted, put behind a view restriction or moved out of sight.

    While the page is out of sight the record is reported as deleted with
    this datestamp. A tombstone is kept when the page comes back; when it
    comes back without being published again (a restriction lifted, a move),
    the datestamp is moved to that moment, so that harvesters asking "what
    changed since" see the record again. Records are keyed like their OAI
    identifiers, by translation key and language, so a tombstone outlives
    its page."""

    translation_key = models.UUIDField()
    language_code = models.CharField(max_length=20)
    datestamp = models.DateTimeField(db_index=True)
    # The record's setSpecs when it was withdrawn, space-separated with a
    # space at each end (" type:guideline lang:de "), so that selective
    # harvesting by set finds the deletion too.
    set_specs = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language_code"], name="unique_tombstone_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key}/{self.language_code}"
