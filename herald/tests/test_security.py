"""The production settings pass Django's deployment checks, a weak configuration is reported,
and an HTTPS site answers as one: plain HTTP redirected (but for the load balancer's probes),
HSTS, cookies only over TLS."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERALD = Path(sys.executable).with_name("herald")
SETTINGS = [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "CSRF_TRUSTED_ORIGINS", "SECURE_PROXY_SSL_HEADER",
]  # fmt: skip


def production(tmp_path, **changes) -> dict[str, str]:
    """The environment of a real deployment (the services are never contacted here)."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "HERALD_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "postgres://herald:secret@db.example.org:5432/herald",
        "REDIS_URL": "redis://cache.example.org:6379/0",
        "SECRET_KEY": "k3#Qz9!vW2mR7pL0xB5nT8cY4fH6jD1sA-gE_uI+oP=rK@wN%zM^",
        "BASE_URL": "https://news.example.org",
        "EMAIL_URL": "smtp://relay.example.org:587?tls=1",
    }
    env.update(changes)
    return {name: value for name, value in env.items() if value is not None}


def deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [str(HERALD), "check", "--deploy", "--no-services", "--fail-level", "WARNING"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def settings_under(env: dict[str, str]) -> dict:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SETTINGS!r}}}))"
    )
    env = env | {"DJANGO_SETTINGS_MODULE": "herald.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    done = deploy_check(production(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNINGS" not in done.stderr and "W0" not in done.stdout + done.stderr


def test_a_weak_configuration_is_reported(tmp_path):
    weak = production(
        tmp_path, DEBUG="1", HSTS_SECONDS="0", SECURE_SSL_REDIRECT="0", SECRET_KEY="short"
    )
    done = deploy_check(weak)
    assert done.returncode != 0
    for problem in ("security.W018", "herald.W002", "security.W004", "security.W008",
                    "security.W009"):  # fmt: skip
        assert problem in done.stderr, problem


def test_an_https_site_gets_hsts_secure_cookies_and_its_trusted_origins(tmp_path):
    values = settings_under(production(tmp_path, CSRF_TRUSTED_ORIGINS="https://www.example.org"))
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_TRUSTED_ORIGINS": ["https://news.example.org", "https://www.example.org"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }


def test_each_https_setting_can_be_changed(tmp_path):
    values = settings_under(
        production(tmp_path, SECURE_SSL_REDIRECT="0", HSTS_SECONDS="600",
                   HSTS_INCLUDE_SUBDOMAINS="0", HSTS_PRELOAD="1")
    )  # fmt: skip
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is True


def test_a_plain_http_site_keeps_its_cookies_usable_over_http(tmp_path):
    values = settings_under(production(tmp_path, BASE_URL="http://127.0.0.1:8000"))
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False and values["CSRF_COOKIE_SECURE"] is False


@pytest.fixture
def https_site(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_but_the_probes_answer(client, https_site):
    response = client.get("/latest/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/latest/?page=2"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_over_https_the_browser_is_told_to_stay_and_cookies_are_secure(client, https_site):
    response = client.get("/admin/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies["csrftoken"]["secure"] is True
