//! The client half of RFC 3161: the `TimeStampReq` Signet sends to an external timestamp
//! authority, and the checks its `TimeStampResp` must pass before the token is embedded
//! exactly as a token of Signet's own authority would be. The transport (HTTP, retries) is
//! the caller's.

use der::asn1::{Int, OctetString};
use der::{Decode, Encode};

use crate::asn1::*;
use crate::cmsbuild;
use crate::error::PdfError;
use crate::verify::{check_token_signature, signed_data};

/// One request to an external authority: the DER to POST as `application/timestamp-query`,
/// and what the reply must echo.
#[derive(Debug, Clone)]
pub struct TimestampQuery {
    der: Vec<u8>,
    imprint: [u8; 32],
    nonce: Int,
}

/// Why a reply was not accepted. Every variant is worth another try except none: a TSA that
/// answers garbage once may answer properly the next time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TsaReplyError {
    /// Not a DER `TimeStampResp`.
    #[error("the reply is not an RFC 3161 TimeStampResp: {0}")]
    Garbage(String),
    /// The authority refused (status other than granted / grantedWithMods).
    #[error("the authority refused: status {status}{}", fail_info.as_deref().map(|f| format!(", failInfo {f}")).unwrap_or_default())]
    Refused {
        /// PKIStatus.
        status: u8,
        /// The failInfo bits, as hex, when given.
        fail_info: Option<String>,
    },
    /// Granted, but without a token.
    #[error("the reply grants a timestamp but holds no token")]
    NoToken,
    /// The token's imprint is not the one asked for.
    #[error("the token is over another message imprint")]
    WrongImprint,
    /// The token's nonce is not the one sent (a replayed or misrouted answer).
    #[error("the token's nonce is not the one sent")]
    WrongNonce,
    /// The token lacks the certificates asked for (`certReq`).
    #[error("the token carries no certificates")]
    NoCertificates,
    /// The token's signature, or its signer certificate, does not hold.
    #[error("the token does not verify: {0}")]
    BadToken(String),
}

impl TimestampQuery {
    /// A request over a SHA-256 `imprint`, with a fresh 64-bit nonce and `certReq` true (the
    /// authority's certificates must travel in the token so validators find its chain in the
    /// file).
    pub fn new(imprint: &[u8; 32]) -> Result<TimestampQuery, PdfError> {
        let mut nonce =
            crate::ca::random_bytes::<8>().map_err(|e| PdfError::Timestamp(e.to_string()))?;
        // Positive, with a non-zero top byte: exactly 8 bytes in DER, whatever the draw.
        nonce[0] = (nonce[0] & 0x7f) | 0x40;
        let nonce = Int::new(&nonce).map_err(|e| PdfError::Timestamp(e.to_string()))?;
        let req = TimeStampReq {
            version: 1,
            message_imprint: MessageImprint {
                hash_algorithm: cmsbuild::sha256_alg(),
                hashed_message: OctetString::new(imprint.to_vec())
                    .map_err(|e| PdfError::Timestamp(e.to_string()))?,
            },
            req_policy: None,
            nonce: Some(nonce.clone()),
            cert_req: true,
            extensions: None,
        };
        let der = req
            .to_der()
            .map_err(|e| PdfError::Timestamp(e.to_string()))?;
        Ok(TimestampQuery {
            der,
            imprint: *imprint,
            nonce,
        })
    }

    /// The DER body of the request.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// Checks a reply: granted, a token over this imprint with this nonce, carrying
    /// certificates, whose signature verifies with its own timeStamping certificate. Returns
    /// the token's DER, ready for [`crate::PreparedSignature::complete`]. The authority's
    /// chain is not judged here: that is for whoever validates the file, with their roots.
    pub fn check_reply(&self, reply: &[u8]) -> Result<Vec<u8>, TsaReplyError> {
        let resp =
            TimeStampResp::from_der(reply).map_err(|e| TsaReplyError::Garbage(e.to_string()))?;
        if resp.status.status > 1 {
            return Err(TsaReplyError::Refused {
                status: resp.status.status,
                fail_info: resp
                    .status
                    .fail_info
                    .as_ref()
                    .map(|b| hex::encode(b.raw_bytes())),
            });
        }
        let token = resp.time_stamp_token.ok_or(TsaReplyError::NoToken)?;
        let sd = signed_data(&token).map_err(|f| TsaReplyError::BadToken(f.detail))?;
        let tst = sd
            .encap_content_info
            .econtent
            .as_ref()
            .and_then(|a| a.decode_as::<OctetString>().ok())
            .and_then(|o| TstInfo::from_der(o.as_bytes()).ok())
            .ok_or_else(|| TsaReplyError::BadToken("no readable TSTInfo".into()))?;
        let imprint_ok = |m: &MessageImprint| {
            m.hash_algorithm.oid == ID_SHA256 && m.hashed_message.as_bytes() == self.imprint
        };
        if !imprint_ok(&tst.message_imprint) {
            return Err(TsaReplyError::WrongImprint);
        }
        if tst.nonce.as_ref() != Some(&self.nonce) {
            return Err(TsaReplyError::WrongNonce);
        }
        if sd.certificates.as_ref().is_none_or(|c| c.0.is_empty()) {
            return Err(TsaReplyError::NoCertificates);
        }
        check_token_signature(&sd, imprint_ok).map_err(|f| TsaReplyError::BadToken(f.detail))?;
        token
            .to_der()
            .map_err(|e| TsaReplyError::BadToken(e.to_string()))
    }
}

/// The SHA-256 imprint a `TimeStampReq` asks to be timestamped, if it is one; for stand-in
/// authorities in tests that answer other than they were asked.
pub fn timestamp_query_imprint(request: &[u8]) -> Option<[u8; 32]> {
    let req = TimeStampReq::from_der(request).ok()?;
    if req.message_imprint.hash_algorithm.oid != ID_SHA256 {
        return None;
    }
    req.message_imprint
        .hashed_message
        .as_bytes()
        .try_into()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TrustStore;
    use chrono::{TimeZone, Utc};

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
            .single()
            .expect("date")
    }

    #[test]
    fn a_reply_from_an_authority_is_accepted_only_for_its_own_question() {
        let tsa = TrustStore::generate("Stand-in TSA", now()).expect("ca");
        let q = TimestampQuery::new(&[7; 32]).expect("query");
        assert_eq!(timestamp_query_imprint(q.der()), Some([7; 32]));
        let reply = tsa.timestamp_response(q.der(), now()).expect("reply");
        let token = q.check_reply(&reply).expect("accepted");
        assert!(!token.is_empty());

        // Another question's answer: its nonce differs.
        let other = TimestampQuery::new(&[7; 32]).expect("query");
        let reply = tsa.timestamp_response(other.der(), now()).expect("reply");
        assert_eq!(q.check_reply(&reply), Err(TsaReplyError::WrongNonce));

        // Another imprint.
        let other = TimestampQuery::new(&[8; 32]).expect("query");
        let reply = tsa.timestamp_response(other.der(), now()).expect("reply");
        assert_eq!(q.check_reply(&reply), Err(TsaReplyError::WrongImprint));

        assert!(matches!(
            q.check_reply(b"<html>busy</html>"),
            Err(TsaReplyError::Garbage(_))
        ));
        // A rejection (badAlg: SHA-1) is a refusal, with its failInfo.
        let mut sha1 = q.der().to_vec();
        let at = sha1
            .windows(9)
            .position(|w| w == [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04])
            .expect("sha-256 oid");
        sha1[at + 10] = 0x7f;
        let reply = tsa.timestamp_response(&sha1, now()).expect("reply");
        assert!(matches!(
            q.check_reply(&reply),
            Err(TsaReplyError::Refused { status: 2, .. })
        ));
    }

    #[test]
    fn a_token_whose_signature_was_altered_is_refused() {
        let tsa = TrustStore::generate("Stand-in TSA", now()).expect("ca");
        let q = TimestampQuery::new(&[9; 32]).expect("query");
        let mut reply = tsa.timestamp_response(q.der(), now()).expect("reply");
        // The ECDSA signature value is the last OCTET STRING of the signer info, near the end.
        let n = reply.len();
        reply[n - 3] ^= 0x01;
        assert!(matches!(
            q.check_reply(&reply),
            Err(TsaReplyError::BadToken(_))
        ));
    }
}
