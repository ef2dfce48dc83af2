//! Typed identifiers.
//!
//! Every id is 32 lowercase hex digits (128 random bits) followed by a short
//! suffix naming the resource, as seed 002 shows (`…cper` for persons,
//! `…cidt` for identifications, `…cdoc` for documents). The suffix makes a
//! misplaced id obvious in logs and lets parsing reject an id of the wrong
//! kind before any query runs, so a malformed id is a plain 404.

use std::fmt;

/// Generates the string form of an id from 16 random bytes and a suffix.
fn format_id(random: [u8; 16], suffix: &str) -> String {
    let mut s = hex::encode(random);
    s.push_str(suffix);
    s
}

fn is_valid(s: &str, suffix: &str) -> bool {
    s.len() == 32 + suffix.len()
        && s.ends_with(suffix)
        && s.as_bytes()[..32]
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $suffix:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The suffix that ends every id of this kind.
            pub const SUFFIX: &'static str = $suffix;

            /// A new id from 16 bytes of the caller's randomness.
            pub fn from_random(random: [u8; 16]) -> Self {
                Self(format_id(random, $suffix))
            }

            /// Parses an id, refusing anything that is not exactly of this kind.
            pub fn parse(s: &str) -> Option<Self> {
                is_valid(s, $suffix).then(|| Self(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(s: String) -> Result<Self, InvalidId> {
                if is_valid(&s, $suffix) { Ok(Self(s)) } else { Err(InvalidId) }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

/// The string was not an id of the expected kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id")]
pub struct InvalidId;

typed_id!(
    /// A tenant: every resource belongs to exactly one.
    TenantId, "tnt"
);
typed_id!(
    /// An API key's public id (the digest is what authenticates).
    ApiKeyId, "key"
);
typed_id!(
    /// A person (seed 002's `…cper`).
    PersonId, "cper"
);
typed_id!(
    /// An identification (seed 002's `…cidt`).
    IdentificationId, "cidt"
);
typed_id!(
    /// An attempt of an identification (seed 003).
    AttemptId, "catt"
);
typed_id!(
    /// A file kept for a person (seed 002's `…cdoc`).
    PersonDocumentId, "cdoc"
);
typed_id!(
    /// An event in the outbox; also the webhook message id.
    EventId, "evt"
);
typed_id!(
    /// A durable job or timer.
    JobId, "job"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_refuse_other_kinds() {
        let id = PersonId::from_random([0xab; 16]);
        assert_eq!(id.as_str().len(), 36);
        assert!(id.as_str().ends_with("cper"));
        assert_eq!(PersonId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(IdentificationId::parse(id.as_str()), None);
        assert_eq!(
            PersonId::parse("7cf09c3c5547b974a664201f24b454eecper").map(|i| i.to_string()),
            Some("7cf09c3c5547b974a664201f24b454eecper".to_owned())
        );
        assert_eq!(
            PersonId::parse("7CF09C3C5547B974A664201F24B454EEcper"),
            None
        );
        assert_eq!(PersonId::parse("../etc/passwd"), None);
        assert_eq!(PersonId::parse(""), None);
    }
}

typed_id!(
    /// A webhook endpoint (subscription) of a tenant.
    WebhookEndpointId, "whk"
);
typed_id!(
    /// One logged delivery attempt of a webhook message.
    DeliveryId, "dlv"
);
typed_id!(
    /// One screening of a person against the sanctions lists.
    ScreeningId, "scr"
);
typed_id!(
    /// A possible match of a person with a list entry.
    ScreeningHitId, "hit"
);
typed_id!(
    /// A document sent for signature.
    DocumentId, "doc"
);
typed_id!(
    /// One signer of a document.
    SignerId, "sig"
);
typed_id!(
    /// A document template: a PDF with its roles and fields, to send documents from.
    TemplateId, "tpl"
);
