"""The verifier's Python side: every shared vector, and the data embedded in the page.

``tests/vectors/verify.json`` is the arbiter between this implementation and
``verify.js``; ``tests/browser/test_verifier.py`` runs the same vectors in
Chromium on both verifier pages.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpcenter.contacts import normalize
from helpcenter.guard import decide
from helpcenter.registry.load import load_registry, load_registry_cached
from helpcenter.registry.model import Localized
from helpcenter.site import verifier as verify

ROOT = Path(__file__).resolve().parents[1]
VECTORS_FILE = ROOT / "tests" / "vectors" / "verify.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]
LANGS = ("zh", "en")


def cases() -> list[pytest.param]:
    """One case per vector and page language it applies to."""
    out = []
    for i, vec in enumerate(VECTORS):
        for lang in [vec["lang"]] if vec.get("lang") else LANGS:
            out.append(pytest.param(vec, lang, id=f"{i:03d}-{lang}-{vec['input'][:40]!r}"))
    return out


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


@pytest.mark.parametrize(("vector", "lang"), cases())
def test_vector(vector: dict, lang: str, registry) -> None:
    got = verify.verdict(vector["input"], registry, lang)
    assert (got.verdict if got else None) == vector["verdict"], (vector, got)


def test_vectors_cover_every_verdict_and_the_required_cases() -> None:
    assert len(VECTORS) >= 60
    verdicts = {v["verdict"] for v in VECTORS}
    assert verdicts == set(verify.VERDICTS) | {None}
    for vec in VECTORS:
        assert set(vec) <= {"input", "verdict", "lang", "note"}, vec
        assert vec.get("lang", "zh") in LANGS
    inputs = [v["input"] for v in VECTORS]
    keys = [(v["input"], v.get("lang")) for v in VECTORS]
    assert len(keys) == len(set(keys)), "a vector is listed twice"
    # The cases the brief names: spelling variants and every attack shape.
    required = [
        "SUPPORT@BITP.EXAMPLE",
        "＋８６ ４００ ０００ ０１２３",
        "400-000-0123",
        "https://telegram.me/bitp_official",
        "@bitp_official",
        "https://twitter.com/BITP_OFFICIAL",
        "bitp.example.",
        "mailto:support@bitp.example",
        "tel:+86-400-000-0123",
        "https://bitp.example@evil.example/",
        "https://bіtp.example/",
        "https://www.bitp.com/",
        "b1tp.example",
        "https://bitp-help-center.example/",
    ]
    for needed in required:
        assert needed in inputs, needed


def test_every_registry_value_gets_its_own_status(registry) -> None:
    """Every official channel value, written as in the registry, is official."""
    for channel in registry.active_channels:
        got = verify.verdict(channel.value, registry, "zh")
        assert got is not None and got.verdict == "official", (channel.id, got)
    for channel in registry.retired_channels:
        got = verify.verdict(channel.value, registry, "en")
        assert got is not None and got.verdict == "retired", (channel.id, got)
        assert got.replacement is not None and got.replacement.id == channel.replaced_by
    for scam in registry.known_scams:
        got = verify.verdict(scam.value, registry, "zh")
        assert got is not None and got.verdict == "scam", (scam.value, got)


def test_verdict_details(registry) -> None:
    retired = verify.verdict("+86 400 000 0100", registry, "zh")
    assert retired is not None
    assert (retired.verdict, retired.kind, retired.value) == ("retired", "phone", "+864000000100")
    assert retired.channel.id == "hotline-cn-old"
    assert retired.replacement.id == "hotline-cn"
    look = verify.verdict("https://b1tp.example/login", registry, "en")
    assert look is not None and (look.verdict, look.official) == ("lookalike", "bitp.example")
    official = verify.verdict("Support@BitP.example", registry, "en")
    assert official is not None and official.channel.id == "support-email"
    assert verify.verdict("  \u200b ", registry, "zh") is None
    assert verify.verdict("“”", registry, "zh") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_a_verdict_or_none(text: str) -> None:
    got = verify.verdict(text, load_registry_cached(ROOT / "data" / "channels.yml"), "zh")
    assert got is None or got.verdict in verify.VERDICTS
    assert (got is None) == (verify.prepare(text) == "")


def test_data_mirrors_the_guard_index(registry) -> None:
    data = verify.verifier_data(registry)
    idx = decide.Index.build(registry)
    assert data["official_domains"] == list(idx.official_domains)
    assert set(data["emails"]) == set(idx.emails)
    assert set(data["phones"]) == set(idx.phones)
    assert set(data["social"]) == set(idx.social)
    assert set(data["hosts"]) == set(idx.hosts)
    assert data["emails"]["support@bitp.example"] == ["official", "support-email"]
    assert data["phones"]["+864000000100"] == ["retired", "hotline-cn-old"]
    assert data["handles"]["bitp_admin_help"][0] == "scam"
    assert data["scam_domains"] == sorted(idx.scam_domains)
    assert data["phone"]["lang_regions"] == normalize.DEFAULT_REGION
    # Phone metadata comes from phonenumbers: +86 numbers have 5-12 digit national parts.
    assert 10 in data["phone"]["codes"]["86"]["len"]
    assert data["phone"]["codes"]["44"]["npp"].startswith("0")
    # Public suffixes: multi-label rules only, grouped by their last label.
    psl = data["public_suffixes"]
    assert "co" in psl["rules"]["uk"].split()
    assert all("." not in tld for tld in psl["rules"])
    assert "bd" in psl["wild"] and "www.ck" in psl["exc"]
    json.dumps(data)


def test_script_cannot_break_out_of_its_element(registry) -> None:
    evil = '</script><img src=x onerror="alert(1)">&amp;'
    channel = dataclasses.replace(registry.channels[0], label=Localized(zh=evil, en=evil))
    reg = dataclasses.replace(registry, channels=(channel, *registry.channels[1:]), _by_id={})
    script = verify.verifier_script(reg)
    assert "<" not in script.split("\n", 1)[1]
    assert ">" not in script.split("\n", 1)[1]
    assert "&amp;" not in script
    body = re.fullmatch(r"/\*.*?\*/\nwindow\.hcVerifyData = (.*);\n", script, re.S)
    assert body is not None
    assert json.loads(body.group(1))["channels"][channel.id]["label"]["zh"] == evil
