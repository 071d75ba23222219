"""Herald's one settings file. Every value comes from the environment (listed with its default
in .env.example); with nothing set it runs on one machine: SQLite, a local cache, a SQLite queue."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.csp import CSP

from herald import config, logs
from herald.lib.sanitize import VIDEO_EMBEDS

env = os.environ
BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.get("HERALD_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = config.env_bool(env, "DEBUG", False)
BASE_URL = config.base_url(env)
SECRET_KEY = config.secret_key(env, DATA_DIR)
ALLOWED_HOSTS = config.allowed_hosts(env, BASE_URL)
# Origins a form may be posted from besides BASE_URL (another name of the site, say).
CSRF_TRUSTED_ORIGINS = [BASE_URL, *config.env_list(env, "CSRF_TRUSTED_ORIGINS", [])]
SITE_NAME = env.get("SITE_NAME", "Herald")

INSTALLED_APPS = [
    "herald",
    "sources",
    "articles",
    "portal",
    "newsletter",
    "discussion",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
    # The desk's sign-in: failed attempts counted (axes), a second factor (django-otp, TOTP).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # First: every answer carries its request id (X-Request-ID), a cached page's too, and so does
    # every log record written while it is made (herald/logs.py).
    "herald.logs.RequestIdMiddleware",
    # /healthz, /readyz and /metrics answer before anything else (herald/health.py).
    "herald.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: a conditional request gets its 304 whether the page was kept or not.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Above the session middleware, to see the cookie and Vary a page's use of the session adds.
    "portal.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out sign-in into its answer (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "herald.urls"
WSGI_APPLICATION = "herald.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The desk's inline scripts and styles carry the request's nonce.
                "django.template.context_processors.csp",
                "herald.context.site",
            ],
        },
    },
]

DATABASES = {"default": config.database(env, DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": config.cache(env), "pages": config.page_cache(env, DATA_DIR)}
MAILERS = config.mailers(env, DATA_DIR)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every mail's footer: who sends it and where they are (required in many countries).
POSTAL_ADDRESS = env.get("POSTAL_ADDRESS", "")
MESSAGE_ID_DOMAIN = env.get("MESSAGE_ID_DOMAIN", urlsplit(BASE_URL).hostname or "localhost")

# The newsletter (newsletter/): its limits and its schedule.
NEWSLETTER_CONFIRM_HOURS = config.env_int(env, "NEWSLETTER_CONFIRM_HOURS", 72)
NEWSLETTER_HOUSEHOLD_MAX = config.env_int(env, "NEWSLETTER_HOUSEHOLD_MAX", 6)
NEWSLETTER_DAILY_CAP = config.env_int(env, "NEWSLETTER_DAILY_CAP", 10)
NEWSLETTER_SEND_RATE = config.env_int(env, "NEWSLETTER_SEND_RATE", 20)
NEWSLETTER_CONFIRMATIONS_PER_HOUR = config.env_int(env, "NEWSLETTER_CONFIRMATIONS_PER_HOUR", 300)
NEWSLETTER_SIGNUPS_PER_IP_HOUR = config.env_int(env, "NEWSLETTER_SIGNUPS_PER_IP_HOUR", 10)
NEWSLETTER_MIN_FILL_SECONDS = config.env_int(env, "NEWSLETTER_MIN_FILL_SECONDS", 2)
NEWSLETTER_SOFT_BOUNCES = config.env_int(env, "NEWSLETTER_SOFT_BOUNCES", 3)
NEWSLETTER_FOLLOW_QUIET_DAYS = config.env_int(env, "NEWSLETTER_FOLLOW_QUIET_DAYS", 7)
NEWSLETTER_BOUNCE_SECRET = env.get("NEWSLETTER_BOUNCE_SECRET", "")

# The proxies in front of Herald (nginx, a load balancer): from these alone X-Forwarded-For is
# believed, to learn the client's address (herald/lib/network.py). Addresses or networks.
TRUSTED_PROXIES = config.env_list(env, "TRUSTED_PROXIES", [])

# The discussion (discussion/): threads, flood control, retention.
COMMENTS_MAX_DEPTH = config.env_int(env, "COMMENTS_MAX_DEPTH", 5)
COMMENTS_FLOOD_SECONDS = config.env_int(env, "COMMENTS_FLOOD_SECONDS", 30)
COMMENTS_MIN_FILL_SECONDS = config.env_int(env, "COMMENTS_MIN_FILL_SECONDS", 3)
COMMENTS_IP_DAYS = config.env_int(env, "COMMENTS_IP_DAYS", 30)

# Retention (herald/retention.py, pruned daily): poll lines (a source's latest RETAIN_FETCH_LOG_KEEP
# stay, the desk shows them), finished mailings with their deliveries, task results, addresses
# never confirmed; commenters' networks after COMMENTS_IP_DAYS, sessions when they expire.
RETAIN_FETCH_LOG_DAYS = config.env_int(env, "RETAIN_FETCH_LOG_DAYS", 30)
RETAIN_FETCH_LOG_KEEP = config.env_int(env, "RETAIN_FETCH_LOG_KEEP", 20)
RETAIN_DELIVERY_DAYS = config.env_int(env, "RETAIN_DELIVERY_DAYS", 90)
RETAIN_TASK_RESULT_HOURS = config.task_result_hours(env)
RETAIN_UNCONFIRMED_DAYS = config.env_int(env, "RETAIN_UNCONFIRMED_DAYS", 30)

# Background work: django.tasks hands tasks to Huey; Huey's consumer runs them and the
# periodic ticks. SQLite file queue by default, Redis when REDIS_URL is set.
HUEY = config.huey(env, DATA_DIR)
TASKS = {"default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}}

LANGUAGE_CODE = "en"
TIME_ZONE = env.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# Lead images and posts' pictures: the data folder, or a storage every machine shares (S3).
STORAGES = {
    "default": config.media_storage(env),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
SERVE_MEDIA = config.env_bool(env, "SERVE_MEDIA", not env.get("STORAGE_BACKEND"))
MEDIA_ORIGIN = config.media_origin(STORAGES["default"])

# Anonymous readers' pages are kept whole (portal/caching.py) and dropped when what they show
# changes; at most PAGE_CACHE_SECONDS old, in Herald's cache or a shared one in front of it.
PAGE_CACHE_SECONDS = config.env_int(env, "PAGE_CACHE_SECONDS", 60)
# Stories on a page of a section, tag, outlet or the latest; items in each feed.
LIST_PAGE_SIZE = config.env_int(env, "LIST_PAGE_SIZE", 30)
FEED_ITEMS = config.env_int(env, "FEED_ITEMS", 50)
PAGE_BROWSER_SECONDS = config.env_int(env, "PAGE_BROWSER_SECONDS", 10)
# Forms on cached pages fetch their token; without JavaScript this view asks to send again.
CSRF_FAILURE_VIEW = "portal.csrf.failure"

# No inline script or style, nothing from elsewhere. The desk (Django's admin) marks its few
# inline scripts and styles with the request's nonce, and its section colours are style
# attributes: its own policy, set on its URLs in herald/urls.py.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    # Only the allowed video players, and only once a reader clicked to play one.
    "frame-src": sorted({"https://" + urlsplit(url).netloc for url in VIDEO_EMBEDS}),
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
DESK_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "style-src-attr": [CSP.UNSAFE_INLINE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A site whose BASE_URL is https:// is served over HTTPS alone: plain HTTP is redirected (the load
# balancer's probes over plain HTTP are answered before, by herald.health), browsers are told to
# come back only over HTTPS (HSTS), cookies never travel in the clear. TLS ends at the proxy,
# which says so.
https = BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = config.env_bool(env, "SECURE_SSL_REDIRECT", https)
SECURE_HSTS_SECONDS = config.env_int(env, "HSTS_SECONDS", 365 * 24 * 3600 if https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = config.env_bool(env, "HSTS_INCLUDE_SUBDOMAINS", https)
SECURE_HSTS_PRELOAD = config.env_bool(env, "HSTS_PRELOAD", False)
# Preloading is the domain owner's promise, never a default (hstspreload.org asks software not to
# send it unasked): its advice (security.W021) is not repeated while it is off.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = https
if https:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The desk's sign-in (Django's admin). DESK_LOGIN_FAILURES wrong passwords for one username from
# one address lock that pair out for DESK_LOCKOUT_MINUTES (axes, counted in the database so every
# web process sees them). Editors with an authenticator app give its code too (django-otp);
# DESK_REQUIRE_TWO_FACTOR refuses editors who have none. The hooks are in herald/admin.py.
AUTHENTICATION_BACKENDS = [
    # First: a locked-out pair is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A password set in the desk or by a reset link: not short, common, all digits or like the name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in ("UserAttributeSimilarityValidator", "MinimumLengthValidator",
                 "CommonPasswordValidator", "NumericPasswordValidator")
]  # fmt: skip
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = config.env_int(env, "DESK_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = config.env_int(env, "DESK_LOCKOUT_MINUTES", 15) / 60  # hours, in axes' terms
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "herald.admin.sign_in_address"
AXES_LOCKOUT_CALLABLE = "herald.admin.locked_out"
# No banner on every command; failures are still logged.
AXES_VERBOSE = False
DESK_REQUIRE_TWO_FACTOR = config.env_bool(env, "DESK_REQUIRE_TWO_FACTOR", False)
# The name an authenticator app shows beside the code.
OTP_TOTP_ISSUER = SITE_NAME

# Gathering. Outbound fetches refuse private and loopback addresses; these host:port pairs are
# the only exceptions (by default just the bundled demo newswire).
NEWSWIRE = config.env_bool(env, "NEWSWIRE", True)
NEWSWIRE_PORT = config.env_int(env, "NEWSWIRE_PORT", 8001)
FETCH_ALLOW = config.env_list(
    env, "FETCH_ALLOW", [f"127.0.0.1:{NEWSWIRE_PORT}"] if NEWSWIRE else []
)
FETCH_TIMEOUT = config.env_int(env, "FETCH_TIMEOUT", 20)
FETCH_CONNECT_TIMEOUT = config.env_int(env, "FETCH_CONNECT_TIMEOUT", 10)
FETCH_READ_TIMEOUT = config.env_int(env, "FETCH_READ_TIMEOUT", 10)
FETCH_MAX_BYTES = config.env_int(env, "FETCH_MAX_BYTES", 5 * 1024 * 1024)
FETCH_MAX_REDIRECTS = config.env_int(env, "FETCH_MAX_REDIRECTS", 5)
# Requests in flight to one host at once, across all workers.
FETCH_PER_HOST = config.env_int(env, "FETCH_PER_HOST", 2)
POLL_INTERVAL_DEFAULT = config.env_int(env, "POLL_INTERVAL", 30 * 60)
HERALD_USER_AGENT = f"Herald/0.1 (+{BASE_URL})"

WEB_CONCURRENCY = config.env_int(env, "WEB_CONCURRENCY", 2)
WEB_BIND = env.get("WEB_BIND", "127.0.0.1:8000")
WEB_TIMEOUT = config.env_int(env, "WEB_TIMEOUT", 30)
# Seconds between a waiting scheduler's tries for the lock, and the holder's checks it still has it.
SCHEDULER_LOCK_RETRY = config.env_int(env, "SCHEDULER_LOCK_RETRY", 10)
# The bearer token Prometheus presents at /metrics; unset, /metrics is off.
METRICS_TOKEN = env.get("METRICS_TOKEN", "")

# Log lines on standard error, plain or (LOG_FORMAT=json, for a log collector) one JSON object
# a line with the id of the request it was written in; neither holds an email address
# (herald/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "herald.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "class": "herald.logs.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
        },
        "json": {"()": "herald.logs.json_formatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": config.log_format(env),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Server errors are mailed to ADMINS (Django's mail_admins) and, with SENTRY_DSN, reported to
# Sentry or a service that speaks its protocol, without readers' addresses (herald/logs.py).
ADMINS = config.admins(env)
DEFAULT_EXCEPTION_REPORTER = "herald.logs.Report"
DEFAULT_EXCEPTION_REPORTER_FILTER = "herald.logs.ReportFilter"
if sentry := config.sentry(env):
    logs.report_errors(**sentry)
