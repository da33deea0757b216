"""Per-language search indexes, offline assets and the offline bundle (no browser)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpcenter.checks.offline import external_references
from helpcenter.site import bundle
from helpcenter.site.search_index import (
    HAN_RUN,
    ZWSP,
    SearchIndexError,
    Segmenter,
    language_of,
    language_prefixes,
    load_synonyms,
    split_index,
    synonym_keywords,
    write_indexes,
)
from helpcenter.theme.search_start import SHIM_SITE_PATH, copy_shim

ROOT = Path(__file__).resolve().parents[1]
USERDICT = ROOT / "data/jieba_userdict.txt"
PREFIXES = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter(USERDICT)


# -- Chinese segmentation ------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "双重验证",
        "身份验证",
        "实名认证",
        "客服热线",
        "资金安全",
        "忘记密码",
        "账户被盗",
        "冻结账户",
        "假客服",
        "助记词",
    ],
)
def test_user_dictionary_keeps_domain_terms_whole(segmenter, term):
    assert term in segmenter.words(f"如何处理{term}的问题")


def test_compounds_are_split_in_the_text_and_kept_whole_as_keywords(segmenter):
    text, keywords = segmenter.segment("请开启双重验证,忘记密码时")
    assert f"双重{ZWSP}验证" in text
    assert f"忘记{ZWSP}密码" in text
    assert text.replace(ZWSP, "") == "请开启双重验证,忘记密码时"
    assert {"双重验证", "忘记密码"} <= set(keywords)


def test_words_that_do_not_split_into_words_stay_whole(segmenter):
    text, keywords = segmenter.segment("不要告诉任何人,小心假客服")
    words = re.split(f"{ZWSP}|,", text)  # no break before the comma (CJK rules)
    assert "任何人" in words
    assert "假客服" in words
    assert "客服" in keywords  # found inside 假客服


def test_segmentation_leaves_markup_and_latin_words_alone(segmenter):
    text, _ = segmenter.segment("<p>开启 2FA 双重验证</p>")
    assert text.startswith("<p>") and text.endswith("</p>")
    assert " 2FA " in text


@pytest.mark.parametrize(
    "raw",
    [
        "请开启双重验证,忘记密码时可以通过官方网站重置,以上方法都试过仍未解决",
        "账户被盗、资金异常转出等紧急情况:立即联系客服热线申请冻结账户",
        "<p>不要告诉任何人你的助记词,小心假客服。</p>",
    ],
)
def test_text_the_theme_segmented_gives_the_same_index_text(segmenter, raw):
    # The theme joins jieba's words with U+200B; taking those words as they
    # are must give what segmenting the raw text gives.
    tok = segmenter.tokenizer
    presegmented = re.sub(
        HAN_RUN.pattern, lambda m: ZWSP + ZWSP.join(tok.cut(m.group(0))) + ZWSP, raw
    ).strip(ZWSP)
    assert ZWSP in presegmented
    assert segmenter.segment(presegmented) == segmenter.segment(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "忘记密码、密码错误、账户被锁定、网络问题。",
        "点击“忘记密码”,按提示(通过注册邮箱)重置密码。",
        "<p>不要告诉任何人你的助记词,小心「假客服」!</p>",
    ],
)
def test_snippets_never_break_before_closing_or_after_opening_punctuation(segmenter, raw):
    text, _ = segmenter.segment(raw)
    assert text.replace(ZWSP, "") == raw
    assert ZWSP in text  # words are still separated
    assert not re.search(ZWSP + "[、。,.;:?!)」』》〉】”’…]", text), text
    assert not re.search("[(「『《〈【“‘]" + ZWSP, text), text


def test_missing_user_dictionary_is_a_clear_error(tmp_path):
    with pytest.raises(SearchIndexError, match="does not exist"):
        Segmenter(tmp_path / "nope.txt").words("验证")


# -- synonyms --------------------------------------------------------------------


def test_synonyms_match_chinese_anywhere_and_english_whole_words():
    table = {"zh": {"客服热线": ["客服电话"]}, "en": {"log in": ["login"], "trade": ["trading"]}}
    assert synonym_keywords("拨打客服热线", "zh", table) == ["客服电话"]
    assert synonym_keywords(f"拨打客服{ZWSP}热线", "zh", table) == ["客服电话"]
    assert synonym_keywords("How to LOG IN", "en", table) == ["login"]
    assert synonym_keywords("How to <b>Log in</b>", "en", table) == ["login"]
    assert synonym_keywords("trademark", "en", table) == []


def test_project_synonyms_load(tmp_path):
    data = load_synonyms(ROOT / "data/search_synonyms.yml")
    assert "账号" in data["zh"]["账户"]
    assert "login" in data["en"]["sign in"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("zh: [oops\n", "line"),
        ("zh:\n  账户: 账号\n", "canonical: \\[variant"),
        ("- a\n", "mapping"),
    ],
)
def test_bad_synonyms_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "syn.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SearchIndexError, match=message) as info:
        load_synonyms(path)
    assert str(path) in str(info.value)


# -- splitting the merged index ------------------------------------------------


MERGED = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {}},
    "docs": [
        {"location": "troubleshooting/login.html", "title": "无法登录账户", "text": "忘记密码"},
        {"location": "troubleshooting/login.html#wrong", "title": "密码错误", "text": "重置"},
        {
            "location": "en/troubleshooting/login.html",
            "title": "Can't sign in",
            "text": "Forgot\u200bpassword",
        },
    ],
}


def test_merged_index_is_split_per_language(segmenter):
    syn = {"zh": {"账户": ["账号"]}, "en": {"sign in": ["login"]}}
    out = split_index(MERGED, PREFIXES, segmenter, syn)
    zh, en = out["zh"], out["en"]
    assert [d["location"] for d in zh["docs"]] == [
        "troubleshooting/login.html",
        "troubleshooting/login.html#wrong",
    ]
    assert [d["location"] for d in en["docs"]] == ["troubleshooting/login.html"]
    assert zh["docs"][0]["text"] == f"忘记{ZWSP}密码"
    assert "账号" in zh["docs"][0]["kt"].split()
    assert "忘记密码" in zh["docs"][0]["kw"].split()
    assert en["docs"][0]["text"] == "Forgot password"
    assert en["docs"][0]["kt"] == "login"


def test_each_language_gets_its_own_pipeline(segmenter):
    out = split_index(MERGED, PREFIXES, segmenter)
    zh, en = out["zh"]["config"], out["en"]["config"]
    # The English trimmer deletes Han tokens: never on the Chinese index.
    assert "trimmer" not in zh["pipeline"] and "stemmer" in zh["pipeline"]
    assert en["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    for config in (zh, en):
        assert "\\u200b" in config["separator"]
        assert {"title", "text", "kt", "kw"} <= set(config["fields"])


def test_any_chinese_language_is_segmented_like_chinese(segmenter):
    # A third language (zh-Hant) is a config entry: its index is built as the Chinese one.
    hant = {"location": "hant/troubleshooting/login.html", "title": "無法登入", "text": "忘记密码"}
    merged = {"config": MERGED["config"], "docs": [*MERGED["docs"], hant]}
    out = split_index(merged, {"zh": "", "en": "en/", "zh-Hant": "hant/"}, segmenter)
    config = out["zh-Hant"]["config"]
    assert config["pipeline"] == out["zh"]["config"]["pipeline"]
    assert "t2s" in config
    assert out["zh-Hant"]["docs"][0]["text"] == f"忘记{ZWSP}密码"


def test_an_index_is_not_split_twice(segmenter):
    once = split_index(MERGED, PREFIXES, segmenter)["zh"]
    with pytest.raises(SearchIndexError, match="already split"):
        split_index(once, PREFIXES, segmenter)


def test_language_of_uses_the_longest_prefix():
    prefixes = language_prefixes([("zh", True), ("en", False)])
    assert prefixes == PREFIXES
    assert language_of("en/faq.html", prefixes) == "en"
    assert language_of("faq.html", prefixes) == "zh"
    assert language_of("english.html", prefixes) == "zh"


def test_indexes_are_written_as_json_and_as_script(tmp_path, segmenter):
    written = write_indexes(tmp_path, split_index(MERGED, PREFIXES, segmenter), PREFIXES)
    assert written["en"] == tmp_path / "en/search/search_index.json"
    data = json.loads(written["en"].read_text("utf-8"))
    script = (tmp_path / "en/search/search_index.js").read_text("utf-8")
    # file:// reads the script: the JSON text as a string, then the parsed
    # index on first use (the browser tests run it)
    text_line, *rest = script.splitlines()
    prefix, literal = text_line.split(" = ", 1)
    assert prefix == "var __hcIndexText"
    assert json.loads(json.loads(literal.removesuffix(";"))) == data
    assert 'defineProperty(self, "__index"' in "\n".join(rest)


def config_of(html: str) -> dict:
    return json.loads(html.split('application/json">')[1].split("</script>")[0])


# -- offline assets ------------------------------------------------------------------


@pytest.mark.skipif(not (ROOT / "node_modules/iframe-worker").is_dir(), reason="needs `npm ci`")
def test_shim_and_licence_are_copied(tmp_path):
    target = copy_shim(ROOT, tmp_path)
    assert target == tmp_path / SHIM_SITE_PATH
    assert (target.parent / "LICENSE").is_file()


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example/a.js"></script>',
        "<script type='module' src='//cdn.example/a.js'></script>",
        '<img alt="a > b" src="http://img.example/i.png">',
        '<img srcset="a.png 1x, https://img.example/b.png 2x">',
        '<video poster="https://img.example/p.png"></video>',
        '<object data="https://x.example/o.swf"></object>',
        '<link href="https://fonts.example/f.css" rel="stylesheet">',
        "<link rel='shortcut icon' href='https://x.example/favicon.ico'>",
        '<LINK REL=preload HREF="https://x.example/f.woff2">',
        '<div style="background:url( https://x.example/b.png )"></div>',
        "<style>@import 'https://x.example/y.css';</style>",
        "<div style=\"background:URL('//x.example/b.png')\"></div>",
        "<style>@IMPORT url(https://x.example/y.css);</style>",
    ],
)
def test_the_quick_pass_never_misses_what_the_parser_finds(html, tmp_path):
    from helpcenter.checks.offline import may_load_external

    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    assert may_load_external(html)
    assert external_references(tmp_path), html


def test_the_quick_pass_lets_plain_pages_through():
    from helpcenter.checks.offline import may_load_external

    page = (
        '<link rel="alternate" hreflang="en" href="https://help.bitp.example/en/">'
        '<link rel="canonical" href="https://help.bitp.example/">'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
        '<a href="https://www.bitp.example/">site</a><script src="assets/x.js"></script>'
    )
    assert not may_load_external(page)


def test_external_resources_are_found_and_links_are_not(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/p.html").write_text(
        "<html><head>\n"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'
        '<link rel="alternate" hreflang="en" href="https://help.bitp.example/en/">\n'
        '<script src="//unpkg.com/iframe-worker/shim"></script>\n'
        '<script src="assets/local.js"></script>\n'
        "<style>body{background:url('https://cdn.example/x.png')}</style>\n"
        '</head><body><a href="https://bitp.example">site</a>\n'
        '<img src="http://img.example/i.png"></body></html>\n',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text(
        "a{}\n@import 'https://x.example/y.css';\nb{src:url(fonts/local.woff2)}\n", "utf-8"
    )
    found = [(r.path, r.line, r.url) for r in external_references(tmp_path)]
    assert found == [
        ("a/p.html", 2, "https://fonts.googleapis.com/css?family=Roboto"),
        ("a/p.html", 4, "//unpkg.com/iframe-worker/shim"),
        ("a/p.html", 6, "https://cdn.example/x.png"),
        ("a/p.html", 8, "http://img.example/i.png"),
        ("s.css", 2, "https://x.example/y.css"),
    ]


# -- offline bundle ------------------------------------------------------------------


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "en/index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    return site


def test_bundle_holds_the_site_and_checksums(tiny_site, tmp_path):
    made = bundle.write_bundle(tiny_site, tmp_path / "dist", dt.date(2026, 11, 25))
    assert made.zip_path.name == "bitp-help-2026-11-25.zip"
    assert made.sha256_path.name == "bitp-help-2026-11-25.zip.sha256"
    assert made.files == 2
    with zipfile.ZipFile(made.zip_path) as zf:
        names = set(zf.namelist())
        sums = zf.read("bitp-help-2026-11-25/SHA256SUMS").decode()
    assert {"bitp-help-2026-11-25/index.html", "bitp-help-2026-11-25/en/index.html"} <= names
    listed = {line.split("  ")[1] for line in sums.splitlines()}
    assert listed == {"index.html", "en/index.html", "README.txt"}
    assert bundle.verify_bundle(made.zip_path) == []


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils")
def test_bundle_checks_pass_with_sha256sum(tiny_site, tmp_path):
    made = bundle.write_bundle(tiny_site, tmp_path / "dist", dt.date(2026, 11, 25))
    subprocess.run(
        ["sha256sum", "-c", "--quiet", made.sha256_path.name], cwd=made.zip_path.parent, check=True
    )
    with zipfile.ZipFile(made.zip_path) as zf:
        zf.extractall(tmp_path / "x")
    subprocess.run(
        ["sha256sum", "-c", "--quiet", "SHA256SUMS"],
        cwd=tmp_path / "x/bitp-help-2026-11-25",
        check=True,
    )


def test_bundle_is_reproducible(tiny_site, tmp_path):
    a = bundle.write_bundle(tiny_site, tmp_path / "a", dt.date(2026, 11, 25))
    b = bundle.write_bundle(tiny_site, tmp_path / "b", dt.date(2026, 11, 25))
    assert a.zip_path.read_bytes() == b.zip_path.read_bytes()


def test_tampered_bundle_is_detected(tiny_site, tmp_path):
    made = bundle.write_bundle(tiny_site, tmp_path / "dist", dt.date(2026, 11, 25))
    made.zip_path.write_bytes(made.zip_path.read_bytes() + b"x")
    assert any("does not match" in p for p in bundle.verify_bundle(made.zip_path))


def test_bundle_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25 UTC
    assert bundle.bundle_date() == dt.date(2025, 11, 25)


def test_bundling_an_unbuilt_site_is_a_clear_error(tmp_path):
    with pytest.raises(bundle.BundleError, match="build the site"):
        bundle.write_bundle(tmp_path / "site", tmp_path / "dist")


# -- the real build ------------------------------------------------------------------


@pytest.mark.build
def test_real_build_has_per_language_search_and_no_network(tmp_path):
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH="")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    for lang, prefix in PREFIXES.items():
        index = json.loads((site / prefix / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["helpcenter"]["lang"] == lang
        assert (site / prefix / "search/search_index.js").is_file()
    en_page = (site / "en/troubleshooting/login.html").read_text("utf-8")
    assert config_of(en_page)["base"] == "../../en/"
    assert (site / SHIM_SITE_PATH).is_file()
    assert external_references(site) == []


def test_the_chinese_index_converts_traditional_characters_its_text_uses(segmenter):
    from helpcenter.site.search_index import traditional_map

    docs = [
        {"location": "a.html", "title": "忘记密码", "text": "乾坤 干净 账户"},
        {"location": "b.html", "title": "x", "text": "", "kw": "帐户"},
    ]
    pairs = traditional_map(docs)
    table = dict(zip(pairs[::2], pairs[1::2], strict=True))
    assert table["記"] == "记" and table["碼"] == "码"
    assert table["帳"] == "帐"  # a hidden keyword (the synonym 帐户) counts
    assert "乾" not in table  # the text uses 乾 itself
    assert "電" not in table  # 电 is in no entry: it could match nothing
    assert all(len(s) == 1 and ord(s) < 0x10000 for s in pairs)


def test_the_most_used_form_wins_where_the_text_uses_several():
    from helpcenter.contacts.hanzi import traditional_characters
    from helpcenter.site.search_index import traditional_map

    assert traditional_characters()["鍊"] == ("炼", "链")
    pairs = traditional_map([{"title": "链 链 炼", "text": "区块链"}])
    assert dict(zip(pairs[::2], pairs[1::2], strict=True))["鍊"] == "链"


def test_only_the_chinese_index_carries_the_traditional_characters(segmenter):
    out = split_index(MERGED, PREFIXES, segmenter)
    assert isinstance(out["zh"]["config"]["t2s"], str) and out["zh"]["config"]["t2s"]
    assert "t2s" not in out["en"]["config"]


def test_a_missing_character_table_is_a_clear_error(monkeypatch):
    from helpcenter.contacts import hanzi
    from helpcenter.site.search_index import traditional_map

    monkeypatch.setattr(hanzi, "OPENCC_PACKAGE", "no_such_package_for_opencc")
    hanzi.traditional_characters.cache_clear()
    hanzi.traditional_of.cache_clear()
    try:
        with pytest.raises(SearchIndexError, match="make venv"):
            traditional_map([{"title": "忘记密码"}])
    finally:
        hanzi.traditional_characters.cache_clear()
        hanzi.traditional_of.cache_clear()
