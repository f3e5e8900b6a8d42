"""What the page needs of a WSGI request, and the links it makes back.

Every link is the mount point the server was configured with followed by one of the page's own
paths, so it stays on this site: the client's ``SCRIPT_NAME`` is not trusted (gunicorn takes it
from a request header), and a path the client sent (``//evil.example/x`` on a 404 page) is made
a same-origin path before it goes into a link. Links keep the chosen language (left out when it
is the default).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from seuranta.settings import LANGUAGES

# "" (the site's root) or "/status", "/a/b": what make_app may be told, never the client.
MOUNT = re.compile(r"(?:/[A-Za-z0-9._~-]+)*")
# What a path keeps unquoted in a link: RFC 3986's path characters, but never a backslash,
# which browsers read as "/" ("/\evil.example" would leave the site).
_PATH_SAFE = "/-._~!$&'()*+,;=:@"


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    base: str
    path: str
    params: Mapping[str, str]
    lang: str
    default_lang: str

    @classmethod
    def from_environ(
        cls, environ: Mapping[str, Any], default_lang: str, mount: str = ""
    ) -> Request:
        # WSGI hands the path over as latin-1 decoded bytes (PEP 3333); measure numbers are ASCII.
        raw = environ.get("PATH_INFO", "").encode("latin-1", "replace")
        path = raw.decode("utf-8", "replace")
        # The first value of a repeated parameter wins; the form never repeats one.
        params: dict[str, str] = {}
        for key, value in parse_qsl(environ.get("QUERY_STRING", "")):
            params.setdefault(key, value)
        lang = params.get("lang", "")
        return cls(
            method=environ.get("REQUEST_METHOD", "GET"),
            base=mount,
            path=path or "/",
            params=params,
            lang=lang if lang in LANGUAGES else default_lang,
            default_lang=default_lang,
        )

    def url(self, path: str, /, lang: str | None = None, **params: str | int | None) -> str:
        """A link within the page, in this request's language unless `lang` says otherwise."""
        chosen = lang or self.lang
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if chosen != self.default_lang:
            query["lang"] = chosen
        # One leading slash: "//host" is a link to another site, even after a mount point.
        local = "/" + quote(path, safe=_PATH_SAFE).lstrip("/")
        return self.base + local + (f"?{urlencode(query)}" if query else "")

    def in_language(self, lang: str) -> str:
        """This very page (filters kept) in another language."""
        params = {k: v for k, v in self.params.items() if k != "lang"}
        return self.url(self.path, lang=lang, **params)
