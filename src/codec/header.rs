//! What is read of a stored value that does not read as an envelope, to say why.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// It must be a JSON object; `app` and `schema` are kept only when they are a string and a
/// whole number, so that any other JSON still gets a reason (`Foreign`, `Damaged`) rather than
/// "not JSON".
#[derive(Default)]
pub(super) struct Header {
    pub app: Option<String>,
    pub schema: Option<u64>,
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeaderVisitor;
        impl<'de> Visitor<'de> for HeaderVisitor {
            type Value = Header;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Header, A::Error> {
                let mut header = Header::default();
                while let Some(key) = fields.next_key::<String>()? {
                    match (key.as_str(), fields.next_value::<HeaderField>()?) {
                        ("app", HeaderField::Text(app)) => header.app = Some(app),
                        ("schema", HeaderField::Count(schema)) => header.schema = Some(schema),
                        _ => {}
                    }
                }
                Ok(header)
            }
        }
        deserializer.deserialize_map(HeaderVisitor)
    }
}

/// The value of one top-level field, as far as [`Header`] cares.
enum HeaderField {
    Text(String),
    Count(u64),
    Other,
}

impl<'de> Deserialize<'de> for HeaderField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = HeaderField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<HeaderField, E> {
                Ok(HeaderField::Text(text.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, count: u64) -> Result<HeaderField, E> {
                Ok(HeaderField::Count(count))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<HeaderField, E> {
                Ok(HeaderField::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<HeaderField, A::Error> {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                Ok(HeaderField::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<HeaderField, A::Error> {
                while fields.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(HeaderField::Other)
            }
        }
        deserializer.deserialize_any(FieldVisitor)
    }
}
