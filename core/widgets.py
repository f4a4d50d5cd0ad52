"""Admin widgets.

``ChosenFirstCheckboxes``: a long multiple choice (the 250 countries) as a
scrolling list of checkboxes with the ticked ones on top and named above the
list, so an editor sees at once what is chosen. Plain HTML, no JavaScript."""

from django import forms


class ChosenFirstCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/chosen_first_checkboxes.html"

    class Media:
        css = {"all": ["core/chosen-first-checkboxes.css"]}

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        # Stable: the ticked ones first, each part in its original order.
        return sorted(groups, key=lambda group: not any(o["selected"] for o in group[1]))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in (value or [])}
        context["widget"]["chosen"] = [
            str(label) for key, label in self.choices if str(key) in chosen
        ]
        return context
