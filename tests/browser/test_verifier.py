"""The verifier pages in Chromium, from file://, with the network blocked.

Runs every shared vector (``tests/vectors/verify.json``) through ``verify.js`` on
both language pages, so the browser and :func:`helpcenter.site.verifier.verdict`
answer alike; then checks the page's behaviour: verdicts update while typing
and on submit, sentences in the page language say what to do next, nothing is
fetched, and the widget fits a phone screen.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from helpcenter.registry.load import load_registry
from helpcenter.site.verifier import verdict

ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "verify.json").read_text(encoding="utf-8"))[
    "vectors"
]
PAGES = {"zh": "verify.html", "en": "en/verify.html"}
CJK = re.compile(r"[\u4e00-\u9fff]")

# What each verdict must tell the reader to do, by page language.
ADVICE = {
    "zh": {"official": "密码", "retired": "停用", "scam": "诈骗", "lookalike": "不是 BitP",
           "unsafe": "不要打开", "unknown": "非官方"},
    "en": {"official": "password", "retired": "no longer used", "scam": "Stop",
           "lookalike": "imitates", "unsafe": "Do not open", "unknown": "unofficial"},
}  # fmt: skip


def open_verifier(page, site_url, lang: str):
    page.goto(site_url(PAGES[lang]))
    page.wait_for_function("() => window.hcVerifyData && window.hcVerify")
    return page


def verdict_of(page) -> str | None:
    return page.get_attribute("#verify-result", "data-verdict") or None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_vector(page, site_url, blocked_requests, lang: str) -> None:
    open_verifier(page, site_url, lang)
    failures = []
    count = 0
    for vec in VECTORS:
        if vec.get("lang", lang) != lang:
            continue
        count += 1
        page.fill("#verify-input", vec["input"])
        got = verdict_of(page)
        if got != vec["verdict"]:
            failures.append(f"{vec['input']!r}: expected {vec['verdict']}, got {got}")
            continue
        if got:
            text = page.inner_text("#verify-result")
            if ADVICE[lang][got] not in text or bool(CJK.search(text)) != (lang == "zh"):
                failures.append(
                    f"{vec['input']!r}: sentence not in {lang} or without advice: {text!r}"
                )
    assert count >= 60
    assert not failures, "\n".join(failures)
    assert blocked_requests == []
    assert page.hc_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verdict_follows_typing_and_submit(page, site_url, lang: str) -> None:
    open_verifier(page, site_url, lang)
    assert verdict_of(page) is None
    assert page.is_hidden("#verify-result")
    box = page.locator("#verify-input")
    box.press_sequentially("SUPPORT@BITP.EXAMPL")
    assert verdict_of(page) in ("lookalike", "unknown")
    box.press("E")
    assert verdict_of(page) == "official"
    box.fill("")
    assert verdict_of(page) is None
    assert page.is_hidden("#verify-result")
    # A value set without an input event (as some password managers and
    # paste helpers do) is judged on Enter and on the button.
    page.eval_on_selector("#verify-input", "el => { el.value = '+1 202-555-0199'; }")
    assert verdict_of(page) is None
    box.press("Enter")
    assert verdict_of(page) == "scam"
    assert page.url.endswith(PAGES[lang].split("/")[-1]), "submit must not navigate"
    page.eval_on_selector("#verify-input", "el => { el.value = 'https://t.me/bitp_support'; }")
    page.click(".hc-verifier__button")
    assert verdict_of(page) == "retired"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sentences_name_what_to_do(page, site_url, screenshot, lang: str) -> None:
    open_verifier(page, site_url, lang)
    data = page.evaluate("() => window.hcVerifyData")
    security = data["channels"][data["report_channel"]]["value"]
    replacement = data["channels"]["hotline-cn"]

    page.fill("#verify-input", "400-000-0100" if lang == "zh" else "+86 400 000 0100")
    text = page.inner_text("#verify-result")
    assert replacement["label"][lang] in text and replacement["value"] in text
    assert page.get_attribute("#verify-result a[href^='tel:']", "href") == "tel:+864000000123"

    page.fill("#verify-input", "service@bitp-help.example")
    assert page.get_attribute("#verify-result a[href^='mailto:']", "href") == f"mailto:{security}"
    screenshot(page, f"verifier-{lang}-scam")

    page.fill("#verify-input", "https://bіtp.example/login")
    text = page.inner_text("#verify-result")
    assert "bitp.example" in text and "xn--" in text  # the punycode shows the trick

    page.fill("#verify-input", "ｓｕｐｐｏｒｔ＠ｂｉｔｐ．ｅｘａｍｐｌｅ")
    assert data["channels"]["support-email"]["label"][lang] in page.inner_text("#verify-result")
    screenshot(page, f"verifier-{lang}-official")

    page.fill("#verify-input", "hello world")
    assert verdict_of(page) == "unknown"
    link = page.locator("#verify-result a")
    assert link.get_attribute("href").endswith("contact/directory.html")
    assert page.hc_errors == []


def test_placeholder_and_result_are_accessible(page, site_url) -> None:
    open_verifier(page, site_url, "zh")
    assert page.get_attribute("#verify-input", "placeholder") == "粘贴网址、邮箱、电话或账号"
    assert page.get_attribute("#verify-result", "aria-live") == "polite"
    assert page.locator("label[for='verify-input']").count() == 1
    open_verifier(page, site_url, "en")
    assert "Paste" in page.get_attribute("#verify-input", "placeholder")


def test_works_on_a_phone_screen(browser, site_url, blocked_requests, screenshot) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)

    def block(route) -> None:
        if route.request.url.startswith(("http:", "https:")):
            blocked_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    ctx.route("**/*", block)
    try:
        page = ctx.new_page()
        open_verifier(page, site_url, "zh")
        page.fill("#verify-input", "https://bitp-support.example/")
        assert verdict_of(page) == "scam"
        box = page.locator(".hc-verifier").bounding_box()
        button = page.locator(".hc-verifier__button").bounding_box()
        assert box is not None and button is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert button["x"] + button["width"] <= 360
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        page.locator("#verify-result").scroll_into_view_if_needed()
        screenshot(page, "verifier-zh-mobile", full_page=False)
    finally:
        ctx.close()
    assert blocked_requests == []


# -- the same answers as Python on inputs nobody wrote down -------------------

BARE_HOST = re.compile(r"^[a-z0-9][^@\\s/:]*\\.[a-z]", re.I)
HOST_LIKE = re.compile(r"^(?:https?://)?[^@\\s/]+\\.[a-z]", re.I)
PHONE_LIKE = re.compile(r"^\\+?[0-9][0-9 ()-]+$")
LOOKALIKES = ["bltp", "b1tp", "bitpp", "bіtp", "bitр", "bitq", "bitp-help", "bitpsupport", "bιtp"]


def respellings(seeds: list[str], per_seed: int, seed: int) -> list[str]:
    """Each seed and ``per_seed`` re-spellings of it: case, full width, prefixes,
    dots, lookalike names, other domain endings, separators, invisibles."""
    rnd = random.Random(seed)

    def fullwidth(s: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rnd.random() < 0.5 else c
                       for c in s)  # fmt: skip

    ops = [
        str.upper,
        str.lower,
        fullwidth,
        lambda s: (rnd.choice(["https://", "http://", "www."]) if BARE_HOST.match(s) else "") + s,
        lambda s: rnd.choice(["  ", "<", '"']) + s,
        lambda s: (
            s
            + (rnd.choice(["/", "/login?next=1"]) if HOST_LIKE.match(s) else rnd.choice([" ", ">"]))
        ),  # fmt: skip
        lambda s: s.replace(".", rnd.choice(["。", "．", "｡", "."])),
        lambda s: s.replace("bitp", rnd.choice(LOOKALIKES)),
        lambda s: s.replace("example", rnd.choice(["com", "co.uk", "net", "example.com"])),
        lambda s: s.replace(" ", rnd.choice(["-", "", ".", "  "])) if PHONE_LIKE.match(s) else s,
        lambda s: s.replace("@", "%40", 1) if "://" not in s else s,
        lambda s: s[:1] + "\u200b" + s[1:],
    ]
    out = []
    for text in seeds:
        out.append(text)
        for _ in range(per_seed):
            spelled = text
            for _ in range(rnd.randint(1, 3)):
                spelled = rnd.choice(ops)(spelled)
            out.append(spelled)
    return list(dict.fromkeys(out))


def test_generated_inputs_agree_with_python(page, site_url) -> None:
    """verify.js and helpcenter.site.verifier.verdict agree on thousands of re-spelled contacts."""
    registry = load_registry(ROOT / "data" / "channels.yml")
    seeds = [v["input"] for v in VECTORS if v["input"].strip()]
    seeds += [c.value for c in registry.channels] + [s.value for s in registry.known_scams]
    inputs = respellings(seeds, per_seed=12, seed=2026)
    open_verifier(page, site_url, "zh")
    js = page.evaluate(
        """(inputs) => {
            const v = new window.hcVerify.Verifier(window.hcVerifyData);
            return inputs.map((text) => ["zh", "en"].map((lang) => {
                const r = v.verdict(text, lang);
                return r ? r.verdict : null;
            }));
        }""",
        inputs,
    )
    mismatches = []
    for text, answers in zip(inputs, js, strict=True):
        for lang, got in zip(("zh", "en"), answers, strict=True):
            py = verdict(text, registry, lang)
            want = py.verdict if py else None
            if got != want:
                mismatches.append(f"{text!r} ({lang}): Python {want}, browser {got}")
    assert len(inputs) > 1000
    assert not mismatches, "\n".join(mismatches[:40])
