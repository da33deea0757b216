"""The registry of verified channels (``data/channels.yml``), from file to typed model.

* :mod:`~helpcenter.registry.model` - the frozen dataclasses (imports nothing of ours);
* :mod:`~helpcenter.registry.load` - :func:`~helpcenter.registry.load.load_registry`,
  the one way in;
* :mod:`~helpcenter.registry.validate` - the three steps: YAML, shape, semantics;
* :mod:`~helpcenter.registry.shape` - the JSON Schema's refusals as rule codes;
* :mod:`~helpcenter.registry.semantic` - what a schema cannot say;
* :mod:`~helpcenter.registry.problems` - the findings both passes collect;
* :mod:`~helpcenter.registry.rules` - the ``HC0xx`` codes and their messages.

The names most callers need are here too (``from helpcenter.registry import
load_registry``): the loader, the model's classes and :class:`RegistryError`.
"""

from helpcenter.registry.load import DEFAULT_REGISTRY, load_registry, load_registry_cached
from helpcenter.registry.model import Channel, KnownScam, Localized, Organization, Registry
from helpcenter.registry.problems import RegistryError

__all__ = [
    "DEFAULT_REGISTRY", "Channel", "KnownScam", "Localized", "Organization", "Registry",
    "RegistryError", "load_registry", "load_registry_cached",
]  # fmt: skip
