"""The ``<id:...>`` path converter: an object id the database can hold, or no route at all.

Django's ``<int:...>`` takes any number of digits, and an id past the 64-bit
range fails in the database driver (a 500) before any lookup could say "not
found". Eighteen digits fit every database's bigint; a longer one is a 404.
"""

# The OpenAPI document says the same (PATH_CONVERTER_OVERRIDES in settings).
MAX_ID = 10**18 - 1


class ObjectIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
