"""helpcenter.site.preview.quiet_logs: jieba and static-i18n keep quiet unless -v."""

from __future__ import annotations

import logging

import pytest

from helpcenter.site import preview


@pytest.fixture
def restore_levels():
    saved = {name: logging.getLogger(name).level for name in preview.NOISY_LOGGERS}
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_noise_is_kept_to_warnings_by_default(restore_levels, caplog):
    preview.quiet_logs(verbose=False)
    jieba = logging.getLogger("jieba")
    i18n = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.plugin")
    assert not jieba.isEnabledFor(logging.DEBUG)
    assert not i18n.isEnabledFor(logging.INFO)
    assert i18n.isEnabledFor(logging.WARNING) and jieba.isEnabledFor(logging.WARNING)


def test_verbose_brings_it_back(restore_levels):
    logging.getLogger("mkdocs").setLevel(logging.DEBUG)
    try:
        preview.quiet_logs(verbose=True)
        assert logging.getLogger("jieba").isEnabledFor(logging.DEBUG)
        i18n = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.plugin")
        assert i18n.isEnabledFor(logging.DEBUG)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)
