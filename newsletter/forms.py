"""The sign-up and preference forms: what a reader may choose, validated before anything is
stored or mailed."""

from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from articles.models import Section
from newsletter.models import Pace, Subscriber, Weekday
from newsletter.subscribe import Choices, normalize_address

TIME_ZONES = sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC")
HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]
PACES = [(Pace.EACH, "Each story as it is published"), (Pace.DAILY, "A daily digest"),
         (Pace.WEEKLY, "A weekly digest")]  # fmt: skip
CHOICES = [
    (Subscriber.Choice.ALL, "Every section"),
    (Subscriber.Choice.ALL_BUT, "Every section but those ticked"),
    (Subscriber.Choice.ONLY, "Only the sections ticked"),
]
# A field people never see (it is hidden) and robots fill in.
HONEYPOT = "homepage"


def active_sections():
    return Section.objects.filter(is_active=True, merged_into__isnull=True).order_by(
        "order", "name"
    )


class AddressField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=254, **kwargs)
        self.widget = forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})

    def clean(self, value):
        return normalize_address(super().clean(value))


class SectionsField(forms.ModelMultipleChoiceField):
    """The ticked sections, by id. An id past 64 bits is refused as one that names no section:
    SQLite cannot even compare with it (Django's check of each id runs no query)."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            try:
                past = abs(int(pk)) >= 2**63
            except (TypeError, ValueError):
                continue  # not a number: Django's own check refuses it
            if past:
                raise ValidationError(
                    self.error_messages["invalid_choice"], "invalid_choice", {"value": pk}
                )
        return super().clean(value)


class ChoicesForm(forms.Form):
    choice = forms.ChoiceField(
        label="Sections", choices=CHOICES, initial="all", widget=forms.RadioSelect
    )
    sections = SectionsField(
        queryset=active_sections(), required=False, widget=forms.CheckboxSelectMultiple
    )
    pace = forms.ChoiceField(choices=PACES, required=False, widget=forms.RadioSelect)
    hour = forms.TypedChoiceField(choices=HOURS, coerce=int, required=False, empty_value=None)
    weekday = forms.TypedChoiceField(
        label="Day (weekly digest)",
        choices=Weekday.choices,
        coerce=int,
        required=False,
        empty_value=None,
    )
    time_zone = forms.ChoiceField(
        choices=[(zone, zone) for zone in TIME_ZONES], initial="UTC", required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("choice") in ("only", "all_but") and not data.get("sections"):
            self.add_error("sections", "Tick the sections you mean.")
        return data

    def choices(self) -> Choices:
        data = self.cleaned_data
        return Choices(
            choice=data["choice"],
            sections=[section.pk for section in data.get("sections") or []],
            pace=data.get("pace") or "",
            hour=data.get("hour"),
            weekday=data.get("weekday"),
            time_zone=data.get("time_zone") or "UTC",
        )


class SubscribeForm(ChoicesForm):
    email = AddressField(label="Your email address")
    homepage = forms.CharField(required=False, label="Leave this empty")

    field_order = ["email", "choice", "sections", "pace", "hour", "weekday", "time_zone"]


class PreferencesForm(ChoicesForm):
    pace = forms.ChoiceField(choices=PACES, widget=forms.RadioSelect)
    hour = forms.TypedChoiceField(choices=HOURS, coerce=int)
    weekday = forms.TypedChoiceField(
        label="Day (weekly digest)", choices=Weekday.choices, coerce=int
    )
    time_zone = forms.ChoiceField(choices=[(zone, zone) for zone in TIME_ZONES])
    daily_cap = forms.IntegerField(
        label="At most this many mails a day (each story)", min_value=1, max_value=100
    )


class PauseForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Pause for",
        choices=[(0, "No pause"), (7, "A week"), (14, "Two weeks"), (30, "A month")],
        coerce=int,
    )


class InviteForm(forms.Form):
    email = AddressField(label="Their email address")


def from_a_person(post, seconds_filling: float | None) -> bool:
    """False for a robot: it fills in the hidden field, or sends the form sooner than a person
    could (or without the signed start a browser fetches)."""
    return (
        not post.get(HONEYPOT)
        and seconds_filling is not None
        and seconds_filling >= settings.NEWSLETTER_MIN_FILL_SECONDS
    )
