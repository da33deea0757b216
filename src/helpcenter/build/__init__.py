"""The site build as the hooks see it: one context per build (:mod:`helpcenter.build.context`).

Free of MkDocs: ``hooks/`` converts MkDocs' events and configuration into
plain values and calls the context; what the context calls (the registry,
the checks, the renderers) knows nothing of either.
"""
