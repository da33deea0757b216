"""The search seams (helpcenter.theme.search_worker, .search_start), without a browser.

What our code needs of the installed theme is checked in its files (the
anchors below); our worker runs under Node with the installed theme's worker
on a fixture index (``tests/fixtures/search/``, the real site's indexes) and
must give the theme's index, and what the page shows must not change when a
speed-up is turned off; the Python side is checked as plain functions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpcenter.site import csp
from helpcenter.theme import search_start, search_worker
from helpcenter.theme.search_start import (
    SEARCH_WORKER,
    SEARCH_WORKER_TEXT,
    SHIM_SITE_PATH,
    polyfills_without_cdn,
    shim_script_hashes,
    write_worker_text,
)
from helpcenter.theme.search_worker import rewrite_page_config

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "js" / "lunr_index.js"
FIXTURES = ROOT / "tests" / "fixtures" / "search"


def _upstream(module, suffix: str) -> str:
    found = [u for u in module.UPSTREAM if u.path.endswith(suffix)]
    assert found, f"{module.__name__} lists no {suffix}"
    return found[0].locate(ROOT).read_text(encoding="utf-8")


def _needs(text: str, anchors: tuple[str, ...], what: str, seam: str) -> None:
    for anchor in anchors:
        assert anchor in text, (
            f"{what} no longer holds {anchor!r}, which helpcenter.theme.{seam} relies on: "
            f"read that module's docstring and adapt it (or remove the seam) before upgrading"
        )


# -- what the seams need of the installed theme ------------------------------------------


def test_the_themes_worker_still_has_what_our_worker_wraps() -> None:
    worker = _upstream(search_worker, ".min.js")
    _needs(
        worker,
        (
            'addEventListener("message"',  # its handler, which ours wraps
            "self.lunr=",  # Lunr, which ours patches
            "tokenizer.table",  # the highlight table our tokenizer fills
            "this.index.invertedIndex",  # the segmenter ours answers no to
            "importScripts",  # how ours loads it
        ),
        "Material's search worker",
        "search_worker",
    )
    assert '"2.3.9"' in worker, "the theme's worker bundles another Lunr than 2.3.9"


def test_the_themes_pages_still_carry_the_configuration_we_rewrite() -> None:
    base = _upstream(search_worker, "base.html")
    _needs(base, ('<script id="__config" type="application/json">',), "base.html", "search_worker")


def test_the_themes_bundle_still_loads_the_index_and_worker_the_start_script_expects() -> None:
    bundle = _upstream(search_start, "bundle.a5f9d56c.min.js")
    _needs(
        bundle,
        ('location.protocol==="file:"', "search/search_index.js", "__index", "new Worker("),
        "Material's bundle",
        "search_start",
    )
    base = _upstream(search_start, "base.html")
    libs = base[base.index("{% block libs %}") :]
    _needs(
        libs[: libs.index("{% endblock %}")],
        ("{% for script in config.extra.polyfills %}",),
        "base.html's libs block",
        "search_start",
    )
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    block = main[main.index("{% block libs %}") :]
    assert block.index("hc-search-start.html") < block.index("{{ super() }}"), (
        "overrides/main.html: the start script must come before the theme's polyfills"
    )


@pytest.mark.parametrize(
    "path", [*search_worker.OWNED_SCRIPTS, *search_start.OWNED_SCRIPTS], ids=lambda p: p
)
def test_each_script_that_relies_on_the_theme_names_its_seam(path: str) -> None:
    head = (ROOT / path).read_text(encoding="utf-8")[:3000]
    seam = "search_worker" if path in search_worker.OWNED_SCRIPTS else "search_start"
    assert f"helpcenter.theme.{seam}" in head, f"{path}: its header does not name its seam"


# -- our worker against the theme's, under Node -------------------------------------------


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (`make venv` needs npm)", pytrace=False)
    return node


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our worker beside the installed theme's, as in a built site."""
    folder = tmp_path_factory.mktemp("workers")
    theme = search_worker.UPSTREAM[0].locate(ROOT)
    shutil.copyfile(theme, folder / theme.name)
    shutil.copyfile(ROOT / search_worker.OWNED_SCRIPTS[0], folder / search_worker.WORKER)
    return folder


def _run(workers: Path, lang: str, which: str, *variants: str) -> dict:
    proc = subprocess.run(
        [_node(), str(HARNESS), str(workers), str(FIXTURES / f"{lang}.json"), which, *variants],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_our_worker_builds_the_themes_index(workers, lang):
    theirs = _run(workers, lang, "theme")
    ours = _run(workers, lang, "ours")
    assert theirs["index"]["invertedIndex"], "the index is empty"
    assert len([q for q, results in theirs["searches"] if results]) >= 5
    assert ours["searches"] == theirs["searches"]
    assert ours["index"] == theirs["index"]
    assert ours["fast"] == {"on": True, "checks": 0}  # our tokenizer indexed the text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("switch", ["-lunrbuild", "-tokenizer", "0"])
def test_a_speed_up_turned_off_leaves_what_the_page_shows_as_it_was(workers, lang, switch):
    on = _run(workers, lang, "ours", "results")
    off = _run(workers, lang, "ours", "results", f"speedups={switch}")
    assert on["fast"]["on"] is True
    assert off["fast"] is None  # the theme's tokenizer indexed the text
    assert sum(bool(result["items"]) for _, result in on["results"]) >= 10
    assert any("<mark>" in json.dumps(result) for _, result in on["results"])
    assert off["index"] == on["index"]
    assert off["searches"] == on["searches"]
    assert off["results"] == on["results"]


# -- the page configuration -------------------------------------------------------


def page(config: dict) -> str:
    data = json.dumps(config).replace("<", "\\u003c")  # as the theme's tojson
    return f'<body><script id="__config" type="application/json">{data}</script>'


def config_of(html: str) -> dict:
    return json.loads(html.split('application/json">')[1].split("</script>")[0])


def test_english_pages_use_the_english_index_and_our_worker():
    worker = "../../assets/javascripts/workers/search.a7633da7.min.js"
    out = config_of(rewrite_page_config(page({"base": "../..", "search": worker}), "en/"))
    assert out["base"] == "../../en/"
    assert out["search"] == "../../assets/javascripts/workers/hc-search.js?w=search.a7633da7.min.js"


def test_chinese_pages_keep_the_site_root():
    out = config_of(rewrite_page_config(page({"base": ".", "search": "w/s.js"}), ""))
    assert out["base"] == "./"
    assert out["search"] == "w/hc-search.js?w=s.js"


def test_rewritten_configuration_is_safe_inside_a_script_element():
    html = rewrite_page_config(page({"base": ".", "x": "</script><b>&'"}), "")
    assert html.count("</script>") == 1
    assert config_of(html)["x"] == "</script><b>&'"


def test_pages_without_theme_configuration_are_untouched():
    assert rewrite_page_config("<p>hi</p>", "en/") == "<p>hi</p>"


def test_a_configuration_that_is_not_json_is_a_clear_error():
    broken = '<script id="__config" type="application/json">{"base": </script>'
    with pytest.raises(search_worker.ThemeConfigError, match="not JSON"):
        rewrite_page_config(broken, "")


# -- the start from file:// and the shim ----------------------------------------------


def test_the_cdn_shim_is_replaced_by_the_local_copy():
    out = polyfills_without_cdn(["https://unpkg.com/iframe-worker/shim", "other.js"])
    assert out == [SHIM_SITE_PATH, "other.js"]
    assert polyfills_without_cdn([SHIM_SITE_PATH]) == [SHIM_SITE_PATH]


def test_a_missing_shim_says_how_to_install_it(tmp_path):
    with pytest.raises(search_start.SearchStartError, match="npm ci"):
        search_start.copy_shim(tmp_path, tmp_path / "site")


def _workers(site: Path, *theme: str) -> Path:
    folder = site / SEARCH_WORKER_TEXT
    folder.parent.mkdir(parents=True, exist_ok=True)
    (site / SEARCH_WORKER).write_text("/* ours */ self.x = '</script>';\n", "utf-8")
    for name in theme:
        (folder.parent / name).write_text("/* theirs */\n//# sourceMappingURL=x.map\n", "utf-8")
    return folder


def test_the_worker_text_is_one_string_of_both_workers(tmp_path):
    _workers(tmp_path, "search.1234abcd.min.js")
    target = write_worker_text(tmp_path)
    assert target == tmp_path / SEARCH_WORKER_TEXT
    script = target.read_text("utf-8")
    assert "</script>" not in script  # safe wherever the script text ends up
    literal = script.removeprefix("self.__hcSearchWorkerSource = ").rstrip().removesuffix(";")
    source = json.loads(literal)
    assert source == (
        "self.__hcThemeWorker = function () {\n/* theirs */\n\n\n};\n"
        "/* ours */ self.x = '</script>';\n"
    )


def test_no_worker_text_without_a_search_worker(tmp_path):
    assert write_worker_text(tmp_path) is None
    _workers(tmp_path)  # ours, but the theme has none (search plugin off)
    assert write_worker_text(tmp_path) is None
    assert not (tmp_path / SEARCH_WORKER_TEXT).exists()


def test_two_theme_workers_are_an_error(tmp_path):
    _workers(tmp_path, "search.1111.min.js", "search.2222.min.js")
    with pytest.raises(search_start.SearchStartError, match="more than one theme search worker"):
        write_worker_text(tmp_path)


def test_the_shim_script_hash_follows_the_pinned_shim() -> None:
    shim = (
        'function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return s}'
        "this.w.document.write(`<html><body><script>postMessage=${c};importScripts=${d};"
        'f("${e}")<\\/script><script src=${e}><\\/script></body></html>`)'
    )
    text = 'postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
    text += 'importScripts=function d(...s){return s};f("w.js")'
    assert shim_script_hashes(shim, ["w.js"]) == {csp.script_hash(text)}
    assert shim_script_hashes("no shim here", ["w.js"]) == set()
    real = _upstream(search_start, "shim/index.js")
    assert len(shim_script_hashes(real, ["a.js", "../a.js"])) == 2, (
        "iframe-worker's shim no longer writes its script as helpcenter.theme.search_start "
        "expects: the site's policy would refuse search through the shim"
    )
