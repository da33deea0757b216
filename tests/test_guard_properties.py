"""Property tests of the contact guard.

Arbitrary input never crashes it, an official contact is never flagged and a
fictional one outside the registry always is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpcenter.guard.scan import check_source
from helpcenter.guard.verdict import classify
from helpcenter.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry(ROOT / "tests" / "fixtures" / "contacts" / "channels.yml")
PROPS = settings(
    derandomize=True,
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Official contacts in many spellings (each must stay unflagged whatever surrounds it).
OFFICIAL = [
    "support@bitp.example", "SUPPORT@BITP.EXAMPLE", "mailto:kyc@bitp.example",
    "ｓｕｐｐｏｒｔ＠ｂｉｔｐ．ｅｘａｍｐｌｅ", "security@bitp.example.", "<support@bitp.example>",
    "+86 400 000 0123", "400-000-0123", "+864000000123", "４００－０００－０１２３",
    "tel:+12025550142", "+1 (202) 555-0142", "+44 20 7946 0321", "020 7946 0321",
    "https://www.bitp.example/", "HTTPS://HELP.BITP.EXAMPLE/faq", "www.bitp.example",
    "bitp.example", "app.bitp.example/download", "https://www.bitp.example./support/chat",
    "https://t.me/bitp_official", "telegram.me/BitP_Official", "https://twitter.com/bitp_official",
    "x.com/bitp_official", "https://m.facebook.com/bitpofficial", "weibo.com/bitpofficial",
    "微信:bitp_official", "Telegram: @bitp_official",
]  # fmt: skip

ALPHA = "abcdefghijklmnopqrstuvwxyz"


@st.composite
def unofficial(draw) -> str:
    """A contact from the fictional ranges that the registry does not list."""
    kind = draw(st.sampled_from(["us", "uk", "cn", "email", "domain", "url", "telegram", "x"]))
    if kind == "us":
        n = draw(st.integers(0, 99).filter(lambda v: v != 42))
        fmt = draw(
            st.sampled_from(["+1 202 555 01{:02d}", "+1 (202) 555-01{:02d}", "+12025550{}{}"])
        )
        return fmt.format(n) if "{:02d}" in fmt else fmt.format(1, f"{n:02d}")
    if kind == "uk":
        n = draw(st.integers(0, 999).filter(lambda v: v != 321))
        fmt = draw(
            st.sampled_from(["+44 20 7946 0{:03d}", "+442079460{:03d}", "0044 20 7946 0{:03d}"])
        )
        return fmt.format(n)
    if kind == "cn":
        n = draw(st.integers(0, 9999).filter(lambda v: v not in (123, 100, 999)))
        fmt = draw(st.sampled_from(["+86 400 000 {:04d}", "400-000-{:04d}", "+86-400-000-{:04d}"]))
        return fmt.format(n)
    label = draw(st.text(ALPHA, min_size=3, max_size=12))
    if kind == "email":
        local = draw(st.text(ALPHA + "0123456789", min_size=1, max_size=10))
        return f"{local}@{label}.example"
    if kind == "domain":
        return f"{label}.example"
    if kind == "url":
        return f"https://{label}.example/{draw(st.text(ALPHA, max_size=8))}"
    handle = draw(st.text(ALPHA + "_", min_size=5, max_size=15).filter(lambda h: h.strip("_")))
    host = "t.me" if kind == "telegram" else "x.com"
    return f"https://{host}/{handle}"


surrounding = st.text(max_size=200)


def _on_contact(findings, line: int, col: int, length: int) -> list:
    return [f for f in findings if f.line == line and col <= f.column < col + length]


@PROPS
@given(st.text(max_size=2000), st.sampled_from(["docs/zh/a.md", "docs/en/a.md", "a.md"]))
def test_arbitrary_unicode_never_crashes(text: str, path: str) -> None:
    result = check_source(text, path, REGISTRY, lang="en")
    lines = text.count("\n") + 1
    for f in result.findings:
        assert 1 <= f.line <= lines
        assert f.column >= 1
    classify(text[:200], REGISTRY, lang="zh")


@PROPS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_markdownish_text_never_crashes(text: str) -> None:
    doc = (
        f'---\ntitle: {text}\n---\n<!-- {text} -->\n[{text}]({text})\n<a href="{text}">{text}</a>\n'
    )
    check_source(doc, "docs/zh/a.md", REGISTRY, lang="zh")


@PROPS
@given(surrounding, st.sampled_from(OFFICIAL), surrounding, st.sampled_from(["zh", "en"]))
def test_official_contact_in_any_text_is_never_flagged(
    before: str, contact: str, after: str, lang: str
) -> None:
    text = f"{before}\n{contact}\n{after}"
    line = before.count("\n") + 2
    found = check_source(text, f"docs/{lang}/a.md", REGISTRY, lang="en").findings
    assert _on_contact(found, line, 1, len(contact)) == []


@PROPS
@given(surrounding, unofficial(), surrounding, st.sampled_from(["zh", "en"]))
def test_unofficial_contact_in_any_text_is_always_flagged(
    before: str, contact: str, after: str, lang: str
) -> None:
    text = f"{before}\n{contact}\n{after}"
    line = before.count("\n") + 2
    found = check_source(text, f"docs/{lang}/a.md", REGISTRY, lang="en").findings
    assert _on_contact(found, line, 1, len(contact)), (contact, found)


@PROPS
@given(st.sampled_from(OFFICIAL))
def test_verifier_agrees_official(contact: str) -> None:
    assert classify(contact, REGISTRY, lang="zh").verdict == "official"


@PROPS
@given(unofficial())
def test_verifier_never_calls_an_unofficial_contact_official(contact: str) -> None:
    assert classify(contact, REGISTRY, lang="en").verdict in (
        "unknown",
        "lookalike",
        "scam",
        "retired",
    )


@pytest.mark.parametrize("contact", OFFICIAL)
def test_each_official_spelling_alone(contact: str) -> None:
    for lang in ("zh", "en"):
        assert check_source(contact + "\n", f"docs/{lang}/a.md", REGISTRY, lang="en").findings == []


# Emoji as people write them: with a variation selector, joined by U+200D,
# with skin tones, keycaps and flags.
EMOJI = [
    "⚠️", "❤️", "✔️", "☎️", "✈️", "⚠︎", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍💻", "👁️‍🗨️",
    "1️⃣", "#️⃣", "*️⃣", "🇨🇳", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👍🏻", "😀", "🎉",
]  # fmt: skip
ORDINARY = [
    "注意", "技术支持团队全天在线", "打开 App 点击我的", "Never share your seed phrase",
    "Our support team works 24/7", "Done", "Thanks", "订单 2026-11-05 09:30", "手续费 0.1%",
    "Version 1.0.10", "", " ", "\n", "| 步骤 | 说明 |",
]  # fmt: skip


@PROPS
@given(st.lists(st.tuples(st.sampled_from(ORDINARY), st.sampled_from(EMOJI)), max_size=12),
       st.sampled_from(["zh", "en"]))  # fmt: skip
def test_emoji_in_ordinary_text_are_never_flagged(parts: list, lang: str) -> None:
    text = "".join(words + emoji for words, emoji in parts) + "\n"
    assert check_source(text, f"docs/{lang}/a.md", REGISTRY, lang="en").findings == []


@PROPS
@given(st.sampled_from(EMOJI), st.sampled_from(["\u200b", "\u200c", "\u2060", "\u202e"]))
def test_other_invisible_characters_next_to_emoji_are_still_found(emoji: str, hidden: str) -> None:
    found = check_source(f"{emoji}{hidden}注意\n", "docs/zh/a.md", REGISTRY, lang="en").findings
    assert [f.rule for f in found] == ["HC110"]


# The words that introduce a handle, and what ads write instead of their characters.
INTRO = [("微信", "coin_kefu88"), ("微信号", "coinkefu88"), ("电报", "@coin_service"),
         ("纸飞机", "@coin_service"), ("qq", "87654321"), ("QQ", "8765 4321"),
         ("telegram", "@coin_service"), ("whatsapp", None), ("wechat", "coinkefu88"),
         ("v信", "coinkefu88"), ("扣扣", "87654321")]  # fmt: skip
FILL = [" ", ".", "*", "-", "~", "|", "❤", "💗", "✈", "📱", "★", "👉", "·"]


@st.composite
def disguised_intro(draw) -> tuple[str, str]:
    """An intro word with one character replaced by a stand-in, or filler between two."""
    from helpcenter.contacts.intro import STAND_INS

    word, handle = draw(st.sampled_from([w for w in INTRO if w[1]]))
    chars = list(word)
    swappable = [i for i, ch in enumerate(chars) if STAND_INS.get(ch.lower())]
    if swappable and draw(st.booleans()):
        i = draw(st.sampled_from(swappable))
        chars[i] = draw(st.sampled_from(STAND_INS[chars[i].lower()]))
    else:
        i = draw(st.integers(1, len(chars) - 1))
        chars[i] = draw(st.text(st.sampled_from(FILL), min_size=1, max_size=2)) + chars[i]
    return "".join(chars), handle


@PROPS
@given(disguised_intro(), st.sampled_from(["：", ": ", "号：", " "]), surrounding,
       st.sampled_from(["zh", "en"]))  # fmt: skip
def test_stand_ins_inside_intro_words_are_always_flagged(intro_word, sep, before, lang) -> None:
    spelling, handle = intro_word
    if sep == " " and not handle.startswith("@") and "_" not in handle and not handle[0].isdigit():
        sep = "："  # a bare word and handle is prose unless the spelling is disguised
    line = f"{spelling}{sep}{handle}"
    text = f"{before}\n{line}\n"
    found = check_source(text, f"docs/{lang}/a.md", REGISTRY, lang="en").findings
    line_no = before.count("\n") + 2
    assert [f for f in found if f.line == line_no and f.rule in ("HC104", "HC105")], (line, found)
