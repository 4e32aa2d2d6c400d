"""Form fields that tell assistive technology about their help and their errors.

Each input's `aria-describedby` names its error list (`<id>_errors`) when it has errors and its
help text (`<id>_helptext`) when it has one, the ids templates/accounts/partials/field.html
gives them; Django itself adds `aria-invalid`."""
from django import forms


class DescribedBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.auto_id:
            described = []
            if self.errors:
                described.append(f"{self.auto_id}_errors")
            if self.help_text:
                described.append(f"{self.auto_id}_helptext")
            if described:
                attrs["aria-describedby"] = " ".join(described)
            else:
                attrs.pop("aria-describedby", None)
        return attrs


class AccessibleFormMixin:
    bound_field_class = DescribedBoundField
