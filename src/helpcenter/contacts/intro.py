"""How scam ads spell the words that introduce a handle (微信, QQ, 电报, Telegram...).

Keyword filters look for 微信; the ads write 威信, 薇, V信, 微❤, 微*信, 电📱报,
Q Q, 扣Q, Telegr@m. Two rules cover the family instead of a list of every
spelling:

- **stand-ins**: a character of an intro word may be replaced by one of its
  common homophones, lookalikes or symbols (:data:`STAND_INS`);
- **filler**: up to :data:`FILL_MAX` spaces, punctuation marks or emoji may sit
  between two characters of the word (:data:`FILL`).

:func:`word_pattern` turns a word list into one regular expression that
accepts those spellings, and :func:`resolve` maps a spelling found back to its
word. The verifier page receives :func:`verifier_table` in its embedded data and
applies the same rules with the same tables, so the two cannot drift.

Patterns here are written to mean the same in Python's ``re`` and in
JavaScript with the ``u`` flag (only syntax characters are escaped), except the
filler class, which JavaScript spells :data:`FILL_JS`.
"""

from __future__ import annotations

import re

STAND_INS: dict[str, str] = {
    # 微信: homophones of 微 (wēi) and of 信 (xìn), V, and hearts for 信.
    "微": "威薇徽维卫唯伟韦为❤♥",
    "信": "芯心鑫新訫❤♥💗💕💖💓💞💘💬",
    "v": "ⓥ✌",
    # QQ: 扣/抠 (kòu) for Q and Q for 扣; 球 (qiú) and 秋 (qiū) for 扣 in 扣扣 (the
    # sound of QQ); the penguin stands alone (see the words).
    "q": "扣抠",
    "扣": "q抠球秋",
    # 电报 / 飞机 (Telegram): 機 and 鸡 for 机, the plane emoji.
    "机": "鸡",
    "飞": "✈",
    # Letters written as lookalike digits or symbols in the Latin words.
    "a": "@4",
    "o": "0",
    "l": "i1|",
    "e": "3",
}
"""Intro-word character -> the characters that stand in for it."""

RARE_STAND_INS = frozenset("薇徽")
"""Stand-ins that rarely make an ordinary word with the other character of the
intro word: 薇芯 is 微信 written to pass a filter, while 唯心 or 为新 (every
character replaced by a common one) are ordinary words."""

SPLIT: dict[str, str] = {"亻言": "信"}
"""Characters written as their parts (信 as 亻言), read as the character and a filler
before it (``-信``: the same length, so positions do not move)."""


def disguised(spelling: str, word: str) -> bool:
    """Whether ``spelling`` (matched for ``word`` with stand-ins) is written to pass a
    filter rather than being an ordinary word: it keeps a Chinese character of the
    word (威信, 微芯), uses a symbol or a letter (微❤, V信) or a rare stand-in (薇芯)."""
    letters = [c for c in spelling if c.isalnum()]
    if any(not "一" <= c <= "\u9fff" for c in letters) or len(letters) < len(spelling):
        return True
    if any(c in RARE_STAND_INS for c in spelling):
        return True
    return any(c in word for c in spelling if "一" <= c <= "\u9fff")


# Symbols and emoji: the arrows, dingbats and pictographs ads decorate words with.
EMOJI = (
    "\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
"""A character-class body of emoji and pictographic symbols."""

FILLER = r"[^\w\n\r]"
"""One character that may sit between two characters of an intro word: a space, a
punctuation mark, a symbol or an emoji (anything but a letter, a digit or a line
break). A negated class: listing the emoji ranges would cost milliseconds to
compile each of the hundreds of times the word pattern holds it."""

FILL_MAX = 3
"""At most this many filler characters between two characters of a word."""

FILL = rf"{FILLER}{{0,{FILL_MAX}}}"
"""What may sit between two characters of a word. One repeated class: the engine
reads it at C speed (the word pattern holds it hundreds of times, and tries it
after most letters of an English text)."""

FILL_JS = rf"[^\p{{L}}\p{{N}}_\n\r]{{0,{FILL_MAX}}}"
""":data:`FILL` for JavaScript's ``u`` flag (where ``\\w`` means ASCII only)."""

_SYNTAX = set("\\^$.|?*+()[]{}/-")


def _escape(text: str) -> str:
    """``text`` escaped for a pattern read alike by Python and JavaScript (``u`` flag)."""
    return "".join("\\" + c if c in _SYNTAX else c for c in text)


LOOSE_LATIN = ("qq", "vx", "wx", "tg", "telegram", "whatsapp", "wechat", "weixin", "skype")
"""The Latin words ads space out, dot or respell (Q Q, V.X, Tele gram, Telegr@m,
Whats App). Other Latin words (x, v, wa, line) are matched as written: filler
and stand-ins would find them in ordinary English, and cost time on every page."""


def _char_class(ch: str, stand_ins: bool = True) -> str:
    more = STAND_INS.get(ch, "") if stand_ins else ""
    return f"[{_escape(ch + more)}]" if more else _escape(ch)


def loose(word: str) -> bool:
    """Whether ``word`` is matched with filler and stand-ins (see :data:`LOOSE_LATIN`)."""
    return not word.isascii() or word in LOOSE_LATIN


def _units(word: str, stand_ins: bool, filler: bool) -> tuple[str, ...]:
    """The pattern of each character of ``word``: its class, after filler if allowed."""
    free = loose(word)
    fill = FILL if filler and free else ""
    latin = word.isascii()
    # In a word that mixes scripts (wei信, q群), filler only next to its Chinese part.
    return tuple(
        (fill if i and (latin or not (ch.isascii() and word[i - 1].isascii())) else "")
        + _char_class(ch, stand_ins and free)
        for i, ch in enumerate(word)
    )


def word_pattern(
    words: list[str] | tuple[str, ...], stand_ins: bool = True, filler: bool = True
) -> str:
    """One alternation accepting ``words`` with filler and stand-ins (unless told not to).

    Factored by common prefixes (a trie), so the engine reads each character
    once; longer words are tried first. Matches lower-cased text.
    """
    ordered = sorted(set(words), key=len, reverse=True)

    def trie(items: list[tuple[str, ...]]) -> str:
        heads: dict[str, list[tuple[str, ...]]] = {}
        for units in items:
            heads.setdefault(units[0], []).append(units[1:])
        parts = []
        for head, rests in heads.items():
            longer = [r for r in rests if r]
            if not longer:
                parts.append(head)
                continue
            optional = "?" if () in rests else ""
            parts.append(f"{head}(?:{trie(longer)}){optional}")
        return "|".join(parts)

    # The first character as a literal per branch (a stand-in is a branch of its
    # own): an alternation of literals lets the engine skip at C speed to the
    # positions where a word can start.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for word in ordered:
        units = _units(word, stand_ins, filler)
        more = STAND_INS.get(word[0], "") if stand_ins and loose(word) else ""
        for ch in dict.fromkeys(word[0] + more):
            by_first.setdefault(ch, []).append(units[1:])
    parts = []
    for ch, rests in by_first.items():
        longer = [r for r in rests if r]
        optional = "?" if () in rests else ""
        parts.append(_escape(ch) + (f"(?:{trie(longer)}){optional}" if longer else ""))
    return "|".join(parts)


_WORD_RES: dict[tuple[str, bool], re.Pattern[str]] = {}


def _word_re(word: str, stand_ins: bool) -> re.Pattern[str]:
    key = (word, stand_ins)
    if key not in _WORD_RES:
        _WORD_RES[key] = re.compile(word_pattern([word], stand_ins))
    return _WORD_RES[key]


def resolve(spelling: str, words: dict[str, str] | list[str]) -> tuple[str, bool] | None:
    """``(word, exact)`` for a ``spelling`` matched by :func:`word_pattern`, or ``None``.

    ``exact``: the word itself, filler aside, with no character stood in for.
    """
    if spelling in words:
        return spelling, True
    if not spelling:
        return None
    first = spelling[0]
    # Only words that can start with that character (each word's pattern is
    # compiled on first use).
    likely = [w for w in words if first == w[0] or first in STAND_INS.get(w[0], "")]
    for stand_ins in (False, True):
        for word in likely:
            if _word_re(word, stand_ins).fullmatch(spelling):
                return word, not stand_ins
    return None


def verifier_table() -> dict[str, object]:
    """The tables above, for the verifier page's embedded data."""
    return {
        "stand_ins": dict(STAND_INS),
        "fill": FILL_JS,
        "emoji": EMOJI,
        "loose_latin": list(LOOSE_LATIN),
        "rare_stand_ins": "".join(sorted(RARE_STAND_INS)),
        "split": dict(SPLIT),
    }
