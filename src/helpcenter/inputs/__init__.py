"""Reading what contributors write, safely: files (:mod:`~helpcenter.inputs.files`:
regular UTF-8 files inside the repository, of sensible size) and YAML
(:mod:`~helpcenter.inputs.yamlload`: no anchors, aliases or deep nesting; with
the line and column of every key when asked)."""
