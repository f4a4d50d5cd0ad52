"""Keep many-to-many links pointing at the copy in the page's own locale.

wagtail-localize copies a ParentalManyToManyField as it is, so a German page
would point at the English terms; on save we swap each linked object for its
translation in the page's locale (same ``translation_key``) when one exists."""

from modelcluster.fields import ParentalManyToManyField
from wagtail.models import TranslatableMixin


class LocalizedLinksMixin:
    def localize_links(self) -> None:
        if not self.locale_id:
            return
        for field in self._meta.get_fields():
            if not isinstance(field, ParentalManyToManyField):
                continue
            model = field.related_model
            if not issubclass(model, TranslatableMixin):
                continue
            current = list(getattr(self, field.name).all())
            if not current or all(obj.locale_id == self.locale_id for obj in current):
                continue
            keys = [obj.translation_key for obj in current]
            local = {
                obj.translation_key: obj
                for obj in model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            }
            setattr(
                self,
                field.name,
                [local.get(obj.translation_key, obj) for obj in current],
            )

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.localize_links()
        return super().save(*args, **kwargs)
