"""The external host policy shared with the contact guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.checks.links.policy import (
    external_host_allowed,
    external_url_allowed,
    is_official_host,
    trusted_domains,
)
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


@pytest.mark.parametrize(
    "host",
    ["bitp.example", "www.bitp.example", "HELP.BitP.Example.", "ｗｗｗ．ｂｉｔｐ．ｅｘａｍｐｌｅ",
     "www.bitp。example", "en.wikipedia.org", "www.rfc-editor.org"],
)  # fmt: skip
def test_allowed_hosts(registry, host):
    assert external_host_allowed(host, registry)


@pytest.mark.parametrize(
    "host",
    ["bitp-support.example", "www.bltp.example", "bitp.example.evil.example", "evilbitp.example",
     "t.me", "", "wikipedia.org.evil.example", "xn--btp-rla.example"],
)  # fmt: skip
def test_refused_hosts(registry, host):
    assert not external_host_allowed(host, registry)


def test_urls_are_judged_by_the_host_a_browser_contacts(registry):
    assert external_url_allowed("https://www.bitp.example/download", registry)
    assert not external_url_allowed("https://www.bitp.example@evil.example/", registry)
    assert not external_url_allowed("https://t.me/bitp_official", registry)


def test_official_is_narrower_than_allowed(registry):
    assert is_official_host("help.bitp.example", registry)
    assert not is_official_host("en.wikipedia.org", registry)
    assert trusted_domains(registry)[0] == "bitp.example"
