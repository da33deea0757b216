"""Where the project depends on how Material for MkDocs writes its pages.

Each module here names what of the theme it relies on, the pinned version
it was checked against (mkdocs-material 9.8.2), and what it gives readers;
``tests/test_theme.py`` fails when the installed theme no longer matches.
"""
