from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    demo_steps = {"core.demo": 10, "core.demo_pictures": 120}  # load_demo's steps and their order
    verbose_name = "Core"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_migrate

        from core import patches
        from core.site_url import on_post_migrate, parse

        patches.connect()  # workarounds for upstream behaviour (core/patches/)

        limit_decoded_pixels()
        if getattr(settings, "SITE_URL", ""):
            parse(settings.SITE_URL)  # a bad SITE_URL stops the start, with its reason
        # After every migrate, the default Site takes SITE_URL's host and port.
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="core.site_url")
        from core.pagecache.purge import connect

        connect()
        from core import chrome  # noqa: F401  (connects its signal receivers)


def limit_decoded_pixels():
    """Make Pillow refuse, in every process (web workers, the task worker),
    to decode an image larger than the upload limit: a rendition of an
    oversized image stored before the limit fails instead of taking a
    worker's memory. Pillow only warns between its limit and twice that, so
    the warning becomes an error."""
    import warnings

    from django.conf import settings
    from PIL import Image

    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if limit:
        Image.MAX_IMAGE_PIXELS = limit
        warnings.simplefilter("error", Image.DecompressionBombWarning)
