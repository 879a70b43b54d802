"""The reporter's preferences, shared by the window and the CLI, stored as JSON in the user's
config folder (platformdirs). Holds no case content: recent files are paths only, and only
when the reporter allows them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from casefile.storage.files import atomic_write

APP_NAME = "Casefile"
MAX_RECENT = 10


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    display_name: str = ""
    recent_files_enabled: bool = True
    recent_files: tuple[str, ...] = ()
    privacy_screen_on_start: bool = False
    idle_lock_minutes: int = 10
    theme: str = "system"  # system | light | dark
    backup_keep: int = 5
    backup_interval_minutes: int = 30
    column_state: dict[str, str] = field(default_factory=dict)

    def with_recent(self, path: Path) -> Settings:
        if not self.recent_files_enabled:
            return self
        entry = str(path.absolute())
        recent = (entry, *(p for p in self.recent_files if p != entry))[:MAX_RECENT]
        return replace(self, recent_files=recent)

    def without_recent(self) -> Settings:
        return replace(self, recent_files=())


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load() -> Settings:
    """Reads the settings; anything unreadable or of the wrong type falls back to defaults."""
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        default = getattr(defaults, f.name)
        if (
            isinstance(default, tuple)
            and isinstance(value, list)
            and all(isinstance(v, str) for v in value)
        ):
            values[f.name] = tuple(value)[:MAX_RECENT]
        elif isinstance(default, dict) and isinstance(value, dict):
            values[f.name] = {str(k): str(v) for k, v in value.items()}
        elif type(value) is type(default):
            values[f.name] = value
    settings = replace(defaults, **values)
    if not settings.recent_files_enabled:
        settings = settings.without_recent()
    return settings


def save(settings: Settings) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = asdict(settings)
    data["recent_files"] = list(settings.recent_files)

    def write(temp: Path) -> None:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=True)

    atomic_write(path, write, what="save the settings")
