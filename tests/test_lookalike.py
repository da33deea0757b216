"""Lookalike domains and handles (helpcenter.contacts.lookalike)."""

from __future__ import annotations

import pytest

from helpcenter.contacts.lookalike import (
    edit_distance,
    lookalike_domain,
    lookalike_handle,
    skeleton,
)

OFFICIAL = ["bitp.example"]
HANDLES = ["bitp_official", "bitpofficial"]


@pytest.mark.parametrize(
    "host",
    [
        "bltp.example",  # i -> l
        "b1tp.example",  # i -> 1
        "bitр.example",  # Cyrillic er
        "bіtp.example",  # Cyrillic i
        "xn--btp-jhd.example",  # punycode of bіtp (Cyrillic i)
        "bitpp.example",  # one letter added
        "btip.example",  # transposition
        "bitp.com",  # TLD swap
        "www.bitp.net",  # TLD swap with a subdomain
        "bitp-support.example",  # brand plus a word
        "support-bitp.example",
        "mybitp.example",  # brand glued to a word
        "bitp.example.evil.test",  # official name as a subdomain
        "BITP-Help.Example.",  # case and trailing dot
        "secure-b1tp.example",
    ],
)
def test_lookalike_domains_are_detected(host: str) -> None:
    assert lookalike_domain(host, OFFICIAL, "BitP") == "bitp.example"


@pytest.mark.parametrize(
    "host",
    ["bitp.example", "www.bitp.example", "help.bitp.example", "BITP.EXAMPLE.",
     "ｗｗｗ．ｂｉｔｐ．ｅｘａｍｐｌｅ", "wikipedia.org", "github.com", "example.com",
     "coinhelp.example", "t.me", "google.com", "rfc-editor.org"],
)  # fmt: skip
def test_official_and_unrelated_domains_are_not_lookalikes(host: str) -> None:
    assert lookalike_domain(host, OFFICIAL, "BitP") is None


def test_punycode_is_decoded_before_comparing() -> None:
    import idna

    puny = idna.encode("bіtp.example").decode()  # Cyrillic i
    assert puny.startswith("xn--")
    assert lookalike_domain(puny, OFFICIAL, "BitP") == "bitp.example"


@pytest.mark.parametrize(
    "handle",
    ["bitp.official", "bitp_0fficial", "bitp_officiaI", "bitp_offical", "bitp_official_support",
     "bitp_official1", "@bitp_admin_help", "bitp_support", "BitP_Helpdesk", "bitр_official"],
)  # fmt: skip
def test_lookalike_handles_are_detected(handle: str) -> None:
    assert lookalike_handle(handle, HANDLES, "BitP") in HANDLES


@pytest.mark.parametrize(
    "handle", ["bitp_official", "@BitP_Official", "BITPOFFICIAL", "coin_helpdesk", "alice"]
)
def test_official_and_unrelated_handles_are_not_lookalikes(handle: str) -> None:
    assert lookalike_handle(handle, HANDLES, "BitP") is None


def test_skeleton_folds_confusables() -> None:
    assert skeleton("BitP") == skeleton("b1tp") == skeleton("bіtр") == skeleton("bltp")
    assert skeleton("rnicrosoft") == skeleton("microsoft")
    assert skeleton("ｂｉｔｐ") == skeleton("bitp")


def test_edit_distance() -> None:
    assert edit_distance("bitp", "bitp") == 0
    assert edit_distance("bitp", "btip") == 1  # transposition counts once
    assert edit_distance("bitp", "bitpp") == 1
    assert edit_distance("bitp", "coinhelp", limit=2) == 3  # capped at limit + 1
