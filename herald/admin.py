"""The desk's sign-in and its records: the login form that asks for an authenticator's code,
axes' hooks (the client's address, the locked-out page), each desk user's own authenticator
devices, and the action log for site admins."""

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from herald.lib.network import client_ip, valid


class DeskLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The password, then the code of the editor's authenticator app when they have confirmed
    one (django-otp checks it and marks the session as verified by that device). Without a
    device the password is enough, unless DESK_REQUIRE_TWO_FACTOR."""

    otp_device = forms.CharField(required=False, widget=forms.Select, label="Authenticator")
    otp_token = forms.CharField(
        required=False,
        label="Code from your authenticator app",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = OTPAuthenticationFormMixin.otp_error_messages | {
        "token_required": "Enter the code your authenticator app shows.",
        "invalid_token": "That code is not right: enter the one your app shows now.",
        "device_required": "Choose the authenticator you take the code from.",
    }
    no_device_message = (
        "This desk asks for a code from an authenticator app, and your account has none yet: "
        "ask a site admin to add one for you."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django gives the name a max_length but no check of it: a longer name would reach the
        # count of failed sign-ins (axes), whose column PostgreSQL keeps to 255 characters.
        name = self.fields["username"]
        name.validators.append(MaxLengthValidator(name.max_length))

    def clean(self):
        data = super().clean()
        user = self.get_user()
        if user is None:  # no name or no password: their fields say so
            return data
        devices = list(devices_for_user(user))
        if devices:
            # One device: it is the one. With several, the editor picks (django-otp will not
            # try each in turn, which would count a failure against every other one).
            if not data.get("otp_device") and len(devices) == 1:
                data["otp_device"] = devices[0].persistent_id
            self.clean_otp(user)
        elif settings.DESK_REQUIRE_TWO_FACTOR:
            raise ValidationError(self.no_device_message, code="no_device")
        return data


def sign_in_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address a sign-in is counted under, as the rest of Herald
    sees it (TRUSTED_PROXIES). None for a request with no address (a test's force_login)."""
    address = client_ip(request)
    return address if valid(address) else None


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the desk's page saying why, and for how long, with 429."""
    context = admin.site.each_context(request) | {
        "title": "Too many failed sign-ins",
        "minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }
    return render(request, "herald/desk_locked_out.html", context, status=429)


class AuthenticatorForm(forms.ModelForm):
    code = forms.CharField(
        required=False,
        label="Code from the app",
        help_text="Scan the QR code with your authenticator app and enter the code it shows: "
        "from your next sign-in on, the desk asks for one.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    class Meta:
        model = TOTPDevice
        fields = ["name"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if code and not self.instance.verify_token(code):
            raise ValidationError("That code is not right: enter the one the app shows now.")
        return code


# Registered here in place of django-otp's own admin (imported above, which registers it).
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(TOTPDeviceAdmin):
    """Each desk user adds their own authenticator app: a key is made, shown as a QR code until
    a code from the app confirms it, and never shown again. Superusers see every device (to
    remove a lost one) and may add one for someone else."""

    form = AuthenticatorForm
    readonly_fields = ["qr_code", "confirmed", "created_at", "last_used_at"]

    def get_queryset(self, request):
        devices = super().get_queryset(request)
        return devices if request.user.is_superuser else devices.filter(user=request.user)

    def has_module_permission(self, request):
        # Everyone who may do something in the desk; staff in no group see nothing at all.
        user = request.user
        return user.is_active and user.is_staff and bool(user.get_all_permissions())

    def has_view_permission(self, request, obj=None):
        mine = obj is None or obj.user_id == request.user.pk
        return self.has_module_permission(request) and (mine or request.user.is_superuser)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    has_change_permission = has_delete_permission = has_view_permission

    def get_list_display(self, request):
        return ["name", "user", "confirmed", "created_at", "last_used_at"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            fields = ["user", "name"] if request.user.is_superuser else ["name"]
        elif obj.confirmed:
            fields = ["name", "confirmed", "created_at", "last_used_at"]
        else:
            fields = ["name", "qr_code", "code"]
        return [(None, {"fields": fields})]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.user = obj.user if request.user.is_superuser and obj.user_id else request.user
            obj.confirmed = False
        elif form.cleaned_data.get("code"):
            obj.confirmed = True
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        # Straight on to the QR code and the code that confirms it.
        return HttpResponseRedirect(reverse("admin:otp_totp_totpdevice_change", args=[obj.pk]))

    @admin.display(description="QR code")
    def qr_code(self, device):
        image = reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])
        key = b32encode(device.bin_key).decode()
        return format_html(
            '<img src="{}" width="200" height="200" alt="QR code of the key"><br>'
            "Or type the key: <code>{}</code>",
            image,
            key,
        )

    def qrcode_view(self, request, pk):
        # Only while unconfirmed: afterwards the key lives in the app alone.
        device = get_object_or_404(self.get_queryset(request), pk=pk, confirmed=False)
        response = HttpResponse(content_type="image/svg+xml")
        write_qrcode_image(device.config_url, response)
        return response

    def config_view(self, request, pk):
        return HttpResponseRedirect(reverse("admin:otp_totp_totpdevice_change", args=[pk]))


@admin.register(LogEntry)
class ActionLogAdmin(admin.ModelAdmin):
    """What was added, changed and deleted in the desk, by whom: read-only, for superusers."""

    list_display = ["action_time", "user", "entry_object", "action", "change"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return False  # nor changed, nor deleted: the log is a record

    has_change_permission = has_delete_permission = has_add_permission

    @admin.display(description="object", ordering="object_repr")
    def entry_object(self, entry):
        url = "" if entry.is_deletion() else entry.get_admin_url()
        return (
            format_html('<a href="{}">{}</a>', url, entry.object_repr) if url else entry.object_repr
        )

    @admin.display(description="action", ordering="action_flag")
    def action(self, entry):
        return entry.get_action_flag_display()

    @admin.display(description="change message")
    def change(self, entry):
        return entry.get_change_message()
