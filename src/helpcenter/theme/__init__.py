"""Where the project depends on how Material for MkDocs writes its pages, and on
what mkdocs-static-i18n and MkDocs keep to themselves (:mod:`.static_i18n`).

Each module here names what of the theme it relies on, the pinned version
it was checked against (mkdocs-material 9.8.2), and what it gives readers;
``tests/test_theme.py`` fails when the installed theme no longer matches.
"""
