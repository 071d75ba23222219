import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from herald import config


def test_the_default_database_is_a_sqlite_file_in_wal_mode(tmp_path):
    db = config.database({}, tmp_path)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "herald.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_a_postgres_url_configures_postgresql(tmp_path):
    db = config.database(
        {"DATABASE_URL": "postgres://herald:s%40cret@db.internal:5433/news"}, tmp_path
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == (
        "db.internal",
        5433,
        "news",
        "herald",
    )
    assert db["PASSWORD"] == "s@cret"
    assert db["CONN_HEALTH_CHECKS"] is True
    # Pooled by default: a few connections per process, checked before use.
    assert db["CONN_MAX_AGE"] == 0
    assert db["OPTIONS"]["pool"] == {
        "min_size": 1,
        "max_size": 4,
        "timeout": 10,
        "reconnect_timeout": 15,
    }


def test_the_pool_can_be_sized_or_turned_off(tmp_path):
    url = "postgres://herald@db.internal/news"
    sized = config.database({"DATABASE_URL": url, "DATABASE_POOL_MAX": "12"}, tmp_path)
    assert sized["OPTIONS"]["pool"]["max_size"] == 12
    off = config.database({"DATABASE_URL": url, "DATABASE_POOL": "0"}, tmp_path)
    assert "pool" not in off.get("OPTIONS", {}) and off["CONN_MAX_AGE"] == 60


@pytest.mark.parametrize("url", ["mysql://u@h/db", "nonsense://x", "oracle://u@h/db"])
def test_an_unsupported_database_url_is_a_clear_error(tmp_path, url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        config.database({"DATABASE_URL": url}, tmp_path)


def test_without_redis_the_cache_is_local_memory_and_the_queue_a_sqlite_file(tmp_path):
    assert config.cache({})["BACKEND"].endswith("LocMemCache")
    huey = config.huey({}, tmp_path)
    assert huey["huey_class"] == "huey.SqliteHuey"
    assert huey["filename"] == str(tmp_path / "queue.sqlite3")
    assert huey["immediate"] is False


def test_with_redis_the_cache_and_the_queue_use_it(tmp_path):
    environ = {"REDIS_URL": "redis://cache.internal:6379/2"}
    cache = config.cache(environ)
    # Django's Redis cache, bypassed while Redis is down (herald/lib/cache.py).
    assert cache["BACKEND"] == "herald.lib.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"
    huey = config.huey(environ, tmp_path)
    assert huey["huey_class"] == "huey.RedisHuey" and huey["url"] == "redis://cache.internal:6379/2"


def test_the_queue_may_have_a_redis_of_its_own(tmp_path):
    environ = {"REDIS_URL": "redis://cache.internal:6379/2", "QUEUE_URL": "redis://q.internal/0"}
    assert config.cache(environ)["LOCATION"] == "redis://cache.internal:6379/2"
    assert config.huey(environ, tmp_path)["url"] == "redis://q.internal/0"
    assert not config.is_embedded({"QUEUE_URL": "redis://q.internal/0"})


def test_without_a_relay_mail_goes_to_files_in_the_data_folder(tmp_path):
    mailer = config.mailers({}, tmp_path)["default"]
    assert mailer["BACKEND"].endswith("filebased.EmailBackend")
    assert mailer["OPTIONS"]["file_path"] == str(tmp_path / "outbox")


def test_an_smtp_url_configures_the_relay(tmp_path):
    environ = {"EMAIL_URL": "smtp://news%40example.org:p%2Fss@relay.example.org:587?tls=1"}
    mailer = config.mailers(environ, tmp_path)["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] | {} == {
        "host": "relay.example.org", "port": 587, "username": "news@example.org",
        "password": "p/ss", "use_tls": True, "use_ssl": False, "timeout": 10,
    }  # fmt: skip


def test_smtps_uses_implicit_tls_on_port_465(tmp_path):
    options = config.mailers({"EMAIL_URL": "smtps://relay.example.org"}, tmp_path)["default"][
        "OPTIONS"
    ]
    assert options["use_ssl"] is True and options["port"] == 465


def test_any_django_email_backend_can_be_plugged_in(tmp_path):
    environ = {
        "EMAIL_BACKEND": "anymail.backends.postmark.EmailBackend",
        "EMAIL_OPTIONS": '{"api_key": "k"}',
        "EMAIL_URL": "smtp://ignored.example.org",
    }
    assert config.mailers(environ, tmp_path)["default"] == {
        "BACKEND": "anymail.backends.postmark.EmailBackend",
        "OPTIONS": {"api_key": "k"},
    }
    with pytest.raises(ImproperlyConfigured, match="EMAIL_OPTIONS"):
        config.mailers({"EMAIL_BACKEND": "x.Backend", "EMAIL_OPTIONS": "{no"}, tmp_path)


@pytest.mark.parametrize("url", ["http://relay", "smtp://", "gopher://x"])
def test_a_bad_email_url_is_a_clear_error(tmp_path, url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        config.mailers({"EMAIL_URL": url}, tmp_path)


def test_the_embedded_default_generates_a_secret_key_once_and_keeps_it_private(tmp_path):
    first = config.secret_key({}, tmp_path)
    assert len(first) >= 50
    assert config.secret_key({}, tmp_path) == first
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600


@pytest.mark.parametrize(
    "environ", [{"DATABASE_URL": "postgres://h/db"}, {"REDIS_URL": "redis://h:6379/0"}]
)
def test_a_deployment_must_set_its_secret_key(tmp_path, environ):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is required"):
        config.secret_key(environ, tmp_path)
    assert not (tmp_path / "secret_key").exists()
    assert config.secret_key(environ | {"SECRET_KEY": "shared"}, tmp_path) == "shared"


def test_booleans_are_strict():
    assert config.env_bool({"DEBUG": "yes"}, "DEBUG") is True
    assert config.env_bool({"DEBUG": "0"}, "DEBUG") is False
    assert config.env_bool({}, "DEBUG") is False
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be a boolean"):
        config.env_bool({"DEBUG": "maybe"}, "DEBUG")


def test_numbers_are_checked():
    assert config.env_int({"N": " 12 "}, "N", 3) == 12
    assert config.env_int({}, "N", 3) == 3
    with pytest.raises(ImproperlyConfigured, match="N must be a whole number"):
        config.env_int({"N": "ten"}, "N", 3)


def test_allowed_hosts_include_the_base_url_host():
    base = config.base_url({"BASE_URL": "https://news.example.org/"})
    assert base == "https://news.example.org"
    assert config.allowed_hosts({}, base) == ["127.0.0.1", "localhost", "news.example.org"]
    assert config.allowed_hosts({"ALLOWED_HOSTS": "a.example, b.example"}, base) == [
        "a.example", "b.example", "news.example.org",
    ]  # fmt: skip


@pytest.mark.parametrize("url", ["news.example.org", "ftp://news.example.org", "https://"])
def test_a_bad_base_url_is_a_clear_error(url):
    with pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        config.base_url({"BASE_URL": url})


def test_every_variable_the_settings_read_is_listed_in_env_example():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (root / "herald" / "settings.py").read_text() + (
        root / "herald" / "config.py"
    ).read_text()
    read = set(re.findall(r'\b(?:env|environ)(?:\.get\(|, )"([A-Z_]+)"', code))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (root / ".env.example").read_text(), re.M))
    assert read and read <= listed, f"missing from .env.example: {sorted(read - listed)}"


def test_checks_name_a_bad_trusted_proxy_and_a_pool_too_small_for_the_workers(settings):
    from herald.checks import check_configuration

    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24", "nginx.internal"]
    settings.DATABASES = {
        "default": {**settings.DATABASES["default"], "OPTIONS": {"pool": {"max_size": 1}}}
    }
    settings.HUEY = {**settings.HUEY, "consumer": {"workers": 4}}
    found = {problem.id: problem.msg for problem in check_configuration(None)}
    assert "'nginx.internal'" in found["herald.E002"]
    assert "DATABASE_POOL_MAX (1)" in found["herald.W003"]
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.HUEY = {**settings.HUEY, "consumer": {"workers": 1}}
    assert check_configuration(None) == []
