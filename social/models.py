"""The network's social feed: public feeds that editors list (Mastodon
accounts, any RSS or Atom feed, partners' news feeds) and the latest posts
fetched from them by ``manage.py refresh_social_feed``."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class FeedSource(models.Model):
    purges_listings = True  # shown on the home pages: core/pagecache purges the listings

    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(
        _("feed address"),
        max_length=500,
        help_text=_(
            "An RSS or Atom feed, e.g. a Mastodon account's "
            "https://mastodon.social/@account.rss or a partner's news feed."
        ),
    )
    language = models.CharField(
        _("language of the posts"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty when the posts are in several languages."),
    )
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("active"), default=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last fetched"), null=True, editable=False)
    last_error = models.TextField(_("last problem"), blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("language"),
        FieldPanel("partner"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("social feed source")
        verbose_name_plural = _("social feed sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SocialPost(models.Model):
    purges_listings = True  # shown on the home pages: core/pagecache purges the listings

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="posts")
    guid = models.CharField(max_length=500)
    title = models.CharField(max_length=300, blank=True)
    link = models.URLField(max_length=1000)
    text_html = models.TextField(blank=True, help_text="Cleaned with nh3 when fetched.")
    published_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="social_post_unique_guid")
        ]

    def __str__(self):
        return self.title or self.link
