"""BitP help center: registry, contact guard and site tooling, free of MkDocs."""
