"""A package's public names, imported on first use (PEP 562).

The nlu and speech packages name their surface in a table instead of importing it, so that
`import nlu` or `python -m speech --help` does not pay for torch or Whisper.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, List, Mapping, MutableMapping, Tuple


def lazy_exports(package: str, exports: Mapping[str, Tuple[str, str]],
                 namespace: MutableMapping[str, Any]) -> Tuple[Callable[[str], Any], Callable[[], List[str]]]:
    """The package's `__getattr__` and `__dir__` for `exports` (public name -> (module,
    attribute there; "" for the module itself)); a name, once loaded, is kept in `namespace`
    (the package's globals()), so later look-ups skip `__getattr__`."""

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, attribute = exports[name]
        value = import_module(module)
        if attribute:
            value = getattr(value, attribute)
        namespace[name] = value
        return value

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__


