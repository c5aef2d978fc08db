"""Native checks: a field type's check done by pydantic-core alone, for the form clients usually send.

Some field types check each value in Python (a strip then a NUL test, a regex and a `Decimal` parse,
a date range): for a 10,000-item bulk push that is most of the validation's time. Such a type may
also carry a `NativeCheck`: a pydantic-core schema that accepts only a subset of what the type's own
check accepts (the canonical form: no white space to strip, ASCII digits, an upper-case `T`) and
gives the very same value for it. `native_twin(model)` is the model with those schemas in place of
the types' own checks; a bulk push checks a chunk with it first and, when it refuses any item, checks
the chunk again with the model itself, which gives the values of the other forms and the errors
clients are told. So the twin decides nothing a client sees: it only makes the usual case cheaper.
tests/test_native_checks.py holds every type to that (same value where the twin accepts)."""

import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Field, PlainSerializer, WrapSerializer, create_model
from pydantic_core import CoreSchema


class NativeCheck:
    """Metadata of a field type: `schema` checks in pydantic-core alone a subset of the values the
    type accepts, giving the same value for each. The type itself is unchanged by it."""

    def __init__(self, schema: CoreSchema):
        self.schema = schema

    def __get_pydantic_core_schema__(self, source: Any, handler) -> CoreSchema:
        return handler(source)


class _Native:
    """The first metadata of a twin's field type: the native schema, whatever the type's own."""

    def __init__(self, schema: CoreSchema):
        self.schema = schema

    def __get_pydantic_core_schema__(self, source: Any, handler) -> CoreSchema:
        return self.schema


def _native(annotation: Any) -> Any:
    """`annotation` with its native checks in place of its types' own (itself when it has none)."""
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        check = next((m for m in metadata if isinstance(m, NativeCheck)), None)
        if check is None:
            return annotation
        serializers = [m for m in metadata if isinstance(m, (PlainSerializer, WrapSerializer))]
        return Annotated[(base, _Native(check.schema), *serializers)]
    if get_origin(annotation) in (Union, types.UnionType):
        members = get_args(annotation)
        natives = tuple(_native(member) for member in members)
        return annotation if natives == members else Union[natives]  # noqa: UP007 (built from a tuple)
    return annotation


@cache
def native_twin(model: type[BaseModel]) -> type[BaseModel] | None:
    """A subclass of `model` whose fields with native checks use them (its validators, config and
    other fields are the model's); None when no field has one or a field has an alias."""
    fields = {}
    for name, field in model.model_fields.items():
        if field.alias is not None or field.validation_alias is not None:
            return None
        own = field.rebuild_annotation()
        annotation = _native(own)
        if annotation is not own:
            default = Field() if field.is_required() else (
                Field(default_factory=field.default_factory) if field.default_factory is not None
                else Field(default=field.default))
            fields[name] = (annotation, default)
    if not fields:
        return None
    return create_model(f"{model.__name__}NativelyChecked", __base__=model, __module__=model.__module__, **fields)
