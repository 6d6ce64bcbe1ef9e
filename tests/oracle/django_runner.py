"""The Django runner: a deck check's code run against real Django, and what happened.

A check's code is executed as a fresh module named `case`, after PRELUDE (the imports every
question takes for granted) and the check's `setup`, in this process, which Django is
configured in. What is observed is observe.py's model; `status`, `json` and `body` are the HTTP
response (`json` when it is JSON, else `body` as text), under `run = "server"` each a list, one
per request, in request order.

Runs, and the handlers each can run under (`run(kind, ..., handler=...)`):
- view:   the module's `my_view` (or `MyView.as_view()`) is mounted at `/` and requested once
          (`PATH`, default "/"), under one of
          - `asgi`: a real uvicorn on 127.0.0.1 serving a fresh `ASGIHandler` (so each request
            runs in asgiref's ThreadSensitiveContext, with disconnect handling);
          - `async-client`: Django's test AsyncClient (AsyncClientHandler: `get_response_async`
            called directly, no ASGIHandler, no ThreadSensitiveContext);
          - `wsgi`: Django's sync test Client (ClientHandler: the WSGIHandler request path,
            `get_response`, an async view run through async_to_sync), in a thread with no loop.
          An exception that escapes Django's handler (one the handler does not turn into a
          response, e.g. from a middleware Django calls without its conversion wrapper) is
          raised by the test clients: under `async-client` and `wsgi` it is observed as
          `exception` and `message`, with no `status`. (Under `asgi`, uvicorn answers with its
          own 500.)
          A handler that cannot be made (its middleware fails to load: the project does not
          start) is observed the same way, under every handler.
- server: the same, served by a real server on 127.0.0.1, `asgi` (uvicorn + ASGIHandler) or
          `wsgi` (a threading wsgiref server + WSGIHandler); the paths in `REQUESTS` (default
          ["/?n=1", "/?n=2"]) are sent at the same time, each `STAGGER` s (default 0.2) after
          the previous one. With `RECORD_CHUNKS = True` the client appends
          "client: first chunk arrives" to `events` when the first piece of a body arrives.
- script: (`script`) `main()` is called: awaited in a fresh event loop (in a fresh thread) when
          it is `async def`, else called in the plain main thread.
The module may set `MIDDLEWARE` (dotted paths, e.g. "case.my_middleware"), `DATABASE_SETTINGS`
(keys of `DATABASES["default"]`, e.g. {"ATOMIC_REQUESTS": True}: set for the whole run, before
the handler or server application is made, and restored after it), and for `view` and `server`
`LOGIN` (a username: that user is created and logged in; its session cookie is sent).
An exception raised while the module itself runs (e.g. in a class body) or while mounting the
view (e.g. ImproperlyConfigured from as_view()) is observed as `exception` and `message`.
Every observation is scrubbed of memory addresses and ports (see `observe.scrub`), so that
handlers can be compared and receipts are deterministic.
"""

import asyncio
import gc
import http.client
import json
import os
import socket
import sys
import threading
import time
import warnings

ORACLE_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ORACLE_DIR)

import observe  # noqa: E402
from observe import run_in_thread, scrub  # noqa: E402

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    DEBUG=False,
    SECRET_KEY="oracle-not-secret",
    ALLOWED_HOSTS=["*"],
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
        "oracleapp.apps.OracleAppConfig",
    ],
    # Shared-cache in-memory SQLite: every thread (sync_to_async, request threads) sees one DB.
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": "file:oracle?mode=memory&cache=shared",
        }
    },
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ROOT_URLCONF="case",
    MIDDLEWARE=[],
    USE_TZ=True,
    LOGGING_CONFIG=None,
)
django.setup()

import logging  # noqa: E402

logging.disable(logging.CRITICAL)  # Django logs every 500; the oracle reports them itself.

# Some wrong choices forget an `await` on purpose; their outcome is checked, the warning is noise.
warnings.filterwarnings("ignore", message="coroutine .* was never awaited", category=RuntimeWarning)
# Middleware left unmarked on purpose (markcoroutinefunction-class-middleware) makes asgiref
# warn as Django adapts it under WSGI; likewise checked by its outcome.
warnings.filterwarnings(
    "ignore", message="async_to_sync was passed a non-async-marked callable", category=UserWarning
)
# The warnings state every run starts from (see reset_between_runs).
FILTERS = list(warnings.filters)
SHOWWARNING = warnings.showwarning

from django.core import signals  # noqa: E402
from django.core.handlers.asgi import ASGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import close_old_connections, connection, connections  # noqa: E402
from django.test import AsyncClient  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402

# The in-memory DB lives while a connection to it is open: keep Django from closing them.
signals.request_started.disconnect(close_old_connections)
signals.request_finished.disconnect(close_old_connections)

PRELUDE = observe.PRELUDE + """\
from asgiref.sync import async_to_sync, sync_to_async
from django.db import transaction
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.views import View
from oracleapp.models import MyModel
"""

SEED = [("first", True), ("second", True), ("third", False)]


def describe():
    return f"Django {django.get_version()}"


def versions():
    """The versions a receipt was recorded with (Python as observe.python_version() says)."""
    import importlib.metadata

    return {
        "asgiref": importlib.metadata.version("asgiref"),
        "django": importlib.metadata.version("Django"),
        "python": observe.python_version(),
        "uvicorn": importlib.metadata.version("uvicorn"),
    }


def setup():
    """Once per process, before the first run: the database the runs share."""
    call_command("migrate", run_syncdb=True, verbosity=0)
    reset_database()
    # What Django, the apps and the migrations made lives as long as the process: moved out of
    # the collector's sight, so the gc.collect() before each run (reset_between_runs) scans
    # only what runs left behind (about 1 ms instead of 20).
    gc.collect()
    gc.freeze()


def reset_database():
    """The same rows before every run: ids 1 and 2 active, 3 inactive."""
    from django.contrib.auth.models import User
    from oracleapp.models import MyModel

    from django.core.cache import cache

    cache.clear()
    MyModel.objects.all().delete()
    User.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_sequence")
    for name, active in SEED:
        MyModel.objects.create(name=name, active=active)


def mount(module):
    """Routes `/` to the module's `my_view`, or to `MyView.as_view()`."""
    view = getattr(module, "my_view", None)
    if view is None and hasattr(module, "MyView"):
        view = module.MyView.as_view()
    if not hasattr(module, "urlpatterns"):
        module.urlpatterns = [path("", view)] if view is not None else []


NAME = "django"  # what a deck's `[deck.oracle] runner` calls this runner
# Where each run kind can run (spec: handlers), and what it defaults to.
HANDLERS = {
    "view": ("asgi", "async-client", "wsgi"),
    "server": ("asgi", "wsgi"),
    "script": ("script",),
}
DEFAULT_HANDLERS = {"view": ["asgi", "async-client"], "server": ["asgi"], "script": ["script"]}
# Every handler in one canonical order (receipts list handlers in this order).
HANDLER_ORDER = ["asgi", "async-client", "wsgi", "script"]
# The keys each run kind can observe: an `expect` naming another key is refused.
OBSERVABLE = {
    "view": {"status", "json", "body", "exception", "message", "events", "compile_error"},
    "server": {"status", "json", "body", "exception", "message", "events", "compile_error"},
    "script": observe.SCRIPT_OBSERVABLE,
}


def reset_between_runs():
    """Leaves nothing of one run to the next: garbage from earlier runs (say, a coroutine a
    wrong choice never awaited, kept alive by a reference cycle through a traceback) is
    collected now, under the oracle's filters, rather than in the middle of a later run whose
    code records warnings in `events`; and the warnings state (filters, `showwarning`, the
    per-module registries of warnings already shown once) is reset to the oracle's own, so a
    warning one run triggered is not suppressed as "already shown" in another."""
    gc.collect()
    warnings.resetwarnings()  # also tells the registries that the filters changed
    warnings.filters[:] = FILTERS
    warnings.showwarning = SHOWWARNING
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()


def run(kind, code, setup="", env=None, handler=None):
    """Runs `code` the way `kind` says, under `handler` (default: the kind's first default
    handler); returns the observed outcome (see the module doc), scrubbed of run-specific
    details (memory addresses, ports) so that it can be compared and recorded."""
    handler = handler or DEFAULT_HANDLERS[kind][0]
    if handler not in HANDLERS.get(kind, ()):
        raise ValueError(f"run {kind!r} cannot run under handler {handler!r}")
    reset_between_runs()
    reset_database()
    # AsyncClient and the test Client reconnect close_old_connections after each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    saved_env = {name: os.environ.get(name) for name in (env or {})}
    saved_database = None
    os.environ.update(env or {})
    try:
        with warnings.catch_warnings():  # a case may install its own filters or showwarning
            module, compile_error = observe.load(code, PRELUDE, setup)
            if compile_error:
                return {"compile_error": compile_error, "events": []}
            middleware = getattr(module, "MIDDLEWARE", [])
            # The database settings the module declares, in the dict every connection (and
            # BaseHandler.make_view_atomic) reads, for this run only.
            saved_database = dict(connections.settings["default"])
            connections.settings["default"].update(getattr(module, "DATABASE_SETTINGS", {}))
            with override_settings(ROOT_URLCONF="case", MIDDLEWARE=middleware):
                clear_url_caches()
                try:
                    if hasattr(module, "load_error"):
                        raise module.load_error
                    mount(module)
                except Exception as error:  # e.g. ImproperlyConfigured from as_view()
                    observed = {"exception": type(error).__name__, "message": str(error)}
                else:
                    observed = None
                if observed is not None:
                    pass
                elif kind == "view" and handler == "async-client":
                    observed = run_in_thread(lambda: asyncio.run(request_view(module)))
                elif kind == "view" and handler == "wsgi":
                    observed = run_in_thread(lambda: request_view_wsgi(module))
                elif kind == "view":  # one request to a real server: its outcome, unlisted
                    served = serve_requests(module, handler, [getattr(module, "PATH", "/")])
                    observed = {
                        key: value[0] if key in ("status", "json", "body") else value
                        for key, value in served.items()
                    }
                    observed = {key: value for key, value in observed.items() if value is not None}
                elif kind == "server":
                    observed = serve_requests(module, handler)
                elif kind == "script":
                    observed = observe.run_script(module, async_in_thread=True)
                else:
                    raise ValueError(f"unknown run {kind!r}")
            observed["events"] = list(module.events)
            return scrub(observed)
    finally:
        if saved_database is not None:
            connections.settings["default"].clear()
            connections.settings["default"].update(saved_database)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        sys.modules.pop("case", None)


class ExceptionCatcher:
    """Records the exception Django turned into a 500 (via `got_request_exception`)."""

    def __init__(self):
        self.errors = []

    def __enter__(self):
        signals.got_request_exception.connect(self.record)
        return self

    def __exit__(self, *exc):
        signals.got_request_exception.disconnect(self.record)

    def record(self, sender, **kwargs):
        error = sys.exc_info()[1]
        if error is not None:
            self.errors.append(error)

    def describe(self, observed):
        if self.errors:
            observed["exception"] = type(self.errors[0]).__name__
            observed["message"] = str(self.errors[0])


def describe_response(status, content_type, content):
    observed = {"status": status}
    text = content.decode("utf-8", "replace")
    if content_type.startswith("application/json"):
        observed["json"] = json.loads(text)
    else:
        observed["body"] = text
    return observed


def described(response, content, catcher):
    """What a test client's response shows, with what the catcher saw during the request."""
    observed = describe_response(
        response.status_code, response.headers.get("Content-Type", ""), content
    )
    catcher.describe(observed)
    return observed


def escaped(error):
    """What is observed when an exception escapes Django's handler (the test clients raise it
    instead of answering; a server would send its own 500): the exception, as for a view's, and
    no response (no `status`)."""
    return {"exception": type(error).__name__, "message": str(error)}


async def request_view(module):
    client = AsyncClient(raise_request_exception=False)
    if hasattr(module, "LOGIN"):
        from django.contrib.auth.models import User

        user = await User.objects.acreate_user(module.LOGIN, password="secret")
        await client.aforce_login(user)
    with ExceptionCatcher() as catcher:
        try:
            response = await client.get(getattr(module, "PATH", "/"))
            if getattr(response, "streaming", False):
                if response.is_async:
                    content = b"".join([chunk async for chunk in response.streaming_content])
                else:
                    content = b"".join(response.streaming_content)
            else:
                content = response.content
        except Exception as error:  # escaped Django's handler: there is no response
            return escaped(error)
    return described(response, content, catcher)


def request_view_wsgi(module):
    """One GET through Django's sync test Client (its ClientHandler is WSGIHandler's request
    path: `get_response()`, an async view adapted with async_to_sync), in a thread without an
    event loop."""
    from django.test import Client

    client = Client(raise_request_exception=False)
    if hasattr(module, "LOGIN"):
        from django.contrib.auth.models import User

        client.force_login(User.objects.create_user(module.LOGIN, password="secret"))
    with ExceptionCatcher() as catcher:
        try:
            response = client.get(getattr(module, "PATH", "/"))
            if getattr(response, "streaming", False):
                content = b"".join(iter(response))  # adapts an async iterator, as WSGI servers do
            else:
                content = response.content
            response.close()
        except Exception as error:  # escaped Django's handler: there is no response
            return escaped(error)
    return described(response, content, catcher)


class Server:
    """One real server per handler for the whole run, on 127.0.0.1: uvicorn for `asgi`, a
    threading wsgiref server for `wsgi`. Each case gets a fresh Django handler (ASGIHandler or
    WSGIHandler, made under the case's settings), swapped in as `application`."""

    application = {}
    _ports = {}

    @classmethod
    def port(cls, handler):
        if handler not in cls._ports:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            if handler == "asgi":
                cls._ports[handler] = cls._start_uvicorn(port)
            else:
                cls._ports[handler] = cls._start_wsgiref(port)
        return cls._ports[handler]

    @classmethod
    def _start_uvicorn(cls, port):
        import uvicorn

        async def app(scope, receive, send):
            await cls.application["asgi"](scope, receive, send)

        config = uvicorn.Config(
            app, host="127.0.0.1", port=port, lifespan="off", log_level="critical"
        )
        server = uvicorn.Server(config)
        threading.Thread(target=server.run, daemon=True).start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return port

    @classmethod
    def _start_wsgiref(cls, port):
        import socketserver
        from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

        class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
            daemon_threads = True

        class QuietHandler(WSGIRequestHandler):
            def log_message(self, *args):
                pass

        def app(environ, start_response):
            return cls.application["wsgi"](environ, start_response)

        server = make_server(
            "127.0.0.1", port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return port


def login_cookie(module):
    """The session cookie header for the module's LOGIN user (created here), or None."""
    if not hasattr(module, "LOGIN"):
        return None
    from django.contrib.auth.models import User
    from django.test import Client

    def login():
        client = Client()
        client.force_login(User.objects.create_user(module.LOGIN, password="secret"))
        return "; ".join(f"{key}={morsel.value}" for key, morsel in client.cookies.items())

    return run_in_thread(login)


def serve_requests(module, handler="asgi", paths=None):
    """Sends `paths` (default: the module's REQUESTS, else ["/?n=1", "/?n=2"]) to the real
    server of `handler`, each STAGGER s (default 0.2) after the previous one, all at once."""
    from django.core.handlers.wsgi import WSGIHandler

    port = Server.port(handler)
    try:  # making the handler loads the middleware: where a project that cannot start fails
        Server.application[handler] = ASGIHandler() if handler == "asgi" else WSGIHandler()
    except Exception as error:  # it never serves: the exception, and no response (no `status`)
        return escaped(error)
    if paths is None:
        paths = getattr(module, "REQUESTS", ["/?n=1", "/?n=2"])
    stagger = getattr(module, "STAGGER", 0.2)
    cookie = login_cookie(module)
    results = [None] * len(paths)

    def fetch(index, target):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", target, headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            if getattr(module, "RECORD_CHUNKS", False):
                # The moment the first chunk of the body arrives, as an event among the view's.
                first = response.read1(65536)
                module.events.append("client: first chunk arrives" if first else "client: empty body")
                content = first + response.read()
            else:
                content = response.read()
            results[index] = describe_response(
                response.status, response.getheader("Content-Type", ""), content
            )
        except (OSError, http.client.HTTPException) as error:  # a broken or refused response
            results[index] = {"status": None, "body": f"no response: {type(error).__name__}"}
        finally:
            connection.close()

    with ExceptionCatcher() as catcher:
        threads = []
        for index, target in enumerate(paths):
            if index:
                time.sleep(stagger)
            thread = threading.Thread(target=fetch, args=(index, target))
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join(60)
        # The server may still be finishing the request (request_finished, closing) after the
        # client has read the response; give it a moment so late events are seen.
        time.sleep(0.01)
    observed = {
        "status": [r["status"] for r in results],
        "json": [r.get("json") for r in results],
        "body": [r.get("body") for r in results],
    }
    catcher.describe(observed)
    return observed
