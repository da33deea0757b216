"""HC_SPEEDUPS: every speed-up on, all off, or the named ones off."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helpcenter.theme import speedups
from helpcenter.theme.speedups import ENV, NAMES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", [None, "", "1", " 1 "])
def test_every_speed_up_is_on_by_default(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    speedups.check()
    assert speedups.enabled()
    assert all(speedups.enabled(name) for name in NAMES)


def test_zero_turns_every_speed_up_off(monkeypatch):
    monkeypatch.setenv(ENV, "0")
    assert not speedups.enabled()
    assert not any(speedups.enabled(name) for name in NAMES)


def test_a_list_turns_off_the_named_ones_only(monkeypatch):
    first, *others = NAMES
    monkeypatch.setenv(ENV, f"-{first}")
    speedups.check()
    assert not speedups.enabled(first)
    assert all(speedups.enabled(name) for name in others)
    monkeypatch.setenv(ENV, ",".join(f" -{name} " for name in NAMES))
    assert not speedups.enabled()


@pytest.mark.parametrize("value", ["-navcahce", "navcache", "off", "-templatecache"])
def test_a_value_that_names_no_speed_up_is_an_error_that_says_what_to_write(monkeypatch, value):
    monkeypatch.setenv(ENV, value)
    with pytest.raises(ValueError, match=f"'{value}' is not a speed-up") as exc:
        speedups.check()
    assert "write 0, 1 or a comma-separated list of -NAME" in str(exc.value)
    with pytest.raises(KeyError):
        speedups.enabled("nosuch")


def test_the_build_stops_on_a_value_that_names_no_speed_up(monkeypatch):
    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("templates_hook", ROOT / "hooks/templates.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.setenv(ENV, "-navcache,-typo")
    with pytest.raises(PluginError, match="'-typo' is not a speed-up"):
        hook.on_config(None)
    monkeypatch.setenv(ENV, "-navcache")
    assert hook.on_config(None) is None
