"""Phone numbers: international, Chinese 400/800 and mobile, national formats,
full-width digits (folded by the normalised view) and Chinese numerals.

Help articles are full of numbers that are not phones (order numbers,
amounts, dates, times, versions, HTTP status codes, block heights,
transaction hashes, percentages), so a digit run only counts when it is
written like a phone number or introduced by a word such as 电话/hotline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.guard.detectors.base import Candidate

# A run of digits with phone separators, not glued to a word, a decimal,
# a path, an amount or a percentage.
_RUN_REST = (
    r"(?<![A-Za-z0-9_.,/#@$¥€£%=&+\-].)(?<![0-9]:.)"  # not after a time's colon
    r"[0-9 \t\-.()+\u00a0\u2013\u2011/~_\u00b7\u2012\u2014\u2015\u2212]{5,26}[0-9]"
    # Not before a decimal or a thousands group ("1,000"); a comma before one or
    # two digits ("0184,24小时", a full-width comma read as ",") ends a number.
    r"(?![A-Za-z0-9_%@/]|[.:][0-9]|,[0-9]{3}|-[0-9])"
)
# The scan the detector makes: a run, or else a single digit next to a letter
# that may stand for a digit (O, o, l, I; see _letter_runs). One pass over the
# text finds both.
_SCAN_RE = re.compile(r"[+(0-9](?:" + _RUN_REST + r"|(?<=[0-9])(?=[OolI])|(?<=[OolI][0-9]))")
_NUM_RE = re.compile(
    r"(?:\+|\(\+?)?[0-9][0-9 \t\-.()\u00a0\u2013\u2011/~_\u00b7\u2012\u2014\u2015\u2212]*"
)
# Separators a phone layout never uses but scam posts do ("400/000/0456",
# "400~000~0456", "400—000—0456"): a run written with them only counts in a
# well-known layout, read with "-" in their place.
_ODD_SEPARATORS = "/~_\u00b7\u2012\u2014\u2015\u2212"
_ODD_TO_DASH = str.maketrans(dict.fromkeys(_ODD_SEPARATORS, "-"))
_CN_DIGITS = "零〇一二三四五六七八九幺两壹贰貳叁參肆伍陆陸柒捌玖"
CN_RUN_RE = re.compile(rf"[{_CN_DIGITS}](?:[ \t\-—]?[{_CN_DIGITS}]){{6,14}}")
_CN_MAP = str.maketrans(
    "零〇幺两一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖", "0012123456789122334566789"
)

# US toll-free vanity numbers: 1-800-BITP-HELP.
VANITY_RE = re.compile(
    r"8(?<![A-Za-z0-9]8)(?:00|33|44|55|66|77|88)\)?[ \-.]"
    r"(?=[A-Z0-9 \-.]{7,9}(?![A-Za-z0-9]))(?=[0-9 \-.]*[A-Z])[A-Z0-9]{3,4}[ \-.]?[A-Z0-9]{3,4}"
    r"(?![A-Za-z0-9])"
)
_VANITY_PREFIX_RE = re.compile(r"(?:\+?1[ \-.])?\(?$")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")

CONTEXT_RE = re.compile(
    r"(?:电话|热线|客服|手机|致电|拨打|来电|联系|号码|咨询|短信|传真|座机|回电|打给|微信|VX|"
    r"phone|tel\b|call|hotline|(?<![a-z])(?:help)?line\b|whatsapp|mobile|contact|dial|sms|text\s+us|fax|"
    r"number|ring)",
    re.IGNORECASE,
)
NEGATIVE_RE = re.compile(
    r"(?:订单|单号|编号|流水|交易|哈希|区块|高度|金额|数量|余额|价格|版本|验证码|邮编|身份证|卡号|"
    r"工单|案件|运单|快递|order|(?<![A-Za-z])ID\b|UID|txid|tx\b|hash|block|height|amount|balance|price|"
    r"version|code|zip|ref\b|reference|ticket|case|tracking|invoice|serial|ISBN|IBAN|"
    r"USDT|BTC|ETH|CNY|USD|RMB|¥|\$|#)[^\n]{0,6}$",
    re.IGNORECASE,
)

# Chinese service (400/800) and mobile numbers, by their digits whatever the grouping.
CN_DIGITS_RE = re.compile(r"(?:86)?(?:[48]00\d{7}|1[3-9]\d{9})")
"""A Chinese service (400/800) or mobile number, as digits, with or without 86."""
_CN_LANDLINE = re.compile(r"\(?0\d{2,3}\)?[ \-]\d{3,4}[ \-]?\d{4}")
_NANP = re.compile(r"(?:\+?1[ \-.])?\(?[2-9]\d{2}\)?[ \-.]?[2-9]\d{2}[ \-.]\d{4}")
_UK = re.compile(r"\(?0\d{2,4}\)?[ \-]\d{3,4}[ \-]?\d{3,4}")


# Letters written for digits ("4OO-OOO-O456", "l38 OO13 8OOO"): O/o for 0, l/I for 1.
# Only a run that is otherwise a phone number is read so: digits and such letters,
# phone separators, no other letter next to it.
LETTER_DIGITS = str.maketrans("OolI", "0011")
LETTER_RUN_RE = re.compile(
    r"(?<![A-Za-z0-9_.,/#@$¥€£%=&+\-])(?:\+|00)?\(?[0-9OolI]"
    r"(?:(?:[ \-.]|\)[ \-.]?|[ \-.]?\()?[0-9OolI]){6,16}"
    # Not before a decimal or a thousands group ("1,000"); a comma before one or
    # two digits ("0184,24小时", a full-width comma read as ",") ends a number.
    r"(?![A-Za-z0-9_%@/]|[.:][0-9]|,[0-9]{3}|-[0-9])"
)
# A country code in brackets before the number: "(+86) 400 000 0456", "(0086)4000000456".
_BRACKET_CC_RE = re.compile(r"\((\+|00)([0-9]{1,3})\)[ \t\-]?")


# The last group of a run, after a space: "4000000999 24", "0086-138-0000-0027 24".
_TAIL_RE = re.compile(r"(?P<head>.*?(?P<last>[0-9]+))[ \t\u00a0]+[0-9]{1,4}(?:/[0-9]{1,2})?")


def _cut_tail(num: str) -> str:
    """``num`` without a short number after it ("24" of "24小时", "24/7", a count),
    where the run is not a phone with it: an unbroken block of 5 digits or more
    (no phone layout puts a group after it), or too many digits for a phone."""
    m = _TAIL_RE.fullmatch(num)
    if m is None:
        return num
    head = m.group("head")
    if len(m.group("last")) >= 5 or sum(c.isdigit() for c in num) > 15:
        return head
    return num


def unbracket(num: str) -> str:
    """``num`` with a bracketed country code written plainly ("(+1) 202..." -> "+1 202...")."""
    m = _BRACKET_CC_RE.match(num)
    return f"{m.group(1)}{m.group(2)} {num[m.end() :]}" if m else num


def _shape(num: str) -> bool:
    """Whether ``num`` is written in a well-known phone layout."""
    if CN_DIGITS_RE.fullmatch(re.sub(r"\D", "", num)):
        return True
    return any(p.fullmatch(num) for p in (_CN_LANDLINE, _NANP, _UK))


def _context(text: str, start: int) -> tuple[bool, bool]:
    """``(positive, negative)``: a phone word / an order-amount-hash word just before ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 24) : start]
    return CONTEXT_RE.search(before) is not None, NEGATIVE_RE.search(before) is not None


def classify_run(text: str, start: int, num: str) -> bool | None:
    """Whether the digit run ``num`` at ``start`` is a phone.

    ``True``: written like one (strong); ``False``: only a context word says so
    (weak: it must also be a valid number); ``None``: not a phone.
    """
    digits = re.sub(r"\D", "", num)
    n = len(digits)
    if n < 7 or n > 15:
        return None
    if any(ch in _ODD_SEPARATORS for ch in num):
        dashed = num.translate(_ODD_TO_DASH)
        if not (dashed.startswith("+") or _shape(dashed)):
            return None
        positive, negative = _context(text, start)
        return None if negative and not positive else True
    international = num.startswith(("+", "00"))
    if international and n >= 8:
        return True
    if "." in num and not _NANP.fullmatch(num) and not CN_DIGITS_RE.fullmatch(digits):
        return None  # dotted numbers are versions, IPs and decimals
    positive, negative = _context(text, start)
    if negative and not positive:
        return None
    if _shape(num):
        return True
    if positive and n >= 7:
        return False
    return None


def detect(text: str, region: str) -> Iterator[Candidate]:
    """Phone numbers; ``value`` holds the digits as written (with a leading ``+`` if any)."""
    letters: list[int] = []
    for m in _SCAN_RE.finditer(text):
        raw = m.group()
        if len(raw) == 1:
            letters.append(m.start())  # a digit next to O, o, l or I
            continue
        if not _NUM_RE.fullmatch(raw):
            continue  # a "+" inside the run: two numbers or arithmetic
        num = raw
        cut = num.rfind("(")
        if cut > 0 and num.count("(") > num.count(")"):
            # "400 000 0456(24 小时)": a remark in brackets after the number.
            num = num[:cut].rstrip(" \t")
        if num.count("(") != num.count(")"):
            num = num.strip("()")
        num = _cut_tail(num)
        start = m.start() + raw.find(num)
        plain = unbracket(num)
        verdict = classify_run(text, start, plain)
        if verdict is not None:
            yield Candidate(start, start + len(num), "phone", num, dialable(plain), strong=verdict)
        elif "/" in num:
            # "400-000-0456/400-000-0457": two numbers written as alternatives.
            offset = start
            for part in num.split("/"):
                piece = part.strip(" \t")
                at = offset + part.find(piece)
                offset += len(part) + 1
                if piece and piece[0] in "+(0123456789" and piece[-1].isdigit():
                    v = classify_run(text, at, piece)
                    if v is not None:
                        yield Candidate(
                            at, at + len(piece), "phone", piece, dialable(piece), strong=v
                        )
    if letters:
        yield from _letter_runs(text, letters)
    if "8" in text:
        for m in VANITY_RE.finditer(text):
            before = text[max(0, m.start() - 4) : m.start()]
            start = m.start() - len(_VANITY_PREFIX_RE.search(before).group())
            if start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
                continue
            raw = text[start : m.end()]
            digits = re.sub(r"\D", "", m.group().translate(_KEYPAD))
            if len(digits) >= 10:  # letters past the seventh are decoration
                dial = "+1" + digits[:10]
                yield Candidate(start, m.end(), "phone", raw, dial, strong=True)
    for m in CN_RUN_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group().translate(_CN_MAP))
        if len(digits) >= 7:
            yield Candidate(m.start(), m.end(), "phone", m.group(), digits, strong=True)


def _letter_runs(text: str, hits: list[int]) -> Iterator[Candidate]:
    """Phone numbers with letters for digits, on the lines of ``hits`` (digits next to
    such a letter); only runs that read as a phone once the letters are digits
    (written in a phone layout, or after a phone word)."""
    done = -1
    for hit in hits:
        if hit < done:
            continue  # that line is read already
        line_start = text.rfind("\n", 0, hit) + 1
        done = text.find("\n", hit)
        done = len(text) if done < 0 else done
        for m in LETTER_RUN_RE.finditer(text, line_start, done):
            raw = m.group()
            num = raw.translate(LETTER_DIGITS)
            if num == raw:
                continue
            verdict = classify_run(text, m.start(), num)
            if verdict is not None:
                yield Candidate(m.start(), m.end(), "phone", raw, dialable(num), strong=verdict)


def dialable(num: str) -> str:
    """Digits of ``num`` with ``+`` for an international prefix (``00`` included)."""
    digits = re.sub(r"[^\d]", "", num)
    if num.startswith("+"):
        return "+" + digits
    if num.startswith("00"):
        return "+" + digits[2:]
    if len(digits) in (12, 13) and CN_DIGITS_RE.fullmatch(digits) and digits.startswith("86"):
        return "+" + digits  # "86-400-000-0456": the country code without its plus
    return digits
