"""`@frozen`: immutable value classes with `__slots__`, cheap to create and to import
(a class compiles its `__init__` when its first instance is made).

A frozen dataclass costs about 1 ms a class to make on a slow machine (3.11 compiles each of
its six methods separately) and `dataclasses` pulls in `inspect`, `ast` and `dis`, which
every command would pay at start. `@frozen` writes `__init__`, `__eq__`, `__hash__`,
`__repr__` and the refusal to change a field in one go, for a class of annotated fields
(defaults allowed, `field(default_factory=...)` for a fresh default, `__post_init__` run
after `__init__`, which may store derived values in the slots a class body's `__slots__`
names, with `object.__setattr__`). Instances compare, hash and print like frozen dataclasses; `replace`
makes a changed copy and `field_names` lists the fields in order. Type checkers see a
frozen dataclass (`dataclass_transform`), and so does the `dataclasses` module once it is
asked (`dataclasses.replace`, `fields`, `asdict` work: the class's `__dataclass_fields__`
are made, with `dataclasses`, the first time anything reads them).
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_options: object) -> object:
        return lambda decorated: decorated


class FrozenInstanceError(AttributeError):
    """A field of a frozen instance was assigned or deleted."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is made afresh for each instance by `default_factory`."""
    return _Factory(default_factory)  # type: ignore[return-value]


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """The class remade with `__slots__` and the methods of a frozen dataclass."""
    own = cls.__dict__
    annotations: dict[str, str] = own.get("__annotations__", {})
    names = tuple(name for name, kind in annotations.items() if not str(kind).startswith("ClassVar"))
    extra: tuple[str, ...] = tuple(own.get("__slots__", ()))  # derived values, not fields
    left_out = {*names, *extra, "__dict__", "__weakref__"}
    namespace = {key: value for key, value in own.items() if key not in left_out}
    defaults = {name: own[name] for name in names if name in own}
    # Every method goes into the namespace, so the class is made once (setting attributes on
    # a class afterwards costs each class's import more). Only __init__ is compiled for the
    # class (a fast constructor with the real signature), when its first instance is made;
    # the other methods are shared and read the fields through one attrgetter.
    namespace.update(
        __slots__=(*names, *extra),
        __match_args__=names,
        __init__=_first_init,
        _frozen_defaults=defaults,
        _values=staticmethod(attrgetter(*names) if len(names) > 1 else _one_tuple(names)),
        __eq__=_eq,
        __hash__=_hash,
        __repr__=_repr,
        __setattr__=_refuse_set,
        __delattr__=_refuse_delete,
        __reduce__=_reduce,
        __dataclass_fields__=_DataclassFields(annotations),
    )
    metaclass: Any = type(cls)
    made: type[T] = metaclass(cls.__name__, cls.__bases__, namespace)
    return made


def replace(instance: T, /, **changes: Any) -> T:
    """A copy of a `@frozen` instance with some fields changed (checked like a new instance)."""
    kind = type(instance)
    values = {name: getattr(instance, name) for name in field_names(kind)}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{kind.__name__} has no field {', '.join(sorted(unknown))}")
    values.update(changes)
    return kind(**values)


def field_names(kind: type) -> tuple[str, ...]:
    """The fields of a `@frozen` class, in the order they were declared."""
    names: tuple[str, ...] = kind.__match_args__  # type: ignore[attr-defined]
    return names


def _first_init(self: object, *args: object, **kwargs: object) -> None:
    """The `__init__` of a class until its first instance: compiles the class's own, puts it
    in place and runs it."""
    cls: Any = type(self)
    made = _compile_init(cls, cls.__match_args__, cls._frozen_defaults)
    type.__setattr__(cls, "__init__", made)
    made(self, *args, **kwargs)


def _compile_init(cls: type, names: tuple[str, ...], defaults: dict[str, object]) -> Callable[..., None]:
    """The class's own `__init__`: its fields as parameters, each stored in its slot."""
    scope: dict[str, object] = {"Factory": _Factory}
    parameters, body = [], []
    for name in names:
        scope[f"set_{name}"] = cls.__dict__[name].__set__  # the slot itself, past __setattr__
        default = defaults.get(name, _NO_DEFAULT)
        if default is _NO_DEFAULT:
            parameters.append(name)
        elif isinstance(default, _Factory):
            scope[f"make_{name}"] = default.make
            parameters.append(f"{name}=Factory")
            body.append(f"    if {name} is Factory: {name} = make_{name}()")
        else:
            scope[f"default_{name}"] = default
            parameters.append(f"{name}=default_{name}")
        body.append(f"    set_{name}(self, {name})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    lines = "\n".join(body) or "    pass"
    exec(f"def __init__(self, {', '.join(parameters)}):\n{lines}", scope)  # noqa: S102
    init: Any = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init  # type: ignore[no-any-return]


_NO_DEFAULT = object()


class _DataclassFields:
    """`__dataclass_fields__`, made when first read: the fields of a frozen dataclass of the
    same names, annotations and defaults, so the `dataclasses` functions accept the class."""

    def __init__(self, annotations: dict[str, str]) -> None:
        self.annotations = annotations
        self.fields: dict[str, object] | None = None

    def __get__(self, instance: object, owner: Any) -> dict[str, object]:
        if self.fields is None:
            import dataclasses

            spec: list[tuple[str, str] | tuple[str, str, Any]] = []
            for name in owner.__match_args__:
                kind = self.annotations[name]
                default = owner._frozen_defaults.get(name, _NO_DEFAULT)
                if default is _NO_DEFAULT:
                    spec.append((name, kind))
                elif isinstance(default, _Factory):
                    spec.append((name, kind, dataclasses.field(default_factory=default.make)))
                else:
                    spec.append((name, kind, dataclasses.field(default=default)))
            twin: Any = dataclasses.make_dataclass(owner.__name__, spec, frozen=True)
            self.fields = twin.__dataclass_fields__
        return self.fields


def _one_tuple(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    get = attrgetter(*names) if names else None
    return (lambda instance: (get(instance),)) if get else (lambda instance: ())


def _eq(self: object, other: object) -> object:
    kind: Any = type(self)
    if other.__class__ is kind:
        values = getattr(kind, "_values")  # noqa: B009  (the attribute @frozen set)
        return bool(values(self) == values(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(
        f"{name}={value!r}" for name, value in zip(self.__match_args__, self._values(self), strict=True)
    )
    return f"{type(self).__qualname__}({shown})"


def _refuse_set(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: Any) -> tuple[type, tuple[object, ...]]:
    return (type(self), self._values(self))
