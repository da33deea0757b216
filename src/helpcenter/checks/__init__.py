"""Checks of what a page renders to (content policy, the rendered contact guard).

Free of MkDocs: the build (``hooks/policy.py``, ``hooks/guard.py``) and the
CLI (``helpcenter check``) call the same functions.
"""
