"""Checks beyond the contact guard, on sources and on what pages render to.

* :mod:`~helpcenter.checks.links` - internal links and anchors, external hosts;
* :mod:`~helpcenter.checks.i18n` - translations: page and channel parity, revisions;
* :mod:`~helpcenter.checks.offline` - nothing loads from the network;
* :mod:`~helpcenter.checks.content_policy` (rules in :mod:`~helpcenter.checks.rules`)
  - no active content in the rendered HTML; :mod:`~helpcenter.checks.rendered_guard`
  - the contact guard on what a reader sees; :mod:`~helpcenter.checks.build` runs
  both as pages are written, :mod:`~helpcenter.checks.markdown` for ``helpcenter check``.

Free of MkDocs: the build (``hooks/``) and the CLI call the same functions.
"""
