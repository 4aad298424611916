"""A JSON parser that enforces the request body limit and never lets odd JSON reach a 500.

Django checks ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when ``request.body`` or
``request.POST`` is read; DRF's JSON parser reads ``request.stream`` directly,
so without this an oversized JSON body would be read whole and parsed.

A body whose object repeats a key is refused: Python keeps the last value,
another JSON reader (a proxy, a signature check, an audit log) may keep the
first, and the two would disagree on what was asked. A refusal says plainly
what is wrong; Python's own parser messages (and exception text) never reach
the caller.
"""

import codecs
import json
from collections.abc import Mapping
from typing import Any, NoReturn

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

NOT_JSON = "The request body is not valid JSON."
NOT_TEXT = "The request body is not valid UTF-8 text."
TOO_DEEP = "The request body is nested too deeply."
# A key is named in the refusal, cut to this many characters.
_KEY_SHOWN = 60


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _reject_constant(name: str) -> NoReturn:
    # NaN, Infinity and -Infinity are not JSON; Python's parser accepts them by default.
    raise ValueError(f"{name} is not valid JSON")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKey(key)
        obj[key] = value
    return obj


def _duplicate_message(key: str) -> str:
    shown = key if len(key) <= _KEY_SHOWN else key[:_KEY_SHOWN] + "…"
    return f"The key {json.dumps(shown)} appears more than once in one object of the request body."


class BoundedJSONParser(JSONParser):
    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        # Imported here: api.exceptions imports DRF's views, which import the
        # configured parser classes, so a module-level import is circular.
        from api.exceptions import PayloadTooLarge

        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw: bytes = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except (UnicodeError, LookupError):
            raise ParseError(NOT_TEXT) from None
        try:
            return json.loads(
                text,
                parse_constant=_reject_constant,
                object_pairs_hook=_object_without_duplicates,
            )
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        except _DuplicateKey as exc:
            raise ParseError(_duplicate_message(exc.key)) from None
        except ValueError:  # also int-too-long errors
            raise ParseError(NOT_JSON) from None
