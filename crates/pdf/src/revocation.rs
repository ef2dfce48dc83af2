//! Revocation published by Signet's CA: certificate revocation lists (RFC 5280 §5) per CA and
//! an OCSP responder (RFC 6960) with a delegated responder certificate, plus the readers and
//! request builder that tests and verification use.
//!
//! The RustCrypto `x509-ocsp` crate is tied to der 0.7 / x509-cert 0.2, a generation the rest
//! of this crate cannot mix with, so the OCSP structures are written here with `der` derive.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use der::asn1::{BitString, GeneralizedTime, Int, Null, ObjectIdentifier, OctetString};
use der::{Choice, Decode, Encode, Enumerated, Sequence};
use p256::ecdsa::{DerSignature, SigningKey};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use signature::Signer;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, CrlNumber, CrlReason};
use x509_cert::ext::{Extension, Extensions};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Time;

use crate::asn1::{ECDSA_WITH_SHA256, ID_SHA256};
use crate::ca::{EKU_OCSP_SIGNING, SignerCredential, TrustStore, urls_for};
use crate::error::PdfError;
use crate::sigcheck::signed_by;
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};

const ID_PKIX_OCSP_BASIC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1");
const ID_PKIX_OCSP_NONCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.2");
const ID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const ID_CE_AUTHORITY_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");
const ID_CE_CRL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.20");
const ID_CE_CRL_REASONS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.21");
const ID_CE_ISSUING_DISTRIBUTION_POINT: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.5.29.28");

/// The CA names under `/v1/trust/crl/{name}.crl` (the certificates name these addresses).
pub use crate::ca::{crl_name, parse_crl_name};

fn extension<T: Encode>(oid: ObjectIdentifier, value: &T) -> der::Result<Extension> {
    Ok(Extension {
        extn_id: oid,
        critical: false,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

/// Why a certificate was revoked (RFC 5280 §5.3.1), as stored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationReason {
    Unspecified,
    KeyCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    /// The grounds for the certificate are gone: e.g. the identification it names was found
    /// fraudulent, or the signature it made became `invalid_signature`.
    PrivilegeWithdrawn,
}

impl RevocationReason {
    pub const ALL: [RevocationReason; 7] = [
        RevocationReason::Unspecified,
        RevocationReason::KeyCompromise,
        RevocationReason::AffiliationChanged,
        RevocationReason::Superseded,
        RevocationReason::CessationOfOperation,
        RevocationReason::CertificateHold,
        RevocationReason::PrivilegeWithdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RevocationReason::Unspecified => "unspecified",
            RevocationReason::KeyCompromise => "key_compromise",
            RevocationReason::AffiliationChanged => "affiliation_changed",
            RevocationReason::Superseded => "superseded",
            RevocationReason::CessationOfOperation => "cessation_of_operation",
            RevocationReason::CertificateHold => "certificate_hold",
            RevocationReason::PrivilegeWithdrawn => "privilege_withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    fn code(self) -> CrlReason {
        match self {
            RevocationReason::Unspecified => CrlReason::Unspecified,
            RevocationReason::KeyCompromise => CrlReason::KeyCompromise,
            RevocationReason::AffiliationChanged => CrlReason::AffiliationChanged,
            RevocationReason::Superseded => CrlReason::Superseded,
            RevocationReason::CessationOfOperation => CrlReason::CessationOfOperation,
            RevocationReason::CertificateHold => CrlReason::CertificateHold,
            RevocationReason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
        }
    }

    fn from_code(code: CrlReason) -> Self {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .unwrap_or(RevocationReason::Unspecified)
    }
}

/// One revoked certificate: its serial number (the DER INTEGER's content bytes) and when and
/// why it was revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    pub serial: Vec<u8>,
    pub at: DateTime<Utc>,
    pub reason: RevocationReason,
}

/// The status OCSP reports for one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertStatus {
    Good,
    Revoked {
        at: DateTime<Utc>,
        reason: RevocationReason,
    },
    /// Not a certificate this CA issued.
    Unknown,
}

impl SignerCredential {
    /// The certificate's serial number in lowercase hex (the INTEGER's content bytes).
    pub fn serial_hex(&self) -> String {
        hex::encode(self.cert.tbs_certificate().serial_number().as_bytes())
    }

    /// The end of the certificate's validity.
    pub fn not_after(&self) -> DateTime<Utc> {
        DateTime::<Utc>::from(
            self.cert
                .tbs_certificate()
                .validity()
                .not_after
                .to_system_time(),
        )
    }
}

fn cert_err(e: impl std::fmt::Display) -> PdfError {
    PdfError::Certificate(e.to_string())
}

fn gen_time(t: DateTime<Utc>) -> Result<GeneralizedTime, PdfError> {
    GeneralizedTime::from_system_time(SystemTime::from(t)).map_err(cert_err)
}

fn x509_time(t: DateTime<Utc>) -> Result<Time, PdfError> {
    Time::try_from(SystemTime::from(t)).map_err(cert_err)
}

fn ecdsa_sha256() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ECDSA_WITH_SHA256,
        parameters: None,
    }
}

fn sign(key: &SigningKey, tbs: &[u8]) -> Result<BitString, PdfError> {
    let sig: DerSignature = key.sign(tbs);
    BitString::from_bytes(sig.as_bytes()).map_err(cert_err)
}

fn key_id(cert: &Certificate) -> Vec<u8> {
    // RFC 7093 method 1, as the CA writes its subject key identifiers.
    let spk = cert
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    Sha256::digest(spk)[..20].to_vec()
}

/// One issuing CA of a store, current or former, with what it vouches with.
struct IssuingCa<'a> {
    generation: usize,
    cert: &'a Certificate,
    key: Option<&'a SigningKey>,
    responder: Option<&'a (Certificate, SigningKey)>,
}

impl TrustStore {
    /// Makes the certificates this store issues from now on name its CRL and OCSP addresses
    /// under `public_url`. Certificates already issued keep what they say.
    pub fn set_public_url(&mut self, public_url: &str) {
        self.urls = Some(urls_for(
            public_url,
            self.is_test(),
            self.issuing_generation(),
        ));
        self.public_url = Some(public_url.to_owned());
    }

    /// The generation of the current issuing CA: 1 for the first, one more at each rollover.
    pub fn issuing_generation(&self) -> usize {
        self.former_issuing.len() + 1
    }

    /// Every issuing CA, oldest first.
    fn issuing_cas(&self) -> Vec<IssuingCa<'_>> {
        let mut out: Vec<IssuingCa<'_>> = self
            .former_issuing
            .iter()
            .enumerate()
            .map(|(i, f)| IssuingCa {
                generation: i + 1,
                cert: &f.cert,
                key: f.key.as_ref(),
                responder: f.responder.as_ref(),
            })
            .collect();
        out.push(IssuingCa {
            generation: self.issuing_generation(),
            cert: &self.intermediate,
            key: Some(&self.intermediate_key),
            responder: self.ocsp.as_ref(),
        });
        out
    }

    /// Every root, with its key while it has one.
    fn roots(&self) -> Vec<(&Certificate, Option<&SigningKey>)> {
        self.former_roots
            .iter()
            .map(|f| (&f.cert, f.key.as_ref()))
            .chain(std::iter::once((&self.root, Some(&self.root_key))))
            .collect()
    }

    /// The delegated OCSP responder certificate in DER, if the store has one.
    pub fn ocsp_responder_der(&self) -> Option<Vec<u8>> {
        self.ocsp.as_ref().and_then(|(c, _)| c.to_der().ok())
    }

    /// The responder certificate (DER) of the issuing CA `issuer_der`, current or former.
    pub fn ocsp_responder_der_for(&self, issuer_der: &[u8]) -> Option<Vec<u8>> {
        self.issuing_cas()
            .into_iter()
            .find(|ca| ca.cert.to_der().is_ok_and(|d| d == issuer_der))
            .and_then(|ca| ca.responder)
            .and_then(|(c, _)| c.to_der().ok())
    }

    /// The issuing CA's certificate (the intermediate) in DER.
    pub fn issuing_der(&self) -> Vec<u8> {
        self.intermediate.to_der().unwrap_or_default()
    }

    /// Every CA certificate of the store in DER: the roots and the issuing CAs, current and
    /// former, for building the chain of anything it issued.
    pub fn ca_certs_der(&self) -> Vec<Vec<u8>> {
        self.roots()
            .into_iter()
            .map(|(c, _)| c)
            .chain(self.issuing_cas().into_iter().map(|ca| ca.cert))
            .filter_map(|c| c.to_der().ok())
            .collect()
    }

    /// Every CA certificate of the store as one PEM bundle, issuing CAs newest first, then the
    /// roots newest first: the trust anchors for validating a file after its issuing CA
    /// ended. An ended intermediate fails a chain in validators that judge it at the current
    /// time (pyHanko does), while an anchor's own validity is not checked; an EU trusted list
    /// names a service's issuing CA as its identity for the same reason.
    pub fn anchors_pem(&self) -> String {
        let issuing = self.issuing_cas().into_iter().rev().map(|ca| ca.cert);
        let roots = self.roots().into_iter().rev().map(|(c, _)| c);
        issuing
            .chain(roots)
            .filter_map(|c| der::EncodePem::to_pem(c, der::pem::LineEnding::LF).ok())
            .collect()
    }

    /// The generation of the issuing CA `issuer_der` (current or former), if it is one.
    pub fn issuing_generation_of(&self, issuer_der: &[u8]) -> Option<usize> {
        self.issuing_cas()
            .into_iter()
            .find(|ca| ca.cert.to_der().is_ok_and(|d| d == issuer_der))
            .map(|ca| ca.generation)
    }

    /// Serial numbers (hex) of the certificates the issuing CAs made for Signet itself: the
    /// timestamp authority, the seal and the OCSP responders, current and retired. They are
    /// reported `good`.
    pub fn own_serials(&self) -> Vec<String> {
        let mut out = vec![
            hex::encode(self.tsa.tbs_certificate().serial_number().as_bytes()),
            hex::encode(self.seal.tbs_certificate().serial_number().as_bytes()),
        ];
        let responders = self
            .issuing_cas()
            .into_iter()
            .filter_map(|ca| ca.responder.map(|(c, _)| c));
        for c in responders {
            out.push(hex::encode(c.tbs_certificate().serial_number().as_bytes()));
        }
        // Renewed ones too: files made with them still name them (`renew_expiring`).
        out.extend(
            self.retired
                .iter()
                .map(|c| hex::encode(c.tbs_certificate().serial_number().as_bytes())),
        );
        out
    }

    /// Signs a CRL of the root (`root`, listing revoked intermediates) or of the issuing CA,
    /// the current ones, valid from `now` until `now + validity`. See [`TrustStore::crl_of`].
    pub fn crl(
        &self,
        root: bool,
        revoked: &[Revoked],
        now: DateTime<Utc>,
        validity: Duration,
    ) -> Result<Vec<u8>, PdfError> {
        self.crl_of(root, self.issuing_generation(), revoked, now, validity)?
            .ok_or_else(|| PdfError::Certificate("no such CA".into()))
    }

    /// Signs the CRL named by `root` and `generation` (see `crl_name`): the list of issuing
    /// CA `generation`, or the list the root that issued that CA keeps for it alone, valid
    /// from `now` until `now + validity`. `None` when the store has no such CA, or the CA
    /// ended and its key is gone. The CRL number is `now` in milliseconds: it grows with
    /// every new list without any counter to keep, across processes.
    ///
    /// A store that publishes revocation names each list's scope (issuing distribution
    /// point): an issuing CA's, the certificates that name its address, not the OCSP
    /// responder; a root's, the one issuing CA that names it. A root issues one such list per
    /// issuing CA because a list made after one of its CAs ended would otherwise become that
    /// CA's newest status (see `ltv`).
    pub fn crl_of(
        &self,
        root: bool,
        generation: usize,
        revoked: &[Revoked],
        now: DateTime<Utc>,
        validity: Duration,
    ) -> Result<Option<Vec<u8>>, PdfError> {
        let cas = self.issuing_cas();
        let Some(issuing) = cas.iter().find(|ca| ca.generation == generation) else {
            return Ok(None);
        };
        let (cert, key) = if root {
            let issuer = issuing.cert.tbs_certificate().issuer();
            let Some(found) = self
                .roots()
                .into_iter()
                .find(|(c, _)| c.tbs_certificate().subject() == issuer)
            else {
                return Ok(None);
            };
            found
        } else {
            (issuing.cert, issuing.key)
        };
        let Some(key) = key else {
            return Ok(None);
        };
        let mut entries: Vec<RevokedCert> = Vec::with_capacity(revoked.len());
        for r in revoked {
            entries.push(RevokedCert {
                serial_number: SerialNumber::new(&r.serial).map_err(cert_err)?,
                revocation_date: x509_time(r.at)?,
                crl_entry_extensions: Some(vec![
                    extension(ID_CE_CRL_REASONS, &r.reason.code()).map_err(cert_err)?,
                ]),
            });
        }
        let number = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        let mut crl_extensions = vec![
            extension(
                ID_CE_AUTHORITY_KEY_IDENTIFIER,
                &AuthorityKeyIdentifier {
                    key_identifier: Some(OctetString::new(key_id(cert)).map_err(cert_err)?),
                    ..Default::default()
                },
            )
            .map_err(cert_err)?,
            extension(
                ID_CE_CRL_NUMBER,
                &CrlNumber(der::asn1::Uint::new(&number.to_be_bytes()).map_err(cert_err)?),
            )
            .map_err(cert_err)?,
        ];
        if let Some(idp) = self.crl_scope(issuing, root)? {
            // Critical, as RFC 5280 §5.2.5 requires.
            crl_extensions.push(Extension {
                extn_id: ID_CE_ISSUING_DISTRIBUTION_POINT,
                critical: true,
                extn_value: OctetString::new(idp.to_der().map_err(cert_err)?).map_err(cert_err)?,
            });
        }
        let tbs = TbsCertList {
            version: x509_cert::Version::V2,
            signature: ecdsa_sha256(),
            issuer: cert.tbs_certificate().subject().clone(),
            this_update: x509_time(now)?,
            next_update: Some(x509_time(now + validity)?),
            revoked_certificates: (!entries.is_empty()).then_some(entries),
            crl_extensions: Some(crl_extensions),
        };
        let tbs_der = tbs.to_der().map_err(cert_err)?;
        let crl = CertificateList {
            tbs_cert_list: tbs,
            signature_algorithm: ecdsa_sha256(),
            signature: sign(key, &tbs_der)?,
        };
        crl.to_der().map_err(cert_err).map(Some)
    }

    /// The scope of a CRL (RFC 5280 §5.2.5) when the store publishes one. The list the root
    /// keeps for issuing CA `ca` (`root`) covers that CA alone, under the address it names and
    /// the one the store publishes now. `ca`'s own list covers the certificates that name its
    /// address (every signer's, the timestamp authority's, the seal's), under the address the
    /// store publishes now and those its own certificates name (an installation whose public
    /// address changed). The delegated OCSP responder names none and is outside it, as its
    /// nocheck extension says it should be: a validator that takes every CRL of the CA for the
    /// responder's status too (pyHanko's time slide, ETSI EN 319 102-1 §5.6.2.1, walks into
    /// the responder's chain for each OCSP answer) would be held back to the newest such CRL's
    /// nextUpdate, which for a file whose certificates expired long ago is years before the
    /// answers it must judge. A store whose own certificates name no address (issued before
    /// revocation was published) keeps certificates without one in scope too, by the CA's
    /// name.
    fn crl_scope(
        &self,
        ca: &IssuingCa<'_>,
        root: bool,
    ) -> Result<Option<IssuingDistributionPoint>, PdfError> {
        let Some(public_url) = &self.public_url else {
            return Ok(None);
        };
        let urls = urls_for(public_url, self.is_test(), ca.generation);
        let url = if root {
            urls.root_crl
        } else {
            urls.issuing_crl
        };
        self.distribution_point(url, ca, root).map(Some)
    }

    /// An issuing distribution point naming `url` and the CRL addresses the certificates in
    /// scope name: for a root's list, the issuing CA `ca`; for `ca`'s own list, Signet's own
    /// certificates it issued (by `ca`'s name when they name none).
    fn distribution_point(
        &self,
        url: String,
        ca: &IssuingCa<'_>,
        root: bool,
    ) -> Result<IssuingDistributionPoint, PdfError> {
        let uri = |u: &str| {
            der::asn1::Ia5String::new(u)
                .map(GeneralName::UniformResourceIdentifier)
                .map_err(cert_err)
        };
        let mut names = vec![uri(&url)?];
        let by_name = GeneralName::DirectoryName(ca.cert.tbs_certificate().subject().clone());
        let in_scope: Vec<&Certificate> = if root {
            vec![ca.cert]
        } else {
            let subject = ca.cert.tbs_certificate().subject();
            [&self.tsa, &self.seal]
                .into_iter()
                .chain(self.retired.iter())
                .filter(|c| !is_ocsp_responder(c) && c.tbs_certificate().issuer() == subject)
                .collect()
        };
        for cert in in_scope {
            let named = crl_addresses(cert)?;
            if named.is_empty() && !root && !names.contains(&by_name) {
                names.push(by_name.clone());
            }
            for n in named {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        Ok(IssuingDistributionPoint {
            distribution_point: Some(DistributionPointName::FullName(names)),
            only_contains_user_certs: false,
            only_contains_ca_certs: root,
            only_some_reasons: None,
            indirect_crl: false,
            only_contains_attribute_certs: false,
        })
    }

    /// The issuing CA (current or former) whose certificates `id` names (its name and key
    /// hashed with the request's algorithm, SHA-1 or SHA-256).
    fn issuing_ca_of(&self, id: &OcspCertId) -> Option<IssuingCa<'_>> {
        self.issuing_cas().into_iter().find(|ca| {
            let name = ca
                .cert
                .tbs_certificate()
                .subject()
                .to_der()
                .unwrap_or_default();
            let key = ca
                .cert
                .tbs_certificate()
                .subject_public_key_info()
                .subject_public_key
                .raw_bytes();
            match hashes(&id.0.hash_algorithm.oid, &name, key) {
                Some((n, k)) => {
                    n == id.0.issuer_name_hash.as_bytes() && k == id.0.issuer_key_hash.as_bytes()
                }
                None => false,
            }
        })
    }

    /// Whether `id` names a certificate of one of this store's issuing CAs that still answers
    /// for what it issued (a former CA stops when it ends: so has everything it issued, and
    /// a request about it is then `unauthorized`, not an error).
    pub fn issued(&self, id: &OcspCertId) -> bool {
        self.issuing_ca_of(id)
            .is_some_and(|ca| ca.responder.is_some())
    }

    /// A signed OCSP response (BasicOCSPResponse) to `request`, every certificate's status
    /// looked up with `status` by its serial number in hex. The responder is the delegated
    /// certificate, sent along; the request's nonce is echoed.
    pub fn ocsp_response(
        &self,
        request: &OcspQuery,
        status: impl Fn(&str) -> CertStatus,
        now: DateTime<Utc>,
        validity: Duration,
    ) -> Result<Vec<u8>, PdfError> {
        // The responder of the CA the first certificate asked about belongs to; a
        // certificate of another CA in the same request is `unknown` to it.
        let ca = request
            .ids
            .iter()
            .find_map(|id| self.issuing_ca_of(id))
            .or_else(|| self.issuing_cas().pop());
        let generation = ca.as_ref().map(|ca| ca.generation);
        let (cert, key) = ca
            .and_then(|ca| ca.responder)
            .ok_or_else(|| PdfError::Certificate("no OCSP responder certificate".into()))?;
        let this_update = gen_time(now)?;
        let next_update = gen_time(now + validity)?;
        let mut responses = Vec::with_capacity(request.ids.len());
        for id in &request.ids {
            let ours = self.issuing_ca_of(id).map(|ca| ca.generation) == generation;
            let cert_status = if ours {
                match status(&id.serial_hex()) {
                    CertStatus::Good => OcspCertStatus::Good(Null),
                    CertStatus::Revoked { at, reason } => OcspCertStatus::Revoked(RevokedInfo {
                        revocation_time: gen_time(at)?,
                        revocation_reason: Some(reason.code()),
                    }),
                    CertStatus::Unknown => OcspCertStatus::Unknown(Null),
                }
            } else {
                OcspCertStatus::Unknown(Null)
            };
            responses.push(SingleResponse {
                cert_id: id.0.clone(),
                cert_status,
                this_update,
                next_update: Some(next_update),
                single_extensions: None,
            });
        }
        let responder_key = Sha1::digest(
            cert.tbs_certificate()
                .subject_public_key_info()
                .subject_public_key
                .raw_bytes(),
        );
        let data = ResponseData {
            responder_id: ResponderId::ByKey(
                OctetString::new(&responder_key[..]).map_err(cert_err)?,
            ),
            produced_at: this_update,
            responses,
            response_extensions: match &request.nonce {
                Some(n) => Some(vec![Extension {
                    extn_id: ID_PKIX_OCSP_NONCE,
                    critical: false,
                    extn_value: OctetString::new(n.clone()).map_err(cert_err)?,
                }]),
                None => None,
            },
        };
        let data_der = data.to_der().map_err(cert_err)?;
        let basic = BasicOcspResponse {
            tbs_response_data: data,
            signature_algorithm: ecdsa_sha256(),
            signature: sign(key, &data_der)?,
            certs: Some(vec![cert.clone()]),
        };
        let response = OcspResponse {
            response_status: OcspResponseStatus::Successful,
            response_bytes: Some(ResponseBytes {
                response_type: ID_PKIX_OCSP_BASIC,
                response: OctetString::new(basic.to_der().map_err(cert_err)?).map_err(cert_err)?,
            }),
        };
        response.to_der().map_err(cert_err)
    }
}

/// The CRL addresses `cert` names (its distribution points' full names).
fn crl_addresses(cert: &Certificate) -> Result<Vec<GeneralName>, PdfError> {
    use x509_cert::ext::pkix::CrlDistributionPoints;
    let points = cert
        .tbs_certificate()
        .get_extension::<CrlDistributionPoints>()
        .map_err(cert_err)?
        .map(|(_, p)| p.0)
        .unwrap_or_default();
    Ok(points
        .into_iter()
        .filter_map(|p| match p.distribution_point {
            Some(DistributionPointName::FullName(n)) => Some(n),
            _ => None,
        })
        .flatten()
        .collect())
}

/// Whether `cert` is a delegated OCSP responder's (it has id-kp-OCSPSigning).
fn is_ocsp_responder(cert: &Certificate) -> bool {
    cert.tbs_certificate()
        .get_extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
        .ok()
        .flatten()
        .is_some_and(|(_, eku)| eku.0.contains(&EKU_OCSP_SIGNING))
}

fn hashes(alg: &ObjectIdentifier, name: &[u8], key: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    match *alg {
        ID_SHA1 => Some((Sha1::digest(name).to_vec(), Sha1::digest(key).to_vec())),
        ID_SHA256 => Some((Sha256::digest(name).to_vec(), Sha256::digest(key).to_vec())),
        _ => None,
    }
}

/// An unsuccessful OCSP response: only the status, no signature (RFC 6960 §4.2.1).
pub fn ocsp_error_response(status: OcspResponseStatus) -> Vec<u8> {
    OcspResponse {
        response_status: status,
        response_bytes: None,
    }
    .to_der()
    .unwrap_or_default()
}

/// One certificate asked about: the CertID of the request, echoed in the response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspCertId(CertId);

impl OcspCertId {
    /// The serial number asked about, in lowercase hex (the INTEGER's content bytes).
    pub fn serial_hex(&self) -> String {
        hex::encode(self.0.serial_number.as_bytes())
    }
}

/// What an OCSP request asks: the certificates and the nonce, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspQuery {
    pub ids: Vec<OcspCertId>,
    pub nonce: Option<Vec<u8>>,
}

/// Most certificates one request may ask about; more is refused as malformed.
pub const MAX_OCSP_REQUESTS: usize = 16;

/// Reads a DER OCSPRequest. A signed request is accepted and its signature ignored: the
/// answer is public anyway.
pub fn parse_ocsp_request(der: &[u8]) -> Result<OcspQuery, PdfError> {
    let bad = |m: String| PdfError::Certificate(format!("malformed OCSP request: {m}"));
    let req = OcspRequest::from_der(der).map_err(|e| bad(e.to_string()))?;
    let list = req.tbs_request.request_list;
    if list.is_empty() || list.len() > MAX_OCSP_REQUESTS {
        return Err(bad(format!(
            "{} certificates asked about (1 to {MAX_OCSP_REQUESTS})",
            list.len()
        )));
    }
    let nonce = req
        .tbs_request
        .request_extensions
        .unwrap_or_default()
        .into_iter()
        .find(|e| e.extn_id == ID_PKIX_OCSP_NONCE)
        .map(|e| e.extn_value.as_bytes().to_vec());
    Ok(OcspQuery {
        ids: list.into_iter().map(|r| OcspCertId(r.req_cert)).collect(),
        nonce,
    })
}

/// Builds an OCSP request (SHA-1 CertID, as most clients send) for `cert` issued by `issuer`,
/// with `nonce` if given.
pub fn ocsp_request(
    cert_der: &[u8],
    issuer_der: &[u8],
    nonce: Option<&[u8]>,
) -> Result<Vec<u8>, PdfError> {
    let cert = Certificate::from_der(cert_der).map_err(cert_err)?;
    let issuer = Certificate::from_der(issuer_der).map_err(cert_err)?;
    ocsp_request_for(
        &issuer,
        cert.tbs_certificate().serial_number().as_bytes(),
        nonce,
    )
}

/// Builds an OCSP request for serial number `serial` (content bytes) under `issuer`.
pub fn ocsp_request_for_serial(
    issuer_der: &[u8],
    serial: &[u8],
    nonce: Option<&[u8]>,
) -> Result<Vec<u8>, PdfError> {
    let issuer = Certificate::from_der(issuer_der).map_err(cert_err)?;
    ocsp_request_for(&issuer, serial, nonce)
}

fn ocsp_request_for(
    issuer: &Certificate,
    serial: &[u8],
    nonce: Option<&[u8]>,
) -> Result<Vec<u8>, PdfError> {
    let name = issuer
        .tbs_certificate()
        .subject()
        .to_der()
        .map_err(cert_err)?;
    let key = issuer
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    let req = OcspRequest {
        tbs_request: TbsRequest {
            version: None,
            requestor_name: None,
            request_list: vec![Request {
                req_cert: CertId {
                    hash_algorithm: AlgorithmIdentifierOwned {
                        oid: ID_SHA1,
                        parameters: Some(der::Any::from(Null)),
                    },
                    issuer_name_hash: OctetString::new(Sha1::digest(&name).to_vec())
                        .map_err(cert_err)?,
                    issuer_key_hash: OctetString::new(Sha1::digest(key).to_vec())
                        .map_err(cert_err)?,
                    serial_number: Int::new(serial).map_err(cert_err)?,
                },
                single_request_extensions: None,
            }],
            request_extensions: match nonce {
                Some(n) => Some(vec![Extension {
                    extn_id: ID_PKIX_OCSP_NONCE,
                    critical: false,
                    extn_value: OctetString::new(
                        OctetString::new(n)
                            .map_err(cert_err)?
                            .to_der()
                            .map_err(cert_err)?,
                    )
                    .map_err(cert_err)?,
                }]),
                None => None,
            },
        },
        optional_signature: None,
    };
    req.to_der().map_err(cert_err)
}

/// An OCSP response as read and checked by [`read_ocsp_response`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspAnswer {
    /// `successful`, `malformed_request`, `internal_error`, `try_later`, `sig_required` or
    /// `unauthorized`.
    pub response_status: &'static str,
    /// Per certificate asked about: serial (hex) and status.
    pub statuses: Vec<(String, CertStatus)>,
    /// The nonce in the response, if any (its content, as the request's extension held it).
    pub nonce: Option<Vec<u8>>,
    pub produced_at: Option<DateTime<Utc>>,
    pub next_update: Option<DateTime<Utc>>,
}

/// Reads an OCSP response and, when it is successful, checks that it is signed by a
/// responder certificate issued by `issuer` with the OCSP-signing purpose (or by `issuer`
/// itself). Anything else is an error.
pub fn read_ocsp_response(der: &[u8], issuer_der: &[u8]) -> Result<OcspAnswer, PdfError> {
    let resp = OcspResponse::from_der(der).map_err(cert_err)?;
    let response_status = resp.response_status.as_str();
    let Some(bytes) = resp.response_bytes else {
        return Ok(OcspAnswer {
            response_status,
            statuses: Vec::new(),
            nonce: None,
            produced_at: None,
            next_update: None,
        });
    };
    if bytes.response_type != ID_PKIX_OCSP_BASIC {
        return Err(cert_err("not a basic OCSP response"));
    }
    let basic = BasicOcspResponse::from_der(bytes.response.as_bytes()).map_err(cert_err)?;
    let issuer = Certificate::from_der(issuer_der).map_err(cert_err)?;
    let data_der = basic.tbs_response_data.to_der().map_err(cert_err)?;
    let signer = basic
        .certs
        .as_deref()
        .unwrap_or_default()
        .first()
        .cloned()
        .unwrap_or_else(|| issuer.clone());
    if signer != issuer {
        let tbs_der = signer.tbs_certificate().to_der().map_err(cert_err)?;
        if signer.tbs_certificate().issuer() != issuer.tbs_certificate().subject()
            || !signed_by(
                &issuer,
                signer.signature_algorithm(),
                &tbs_der,
                signer.signature().raw_bytes(),
            )
        {
            return Err(cert_err(
                "the responder certificate is not issued by the CA",
            ));
        }
        let delegated = signer
            .tbs_certificate()
            .get_extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
            .ok()
            .flatten()
            .is_some_and(|(_, eku)| eku.0.contains(&EKU_OCSP_SIGNING));
        if !delegated {
            return Err(cert_err(
                "the responder certificate lacks id-kp-OCSPSigning",
            ));
        }
    }
    if !signed_by(
        &signer,
        &basic.signature_algorithm,
        &data_der,
        basic.signature.raw_bytes(),
    ) {
        return Err(cert_err("the OCSP response signature does not verify"));
    }
    let to_utc = |t: &GeneralizedTime| DateTime::<Utc>::from(t.to_system_time());
    let data = basic.tbs_response_data;
    let statuses = data
        .responses
        .iter()
        .map(|r| {
            let st = match &r.cert_status {
                OcspCertStatus::Good(_) => CertStatus::Good,
                OcspCertStatus::Unknown(_) => CertStatus::Unknown,
                OcspCertStatus::Revoked(info) => CertStatus::Revoked {
                    at: to_utc(&info.revocation_time),
                    reason: info
                        .revocation_reason
                        .map(RevocationReason::from_code)
                        .unwrap_or(RevocationReason::Unspecified),
                },
            };
            (hex::encode(r.cert_id.serial_number.as_bytes()), st)
        })
        .collect();
    let nonce = data
        .response_extensions
        .unwrap_or_default()
        .into_iter()
        .find(|e| e.extn_id == ID_PKIX_OCSP_NONCE)
        .map(|e| e.extn_value.as_bytes().to_vec());
    Ok(OcspAnswer {
        response_status,
        statuses,
        nonce,
        produced_at: Some(to_utc(&data.produced_at)),
        next_update: data
            .responses
            .first()
            .and_then(|r| r.next_update.as_ref())
            .map(to_utc),
    })
}

/// A CRL as read and checked by [`read_crl`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrlInfo {
    pub this_update: DateTime<Utc>,
    pub next_update: Option<DateTime<Utc>>,
    pub crl_number: Option<Vec<u8>>,
    /// Revoked serials (hex) with time and reason.
    pub revoked: Vec<Revoked>,
    /// The list's scope (issuing distribution point), when it names one.
    pub scope: Option<IssuingDistributionPoint>,
}

impl CrlInfo {
    /// Whether this list speaks for `cert` (RFC 5280 §6.3.3 (b)): a list scoped to some
    /// reasons, or indirect, is not a complete status for anything; one only for end-entity
    /// (or only for CA) certificates does not speak for the other kind; and one that names
    /// distribution points speaks only for a certificate that names one of them (or, for a
    /// certificate naming none, one that names its issuer). A partition of a CA's list that
    /// does not cover a certificate says nothing about it, not "good".
    pub fn covers(&self, cert: &Certificate) -> bool {
        let Some(scope) = &self.scope else {
            return true;
        };
        if scope.only_some_reasons.is_some()
            || scope.indirect_crl
            || scope.only_contains_attribute_certs
        {
            return false;
        }
        let is_ca = cert
            .tbs_certificate()
            .get_extension::<x509_cert::ext::pkix::BasicConstraints>()
            .ok()
            .flatten()
            .is_some_and(|(_, bc)| bc.ca);
        if (scope.only_contains_user_certs && is_ca) || (scope.only_contains_ca_certs && !is_ca) {
            return false;
        }
        let named = match &scope.distribution_point {
            None => return true,
            Some(DistributionPointName::FullName(names)) => names,
            // A name relative to the issuer: not one Signet can match; not used.
            Some(DistributionPointName::NameRelativeToCRLIssuer(_)) => return false,
        };
        let Ok(points) = crl_addresses(cert) else {
            return false;
        };
        if points.is_empty() {
            let issuer = GeneralName::DirectoryName(cert.tbs_certificate().issuer().clone());
            return named.contains(&issuer);
        }
        points.iter().any(|p| named.contains(p))
    }
}

/// CRL extensions Signet understands. A list with any other extension marked critical is not
/// used (RFC 5280 §5.2): a delta list (deltaCRLIndicator) is not a complete status, and one
/// whose entries name another issuer (certificateIssuer, indirect lists) is not read.
const KNOWN_CRL_EXTENSIONS: [ObjectIdentifier; 3] = [
    ID_CE_AUTHORITY_KEY_IDENTIFIER,
    ID_CE_CRL_NUMBER,
    ID_CE_ISSUING_DISTRIBUTION_POINT,
];
/// CRL entry extensions Signet understands (the reason; the invalidity date is not critical).
const KNOWN_CRL_ENTRY_EXTENSIONS: [ObjectIdentifier; 1] = [ID_CE_CRL_REASONS];

/// Reads a DER CRL and checks that `issuer` signed it.
pub fn read_crl(der: &[u8], issuer_der: &[u8]) -> Result<CrlInfo, PdfError> {
    let crl =
        CertificateList::<x509_cert::certificate::Rfc5280>::from_der(der).map_err(cert_err)?;
    let issuer = Certificate::from_der(issuer_der).map_err(cert_err)?;
    if crl.tbs_cert_list.issuer != *issuer.tbs_certificate().subject() {
        return Err(cert_err("the CRL names another issuer"));
    }
    let tbs_der = crl.tbs_cert_list.to_der().map_err(cert_err)?;
    if !signed_by(
        &issuer,
        &crl.signature_algorithm,
        &tbs_der,
        crl.signature.raw_bytes(),
    ) {
        return Err(cert_err("the CRL signature does not verify"));
    }
    let tbs = crl.tbs_cert_list;
    let extensions = tbs.crl_extensions.as_deref().unwrap_or_default();
    if let Some(e) = extensions
        .iter()
        .find(|e| e.critical && !KNOWN_CRL_EXTENSIONS.contains(&e.extn_id))
    {
        return Err(cert_err(format!(
            "the CRL has a critical extension Signet does not process ({})",
            e.extn_id
        )));
    }
    let crl_number = extensions
        .iter()
        .find(|e| e.extn_id == ID_CE_CRL_NUMBER)
        .and_then(|e| CrlNumber::from_der(e.extn_value.as_bytes()).ok())
        .map(|n| n.0.as_bytes().to_vec());
    let scope = match extensions
        .iter()
        .find(|e| e.extn_id == ID_CE_ISSUING_DISTRIBUTION_POINT)
    {
        Some(e) => Some(
            IssuingDistributionPoint::from_der(e.extn_value.as_bytes())
                .map_err(|e| cert_err(format!("the CRL's issuing distribution point: {e}")))?,
        ),
        None => None,
    };
    let mut revoked = Vec::new();
    for r in tbs.revoked_certificates.unwrap_or_default() {
        let entry_extensions = r.crl_entry_extensions.unwrap_or_default();
        if let Some(e) = entry_extensions
            .iter()
            .find(|e| e.critical && !KNOWN_CRL_ENTRY_EXTENSIONS.contains(&e.extn_id))
        {
            return Err(cert_err(format!(
                "a CRL entry has a critical extension Signet does not process ({})",
                e.extn_id
            )));
        }
        let reason = entry_extensions
            .into_iter()
            .find(|e| e.extn_id == ID_CE_CRL_REASONS)
            .and_then(|e| CrlReason::from_der(e.extn_value.as_bytes()).ok())
            .map(RevocationReason::from_code)
            .unwrap_or(RevocationReason::Unspecified);
        revoked.push(Revoked {
            serial: r.serial_number.as_bytes().to_vec(),
            at: DateTime::<Utc>::from(r.revocation_date.to_system_time()),
            reason,
        });
    }
    Ok(CrlInfo {
        this_update: DateTime::<Utc>::from(tbs.this_update.to_system_time()),
        next_update: tbs
            .next_update
            .map(|t| DateTime::<Utc>::from(t.to_system_time())),
        crl_number,
        revoked,
        scope,
    })
}

// RFC 6960 ASN.1 (the module's default is EXPLICIT tagging; CertStatus' choices are IMPLICIT).

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct CertId {
    hash_algorithm: AlgorithmIdentifierOwned,
    issuer_name_hash: OctetString,
    issuer_key_hash: OctetString,
    /// `Int`, not `SerialNumber`: a client may ask about any integer, and an odd one is
    /// answered `unknown`, not refused.
    serial_number: Int,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct OcspRequest {
    tbs_request: TbsRequest,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    optional_signature: Option<der::Any>,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct TbsRequest {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    version: Option<der::Any>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    requestor_name: Option<der::Any>,
    request_list: Vec<Request>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    request_extensions: Option<Extensions>,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct Request {
    req_cert: CertId,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    single_request_extensions: Option<Extensions>,
}

/// OCSPResponseStatus.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Enumerated)]
#[repr(u32)]
pub enum OcspResponseStatus {
    Successful = 0,
    MalformedRequest = 1,
    InternalError = 2,
    TryLater = 3,
    SigRequired = 5,
    Unauthorized = 6,
}

impl OcspResponseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OcspResponseStatus::Successful => "successful",
            OcspResponseStatus::MalformedRequest => "malformed_request",
            OcspResponseStatus::InternalError => "internal_error",
            OcspResponseStatus::TryLater => "try_later",
            OcspResponseStatus::SigRequired => "sig_required",
            OcspResponseStatus::Unauthorized => "unauthorized",
        }
    }
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct OcspResponse {
    response_status: OcspResponseStatus,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    response_bytes: Option<ResponseBytes>,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct ResponseBytes {
    response_type: ObjectIdentifier,
    response: OctetString,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct BasicOcspResponse {
    tbs_response_data: ResponseData,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: BitString,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    certs: Option<Vec<Certificate>>,
}

/// ResponseData; the version is always v1, the DEFAULT, so it is never encoded.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct ResponseData {
    responder_id: ResponderId,
    produced_at: GeneralizedTime,
    responses: Vec<SingleResponse>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    response_extensions: Option<Extensions>,
}

#[derive(Clone, Debug, Eq, PartialEq, Choice)]
enum ResponderId {
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", constructed = "true")]
    ByName(Name),
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", constructed = "true")]
    ByKey(OctetString),
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SingleResponse {
    cert_id: CertId,
    cert_status: OcspCertStatus,
    this_update: GeneralizedTime,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    next_update: Option<GeneralizedTime>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    single_extensions: Option<Extensions>,
}

#[derive(Clone, Debug, Eq, PartialEq, Choice)]
enum OcspCertStatus {
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT")]
    Good(Null),
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", constructed = "true")]
    Revoked(RevokedInfo),
    #[asn1(context_specific = "2", tag_mode = "IMPLICIT")]
    Unknown(Null),
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct RevokedInfo {
    revocation_time: GeneralizedTime,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    revocation_reason: Option<CrlReason>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use der::asn1::Ia5String;
    use x509_cert::ext::pkix::name::GeneralName;
    use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, CrlDistributionPoints};

    #[test]
    fn the_seal_and_the_intermediate_leave_the_ocsp_responder_unnamed() {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let store =
            TrustStore::generate_published("Acme", now, true, "https://sign.example").unwrap();
        let signer = store
            .issue_signer(
                &crate::SignerIdentity {
                    name: "Ana".into(),
                    ..Default::default()
                },
                now,
            )
            .unwrap();
        let aia = |c: &Certificate| {
            c.tbs_certificate()
                .get_extension::<AuthorityInfoAccessSyntax>()
                .unwrap()
                .is_some_and(|(_, a)| {
                    a.0.iter().any(|d| {
                        d.access_location
                            == GeneralName::UniformResourceIdentifier(
                                Ia5String::new("https://sign.example/v1/trust/ocsp").unwrap(),
                            )
                    })
                })
        };
        let cdp = |c: &Certificate| {
            c.tbs_certificate()
                .get_extension::<CrlDistributionPoints>()
                .unwrap()
                .is_some()
        };
        // An advanced signer's certificate signs once per file: CRL and OCSP. So does the
        // timestamp authority's, whose certificate NSS never checks (poppler validates no
        // timestamp) and whose status an archive refresh gives by the responder's answer.
        assert!(aia(&signer.cert) && cdp(&signer.cert));
        assert!(aia(&store.tsa) && cdp(&store.tsa));
        // A simple signature's own certificate likewise, in the seal's name, with a key of its
        // own each time, under the issuing CA.
        let (one, two) = (
            store.issue_seal(now).unwrap(),
            store.issue_seal(now).unwrap(),
        );
        assert!(aia(&one.cert) && cdp(&one.cert));
        assert_eq!(one.subject(), store.seal_credential().subject());
        assert_ne!(one.serial_hex(), two.serial_hex());
        assert_ne!(
            one.cert.tbs_certificate().subject_public_key_info(),
            two.cert.tbs_certificate().subject_public_key_info()
        );
        assert_eq!(
            one.cert.tbs_certificate().issuer(),
            store.intermediate.tbs_certificate().subject()
        );
        // The long-lived seal signs many times per file (certificates of completion), the
        // intermediate is in every chain: their CRL only (NSS's online check trips over a
        // repeated one).
        for c in [&store.seal, &store.intermediate] {
            assert!(cdp(c) && !aia(c));
        }
        assert!(!cdp(&store.root) && !aia(&store.root));
    }

    /// The issuing distribution point of a CRL, if it has one.
    fn idp(crl: &[u8]) -> Option<x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint> {
        let crl = CertificateList::<x509_cert::certificate::Rfc5280>::from_der(crl).unwrap();
        let ext = crl
            .tbs_cert_list
            .crl_extensions
            .unwrap_or_default()
            .into_iter()
            .find(|e| e.extn_id == ID_CE_ISSUING_DISTRIBUTION_POINT)?;
        assert!(ext.critical, "RFC 5280 §5.2.5: critical");
        Some(Decode::from_der(ext.extn_value.as_bytes()).unwrap())
    }

    fn idp_names(crl: &[u8]) -> Vec<GeneralName> {
        use x509_cert::ext::pkix::name::DistributionPointName;
        match idp(crl).and_then(|i| i.distribution_point) {
            Some(DistributionPointName::FullName(names)) => names,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_issuing_crl_speaks_for_the_certificates_that_name_it_and_not_the_responder() {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let week = Duration::from_secs(7 * 24 * 3600);
        let uri = |u: &str| GeneralName::UniformResourceIdentifier(Ia5String::new(u).unwrap());
        let mut store =
            TrustStore::generate_published("Acme", now, false, "https://sign.example").unwrap();
        let crl = store.crl(false, &[], now, week).unwrap();
        // The address every certificate below the intermediate names; not the CA's name, by
        // which a certificate without a distribution point (the responder's) would be in scope.
        assert_eq!(
            idp_names(&crl),
            [uri("https://sign.example/v1/trust/crl/live-issuing.crl")]
        );
        // The root's list for this issuing CA speaks for that CA alone.
        let root_crl = store.crl(true, &[], now, week).unwrap();
        assert_eq!(
            idp_names(&root_crl),
            [uri("https://sign.example/v1/trust/crl/live-root.crl")]
        );
        assert!(idp(&root_crl).unwrap().only_contains_ca_certs);
        assert!(read_crl(&crl, &store.issuing_der()).is_ok());

        // A new public address: what the store's own certificates name stays in scope.
        store.set_public_url("https://new.example");
        let crl = store.crl(false, &[], now, week).unwrap();
        assert_eq!(
            idp_names(&crl),
            [
                uri("https://new.example/v1/trust/crl/live-issuing.crl"),
                uri("https://sign.example/v1/trust/crl/live-issuing.crl"),
            ]
        );

        // A store from before revocation was published: its own certificates name no
        // address, so the CA's name keeps them in scope once it publishes.
        let mut old = TrustStore::generate("Acme", now).unwrap();
        assert!(idp(&old.crl(false, &[], now, week).unwrap()).is_none());
        old.set_public_url("https://sign.example");
        let names = idp_names(&old.crl(false, &[], now, week).unwrap());
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.contains(&GeneralName::DirectoryName(
            old.intermediate.tbs_certificate().subject().clone()
        )));
    }

    /// `crl` (signed by `store`'s issuing CA) changed by `edit` and signed again.
    fn resigned(store: &TrustStore, crl: &[u8], edit: impl FnOnce(&mut TbsCertList)) -> Vec<u8> {
        let mut crl = CertificateList::<x509_cert::certificate::Rfc5280>::from_der(crl).unwrap();
        edit(&mut crl.tbs_cert_list);
        let tbs = crl.tbs_cert_list.to_der().unwrap();
        crl.signature = sign(&store.intermediate_key, &tbs).unwrap();
        crl.to_der().unwrap()
    }

    /// RFC 5280 §5.2 and §6.3.3: a list with a critical extension Signet does not process is
    /// not used (a delta list is not a complete status), and a list scoped to a partition
    /// speaks only for the certificates in it.
    #[test]
    fn a_crl_is_used_only_when_understood_and_only_for_what_its_scope_covers() {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let week = Duration::from_secs(7 * 24 * 3600);
        let store =
            TrustStore::generate_published("Acme", now, false, "https://sign.example").unwrap();
        let signer = Certificate::from_der(
            &store
                .issue_signer(
                    &crate::SignerIdentity {
                        name: "Ana".into(),
                        ..Default::default()
                    },
                    now,
                )
                .unwrap()
                .certificate_der()
                .unwrap(),
        )
        .unwrap();
        let issuing = store.issuing_der();
        let crl = store.crl(false, &[], now, week).unwrap();

        // The issuing CA's list speaks for what names it, not for the responder.
        let info = read_crl(&crl, &issuing).unwrap();
        assert!(info.covers(&signer));
        assert!(info.covers(&store.seal) && info.covers(&store.tsa));
        assert!(!info.covers(&store.ocsp.as_ref().unwrap().0));
        assert!(
            !info.covers(&store.intermediate),
            "an end-entity list by address"
        );
        // The root's list for the issuing CA: that CA only.
        let root_crl = store.crl(true, &[], now, week).unwrap();
        let root_info = read_crl(&root_crl, &store.root_der()).unwrap();
        assert!(root_info.covers(&store.intermediate));
        assert!(!root_info.covers(&signer));

        // Unknown critical extensions: a delta list, or anything else.
        for oid in ["2.5.29.27", "1.2.3.4"] {
            let odd = resigned(&store, &crl, |tbs| {
                tbs.crl_extensions
                    .get_or_insert_with(Vec::new)
                    .push(Extension {
                        extn_id: ObjectIdentifier::new_unwrap(oid),
                        critical: true,
                        extn_value: OctetString::new(der::asn1::Null.to_der().unwrap()).unwrap(),
                    });
            });
            assert!(read_crl(&odd, &issuing).is_err(), "{oid}");
        }
        // Not critical: read.
        let fine = resigned(&store, &crl, |tbs| {
            tbs.crl_extensions
                .get_or_insert_with(Vec::new)
                .push(Extension {
                    extn_id: ObjectIdentifier::new_unwrap("1.2.3.4"),
                    critical: false,
                    extn_value: OctetString::new(der::asn1::Null.to_der().unwrap()).unwrap(),
                });
        });
        assert!(read_crl(&fine, &issuing).unwrap().covers(&signer));
        // A critical entry extension (certificateIssuer: an indirect list).
        let indirect = resigned(&store, &crl, |tbs| {
            tbs.revoked_certificates = Some(vec![RevokedCert {
                serial_number: SerialNumber::new(&[1]).unwrap(),
                revocation_date: x509_time(now).unwrap(),
                crl_entry_extensions: Some(vec![Extension {
                    extn_id: ObjectIdentifier::new_unwrap("2.5.29.29"),
                    critical: true,
                    extn_value: OctetString::new(der::asn1::Null.to_der().unwrap()).unwrap(),
                }]),
            }]);
        });
        assert!(read_crl(&indirect, &issuing).is_err());

        // Another partition's list, and one for some reasons only, say nothing of the signer.
        let with_scope = |idp: IssuingDistributionPoint| {
            resigned(&store, &crl, |tbs| {
                let exts = tbs.crl_extensions.get_or_insert_with(Vec::new);
                exts.retain(|e| e.extn_id != ID_CE_ISSUING_DISTRIBUTION_POINT);
                exts.push(Extension {
                    extn_id: ID_CE_ISSUING_DISTRIBUTION_POINT,
                    critical: true,
                    extn_value: OctetString::new(idp.to_der().unwrap()).unwrap(),
                });
            })
        };
        let uri = |u: &str| GeneralName::UniformResourceIdentifier(Ia5String::new(u).unwrap());
        let scope = |names: Vec<GeneralName>| IssuingDistributionPoint {
            distribution_point: Some(DistributionPointName::FullName(names)),
            only_contains_user_certs: false,
            only_contains_ca_certs: false,
            only_some_reasons: None,
            indirect_crl: false,
            only_contains_attribute_certs: false,
        };
        let other = with_scope(scope(vec![uri(
            "https://sign.example/v1/trust/crl/part-2.crl",
        )]));
        assert!(!read_crl(&other, &issuing).unwrap().covers(&signer));
        let mut some = scope(vec![uri(
            "https://sign.example/v1/trust/crl/live-issuing.crl",
        )]);
        assert!(
            read_crl(&with_scope(some.clone()), &issuing)
                .unwrap()
                .covers(&signer)
        );
        some.only_some_reasons = Some(x509_cert::ext::pkix::crl::dp::ReasonFlags::from(
            x509_cert::ext::pkix::crl::dp::Reasons::KeyCompromise,
        ));
        assert!(
            !read_crl(&with_scope(some), &issuing)
                .unwrap()
                .covers(&signer)
        );
        let mut ca_only = scope(vec![uri(
            "https://sign.example/v1/trust/crl/live-issuing.crl",
        )]);
        ca_only.only_contains_ca_certs = true;
        assert!(
            !read_crl(&with_scope(ca_only), &issuing)
                .unwrap()
                .covers(&signer)
        );
    }

    #[test]
    fn crl_names_carry_the_issuing_cas_generation() {
        for (test, root, generation) in [(false, false, 1), (true, true, 1), (false, true, 7)] {
            let name = crl_name(test, root, generation);
            assert_eq!(
                parse_crl_name(&name),
                Some((test, root, generation)),
                "{name}"
            );
        }
        assert_eq!(crl_name(false, false, 1), "live-issuing");
        assert_eq!(crl_name(true, true, 3), "test-root-3");
        for bad in [
            "live-issuing-1",
            "live-issuing-01",
            "live-root-",
            "live-root-x",
            "live-other",
            "prod-issuing",
            "live-issuing-2-2",
            "live-issuing-99999999999999999999",
        ] {
            assert_eq!(parse_crl_name(bad), None, "{bad}");
        }
    }

    /// The issuing CA rolls over six years before it ends and the root ten: the new CA has a
    /// numbered name, CRL addresses of its own, its own responder, and issues what Signet
    /// signs with from then on, while the former one keeps vouching for what it issued until
    /// it ends, and then loses its key.
    #[test]
    fn a_rolled_over_ca_keeps_vouching_for_what_it_issued_until_it_ends() {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let week = Duration::from_secs(7 * 24 * 3600);
        let uri = |u: &str| GeneralName::UniformResourceIdentifier(Ia5String::new(u).unwrap());
        let cn = |c: &Certificate| {
            c.tbs_certificate()
                .subject()
                .iter()
                .find(|a| a.oid == crate::asn1::AT_COMMON_NAME)
                .and_then(|a| der::asn1::Utf8StringRef::try_from(&a.value).ok())
                .map(|v| v.as_str().to_owned())
                .unwrap()
        };
        let mut store =
            TrustStore::generate_published("Acme", now, false, "https://sign.example").unwrap();
        let signer = |store: &TrustStore, at| {
            store
                .issue_signer(
                    &crate::SignerIdentity {
                        name: "Ana".into(),
                        ..Default::default()
                    },
                    at,
                )
                .unwrap()
        };
        let before = signer(&store, now);
        let first_der = store.issuing_der();

        let later = now + chrono::Duration::days(4 * 365 + 30);
        let renewed = store.renew_expiring(later).unwrap();
        assert!(renewed.contains(&"intermediate"), "{renewed:?}");
        assert_eq!(store.issuing_generation(), 2);
        assert_eq!(cn(&store.intermediate), "Acme Signet Issuing CA 2");
        assert_eq!(
            store.tsa.tbs_certificate().issuer(),
            store.intermediate.tbs_certificate().subject()
        );
        assert_eq!(
            cn(&store.ocsp.as_ref().unwrap().0),
            "Acme Signet OCSP Responder 2"
        );
        let after = signer(&store, later);

        // Each CA's list under its own address, signed by that CA.
        let old_crl = store.crl_of(false, 1, &[], later, week).unwrap().unwrap();
        read_crl(&old_crl, &first_der).unwrap();
        assert!(read_crl(&old_crl, &store.issuing_der()).is_err());
        assert!(
            idp_names(&old_crl)
                .contains(&uri("https://sign.example/v1/trust/crl/live-issuing.crl"))
        );
        let new_crl = store.crl_of(false, 2, &[], later, week).unwrap().unwrap();
        read_crl(&new_crl, &store.issuing_der()).unwrap();
        assert_eq!(
            idp_names(&new_crl),
            [uri("https://sign.example/v1/trust/crl/live-issuing-2.crl")]
        );
        let root_der = store.root_der();
        for generation in [1, 2] {
            let crl = store
                .crl_of(true, generation, &[], later, week)
                .unwrap()
                .unwrap();
            read_crl(&crl, &root_der).unwrap();
            assert_eq!(
                idp_names(&crl),
                [uri(&format!(
                    "https://sign.example/v1/trust/crl/{}.crl",
                    crl_name(false, true, generation)
                ))]
            );
        }
        assert!(store.crl_of(false, 3, &[], later, week).unwrap().is_none());

        // Each certificate is answered by its own CA's responder.
        for (cred, issuer) in [(&before, &first_der), (&after, &store.issuing_der())] {
            let query = parse_ocsp_request(
                &ocsp_request(&cred.certificate_der().unwrap(), issuer, None).unwrap(),
            )
            .unwrap();
            assert!(store.issued(&query.ids[0]));
            let resp = store
                .ocsp_response(&query, |_| CertStatus::Good, later, week)
                .unwrap();
            let answer = read_ocsp_response(&resp, issuer).unwrap();
            assert_eq!(answer.statuses[0].1, CertStatus::Good);
        }
        assert_ne!(
            store.ocsp_responder_der_for(&first_der).unwrap(),
            store.ocsp_responder_der().unwrap()
        );

        // The root rolls over ten years before it ends, a new issuing CA under it at once.
        let decade = now + chrono::Duration::days(10 * 365 + 30);
        let renewed = store.renew_expiring(decade).unwrap();
        assert!(
            renewed.contains(&"root") && renewed.contains(&"intermediate"),
            "{renewed:?}"
        );
        assert_eq!(cn(&store.root), "Acme Signet Root CA 2");
        assert_eq!(
            store.intermediate.tbs_certificate().issuer(),
            store.root.tbs_certificate().subject()
        );
        assert_eq!(store.root_pem().matches("BEGIN CERTIFICATE").count(), 2);
        // The first issuing CA ended at ten years: its key is gone, its lists are no more,
        // and its responder does not answer for it any longer.
        assert!(store.former_issuing[0].key.is_none());
        let query = parse_ocsp_request(
            &ocsp_request(&before.certificate_der().unwrap(), &first_der, None).unwrap(),
        )
        .unwrap();
        assert!(!store.issued(&query.ids[0]));
        assert!(store.crl_of(false, 1, &[], decade, week).unwrap().is_none());
        let generation = store.issuing_generation();
        let crl = store
            .crl_of(true, generation, &[], decade, week)
            .unwrap()
            .unwrap();
        read_crl(&crl, &store.root_der()).unwrap();

        // Sealed and opened again: the same CAs, keys and all.
        let key = [3u8; 32];
        let mut reopened = TrustStore::unseal(&store.seal(&key).unwrap(), &key).unwrap();
        reopened.set_public_url("https://sign.example");
        assert_eq!(reopened.own_serials(), store.own_serials());
        assert_eq!(reopened.ca_certs_der(), store.ca_certs_der());
        assert_eq!(
            reopened
                .crl_of(true, 2, &[], decade, week)
                .unwrap()
                .is_some(),
            store.crl_of(true, 2, &[], decade, week).unwrap().is_some()
        );
        assert!(reopened.renew_expiring(decade).unwrap().is_empty());
    }

    #[test]
    fn crl_and_ocsp_round_trip_and_verify() {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let store =
            TrustStore::generate_published("Acme", now, false, "https://sign.example").unwrap();
        let signer = store
            .issue_signer(
                &crate::SignerIdentity {
                    name: "Ana".into(),
                    ..Default::default()
                },
                now,
            )
            .unwrap();
        let revoked = Revoked {
            serial: hex::decode(signer.serial_hex()).unwrap(),
            at: now,
            reason: RevocationReason::PrivilegeWithdrawn,
        };
        let crl = store
            .crl(
                false,
                std::slice::from_ref(&revoked),
                now,
                Duration::from_secs(3600),
            )
            .unwrap();
        let info = read_crl(&crl, &store.issuing_der()).unwrap();
        assert_eq!(info.revoked, vec![revoked.clone()]);
        assert!(read_crl(&crl, &store.root_der()).is_err());

        let req = ocsp_request(
            &signer.certificate_der().unwrap(),
            &store.issuing_der(),
            Some(b"nonce-1"),
        )
        .unwrap();
        let query = parse_ocsp_request(&req).unwrap();
        assert!(store.issued(&query.ids[0]));
        let resp = store
            .ocsp_response(
                &query,
                |_| CertStatus::Revoked {
                    at: now,
                    reason: RevocationReason::PrivilegeWithdrawn,
                },
                now,
                Duration::from_secs(3600),
            )
            .unwrap();
        let answer = read_ocsp_response(&resp, &store.issuing_der()).unwrap();
        assert_eq!(answer.response_status, "successful");
        assert_eq!(
            answer.statuses[0].1,
            CertStatus::Revoked {
                at: now,
                reason: RevocationReason::PrivilegeWithdrawn
            }
        );
        assert!(answer.nonce.is_some());
    }
}
