"""Settings for the petition record, read from the environment.

Development needs nothing: SQLite in the project folder and, with
DJANGO_DEBUG=1 (as `make run` sets it), an insecure key. Production
(DJANGO_DEBUG unset or false) refuses to start without a real secret key.
"""

import datetime
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-development-only-key"
elif not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 50 random characters."
    )
# Without a key, production settings still load, so that commands that sign nothing
# (makemigrations, collectstatic) run anywhere; the servers refuse to start
# (config/startup.py) and anything that signs fails loudly.

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "petitions",
    "responses",
    "public",
    "ops",
    "api",
    "demo",
    "pagecache",
    "figures",
]

MIDDLEWARE = [
    "ops.request_id.RequestIdMiddleware",
    "ops.middleware.DiagnosticHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "ops.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ops.middleware.PageRateLimitMiddleware",
    "ops.middleware.DatabaseUnavailableMiddleware",
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    # After the page cache: a page it serves reads nothing; a retry redoes only the view.
    "ops.routing.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "config.urls"

# The public pages in Jinja2 (config.templating); the admin's and the API
# documentation's templates in Django's language, from the apps.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "environment": "config.templating.environment",
            "context_processors": ["config.templating.page_catalogue"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# An index's INCLUDE columns (petition_sponsor_newest) let PostgreSQL answer from the
# index alone; SQLite ignores them and the index serves it without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}


def prepare_statements(options):
    """Parameters bound by the server, so that psycopg prepares a statement a connection
    has run five times and PostgreSQL plans it once: planning the petition page's join
    took longer than running it (BENCHMARKS.md). DJANGO_DB_PREPARE=0 turns this off, as
    a pooler that cannot keep prepared statements (PgBouncer before 1.21 in
    transaction mode) needs."""
    if env_bool("DJANGO_DB_PREPARE", True):
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", 5)


if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # An unreachable server fails the request in seconds (a 503), not minutes.
    options.setdefault("connect_timeout", 5)
    prepare_statements(options)

# Read replicas (PostgreSQL standbys of the primary above), comma-separated. Anonymous
# readers of the public record are served from one that holds the record as it
# stands; everything else reads and writes the primary (ops/routing.py,
# ops/replicas.py). A replica that does not answer, or is more than
# DJANGO_REPLICA_MAX_LAG_SECONDS behind, is skipped.
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    replica = dj_database_url.parse(
        url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    if {replica["ENGINE"], DATABASES["default"]["ENGINE"]} != {"django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS: replicas are PostgreSQL standbys of a PostgreSQL "
            "primary (DATABASE_URL); write each as postgres://user@host:5432/name."
        )
    # A replica that does not answer is skipped after 2 seconds (libpq's least).
    replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    prepare_statements(replica["OPTIONS"])
    # The test suite, if run with replicas set, reads its one test database through them.
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
    DATABASE_REPLICAS.append(f"replica{number}")
DATABASE_ROUTERS = ["ops.routing.PrimaryReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("DJANGO_REPLICA_MAX_LAG_SECONDS", "10"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A list page's entries kept by each process without a shared cache (public.entries):
# about 1 kB each, so some 10 MB.
ENTRIES_KEPT = 10_000
# The cache the app servers share: Redis (DJANGO_CACHE_URL=redis://host:6379/0) for
# several machines; unset, each machine keeps its own (one server, `make run`).
# It holds the anonymous pages (still checked against the record's version in the
# database on every request, so a clerk's save is seen at once by every server),
# the rate limits' counts, the filter form's lists and the list pages' entries.
# Unreachable, it is an empty cache that keeps nothing (ops/rediscache.py): pages
# are rendered, limits not counted.
SHARED_CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "").strip()
if SHARED_CACHE_URL:
    if not SHARED_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "DJANGO_CACHE_URL: write it as redis://host:6379/0 (rediss:// for TLS, "
            "unix:///path/redis.sock?db=0 for a socket)."
        )
    CACHES = {
        name: {
            "BACKEND": "ops.rediscache.SharedRedisCache",
            "LOCATION": SHARED_CACHE_URL,
            # One Redis database may serve other sites: every key is ours by its prefix.
            "KEY_PREFIX": f"petition-record-{name}",
        }
        for name in ("default", "pages", "ratelimit", "entries")
    }
else:
    # Each server process keeps its own copy of recently served anonymous pages, up
    # to a number of bytes; the record's version in the database tells every process
    # when they are stale. Rate limits count in one file shared by the machine's
    # processes.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "pagecache.store.BoundedMemoryCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_BYTES": int(os.environ.get("DJANGO_PAGE_CACHE_MB", "32")) * 2**20},
        },
        # A list page's entries, twenty to a hundred a page: kept apart, so that
        # they do not push the counts and the filter form's lists out of `default`.
        "entries": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "entries",
            "OPTIONS": {"MAX_ENTRIES": ENTRIES_KEPT},
        },
        "ratelimit": {
            "BACKEND": "ops.sharedcache.SharedFileCache",
            "LOCATION": os.environ.get(
                "DJANGO_RATE_LIMIT_FILE", str(BASE_DIR / "ratelimits.sqlite3")
            ),
        },
    }
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))

# What one client (one address, or one IPv6 /64) may ask for (ops/ratelimit.py):
# public pages, and CSV exports (how many, and how many at once; the whole site
# streams at most EXPORTS_AT_ONCE). A rate is "300/minute" (second, minute, hour,
# day) or "off".
PAGE_RATE = os.environ.get("DJANGO_PAGE_RATE", "300/minute")
EXPORT_RATE = os.environ.get("DJANGO_EXPORT_RATE", "60/hour")
EXPORTS_PER_CLIENT = int(os.environ.get("DJANGO_EXPORTS_PER_CLIENT", "2"))
EXPORTS_AT_ONCE = int(os.environ.get("DJANGO_EXPORTS_AT_ONCE", "4"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Petitions are dated in Ottawa time, as the House publishes them.
TIME_ZONE = "America/Toronto"
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Every text a person reads is kept in English and French; a missing
# translation falls back to the other official language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr"), "fr": ("en",), "en": ("fr",)}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads (Members' photos): files under DJANGO_MEDIA_ROOT by default; with several
# app servers, a folder they all mount, or another storage class
# (DJANGO_MEDIA_STORAGE, configured by its own settings) that they all reach.
# Served by the proxy in front (README), at DJANGO_MEDIA_URL.
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Clerks' workflow: history, login throttling, admin sessions -------------
# Appended as one block: clerks.history registers the historical models once
# modeltranslation (first in INSTALLED_APPS) has added the translated columns.
INSTALLED_APPS += ["simple_history", "axes", "clerks"]
MIDDLEWARE += [
    # Records who made each change kept in the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]
# Outside everything that may answer for an admin page (a 503, a lockout's 429).
MIDDLEWARE.insert(
    MIDDLEWARE.index("ops.middleware.SecurityHeadersMiddleware") + 1,
    "clerks.middleware.AdminNoStoreMiddleware",
)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock it out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No start-up banner in the log (commands print data on standard output).
AXES_VERBOSE = False
# Lockouts are counted in the primary database (django-axes' database handler), which
# every app server shares and which outlives a restart of the cache; the router
# keeps their reads there too. Sessions likewise (and messages, in a cookie or the
# session), so a clerk may be answered by any server.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Admin sessions end with the browser, or after this many idle seconds.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Behind N trusted proxies, the client's address is the Nth from the right of
# X-Forwarded-For (ops/clients.py); without one, that header is ignored, since a
# client could forge it. Lockouts, the API throttle and the rate limits all use it.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "ops.clients.client_address"
# A locked-out login is told when to try again (Retry-After).
AXES_LOCKOUT_CALLABLE = "clerks.lockout.lockout_response"

# --- Production: HTTPS behind a proxy, security headers, logs ---------------
# Responses name the server that answered (X-Served-By: DJANGO_SERVER_NAME, or the
# host name, and the process) and the database a page was read from
# (X-Database-Alias): for finding a misbehaving server behind a load balancer, and
# for the cluster tests. Off by default: they tell the public how the site runs.
DIAGNOSTIC_HEADERS = env_bool("DJANGO_DIAGNOSTIC_HEADERS")
SERVER_NAME = os.environ.get("DJANGO_SERVER_NAME") or socket.gethostname()
# The proxy in front terminates TLS and says so in X-Forwarded-Proto, which is
# trusted only when a proxy is configured: without one, any client could claim
# HTTPS (and have pages written with https:// links for everyone).
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# On in production; `make serve` and `make loadtest` on loopback turn it off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# A load balancer asks for /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

# Uploaded photos may be served from another host (DJANGO_MEDIA_URL).
_media = urlsplit(MEDIA_URL)
MEDIA_ORIGIN = [f"{_media.scheme}://{_media.netloc}"] if _media.scheme and _media.netloc else []

# Scripts, styles and images come from our own static files only: no inline
# code anywhere (the Django admin has none either), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# The open-data API (api/): read-only, public, throttled per client address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # JSON only: the browsable renderer needs inline scripts a strict CSP forbids.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
API_ANONYMOUS_RATE = os.environ.get("DJANGO_API_RATE", "120/minute")

SPECTACULAR_SETTINGS = {
    "TITLE": "Petition record API",
    "DESCRIPTION": (
        "Read-only data on petitions to the House of Commons of Canada: every "
        "petition with its text in English and French, its history, signatures and "
        "government response; Members, subjects and sessions with their petition "
        "counts. Any list of petitions is also available as CSV with `format=csv`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation's scripts and styles are served from this site, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ProvinceEnum": "petitions.choices.Province",
        "PartStyleEnum": "petitions.choices.PartStyle",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.allow_empty_query_values",
    ],
}
