from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and access"

    def ready(self) -> None:
        # Connects the receivers that drop a cached credential when its row changes.
        from accounts import credentials_cache  # noqa: F401
