"""Scam feeds: the hosts list and filter list parse, and eth-phishing-detect reads our JSON.

The JSON is read by the consuming tool itself (npm ``eth-phishing-detect``,
pinned in package.json) through ``tests/js/phishing_detect.js``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpcenter.contacts.lookalike import lookalike_domain
from helpcenter.registry.load import load_registry
from helpcenter.registry.model import KnownScam
from helpcenter.site import feeds

ROOT = Path(__file__).resolve().parents[1]
DATE = dt.date(2026, 12, 5)
SITE_URL = "https://help.bitp.example/"

HOSTS_LINE = re.compile(r"0\.0\.0\.0 (?P<host>[a-z0-9.-]+)(?: # [^\n]*)?")
FILTER_RULE = re.compile(r"\|\|(?P<host>[a-z0-9.-]+)(?P<path>/[A-Za-z0-9/._~%-]*)?\^")


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data" / "channels.yml")


@pytest.fixture(scope="module")
def written(registry, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("feeds")
    feeds.write_feeds(site, registry, DATE, SITE_URL)
    return site


def parse_hosts(text: str) -> list[str]:
    """The hosts of a hosts file; any other non-comment line fails."""
    hosts = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = HOSTS_LINE.fullmatch(line)
        assert match, f"not a hosts line: {line!r}"
        hosts.append(match["host"])
    return hosts


def parse_filters(text: str) -> list[tuple[str, str]]:
    """``(host, path)`` of every rule of an Adblock-style list; any other line fails."""
    lines = text.splitlines()
    assert lines[0] == "[Adblock Plus 2.0]"
    rules = []
    for line in lines[1:]:
        if line.startswith("! "):
            continue
        match = FILTER_RULE.fullmatch(line)
        assert match, f"not a filter rule: {line!r}"
        rules.append((match["host"], match["path"] or ""))
    return rules


def headers(text: str, mark: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line.startswith(mark + " ") and ": " in line:
            key, _, value = line[len(mark) + 1 :].partition(": ")
            out[key] = value
    return out


def test_hosts_list_blocks_the_listed_fakes_and_never_an_official_domain(written):
    text = (written / feeds.HOSTS).read_text(encoding="utf-8")
    hosts = parse_hosts(text)
    assert {"bitp-support.example", "www.bltp.example", "bltp.example"} <= set(hosts)
    assert "bitp-help.example" in hosts, "the domain of a lookalike email address"
    assert not [h for h in hosts if h == "bitp.example" or h.endswith(".bitp.example")]
    assert "t.me" not in hosts, "a fake account blocks its URL, never the platform"
    head = headers(text, "#")
    assert head["Source"] == SITE_URL + "safety/known-scams.html"
    assert head["Last-verified"] == "2026-11-01"
    assert head["License"] == "MIT"


def test_filter_list_blocks_hosts_and_the_fake_account(written):
    text = (written / feeds.ADBLOCK).read_text(encoding="utf-8")
    rules = parse_filters(text)
    assert ("t.me", "/bitp_admin_help") in rules
    assert ("bitp-support.example", "") in rules
    assert not [r for r in rules if r[0].endswith("bitp.example") and r[0] != "bitp.example"
                or r[0] == "bitp.example"]  # fmt: skip
    head = headers(text, "!")
    assert head["Title"].startswith("BitP help center")
    assert head["Last-verified"] == "2026-11-01" and head["License"] == "MIT"


@pytest.fixture(scope="module")
def node_check(written):
    node = shutil.which("node")
    assert node, "node is needed (installed with npm by .ci/run)"
    assert (ROOT / "node_modules" / "eth-phishing-detect").is_dir(), "run `make venv`"

    def check(*domains: str) -> dict[str, dict]:
        proc = subprocess.run(
            [node, str(ROOT / "tests" / "js" / "phishing_detect.js"),
             str(written / feeds.PHISHING_DETECT), *domains],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    return check


OFFICIAL = ["bitp.example", "www.bitp.example", "help.bitp.example"]
LISTED = ["bitp-support.example", "www.bltp.example", "bltp.example", "bitp-help.example"]
UNLISTED_LOOKALIKES = ["b1tp.example", "bitpp.example", "bitq.example", "www.bjtp.example"]
UNRELATED = ["wikipedia.org", "rfc-editor.org", "openbsd.example", "example.com"]


def test_eth_phishing_detect_reads_our_config(node_check, registry):
    verdicts = node_check(*OFFICIAL, *LISTED, *UNLISTED_LOOKALIKES, *UNRELATED)
    for domain in OFFICIAL:
        assert verdicts[domain] == {"result": False, "type": "whitelist"}, domain
    for domain in LISTED:
        assert verdicts[domain] == {"result": True, "type": "blacklist"}, domain
    for domain in UNLISTED_LOOKALIKES:
        assert verdicts[domain] == {"result": True, "type": "fuzzy", "match": "bitp.example"}
        # Our own lookalike rules agree with the tool's fuzzy match.
        assert lookalike_domain(domain, registry.organization.official_domains) == "bitp.example"
    for domain in UNRELATED:
        assert verdicts[domain]["result"] is False, domain


def test_json_header_is_a_field_the_tool_ignores(written):
    data = json.loads((written / feeds.PHISHING_DETECT).read_text(encoding="utf-8"))
    assert set(data) == {"version", "tolerance", "fuzzylist", "whitelist", "blacklist", "meta"}
    assert data["meta"]["source"] == SITE_URL + "safety/known-scams.html"
    assert data["meta"]["last_verified"] == "2026-11-01" and data["meta"]["license"] == "MIT"


def test_tolerance_follows_the_lookalike_rules():
    assert feeds.fuzzy_tolerance(["bitp.example"]) == 1
    assert feeds.fuzzy_tolerance(["bitpexchange.example"]) == 2
    assert feeds.fuzzy_tolerance(["bit.example"]) == 0, "too short to match loosely"
    assert feeds.fuzzy_tolerance(["bitpexchange.example", "bitp.example"]) == 1


def test_scam_mail_from_a_provider_does_not_block_the_provider(registry):
    scams = (KnownScam(type="email", value="bitp.support@mail.example"),)
    reg = dataclasses.replace(registry, known_scams=scams)
    assert feeds.blocked_entries(reg) == []


def test_registry_values_cannot_inject_lines(registry, tmp_path):
    hostile = "\n0.0.0.0 victim.example\n||victim.example^\n"
    scams = (
        KnownScam(type="website", value="https://bitp-fake.example/" + hostile),
        KnownScam(type="website", value="https://evil.example\r\n0.0.0.0 victim.example/"),
        KnownScam(type="social", platform="telegram", value="https://t.me/bitp_x" + hostile),
        KnownScam(type="social", platform="telegram", value="https://t.me/a^b|c$d,e#f*g"),
        KnownScam(type="website", value="https://bitp.example/"),  # official: never blocked
    )
    org = dataclasses.replace(registry.organization, name="BitP" + hostile)
    reg = dataclasses.replace(registry, known_scams=scams, organization=org)
    feeds.write_feeds(tmp_path, reg, DATE, "https://help.bitp.example/\n0.0.0.0 victim.example")
    hosts = parse_hosts((tmp_path / feeds.HOSTS).read_text(encoding="utf-8"))
    rules = parse_filters((tmp_path / feeds.ADBLOCK).read_text(encoding="utf-8"))
    blocked = set(hosts) | {host for host, _ in rules}
    assert "victim.example" not in blocked
    assert "bitp.example" not in blocked
    assert "bitp-fake.example" in hosts
    paths = [path for host, path in rules if host == "t.me"]
    assert paths and all(re.fullmatch(r"/[A-Za-z0-9/._~%-]*", p) for p in paths)
    data = json.loads((tmp_path / feeds.PHISHING_DETECT).read_text(encoding="utf-8"))
    assert "victim.example" not in data["blacklist"]


@pytest.mark.parametrize(
    ("site_path", "prefix"),
    [("safety/known-scams.html", "../"), ("en/safety/known-scams.html", "../../")],
)
def test_known_scams_page_links_the_feeds(registry, site_path, prefix):
    from helpcenter.site.render import MarkerRenderer

    renderer = MarkerRenderer(registry, ROOT / "overrides")
    lang = "en" if site_path.startswith("en/") else "zh"
    html = renderer.expand("<!-- hc:known-scams -->", lang, "x.md", site_path=site_path).markdown
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs == [prefix + name for name in feeds.FEED_FILES]
    plain = renderer.expand("<!-- hc:known-scams -->", lang, "x.md").markdown
    assert "href=" not in plain, "without the page's path, no links"
