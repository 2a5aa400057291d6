"""Storage and settings: paths, profiles, API keys (keyring), the fleet cache, route and plan
templates. No Qt."""

from __future__ import annotations

from .cache import Cache
from .codec import row_from_json, row_to_json
from .paths import AppPaths
from .plan_templates import PlanTemplates
from .profiles import Profile, ProfileStore
from .routes import RouteTemplates
from .secrets import KeyStorage, SecretStore, configure_backend, forget_session_keys
from .settings import AppSettings, load_settings, save_settings

__all__ = [
    "AppPaths",
    "AppSettings",
    "Cache",
    "KeyStorage",
    "PlanTemplates",
    "Profile",
    "ProfileStore",
    "RouteTemplates",
    "SecretStore",
    "configure_backend",
    "forget_session_keys",
    "load_settings",
    "row_from_json",
    "row_to_json",
    "save_settings",
]
