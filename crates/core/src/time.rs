//! Time as the domain sees it: an instant passed in by the caller.
//!
//! The wire format is RFC 3339 in UTC with milliseconds and a `Z`, as in
//! seed 002 (`2022-07-22T09:28:13.000Z`).

use chrono::{DateTime, SecondsFormat, Utc};

/// An instant in UTC.
pub type Timestamp = DateTime<Utc>;

/// Formats an instant the way every response does.
pub fn format(ts: &Timestamp) -> String {
    ts.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Milliseconds since the Unix epoch (the storage representation).
pub fn to_millis(ts: &Timestamp) -> i64 {
    ts.timestamp_millis()
}

/// The inverse of [`to_millis`]; out-of-range values clamp to the epoch.
pub fn from_millis(ms: i64) -> Timestamp {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::UNIX_EPOCH)
}

/// Cuts an instant to whole milliseconds, the precision of storage and of
/// the wire. Clocks are read through this, so an instant kept in a document
/// and the same instant kept as a due time compare equal.
pub fn to_storage_precision(ts: Timestamp) -> Timestamp {
    from_millis(to_millis(&ts))
}

/// Serde helpers for timestamps in the response format.
pub mod serde_ts {
    use super::*;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(ts))
    }

    pub mod option {
        use super::*;
        pub fn serialize<S: Serializer>(ts: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
            match ts {
                Some(ts) => s.serialize_str(&format(ts)),
                None => s.serialize_none(),
            }
        }
    }
}
