"""Social and messaging handles named in text: ``@bitp_official``, ``微信: bitp_kefu``,
``TG @xxx``, ``QQ 12345678``, ``飞机号: xxx`` and the other usual words and slang.

Profile *links* (``t.me/...``, ``x.com/...``) are URLs and come from
:mod:`helpcenter.guard.detectors.urls`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from helpcenter.contacts import hanzi, intro
from helpcenter.guard.detectors.base import Candidate, anchors, line_windows

# Word (as written in Chinese or English posts, slang included) -> platform.
PLATFORM_WORDS: dict[str, str] = {
    "微信": "wechat", "微信号": "wechat", "vx": "wechat", "v": "wechat", "v信": "wechat",
    "薇信": "wechat", "威信": "wechat", "wx": "wechat", "加v": "wechat", "weixin": "wechat",
    "wechat": "wechat",
    "微x": "wechat", "徽信": "wechat", "维信": "wechat", "卫星": "wechat",
    "qq": "qq", "扣扣": "qq", "企鹅": "qq", "企鹅号": "qq", "q号": "qq",
    "电报": "telegram", "飞机": "telegram", "纸飞机": "telegram", "tg": "telegram",
    "telegram": "telegram", "telegram号": "telegram", "小飞机": "telegram", "电报号": "telegram",
    "推特": "x", "twitter": "x", "x": "x", "小蓝鸟": "x",
    "油管": "youtube", "youtube": "youtube", "yt": "youtube",
    "脸书": "facebook", "facebook": "facebook", "fb": "facebook", "脸谱": "facebook",
    "instagram": "instagram", "ins": "instagram", "ig": "instagram", "照片墙": "instagram",
    "discord": "discord", "dc": "discord",
    "tiktok": "tiktok", "抖音": "tiktok", "抖音号": "tiktok",
    "whatsapp": "whatsapp", "wa": "whatsapp", "瓦次普": "whatsapp",
    "line": "line", "微博": "weibo", "weibo": "weibo",
    "skype": "skype", "signal": "signal", "kakao": "kakao", "kakaotalk": "kakao",
    # Split with a space so a keyword filter misses them.
    "微 信": "wechat", "薇 信": "wechat", "威 信": "wechat", "v 信": "wechat",
    # "Add me on ...": the handle follows at once, without a separator.
    "加微": "wechat", "加微信": "wechat", "+v": "wechat", "+微": "wechat", "+微信": "wechat",
    "+vx": "wechat", "➕v": "wechat", "➕微": "wechat", "➕微信": "wechat", "加vx": "wechat",
    "加qq": "qq", "加q": "qq", "+q": "qq", "+qq": "qq", "加tg": "telegram", "加飞机": "telegram",
    "加电报": "telegram", "加telegram": "telegram",
    # Emoji standing for the whole word, and the sound of 微 spelled out.
    "✈": "telegram", "🐧": "qq", "wei信": "wechat",
    # Group numbers: QQ groups are joined by number (WeChat groups by QR code).
    "群": "qq", "群号": "qq", "q群": "qq", "q群号": "qq",
    "group": "qq", "group number": "qq", "group id": "qq", "group no": "qq",
}  # fmt: skip
# Words that say "add this contact": what follows is a handle even without a separator.
ADD_WORDS = frozenset(w for w in PLATFORM_WORDS if w[0] in "加+➕")

# Words that are also ordinary words ("First line: hello", "飞机"): the handle after
# them must look like one (an underscore or a digit) and follow a separator or an @.
AMBIGUOUS = frozenset({"line", "signal", "x", "v", "ins", "wa", "dc", "ig", "yt", "fb", "飞机",
                       "卫星", "企鹅", "小飞机", "群", "✈", "🐧", "group"})  # fmt: skip
# Words that are themselves stand-ins for a platform word (薇信 for 微信): written to
# pass a filter, they introduce a handle without a separator, as 微❤ does.
STAND_IN_WORDS = frozenset({"v信", "薇信", "威信", "徽信", "维信", "微x", "wei信", "薇 信",
                            "威 信", "v 信", "扣扣"})  # fmt: skip


_WORDS = sorted(PLATFORM_WORDS, key=len, reverse=True)
# The words with their stand-in and filler spellings (威信, 微❤, Q Q, 电📱报, Telegr@m).
_WORD_ALT = intro.word_pattern(_WORDS)
# The words as listed: the context of a mention, matched case-insensitively
# (the engine would case-fold every emoji of the stand-in classes).
_PLAIN_ALT = intro.word_pattern(_WORDS, stand_ins=False, filler=False)

# An arrow or a pointing emoji between the word and the handle ("TG → @x",
# "微信➡️x", "Telegram 👉 x") says "here it is" as a colon does.
_POINTER = rf"(?:[{intro.EMOJI}]\ufe0f?){{1,3}}|[-=]{{1,2}}>|>>|»"

# Run on the lower-cased text: a platform word, an optional noun (号/账号/群/ID...),
# a separator, then the handle. The left boundary is checked in code.
NAMED_PATTERN = (
    # A word ends before a letter or a digit only when its last character is not
    # a Latin one (薇信bitp, 威❤bitp: ads glue the handle on); an emoji may
    # decorate it (微信💬).
    rf"(?P<word>{_WORD_ALT})(?:(?![a-z0-9_])|(?<![a-z0-9_]))"
    rf"(?:[ \t]*(?P<deco>[{intro.EMOJI}\ufe0f]{{1,3}}))?"
    r"[ \t]*(?P<noun>号码|号|账号|帐号|公众号|群号?|频道|用户名|id|🆔|账户|联系"
    r"|group[ \t]*(?:number|no\.?|id)?|number|no\.|name)?[ \t]*"
    r"(?P<sep>[:=]|是|为|搜索?|添加|加|@)?[ \t]*"
    rf"(?P<arrow>{_POINTER})?[ \t]*"
    r"(?P<at>@)?(?P<handle>[a-z0-9][a-z0-9_.\-]{2,31}|[0-9](?:[ \-]?[0-9]){4,11})"
    r"(?![a-z0-9_@])"
)


@functools.cache
def named_re() -> re.Pattern[str]:
    """:data:`NAMED_PATTERN` compiled, on first use: its stand-in classes take about
    ten milliseconds to compile, which a page without a platform word or a
    separator never pays."""
    return re.compile(NAMED_PATTERN)


MENTION_RE = re.compile(r"@(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{2,31})(?![A-Za-z0-9_@])")
MENTION_CONTEXT_RE = re.compile(
    rf"(?<![A-Za-z])(?:{_PLAIN_ALT}|联系|私信|私聊|添加|加我|加好友|找|咨询|客服|管理员|官方|账号|关注|"
    r"contact|message|dm|add|follow|reach|admin|support|account|handle|chat|join|ping)(?![A-Za-z])",
    re.IGNORECASE,
)
# "@name on Telegram", "@name（电报）": the platform named right after the handle.
_AFTER_RE = re.compile(
    rf"[\s(（]*(?:on|at|in|via|@|在)?\s*(?<![A-Za-z])(?:{_PLAIN_ALT})(?![A-Za-z])", re.IGNORECASE
)

# Words written in Traditional characters (微信號, 電報, 聯繫) are read as their
# Simplified forms: the text is converted character for character (lengths and
# columns kept) before the words are looked for.
try:
    _TO_SIMPLIFIED = hanzi.to_simplified()
    _TRADITIONAL_OF = hanzi.traditional_of()
except hanzi.CharacterTableMissing:  # only Simplified words are recognised then
    _TO_SIMPLIFIED, _TRADITIONAL_OF = {}, {}
# The Traditional characters of NAMED_PATTERN's words, nouns and separators, with
# their Simplified forms: what the verifier's page converts (helpcenter.site.verifier).
_NAMED_CHARS = frozenset(c for c in NAMED_PATTERN if not c.isascii())
NAMED_SIMPLIFIED: dict[str, str] = {
    chr(t): chr(s) for t, s in _TO_SIMPLIFIED.items() if chr(s) in _NAMED_CHARS
}
# Most text has no Traditional character: finding none is cheaper than converting.
_TRADITIONAL_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_TO_SIMPLIFIED)) + "]"
    if _TO_SIMPLIFIED
    else "(?!)"
)


def simplified(text: str) -> str:
    """``text`` with its Traditional characters in their Simplified forms (same length)."""
    return text.translate(_TO_SIMPLIFIED) if _TRADITIONAL_RE.search(text) else text


def _class(chars: str) -> str:
    """A character class of ``chars`` and of their Traditional characters."""
    more = [t for c in chars for t in _TRADITIONAL_OF.get(c, ()) if t not in chars]
    return "[" + "".join(re.escape(c) for c in chars + "".join(more)) + "]"


def _anchor_re() -> re.Pattern[str]:
    """Cheap anchors: the first two characters of the words written with a
    non-ASCII character (and their stand-ins, filler allowed between them).

    A word opening with an ASCII letter (V信, Q群) is anchored only by a
    non-ASCII second character: a letter pair would fire all over English text.
    """
    firsts, seconds, ascii_firsts, ascii_seconds = {"+"}, set(), set(), set()
    for word in PLATFORM_WORDS:
        if word.isascii() or len(word) < 2:
            continue
        one = word[0] + intro.STAND_INS.get(word[0], "")
        two = word[1] + intro.STAND_INS.get(word[1], "")
        if word[0].isascii() and word[0] != "+":
            if not word[1].isascii():
                ascii_firsts.update(one)
                ascii_seconds.update(c for c in two if not c.isascii())
            continue
        firsts.update(c for c in one if not c.isascii() or c == "+")
        seconds.update(two)
    firsts.update(intro.STAND_INS["微"])  # 微 stood in for at the start: 威信, ❤信
    ascii_firsts |= {c.upper() for c in ascii_firsts}
    seconds |= {c.upper() for c in seconds}
    fill = intro.FILL

    def cls(chars: set[str]) -> str:
        return _class("".join(sorted(chars)))

    # Q Q, V.X: the short Latin words ads space out (letters rare enough to anchor on).
    spaced = {"q", "Q", "v", "V"}
    spaced_fill = f"{intro.FILLER}{{1,{intro.FILL_MAX}}}"
    # One leading class (a fast skip to candidates), the pair picked by lookbehind.
    return re.compile(
        f"{cls(firsts | ascii_firsts | spaced)}(?:(?<={cls(firsts)}){fill}{cls(seconds)}"
        f"|(?<={cls(ascii_firsts)}){fill}{cls(ascii_seconds)}"
        f"|(?<={cls(spaced)}){spaced_fill}[qQxX扣])"
    )


_CJK_ANCHOR_RE = _anchor_re()
# Separators and underscores, the "ID" of "WeChat ID bitpkefu" and the words of
# one character (✈, 🐧, 群).
_ASCII_ANCHORS = (":", "@", "=", "_", "qq", "QQ", "Qq", "号", " ID ", "🆔", "✈", "🐧", "群",
                  "group", "Group", "GROUP", "skype", "Skype", "SKYPE", *intro.SPLIT,
                  # Arrows and pointing hands before a handle (see _POINTER); " ->"
                  # with its space, as "-->" ends every HTML comment.
                  "→", "➡", "👉", "👇", "⬇", "↓", "⇒", "➜", "➔", "➤", "▶", "►", " ->", "=>",
                  ">>", "»")  # fmt: skip


# 微_信: an underscore between two Chinese characters is filler like a space (the
# filler class cannot hold it: a handle's underscore is no filler).
_CJK_UNDERSCORE_RE = re.compile(r"_(?<=[^\x00-\x7f]_)(?=[^\x00-\x7f])")
_ADD_BEFORE_RE = re.compile(r"(?:加|\+|➕)[ \t]?$")
# A measure word or a unit after a number: a count or an amount, not a QQ number.
COUNT_AFTER_RE = re.compile(
    r"[ \t]*(?:人|个|元|次|名|位|条|件|天|年|月|日|块|张|分|秒|小时|万|亿|%|usdt|btc|eth|"
    r"people|members|users|times|days|hours|years)",
    re.I,
)
_DIGIT_GROUPS_RE = re.compile(r"(?:[ \-]\d{1,4})+(?![0-9A-Za-z_])")


def _left_ok(text: str, start: int) -> bool:
    if start == 0:
        return True
    prev = text[start - 1]
    return not (prev.isascii() and (prev.isalnum() or prev == "_"))


def detect(text: str, region: str = "") -> Iterator[Candidate]:
    """Handles with the platform they were introduced with (``None`` for a bare ``@mention``)."""
    positions = [m.start() for m in _CJK_ANCHOR_RE.finditer(text)]
    positions.extend(anchors(text, _ASCII_ANCHORS))
    named_spans: list[tuple[int, int]] = []
    for win_start, win_end in line_windows(text, positions):
        window = text[win_start:win_end]
        lowered = window.lower()
        if len(lowered) != len(window):
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in window)
        lowered = simplified(lowered)
        if "_" in lowered:
            lowered = _CJK_UNDERSCORE_RE.sub(" ", lowered)
        for parts, char in intro.SPLIT.items():
            if parts in lowered:  # 微亻言 is 微-信 (same length)
                lowered = lowered.replace(parts, "-" * (len(parts) - 1) + char)
        for m in named_re().finditer(lowered):
            if not _left_ok(lowered, m.start()):
                continue
            cand = _named(text, m, win_start)
            if cand is not None:
                named_spans.append((win_start + m.start(), cand.end))
                yield cand
    if "live:" in text:
        yield from _skype_ids(text)
    if "#" in text:
        yield from _discord_tags(text)
    if "@" not in text:
        return
    for win_start, win_end in line_windows(text, anchors(text, ("@",))):
        for m in MENTION_RE.finditer(text, win_start, win_end):
            if m.start() > 0 and (text[m.start() - 1].isascii() and (text[m.start() - 1].isalnum()
                                  or text[m.start() - 1] in "_.@/\\")):  # fmt: skip
                continue
            if any(s <= m.start() < e for s, e in named_spans):
                continue
            handle = m.group("handle").rstrip(".")
            if "." in handle:
                continue  # @bitp.example and friends are emails without a local part or domains
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            # The words around the mention, in Simplified characters (one more
            # character on the left, for the words' left boundary).
            lo = max(line_start, m.start() - 41)
            near = simplified(text[lo : min(line_end, m.end() + 30)])
            context = MENTION_CONTEXT_RE.search(
                near, max(line_start, m.start() - 40) - lo, m.start() - lo
            ) or _AFTER_RE.match(near, m.end() - lo)
            yield Candidate(
                m.start(),
                m.start() + 1 + len(handle),
                "handle",
                "@" + handle,
                handle.lower(),
                platform=None,
                strong=context is not None,
            )


# Skype IDs: "live:.cid.7f3a9b2c1d" (its own kind of handle, whatever the words
# around it) and "live:name" (after the word Skype).
SKYPE_ID_RE = re.compile(
    # "live:" first, then what may not precede it: the engine skips to "live:" at C speed.
    r"live:(?<![A-Za-z0-9_.:@/]live:)"
    r"(?:(?P<cid>\.cid\.[0-9a-fA-F]{6,32})|[A-Za-z0-9][A-Za-z0-9_.\-]{2,31})(?![A-Za-z0-9_@])"
)
# Discord names with their discriminator: "coinhelp#4821", on a line naming Discord.
# Found from the "#1234" (Markdown is full of "#"), then the name before it.
_DISCRIMINATOR_RE = re.compile(r"#[0-9]{4}(?![A-Za-z0-9_])")
_DISCORD_NAME_RE = re.compile(r"(?<![A-Za-z0-9_.#@/])[A-Za-z0-9_.]{2,32}$")
_DISCORD_WORD_RE = re.compile(r"(?<![a-z])(?:discord|dc)(?![a-z])|不和谐", re.IGNORECASE)
_SKYPE_WORD_RE = re.compile(r"(?<![a-z])skype(?![a-z])|讯佳普", re.IGNORECASE)


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end]


def _skype_ids(text: str) -> Iterator[Candidate]:
    for m in SKYPE_ID_RE.finditer(text):
        if m.group("cid") is None and not _SKYPE_WORD_RE.search(_line_of(text, *m.span())):
            continue  # "live:name" is a Skype ID only where Skype is named
        value = m.group().lower()
        yield Candidate(m.start(), m.end(), "handle", m.group(), value, platform="skype")


def _discord_tags(text: str) -> Iterator[Candidate]:
    for m in _DISCRIMINATOR_RE.finditer(text):
        name = _DISCORD_NAME_RE.search(text, max(0, m.start() - 33), m.start())
        if name is None or not any(ch.isalpha() for ch in name.group()):
            continue
        if _DISCORD_WORD_RE.search(_line_of(text, name.start(), m.end())):
            raw = text[name.start() : m.end()]
            yield Candidate(name.start(), m.end(), "handle", raw, raw.lower(), platform="discord")


def _named(text: str, m: re.Match[str], offset: int) -> Candidate | None:
    """The candidate for a platform-word match ``m`` in the window starting at ``offset``."""
    spelling = m.group("word")
    resolved = intro.resolve(spelling, PLATFORM_WORDS)
    if resolved is None:
        return None
    word, exact = resolved
    # 威信号 is 威信 (a word of its own) with 号, not a stand-in for 微信号.
    noun = bool(m.group("noun"))
    if not exact and spelling[-1:] == "号" and spelling[:-1] in PLATFORM_WORDS:
        word, exact, noun = spelling[:-1], True, True
    platform = PLATFORM_WORDS[word]
    noun = noun or word.endswith("号")  # 微信号, 企鹅号: the word and its noun in one
    # A stand-in spelled in Chinese characters alone may be an ordinary word
    # (唯心, 维新): it introduces a handle only as the ambiguous words do, unless
    # it is written to pass a filter (威信, 薇芯: see intro.disguised).
    cjk = all("一" <= c <= "\u9fff" for c in spelling)
    stand_in = word in STAND_IN_WORDS or (not exact and intro.disguised(spelling, word))
    # QQ numbers after a stand-in (抠抠, 球球) are told from counts by their shape.
    ambiguous = word in AMBIGUOUS or (not exact and cjk and not stand_in and platform != "qq")
    h_start = offset + m.start("handle")
    handle = text[h_start : offset + m.end("handle")].rstrip(".-")
    # "加V信 bitpkefu", "添加 V信 bitpkefu": "add" written before the word.
    added = _ADD_BEFORE_RE.search(m.string, max(0, m.start() - 4), m.start()) is not None
    pointer = bool(m.group("arrow") or m.group("deco"))
    explicit = bool(m.group("sep") or m.group("at")) or added or word in ADD_WORDS
    if pointer and not (explicit or noun) and not re.search(r"[_\d]", handle):
        return None  # "Telegram → Settings → Privacy": a menu path, not a handle
    explicit = explicit or pointer
    # A disguised spelling (微❤信, T.e.l.e.g.r.a.m) is written to slip a handle past filters.
    named = explicit or noun or (spelling != word and not ambiguous)
    if stand_in and not named and not (cjk and not re.search(r"[_.\d]", handle)):
        # "薇信 bitpkf2026": a stand-in word right before a handle. One spelled in
        # Chinese characters (威信 is also a word) wants a handle with a digit,
        # an underscore or a dot.
        named = True
    group = (m.group("noun") or " ")[0] in "群g" and handle[0].isdigit()
    if platform == "qq" or group:
        if handle.isdigit() and len(handle) <= 4:
            # "QQ 群号: 123 456 789": the number written in groups.
            groups = _DIGIT_GROUPS_RE.match(text, h_start + len(handle))
            if groups and groups.end() > h_start + len(handle):
                handle = text[h_start : groups.end()]
        digits = handle.replace(" ", "").replace("-", "")
        if not digits.isdigit() or not 5 <= len(digits) <= 12:
            return None
        if ambiguous and not (noun or m.group("sep") in (":", "=") or pointer):
            return None  # "本群 12345 人": a count, not a group number
        count = COUNT_AFTER_RE.match(text, h_start + len(handle))
        if not (explicit or noun) and (digits[0] == "0" or len(digits) > 11 or count):
            return None  # "球球 12345 个": a word before a count
        start = offset + m.start("at") if m.group("at") else h_start
        end = h_start + len(handle)
        return Candidate(start, end, "handle", text[start:end], digits, platform=platform)
    elif platform == "whatsapp":
        return None  # WhatsApp ids are phone numbers: the phone detector reports them
    else:
        if handle.isdigit() or not any(ch.isalpha() for ch in handle):
            return None
        if not named and "_" not in handle:
            return None  # "Telegram Desktop" is prose, "TG bitp_kefu" is a handle
        if ambiguous and not (
            (explicit and (m.group("at") or re.search(r"[_\d]", handle)))
            # "飞机: bitphelp", "飞机号 bitphelp": a Chinese slang word with a colon or a noun.
            or (not word.isascii() and (noun or m.group("sep") in (":", "=")))
        ):
            return None
    start = offset + m.start("at") if m.group("at") else h_start
    end = h_start + len(handle)
    return Candidate(start, end, "handle", text[start:end], handle.lower(), platform=platform)
