"""Signing in to the desk: failed attempts lock a name out from an address (429), a forgotten
password is reset by mail, an editor with an authenticator app gives its code, each desk user
adds their own authenticator, superusers read the action log, and every page of it keeps the
desk's Content-Security-Policy."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Section
from herald.groups import EDITORS

pytestmark = pytest.mark.django_db

PASSWORD = "harbour-lights-at-dusk-42"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    return make_editor("ana")


def make_editor(name: str) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def browser(address: str = "203.0.113.7", **headers) -> Client:
    return Client(REMOTE_ADDR=address, headers=headers)


def sign_in(client: Client, username="ana", password=PASSWORD, **fields):
    return client.post(LOGIN, {"username": username, "password": password, **fields})


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def code(device: TOTPDevice, steps: int = 0) -> str:
    """The code the device's app shows now, or `steps` periods away."""
    now = totp(device.bin_key, device.step, device.t0, device.digits, drift=steps)
    return f"{now:0{device.digits}d}"


def not_a_code(device: TOTPDevice) -> str:
    """A code the device accepts at no time near now (it allows one step of clock drift)."""
    near = {code(device, steps) for steps in (-1, 0, 1)}
    return next(guess for guess in ("000000", "111111", "222222") if guess not in near)


# --- rate limiting ------------------------------------------------------------------------------


def test_an_editor_without_an_authenticator_signs_in_with_the_password(editor):
    assert signed_in(sign_in(browser()))


def test_a_sign_in_without_a_password_asks_for_it(editor):
    response = browser().post(LOGIN, {"username": "ana"})
    assert response.status_code == 200 and "This field is required." in response.content.decode()


def test_a_name_too_long_for_any_account_is_refused_before_it_is_counted(editor):
    response = sign_in(browser(), username="x" * 300)
    assert response.status_code == 200 and "at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_failed_sign_ins_lock_the_name_out_from_that_address(editor):
    reader = browser()
    for _ in range(4):
        assert sign_in(reader, password="wrong").status_code == 200
    locked = sign_in(reader, password="wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed sign-ins" in page and "locked for 15 minutes" in page
    # Now even the right password is refused, and no session is made.
    assert sign_in(reader).status_code == 429
    assert reader.get("/admin/").status_code == 302


def test_the_lock_holds_one_name_at_one_address_only(editor):
    make_editor("ben")
    for _ in range(5):
        sign_in(browser("203.0.113.7"), password="wrong")
    assert sign_in(browser("203.0.113.7")).status_code == 429
    assert signed_in(sign_in(browser("203.0.113.8")))
    assert signed_in(sign_in(browser("203.0.113.7"), username="ben"))


def test_the_lock_lifts_after_the_lockout_minutes(editor):
    for _ in range(5):
        sign_in(browser(), password="wrong")
    assert sign_in(browser()).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert signed_in(sign_in(browser()))


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(editor, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for _ in range(5):
        sign_in(browser("10.0.0.1", X_Forwarded_For="203.0.113.5"), password="wrong")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]
    assert sign_in(browser("10.0.0.1", X_Forwarded_For="203.0.113.5")).status_code == 429
    assert signed_in(sign_in(browser("10.0.0.1", X_Forwarded_For="203.0.113.6")))


def test_the_failure_limit_comes_from_the_settings(editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert sign_in(browser(), password="wrong").status_code == 200
    assert sign_in(browser(), password="wrong").status_code == 429


# --- password reset by mail ---------------------------------------------------------------------


def test_a_forgotten_password_is_reset_through_the_mailed_link(editor, smtp_sink):
    reader = browser()
    login_page = reader.get("/admin/login/").content.decode()
    assert 'href="/admin/password_reset/"' in login_page
    asked = reader.post("/admin/password_reset/", {"email": "ana@example.org"})
    assert asked.status_code == 302 and asked["Location"] == "/admin/password_reset/done/"

    [mail] = smtp_sink.wait_for(1)
    assert mail["To"] == "ana@example.org"
    link = re.search(r"https?://\S+/admin/reset/\S+/", mail.get_content()).group(0)
    form = reader.get(urlsplit(link).path)
    assert form.status_code == 302  # to the same page without the token in its address
    new = "a-brand-new-Passphrase-7"
    done = reader.post(form["Location"], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == "/admin/reset/done/"

    assert signed_in(sign_in(browser(), password=new))
    assert sign_in(browser("203.0.113.9"), password=PASSWORD).status_code == 200


def test_a_reset_asked_for_an_unknown_address_sends_nothing(editor, smtp_sink):
    asked = browser().post("/admin/password_reset/", {"email": "nobody@example.org"})
    assert asked.status_code == 302  # the same answer: no one learns who has an account
    assert smtp_sink.messages == []


def test_a_weak_new_password_is_refused(editor):
    reader = browser()
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    token = default_token_generator.make_token(editor)
    form = reader.get(f"/admin/reset/{uid}/{token}/")
    refused = reader.post(form["Location"], {"new_password1": "12345", "new_password2": "12345"})
    assert refused.status_code == 200 and "too short" in refused.content.decode()


# --- two-factor sign-in -------------------------------------------------------------------------


@pytest.fixture
def phone(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def test_with_an_authenticator_the_password_alone_is_not_enough(phone):
    reader = browser()
    response = sign_in(reader)
    assert response.status_code == 200
    assert "Enter the code your authenticator app shows." in response.content.decode()
    assert reader.get("/admin/").status_code == 302


def test_with_an_authenticator_its_current_code_signs_in(phone):
    reader = browser()
    assert signed_in(sign_in(reader, otp_token=code(phone)))
    assert reader.session[DEVICE_ID_SESSION_KEY] == phone.persistent_id
    assert reader.get("/admin/").status_code == 200


def test_with_an_authenticator_a_wrong_code_is_refused(phone):
    reader = browser()
    response = sign_in(reader, otp_token=not_a_code(phone))
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert reader.get("/admin/").status_code == 302


def test_a_code_is_good_for_one_sign_in_only(phone):
    used = code(phone)
    assert signed_in(sign_in(browser(), otp_token=used))
    assert sign_in(browser(), otp_token=used).status_code == 200


def test_an_unconfirmed_authenticator_is_not_asked_for(editor):
    TOTPDevice.objects.create(user=editor, name="half set up", confirmed=False)
    assert signed_in(sign_in(browser()))


def test_when_required_an_editor_without_an_authenticator_is_refused(editor, settings):
    settings.DESK_REQUIRE_TWO_FACTOR = True
    response = sign_in(browser())
    assert response.status_code == 200
    assert "your account has none yet" in response.content.decode()


def test_when_required_an_editor_with_an_authenticator_signs_in(phone, settings):
    settings.DESK_REQUIRE_TWO_FACTOR = True
    assert signed_in(sign_in(browser(), otp_token=code(phone)))


# --- each desk user's own authenticator ---------------------------------------------------------

DEVICES = "/admin/otp_totp/totpdevice/"


def test_an_editor_adds_an_authenticator_and_confirms_it_with_a_code(client, editor):
    client.force_login(editor)
    added = client.post(f"{DEVICES}add/", {"name": "my phone"})
    device = TOTPDevice.objects.get()
    assert (device.user, device.name, device.confirmed) == (editor, "my phone", False)
    assert added["Location"] == f"{DEVICES}{device.pk}/change/"

    shown = client.get(added["Location"])
    assert f'src="{DEVICES}{device.pk}/qrcode/"' in shown.content.decode()
    assert blocked(shown) == []
    qr = client.get(f"{DEVICES}{device.pk}/qrcode/")
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"

    confirmed = client.post(added["Location"], {"name": "my phone", "code": code(device)})
    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # From now on the key is not shown again.
    assert client.get(f"{DEVICES}{device.pk}/qrcode/").status_code == 404
    assert "qrcode" not in client.get(added["Location"]).content.decode()


def test_a_wrong_code_leaves_the_authenticator_unconfirmed(client, editor):
    client.force_login(editor)
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=False)
    refused = client.post(f"{DEVICES}{device.pk}/change/", {"name": "phone", "code": "12"})
    assert refused.status_code == 200 and "That code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_an_editor_never_sees_anothers_authenticator(client, phone):
    client.force_login(make_editor("ben"))
    TOTPDevice.objects.filter(pk=phone.pk).update(confirmed=False)
    assert "phone" not in client.get(DEVICES).content.decode()
    assert client.get(f"{DEVICES}{phone.pk}/qrcode/").status_code == 404
    assert client.get(f"{DEVICES}{phone.pk}/change/").status_code == 302  # "does not exist"
    assert client.post(f"{DEVICES}{phone.pk}/delete/", {"post": "yes"}).status_code == 302
    assert TOTPDevice.objects.filter(pk=phone.pk).exists()


def test_a_superuser_removes_an_editors_lost_authenticator(client, phone):
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", PASSWORD))
    assert "phone" in client.get(DEVICES).content.decode()
    removed = client.post(f"{DEVICES}{phone.pk}/delete/", {"post": "yes"})
    assert removed.status_code == 302 and not TOTPDevice.objects.exists()


# --- the action log -----------------------------------------------------------------------------

LOG = "/admin/admin/logentry/"


@pytest.fixture
def entry(editor):
    section = Section.objects.create(name="Harbour", slug="harbour")
    return LogEntry.objects.create(
        user=editor, content_type=ContentType.objects.get_for_model(Section),
        object_id=str(section.pk), object_repr="Harbour", action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Name"]}}]',
    )  # fmt: skip


def test_a_superuser_reads_the_action_log(client, entry):
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", PASSWORD))
    page = client.get(LOG).content.decode()
    assert "Harbour" in page and "Changed Name." in page and "ana" in page
    assert f'href="/admin/articles/section/{entry.object_id}/change/"' in page
    assert client.get(f"{LOG}?action_flag={CHANGE}").status_code == 200


def test_the_action_log_cannot_be_changed_even_by_a_superuser(client, entry):
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", PASSWORD))
    assert client.get(f"{LOG}add/").status_code == 403
    view = client.get(f"{LOG}{entry.pk}/change/")
    assert view.status_code == 200 and 'name="_save"' not in view.content.decode()
    client.post(f"{LOG}{entry.pk}/change/", {"change_message": "nothing happened"})
    assert client.post(f"{LOG}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.change_message == '[{"changed": {"fields": ["Name"]}}]'


def test_editors_do_not_see_the_action_log(client, editor, entry):
    client.force_login(editor)
    assert client.get(LOG).status_code == 403
    assert LOG not in client.get("/admin/").content.decode()


# --- the desk's Content-Security-Policy on these pages ------------------------------------------


def blocked(response) -> list[str]:
    """What the response's Content-Security-Policy would stop in its page: inline scripts and
    style elements without the policy's nonce, style attributes unless the policy allows them."""
    rules = {
        rule.split()[0]: rule.split()[1:]
        for rule in response["Content-Security-Policy"].split(";")
        if rule.strip()
    }
    nonces = {source[7:-1] for source in rules["script-src"] if source.startswith("'nonce-")}
    page = response.content.decode()
    found = [
        tag
        for tag in re.findall(r"<(?:script|style)\b[^>]*>", page)
        if "src=" not in tag and not any(f'nonce="{nonce}"' in tag for nonce in nonces)
    ]
    if "'unsafe-inline'" not in rules.get("style-src-attr", []):
        found += re.findall(r"<[^>]*\sstyle=[^>]*>", page)
    return found


def test_the_sign_in_pages_load_nothing_the_policy_blocks(editor):
    reader = browser()
    pages = {
        "login": reader.get("/admin/login/"),
        "login with an error": sign_in(reader, password="wrong"),
        "reset": reader.get("/admin/password_reset/"),
        "reset sent": reader.get("/admin/password_reset/done/"),
        "bad link": reader.get("/admin/reset/MQ/not-a-token/"),
        "reset done": reader.get("/admin/reset/done/"),
    }
    for _ in range(4):
        sign_in(reader, password="wrong")
    pages["locked out"] = sign_in(reader, password="wrong")
    for name, response in pages.items():
        assert response.status_code in (200, 429), name
        assert "script-src 'self'" in response["Content-Security-Policy"], name
        assert blocked(response) == [], name
