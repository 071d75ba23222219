"""The comment form readers know: name, email (never published), website, comment."""

from django import forms

# A field people never see (hidden) and robots fill in. Not "website": that one is real here.
HONEYPOT = "topic"


class CommentForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=80,
        error_messages={"required": "Please enter your name.",
                        "max_length": "Your name can be at most %(limit_value)d characters."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )  # fmt: skip
    email = forms.EmailField(
        label="Email", max_length=254, help_text="Your email address will not be published.",
        error_messages={"required": "Please enter your email address.",
                        "invalid": "Please enter a valid email address.",
                        "max_length": "Your email address is too long."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip
    website = forms.URLField(
        label="Website", max_length=200, required=False, assume_scheme="https",
        error_messages={"invalid": "Please enter a valid web address, or leave it empty.",
                        "max_length": "The web address can be at most %(limit_value)d characters."},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )  # fmt: skip
    body = forms.CharField(
        label="Comment", max_length=5000, strip=True,
        error_messages={"required": "Please type your comment.",
                        "max_length": "Your comment can be at most %(limit_value)d characters "
                                      "(it has %(show_value)d)."},
        widget=forms.Textarea(attrs={"rows": 8, "cols": 45}),
    )  # fmt: skip
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    remember = forms.BooleanField(
        required=False,
        label="Save my name, email, and website in this browser for the next time I comment.",
    )
    notify_replies = forms.BooleanField(required=False, label="Notify me of replies by email.")
    topic = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"
            if field.required:
                field.widget.attrs["required"] = True

    def mark_errors(self) -> None:
        """Fields in error say so to assistive technology, and point at their message."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"id_{name}-error"

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))
