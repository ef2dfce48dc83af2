//! Standard Webhooks signatures: `v1,` + base64 HMAC-SHA256 over `{id}.{timestamp}.{body}`.
//!
//! Receivers verify with the published libraries of the Standard Webhooks project, so the
//! byte layout here must match theirs exactly; the specification's own test vector is a unit
//! test below and an integration test checks deliveries against the Python implementation.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Prefix of every endpoint secret, as the Standard Webhooks specification writes them.
pub const SECRET_PREFIX: &str = "whsec_";

/// Receivers of the specification accept timestamps this many seconds either side of their own
/// clock; it is the default tolerance of [`verify`].
pub const DEFAULT_TOLERANCE_SECS: i64 = 300;

/// Fewest key bytes accepted: the specification asks for 24 to 64 random bytes.
const MIN_KEY_LEN: usize = 24;
const MAX_KEY_LEN: usize = 64;
/// Length of an HMAC-SHA256 tag; any other decoded length is rejected before comparing.
const TAG_LEN: usize = 32;

/// An endpoint's signing secret (`whsec_` + base64 key bytes).
///
/// `Debug` prints only the prefix so that a secret in a struct that is logged does not leak.
#[derive(Clone)]
pub struct Secret {
    text: String,
    key: Vec<u8>,
}

/// Compares the key bytes in constant time, so comparing a stored secret with a presented one
/// reveals nothing through timing.
impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        bool::from(self.key.as_slice().ct_eq(other.key.as_slice()))
    }
}

impl Eq for Secret {}

/// Why a string is not a usable secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// The text after the prefix is not standard base64.
    #[error("webhook secret is not base64")]
    NotBase64,
    /// The key decodes to a length outside 24..=64 bytes.
    #[error("webhook secret key must be 24 to 64 bytes, found {0}")]
    BadLength(usize),
}

impl Secret {
    /// Builds a new secret from random bytes the caller drew from a secure source; taking the
    /// bytes keeps randomness a parameter, as the rest of the project does with time.
    pub fn generate(random_bytes: [u8; 32]) -> Self {
        let text = format!("{SECRET_PREFIX}{}", STANDARD.encode(random_bytes));
        Self {
            text,
            key: random_bytes.to_vec(),
        }
    }

    /// Parses a stored or user-supplied secret. The `whsec_` prefix is optional on input, as in
    /// the reference libraries, and always present in [`Secret::as_str`].
    pub fn parse(s: &str) -> Result<Self, SecretError> {
        let encoded = s.trim().strip_prefix(SECRET_PREFIX).unwrap_or(s.trim());
        let key = STANDARD_PAD_INDIFFERENT
            .decode(encoded)
            .map_err(|_| SecretError::NotBase64)?;
        if !(MIN_KEY_LEN..=MAX_KEY_LEN).contains(&key.len()) {
            return Err(SecretError::BadLength(key.len()));
        }
        Ok(Self {
            text: format!("{SECRET_PREFIX}{encoded}"),
            key,
        })
    }

    /// The secret as shown to the integrator once (on creation and rotation) and stored.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn mac(&self, msg_id: &str, timestamp: i64, body: &[u8]) -> [u8; TAG_LEN] {
        // HMAC accepts keys of any length, so this cannot fail; the fallback keeps the
        // signature well-defined without a panic path.
        let mut mac = match HmacSha256::new_from_slice(&self.key) {
            Ok(mac) => mac,
            Err(_) => return [0; TAG_LEN],
        };
        mac.update(msg_id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({SECRET_PREFIX}…redacted)")
    }
}

/// Signs one message: `v1,<base64 HMAC-SHA256(key, "{msg_id}.{timestamp}.{body}")>`.
pub fn sign(secret: &Secret, msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    format!(
        "v1,{}",
        STANDARD.encode(secret.mac(msg_id, timestamp, body))
    )
}

/// The `webhook-signature` header value: one `v1,` entry per secret, space-separated.
///
/// During a rotation the old and the new secret both sign (for 24 hours), so a receiver that
/// has not yet switched keeps verifying.
pub fn signature_header(secrets: &[&Secret], msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|s| sign(s, msg_id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The three Standard Webhooks headers of a received message, as text.
#[derive(Debug, Clone, Copy)]
pub struct SignedHeaders<'a> {
    /// `webhook-id`
    pub id: &'a str,
    /// `webhook-timestamp` (Unix seconds)
    pub timestamp: &'a str,
    /// `webhook-signature` (space-separated `v1,<base64>` entries)
    pub signature: &'a str,
}

/// Why a received message does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// One of the headers is empty.
    #[error("missing {0} header")]
    MissingHeader(&'static str),
    /// `webhook-timestamp` is not an integer.
    #[error("webhook-timestamp is not a Unix time in seconds")]
    BadTimestamp,
    /// The timestamp is further from `now` than the tolerance allows (a replay or a bad clock).
    #[error("webhook-timestamp is {0} s away from now, outside the tolerance")]
    OutsideTolerance(i64),
    /// No `v1` entry carries the expected tag.
    #[error("no matching signature")]
    NoMatchingSignature,
}

/// Verifies a received message as a receiver would: timestamp within `tolerance_s` of
/// `now_unix`, and at least one `v1` entry equal to the expected tag.
///
/// Tags are compared in constant time, and entries whose decoded length is not 32 bytes
/// (including the empty `v1,`) are skipped before comparing: a verifier elsewhere once accepted
/// an empty signature because it compared only a common prefix.
pub fn verify(
    secret: &Secret,
    headers: SignedHeaders<'_>,
    body: &[u8],
    now_unix: i64,
    tolerance_s: i64,
) -> Result<(), VerifyError> {
    if headers.id.is_empty() {
        return Err(VerifyError::MissingHeader("webhook-id"));
    }
    if headers.timestamp.is_empty() {
        return Err(VerifyError::MissingHeader("webhook-timestamp"));
    }
    if headers.signature.trim().is_empty() {
        return Err(VerifyError::MissingHeader("webhook-signature"));
    }
    let timestamp: i64 = headers
        .timestamp
        .trim()
        .parse()
        .map_err(|_| VerifyError::BadTimestamp)?;
    let skew = now_unix.saturating_sub(timestamp);
    if skew.saturating_abs() > tolerance_s {
        return Err(VerifyError::OutsideTolerance(skew));
    }
    let expected = secret.mac(headers.id, timestamp, body);
    let mut matched = subtle::Choice::from(0u8);
    for entry in headers.signature.split(' ').filter(|e| !e.is_empty()) {
        let Some(("v1", encoded)) = entry.split_once(',') else {
            continue;
        };
        let Ok(candidate) = STANDARD.decode(encoded) else {
            continue;
        };
        if candidate.len() != TAG_LEN {
            continue;
        }
        matched |= candidate.as_slice().ct_eq(&expected);
    }
    if bool::from(matched) {
        Ok(())
    } else {
        Err(VerifyError::NoMatchingSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTOR_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const VECTOR_ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const VECTOR_TS: i64 = 1_649_367_553;
    const VECTOR_BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const VECTOR_SIG: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    fn vector_secret() -> Secret {
        Secret::parse(VECTOR_SECRET).unwrap()
    }

    fn headers<'a>(sig: &'a str, ts: &'a str) -> SignedHeaders<'a> {
        SignedHeaders {
            id: VECTOR_ID,
            timestamp: ts,
            signature: sig,
        }
    }

    #[test]
    fn specification_test_vector_signs_to_the_published_signature() {
        assert_eq!(
            sign(&vector_secret(), VECTOR_ID, VECTOR_TS, VECTOR_BODY),
            VECTOR_SIG
        );
    }

    #[test]
    fn specification_test_vector_verifies() {
        let ts = VECTOR_TS.to_string();
        verify(
            &vector_secret(),
            headers(VECTOR_SIG, &ts),
            VECTOR_BODY,
            VECTOR_TS + 10,
            DEFAULT_TOLERANCE_SECS,
        )
        .unwrap();
    }

    #[test]
    fn secret_without_prefix_parses_to_the_same_key() {
        let bare = Secret::parse("C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
        assert_eq!(bare, vector_secret());
        assert_eq!(bare.as_str(), VECTOR_SECRET);
    }

    #[test]
    fn secrets_that_are_not_base64_or_too_short_are_refused() {
        assert_eq!(Secret::parse("whsec_!!!"), Err(SecretError::NotBase64));
        assert_eq!(
            Secret::parse("whsec_c2hvcnQ="),
            Err(SecretError::BadLength(5))
        );
        assert_eq!(Secret::parse(""), Err(SecretError::BadLength(0)));
    }

    #[test]
    fn generated_secret_round_trips_through_parse() {
        let s = Secret::generate([7u8; 32]);
        assert!(s.as_str().starts_with("whsec_"));
        assert_eq!(Secret::parse(s.as_str()).unwrap(), s);
    }

    #[test]
    fn debug_output_does_not_reveal_the_secret() {
        let shown = format!("{:?}", vector_secret());
        assert!(!shown.contains("C2FVsBQ"), "{shown}");
    }

    #[test]
    fn tampered_body_is_rejected() {
        let ts = VECTOR_TS.to_string();
        let body = br#"{"email":"test@example.com","username":"test_usEr"}"#;
        assert_eq!(
            verify(
                &vector_secret(),
                headers(VECTOR_SIG, &ts),
                body,
                VECTOR_TS,
                300
            ),
            Err(VerifyError::NoMatchingSignature)
        );
    }

    #[test]
    fn wrong_secret_is_rejected() {
        let ts = VECTOR_TS.to_string();
        let other = Secret::generate([1u8; 32]);
        assert_eq!(
            verify(
                &other,
                headers(VECTOR_SIG, &ts),
                VECTOR_BODY,
                VECTOR_TS,
                300
            ),
            Err(VerifyError::NoMatchingSignature)
        );
    }

    #[test]
    fn empty_and_mis_sized_signatures_are_rejected() {
        let ts = VECTOR_TS.to_string();
        let good = &VECTOR_SIG[3..];
        let truncated = format!(
            "v1,{}",
            STANDARD.encode(&STANDARD.decode(good).unwrap()[..16])
        );
        for sig in [
            "v1,",
            "v1",
            "v1, ",
            &truncated,
            "v2,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
        ] {
            assert_eq!(
                verify(
                    &vector_secret(),
                    headers(sig, &ts),
                    VECTOR_BODY,
                    VECTOR_TS,
                    300
                ),
                Err(VerifyError::NoMatchingSignature),
                "{sig:?}"
            );
        }
        assert_eq!(
            verify(
                &vector_secret(),
                headers("", &ts),
                VECTOR_BODY,
                VECTOR_TS,
                300
            ),
            Err(VerifyError::MissingHeader("webhook-signature"))
        );
    }

    #[test]
    fn timestamps_outside_five_minutes_are_rejected_either_way() {
        let ts = VECTOR_TS.to_string();
        let s = vector_secret();
        assert!(
            verify(
                &s,
                headers(VECTOR_SIG, &ts),
                VECTOR_BODY,
                VECTOR_TS + 300,
                300
            )
            .is_ok()
        );
        assert_eq!(
            verify(
                &s,
                headers(VECTOR_SIG, &ts),
                VECTOR_BODY,
                VECTOR_TS + 301,
                300
            ),
            Err(VerifyError::OutsideTolerance(301))
        );
        assert_eq!(
            verify(
                &s,
                headers(VECTOR_SIG, &ts),
                VECTOR_BODY,
                VECTOR_TS - 301,
                300
            ),
            Err(VerifyError::OutsideTolerance(-301))
        );
        assert_eq!(
            verify(&s, headers(VECTOR_SIG, "soon"), VECTOR_BODY, VECTOR_TS, 300),
            Err(VerifyError::BadTimestamp)
        );
    }

    #[test]
    fn rotation_header_verifies_with_either_secret() {
        let old = vector_secret();
        let new = Secret::generate([42u8; 32]);
        let header = signature_header(&[&old, &new], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
        assert_eq!(header.split(' ').count(), 2);
        assert!(header.starts_with(VECTOR_SIG));
        let ts = VECTOR_TS.to_string();
        for s in [&old, &new] {
            verify(s, headers(&header, &ts), VECTOR_BODY, VECTOR_TS, 300).unwrap();
        }
        let stranger = Secret::generate([9u8; 32]);
        assert!(
            verify(
                &stranger,
                headers(&header, &ts),
                VECTOR_BODY,
                VECTOR_TS,
                300
            )
            .is_err()
        );
    }
}
