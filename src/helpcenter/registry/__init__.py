"""The registry of verified channels (``data/channels.yml``), from file to typed model.

* :mod:`~helpcenter.registry.model` - the frozen dataclasses (imports nothing of ours);
* :mod:`~helpcenter.registry.load` - :func:`~helpcenter.registry.load.load_registry`,
  the one way in;
* :mod:`~helpcenter.registry.validate` - the three steps: YAML, shape, semantics;
* :mod:`~helpcenter.registry.shape` - the JSON Schema's refusals as rule codes;
* :mod:`~helpcenter.registry.semantic` - what a schema cannot say;
* :mod:`~helpcenter.registry.problems` - the findings both passes collect;
* :mod:`~helpcenter.registry.rules` - the ``HC0xx`` codes and their messages.
"""
