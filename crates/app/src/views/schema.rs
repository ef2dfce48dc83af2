//! Field schemas the derive cannot infer: strings whose values are known words (read from the
//! same tables the code sends them from, so the document cannot list a word the code does not
//! use), and JSON objects whose keys are open.

use serde_json::Value;
use signet_core::catalog::{self, CodeKind};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};

/// A string that is one of `words`.
pub fn words<'a>(words: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(words.into_iter().map(str::to_owned)))
}

/// A string that is one of `words`, or `null` (JSON Schema's `enum` must list `null` too).
pub fn nullable_words<'a>(words: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    let mut values: Vec<Value> = words
        .into_iter()
        .map(|w| Value::String(w.to_owned()))
        .collect();
    values.push(Value::Null);
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(values))
}

/// The codes of one kind of the catalogue (`GET /v1/codes?kind=…`).
pub fn catalogue(kind: CodeKind) -> impl Iterator<Item = &'static str> {
    catalog::by_kind(kind).map(|e| e.code)
}

/// An array of `items`.
pub fn array_of(items: impl Into<RefOr<Schema>>) -> ArrayBuilder {
    ArrayBuilder::new().items(items.into())
}

/// An object whose keys are not fixed (details, explanations, report sections).
pub fn open_object() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::new(Type::Object))
}

/// A person's address as the person shows it (every line a string or `null`), or `null`.
pub fn nullable_address() -> ObjectBuilder {
    let line =
        || ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]));
    let mut b = ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::Object, Type::Null]));
    for m in [
        "line_1",
        "line_2",
        "postal_code",
        "city",
        "country",
        "state",
    ] {
        b = b.property(m, line());
    }
    b
}
