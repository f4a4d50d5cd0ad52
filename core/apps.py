from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        limit_decoded_pixels()
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
