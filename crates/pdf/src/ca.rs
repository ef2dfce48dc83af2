//! Signet's own certification authority: a root, an intermediate that issues everything else,
//! a timestamping certificate for the in-process RFC 3161 authority, and a seal certificate for
//! `simple` signatures. All keys are P-256.

use std::time::{Duration, SystemTime};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use chrono::{DateTime, Utc};
use der::asn1::{Ia5String, OctetString, PrintableString, Utf8StringRef};
use der::{Any, Decode, Encode, EncodePem};
use p256::ecdsa::{DerSignature, SigningKey};
use sha2::{Digest, Sha256};
use spki::{EncodePublicKey, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use x509_cert::Certificate;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectKeyIdentifier,
};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use zeroize::Zeroizing;

use crate::asn1::*;
use crate::error::PdfError;

/// How far notBefore is set in the past, so that a validator whose clock runs a little behind
/// ours does not see a certificate that is "not yet valid".
const BACKDATE: Duration = Duration::from_secs(10 * 60);
const YEAR: Duration = Duration::from_secs(365 * 24 * 3600 + 6 * 3600);

/// The identity that an `advanced` signer's certificate names: what identification verified.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignerIdentity {
    /// Full name as verified; becomes the subject CN.
    pub name: String,
    /// Email address; becomes the subject emailAddress.
    pub email: Option<String>,
    /// ISO 3166-1 alpha-2 country in capitals (`PT`); becomes the subject C.
    pub country: Option<String>,
    /// A reference that binds the certificate to the identification (subject serialNumber).
    /// X.520 makes it a PrintableString: letters, digits, space and `'()+,-./:=?` only, which
    /// Signet's ids satisfy; anything else is refused as a certificate error.
    pub serial_number: Option<String>,
}

/// A signing key with its certificate and the chain up to (not including) the root.
#[derive(Clone)]
pub struct SignerCredential {
    pub(crate) key: SigningKey,
    pub(crate) cert: Certificate,
    pub(crate) chain: Vec<Certificate>,
}

impl std::fmt::Debug for SignerCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignerCredential")
            .field(
                "subject",
                &self.cert.tbs_certificate().subject().to_string(),
            )
            .finish_non_exhaustive()
    }
}

impl SignerCredential {
    /// The signer's certificate in DER, e.g. to keep beside the audit trail.
    pub fn certificate_der(&self) -> Result<Vec<u8>, PdfError> {
        self.cert
            .to_der()
            .map_err(|e| PdfError::Certificate(e.to_string()))
    }

    /// The certificate's subject as an RFC 4514 string.
    pub fn subject(&self) -> String {
        self.cert.tbs_certificate().subject().to_string()
    }
}

/// What the organisation of every certificate of a test-mode trust store ends with, so that no
/// validator, viewer or person can take what test mode signs for a real signature.
pub const TEST_MARK: &str = "TEST \u{2014} not valid for real signatures";

/// Signet's CA, timestamp authority and seal, generated together on first start. An
/// installation has two: the live one, and a test one (every name says TEST) that signs what
/// test-mode keys create, so nothing made in test mode chains to the live root.
#[derive(Clone)]
pub struct TrustStore {
    pub(crate) root: Certificate,
    pub(crate) root_key: SigningKey,
    pub(crate) intermediate: Certificate,
    pub(crate) intermediate_key: SigningKey,
    pub(crate) tsa: Certificate,
    pub(crate) tsa_key: SigningKey,
    pub(crate) seal: Certificate,
    seal_key: SigningKey,
    /// The delegated OCSP responder (issued by the intermediate). Stores sealed before
    /// revocation was published lack it until [`TrustStore::ensure_ocsp_responder`] adds one.
    pub(crate) ocsp: Option<(Certificate, SigningKey)>,
    /// Certificates Signet used for itself before they were renewed (timestamp authority,
    /// seal, OCSP responder): files made with them still name them, so the responder keeps
    /// answering `good` for them. Their keys are gone.
    pub(crate) retired: Vec<Certificate>,
    /// Roots and issuing CAs that issue no more (rolled over by [`TrustStore::renew_expiring`]),
    /// oldest first: each still vouches for what it issued until it ends.
    pub(crate) former_roots: Vec<FormerCa>,
    pub(crate) former_issuing: Vec<FormerCa>,
    /// Where relying parties fetch revocation status; issued certificates name these URLs
    /// (the current issuing CA's, see [`urls_for`]).
    pub(crate) urls: Option<RevocationUrls>,
    /// The public address the URLs are made from, kept to make the next generation's.
    pub(crate) public_url: Option<String>,
    /// A test-mode store: every name says TEST, and an advanced signer's certificate carries
    /// [`TEST_MARK`].
    test: bool,
}

impl std::fmt::Debug for TrustStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrustStore")
            .field("root", &self.root.tbs_certificate().subject().to_string())
            .finish_non_exhaustive()
    }
}

/// A root or issuing CA that issues no more: a newer one took its place (key rollover, see
/// [`TrustStore::renew_expiring`]). Until it ends it still signs the CRL of what it issued,
/// and an issuing CA's responder answers for its certificates, because files signed and
/// stamped under it need their status refreshed while they are valid. Its key (and its
/// responder's) is dropped once it has ended.
#[derive(Clone)]
pub(crate) struct FormerCa {
    pub(crate) cert: Certificate,
    pub(crate) key: Option<SigningKey>,
    pub(crate) responder: Option<(Certificate, SigningKey)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Intermediate,
    Tsa,
    /// An advanced signer's certificate: one per signature.
    Signer,
    /// The seal, which signs every simple signature of a file.
    Seal,
    OcspResponder,
}

/// The public addresses of one store's revocation services, written into the certificates it
/// issues (CRL distribution point, authority information access).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RevocationUrls {
    /// The CRL of the issuing CA (for the certificates it issues).
    pub issuing_crl: String,
    /// The CRL of the root (for the intermediate).
    pub root_crl: String,
    /// The OCSP responder.
    pub ocsp: String,
}

// What a certificate names about its revocation: where the CRLs and the OCSP responder are
// published (the revocation module serves them there) and what marks the responder's own
// certificate.

/// id-kp-OCSPSigning.
pub(crate) const EKU_OCSP_SIGNING: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.9");
/// id-pkix-ocsp-nocheck.
const ID_PKIX_OCSP_NOCHECK: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5");
const ID_AD_OCSP: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");
const ID_CE_CRL_DISTRIBUTION_POINTS: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("2.5.29.31");
const ID_PE_AUTHORITY_INFO_ACCESS: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.1");

/// The CRL names under `/v1/trust/crl/{name}.crl`: the mode, then which list, then the
/// issuing CA's generation (none for the first, so addresses in certificates issued before
/// rollover existed stay served). `issuing` is the list of the issuing CA of that generation;
/// `root` the list the root that issued that CA keeps for it alone (each intermediate names
/// its own, so a list made after one intermediate ended never speaks for it; see
/// [`TrustStore::crl_of`]).
pub fn crl_name(test: bool, root: bool, generation: usize) -> String {
    let mut name = format!(
        "{}-{}",
        if test { "test" } else { "live" },
        if root { "root" } else { "issuing" }
    );
    if generation > 1 {
        name.push_str(&format!("-{generation}"));
    }
    name
}

/// Reads a name made by [`crl_name`]: (test, root, generation).
pub fn parse_crl_name(name: &str) -> Option<(bool, bool, usize)> {
    let (test, rest) = if let Some(r) = name.strip_prefix("test-") {
        (true, r)
    } else {
        (false, name.strip_prefix("live-")?)
    };
    let (list, generation) = match rest.split_once('-') {
        None => (rest, 1),
        Some((list, g)) => {
            // Digits only, no leading zero: one name per list.
            if g.is_empty()
                || g.len() > 6
                || g.starts_with('0')
                || !g.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            (list, g.parse::<usize>().ok().filter(|g| *g > 1)?)
        }
    };
    let root = match list {
        "root" => true,
        "issuing" => false,
        _ => return None,
    };
    Some((test, root, generation))
}

/// The revocation addresses the certificates of issuing CA `generation` name, for a store
/// published under `public_url`.
pub(crate) fn urls_for(public_url: &str, test: bool, generation: usize) -> RevocationUrls {
    let base = public_url.trim_end_matches('/');
    RevocationUrls {
        issuing_crl: format!(
            "{base}/v1/trust/crl/{}.crl",
            crl_name(test, false, generation)
        ),
        root_crl: format!(
            "{base}/v1/trust/crl/{}.crl",
            crl_name(test, true, generation)
        ),
        ocsp: format!("{base}/v1/trust/ocsp"),
    }
}

fn uri(url: &str) -> der::Result<x509_cert::ext::pkix::name::GeneralName> {
    Ok(x509_cert::ext::pkix::name::GeneralName::UniformResourceIdentifier(Ia5String::new(url)?))
}

/// A CRL distribution point extension naming `url`.
fn crl_distribution_point(url: &str) -> der::Result<Extension> {
    use x509_cert::ext::pkix::CrlDistributionPoints;
    use x509_cert::ext::pkix::crl::dp::DistributionPoint;
    use x509_cert::ext::pkix::name::DistributionPointName;
    ext(
        ID_CE_CRL_DISTRIBUTION_POINTS,
        false,
        &CrlDistributionPoints(vec![DistributionPoint {
            distribution_point: Some(DistributionPointName::FullName(vec![uri(url)?])),
            reasons: None,
            crl_issuer: None,
        }]),
    )
}

/// An authority information access extension naming the OCSP responder at `url`.
fn authority_info_access(url: &str) -> der::Result<Extension> {
    use x509_cert::ext::pkix::{AccessDescription, AuthorityInfoAccessSyntax};
    ext(
        ID_PE_AUTHORITY_INFO_ACCESS,
        false,
        &AuthorityInfoAccessSyntax(vec![AccessDescription {
            access_method: ID_AD_OCSP,
            access_location: uri(url)?,
        }]),
    )
}

/// A `BuilderProfile` for the four kinds of certificate Signet issues. x509-cert 0.3 has no
/// ready profile for document signing or timestamping, so the extensions are written here.
struct Profile {
    issuer: Option<Name>,
    subject: Name,
    kind: Kind,
    /// Revocation addresses to name in the certificate, if the store knows them.
    urls: Option<RevocationUrls>,
}

/// Key identifier per RFC 7093 method 1: the leftmost 160 bits of the SHA-256 of the key.
fn key_id(spki: SubjectPublicKeyInfoRef<'_>) -> Vec<u8> {
    let hash = Sha256::digest(spki.subject_public_key.raw_bytes());
    hash[..20].to_vec()
}

fn ext<T: Encode>(
    oid: der::asn1::ObjectIdentifier,
    critical: bool,
    value: &T,
) -> der::Result<Extension> {
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

impl BuilderProfile for Profile {
    fn get_issuer(&self, subject: &Name) -> Name {
        self.issuer.clone().unwrap_or_else(|| subject.clone())
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        use const_oid::db::rfc5280 as ids;
        let mut out = Vec::new();
        out.push(ext(
            ids::ID_CE_SUBJECT_KEY_IDENTIFIER,
            false,
            &SubjectKeyIdentifier(OctetString::new(key_id(spk))?),
        )?);
        if self.kind != Kind::Root {
            out.push(ext(
                ids::ID_CE_AUTHORITY_KEY_IDENTIFIER,
                false,
                &AuthorityKeyIdentifier {
                    key_identifier: Some(OctetString::new(key_id(issuer_spk))?),
                    ..Default::default()
                },
            )?);
        }
        match self.kind {
            Kind::Root | Kind::Intermediate => {
                out.push(ext(
                    ids::ID_CE_BASIC_CONSTRAINTS,
                    true,
                    &BasicConstraints {
                        ca: true,
                        path_len_constraint: (self.kind == Kind::Intermediate).then_some(0),
                    },
                )?);
                out.push(ext(
                    ids::ID_CE_KEY_USAGE,
                    true,
                    &KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign),
                )?);
            }
            Kind::Tsa => {
                out.push(ext(
                    ids::ID_CE_KEY_USAGE,
                    true,
                    &KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
                )?);
                // RFC 3161 §2.3: the timestamping EKU must be the only one, and critical.
                out.push(ext(
                    ids::ID_CE_EXT_KEY_USAGE,
                    true,
                    &ExtendedKeyUsage(vec![EKU_TIME_STAMPING]),
                )?);
            }
            Kind::Signer | Kind::Seal => {
                out.push(ext(
                    ids::ID_CE_KEY_USAGE,
                    true,
                    &KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
                )?);
                out.push(ext(
                    ids::ID_CE_EXT_KEY_USAGE,
                    false,
                    &ExtendedKeyUsage(vec![EKU_EMAIL_PROTECTION, EKU_DOCUMENT_SIGNING]),
                )?);
            }
            Kind::OcspResponder => {
                out.push(ext(
                    ids::ID_CE_KEY_USAGE,
                    true,
                    &KeyUsage(KeyUsages::DigitalSignature.into()),
                )?);
                out.push(ext(
                    ids::ID_CE_EXT_KEY_USAGE,
                    false,
                    &ExtendedKeyUsage(vec![EKU_OCSP_SIGNING]),
                )?);
                // RFC 6960 §4.2.2.2.1: relying parties need not check the responder itself.
                out.push(ext(ID_PKIX_OCSP_NOCHECK, false, &der::asn1::Null)?);
            }
        }
        if let Some(urls) = &self.urls {
            match self.kind {
                // A root is its own anchor; the responder is exempt by nocheck.
                Kind::Root | Kind::OcspResponder => {}
                Kind::Intermediate => out.push(crl_distribution_point(&urls.root_crl)?),
                // The seal signs many times in one file, and NSS (pdfsig, Evince, Okular)
                // reports the second signature of a certificate whose OCSP status it fetched
                // as "Unknown issue": its online check keeps a reference to the certificate
                // decoded from the first signature, whose bytes are freed with that signature,
                // and the second signature's copy then clashes with it
                // (SEC_ERROR_REUSED_ISSUER_AND_SERIAL). It names its CRL only, which NSS does
                // not fetch; the responder answers for it all the same.
                Kind::Seal => out.push(crl_distribution_point(&urls.issuing_crl)?),
                // An advanced signer's certificate signs once per file. The timestamp
                // authority signs many times, but poppler (22.12) checks the certificate of
                // no timestamp (neither a signature's token nor a document timestamp), so NSS
                // never asks about it; and it needs the responder: a validator takes an OCSP
                // answer only for a certificate that names a responder (pyHanko does), and
                // the archive timestamp job can vouch for the newest timestamp's authority
                // only by an answer about that one certificate. A fresh CRL would speak for
                // every certificate of the CA, the expired ones too, and a validator judging
                // those in the past would take it as their newest status (see `ltv`).
                Kind::Signer | Kind::Tsa => {
                    out.push(crl_distribution_point(&urls.issuing_crl)?);
                    out.push(authority_info_access(&urls.ocsp)?);
                }
            }
        }
        Ok(out)
    }
}

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], PdfError> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out)
        .map_err(|e| PdfError::CertificateTransient(format!("no randomness: {e}")))?;
    Ok(out)
}

fn new_key() -> Result<SigningKey, PdfError> {
    // A random 32-byte string is a valid scalar except with negligible probability; retry then.
    for _ in 0..8 {
        let bytes = random_bytes::<32>()?;
        if let Ok(key) = SigningKey::from_slice(&bytes) {
            return Ok(key);
        }
    }
    Err(PdfError::Certificate(
        "could not generate a P-256 key".into(),
    ))
}

fn random_serial() -> Result<SerialNumber, PdfError> {
    let mut bytes = random_bytes::<16>()?;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x40; // positive and exactly 16 bytes long
    SerialNumber::new(&bytes).map_err(|e| PdfError::Certificate(e.to_string()))
}

fn to_time(t: SystemTime) -> Result<Time, PdfError> {
    Time::try_from(t).map_err(|e| PdfError::Certificate(format!("time out of range: {e}")))
}

fn validity(now: DateTime<Utc>, years: u32) -> Result<Validity, PdfError> {
    let now = SystemTime::from(now);
    let start = now.checked_sub(BACKDATE).unwrap_or(now);
    let end = now + YEAR * years;
    Ok(Validity::new(to_time(start)?, to_time(end)?))
}

/// Builds a distinguished name attribute by attribute, so that a name containing a comma or an
/// equals sign is data, never syntax.
fn name(parts: &[(der::asn1::ObjectIdentifier, Any)]) -> Result<Name, PdfError> {
    let mut rdns = RdnSequence::default();
    for (oid, value) in parts {
        let mut rdn = RelativeDistinguishedName::default();
        rdn.insert(AttributeTypeAndValue {
            oid: *oid,
            value: value.clone(),
        })
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
        rdns.push(rdn);
    }
    let der = rdns
        .to_der()
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
    Name::from_der(&der).map_err(|e| PdfError::Certificate(e.to_string()))
}

fn utf8(s: &str) -> Result<Any, PdfError> {
    let s = Utf8StringRef::new(s).map_err(|e| PdfError::Certificate(e.to_string()))?;
    Any::encode_from(&s).map_err(|e| PdfError::Certificate(e.to_string()))
}

fn printable(s: &str) -> Result<Any, PdfError> {
    let s = PrintableString::new(s)
        .map_err(|_| PdfError::Certificate(format!("{s:?} is not a printable string")))?;
    Any::encode_from(&s).map_err(|e| PdfError::Certificate(e.to_string()))
}

fn ia5(s: &str) -> Result<Any, PdfError> {
    let s = Ia5String::new(s)
        .map_err(|_| PdfError::Certificate(format!("{s:?} is not an IA5 string")))?;
    Any::encode_from(&s).map_err(|e| PdfError::Certificate(e.to_string()))
}

fn issue(
    profile: Profile,
    subject_key: &SigningKey,
    issuer_key: &SigningKey,
    validity: Validity,
) -> Result<Certificate, PdfError> {
    let spki_der = subject_key
        .verifying_key()
        .to_public_key_der()
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
    let spki = SubjectPublicKeyInfoOwned::from_der(spki_der.as_bytes())
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
    let builder = CertificateBuilder::new(profile, random_serial()?, validity, spki)
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
    builder
        .build::<_, DerSignature>(issuer_key)
        .map_err(|e| PdfError::Certificate(e.to_string()))
}

impl TrustStore {
    /// Creates a fresh root (20 years), intermediate (10 years), timestamping certificate and
    /// seal certificate (5 years each), all named after the organisation running Signet
    /// ("Acme Signet Root CA", O=Acme); an empty name gives "Signet Root CA", O=Signet.
    pub fn generate(org_name: &str, now: DateTime<Utc>) -> Result<Self, PdfError> {
        Self::generate_as(org_name, now, false, None)
    }

    /// Like [`TrustStore::generate`] (or [`TrustStore::generate_test`] when `test`), with
    /// revocation published under `public_url`: every certificate below the root names its
    /// CRL and (below the intermediate) the OCSP responder, and the responder is created too.
    pub fn generate_published(
        org_name: &str,
        now: DateTime<Utc>,
        test: bool,
        public_url: &str,
    ) -> Result<Self, PdfError> {
        let urls = urls_for(public_url, test, 1);
        let mut store = Self::generate_as(org_name, now, test, Some(urls))?;
        store.public_url = Some(public_url.to_owned());
        store.ensure_ocsp_responder(now)?;
        Ok(store)
    }

    /// Creates the test-mode store: the same hierarchy, every name saying "TEST" ("Acme Signet
    /// TEST Root CA", O=Acme TEST). An advanced signer's test certificate carries the whole
    /// [`TEST_MARK`] as its organisation.
    pub fn generate_test(org_name: &str, now: DateTime<Utc>) -> Result<Self, PdfError> {
        Self::generate_as(org_name, now, true, None)
    }

    fn generate_as(
        org_name: &str,
        now: DateTime<Utc>,
        test: bool,
        urls: Option<RevocationUrls>,
    ) -> Result<Self, PdfError> {
        let org_name = org_name.trim();
        let (org_attr, mut prefix) = if org_name.is_empty() {
            ("Signet", "Signet".to_owned())
        } else {
            (org_name, format!("{org_name} Signet"))
        };
        if test {
            prefix.push_str(" TEST");
        }
        // In test mode every name says TEST. The whole mark stays out of the hierarchy's
        // names: NSS (and so pdfsig) fails to validate the second signature of one
        // certificate in a file when the chain's names are long (seen with the mark in the
        // organisation or an organisational unit), and the seal signs many times per file.
        let org = if test {
            utf8(&format!("{org_attr} TEST"))?
        } else {
            utf8(org_attr)?
        };
        let named = |cn: &str| -> Result<Name, PdfError> {
            name(&[(AT_ORGANIZATION, org.clone()), (AT_COMMON_NAME, utf8(cn)?)])
        };
        let root_name = named(&format!("{prefix} Root CA"))?;
        let root_key = new_key()?;
        let root = issue(
            Profile {
                issuer: None,
                subject: root_name.clone(),
                kind: Kind::Root,
                urls: urls.clone(),
            },
            &root_key,
            &root_key,
            validity(now, 20)?,
        )?;
        let intermediate_key = new_key()?;
        let intermediate_name = named(&format!("{prefix} Issuing CA"))?;
        let intermediate = issue(
            Profile {
                issuer: Some(root_name),
                subject: intermediate_name.clone(),
                kind: Kind::Intermediate,
                urls: urls.clone(),
            },
            &intermediate_key,
            &root_key,
            validity(now, 10)?,
        )?;
        let tsa_key = new_key()?;
        let tsa = issue(
            Profile {
                issuer: Some(intermediate_name.clone()),
                subject: named(&format!("{prefix} Timestamp Authority"))?,
                kind: Kind::Tsa,
                urls: urls.clone(),
            },
            &tsa_key,
            &intermediate_key,
            validity(now, 5)?,
        )?;
        let seal_key = new_key()?;
        let seal = issue(
            Profile {
                issuer: Some(intermediate_name),
                subject: named(&format!("{prefix} Seal"))?,
                kind: Kind::Seal,
                urls: urls.clone(),
            },
            &seal_key,
            &intermediate_key,
            validity(now, 5)?,
        )?;
        Ok(TrustStore {
            root,
            root_key,
            intermediate,
            intermediate_key,
            tsa,
            tsa_key,
            seal,
            seal_key,
            ocsp: None,
            retired: Vec::new(),
            former_roots: Vec::new(),
            former_issuing: Vec::new(),
            urls,
            public_url: None,
            test,
        })
    }

    /// Whether this is the test-mode store.
    pub fn is_test(&self) -> bool {
        self.test
    }

    /// The root certificates that relying parties import as trust anchors: the current one,
    /// then those it replaced (files signed under them still chain to them), as one PEM
    /// bundle.
    pub fn root_pem(&self) -> String {
        std::iter::once(&self.root)
            .chain(self.former_roots.iter().rev().map(|f| &f.cert))
            .filter_map(|c| c.to_pem(der::pem::LineEnding::LF).ok())
            .collect()
    }

    /// The root certificate in DER.
    pub fn root_der(&self) -> Vec<u8> {
        self.root.to_der().unwrap_or_default()
    }

    /// Issues an `advanced` signer a certificate bound to its verified identity, with a fresh
    /// key that is used for this signature only. Valid for one year.
    pub fn issue_signer(
        &self,
        id: &SignerIdentity,
        now: DateTime<Utc>,
    ) -> Result<SignerCredential, PdfError> {
        if id.name.trim().is_empty() {
            return Err(PdfError::Certificate("the signer has no name".into()));
        }
        let mut parts = Vec::new();
        if let Some(c) = &id.country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(PdfError::Certificate(format!(
                    "{c:?} is not an ISO 3166 alpha-2 country code"
                )));
            }
            parts.push((AT_COUNTRY, printable(c)?));
        }
        if self.test {
            // A test certificate names the person it was asked to, but says what it is: the
            // name shows in every validator and viewer, so the mark goes beside it.
            parts.push((AT_ORGANIZATION, utf8(TEST_MARK)?));
            parts.push((AT_COMMON_NAME, utf8(&format!("{} (TEST)", id.name.trim()))?));
        } else {
            parts.push((AT_COMMON_NAME, utf8(id.name.trim())?));
        }
        if let Some(s) = &id.serial_number {
            parts.push((AT_SERIAL_NUMBER, printable(s)?));
        }
        if let Some(e) = &id.email {
            parts.push((AT_EMAIL, ia5(e)?));
        }
        let key = new_key()?;
        let cert = issue(
            Profile {
                issuer: Some(self.intermediate.tbs_certificate().subject().clone()),
                subject: name(&parts)?,
                kind: Kind::Signer,
                urls: self.urls.clone(),
            },
            &key,
            &self.intermediate_key,
            validity(now, 1)?,
        )?;
        Ok(SignerCredential {
            key,
            cert,
            chain: vec![self.intermediate.clone()],
        })
    }

    /// A `simple` signature's own seal credential: a fresh key used for this signature only and
    /// a certificate that names the seal (its subject) and, as an advanced signer's does, the
    /// CRL and the OCSP responder. Valid for one year.
    ///
    /// One certificate per signature, not the long-lived [`Self::seal_credential`], for two
    /// reasons: a validator years on can only vouch for it by the responder's answers about
    /// that one certificate (a CRL of the issuing CA would speak for every certificate of the
    /// CA, and pyHanko cannot take a CRL signed by an issuing CA it was given as trust
    /// anchor), and NSS (pdfsig, Evince, Okular) fails on the second signature of a
    /// certificate whose OCSP status it fetched, which a certificate signing once never meets.
    pub fn issue_seal(&self, now: DateTime<Utc>) -> Result<SignerCredential, PdfError> {
        let key = new_key()?;
        let cert = issue(
            Profile {
                issuer: Some(self.intermediate.tbs_certificate().subject().clone()),
                subject: self.seal.tbs_certificate().subject().clone(),
                kind: Kind::Signer,
                urls: self.urls.clone(),
            },
            &key,
            &self.intermediate_key,
            validity(now, 1)?,
        )?;
        Ok(SignerCredential {
            key,
            cert,
            chain: vec![self.intermediate.clone()],
        })
    }

    /// The long-lived seal credential: Signet's certificates of completion, which it makes on
    /// request and does not keep.
    pub fn seal_credential(&self) -> SignerCredential {
        SignerCredential {
            key: self.seal_key.clone(),
            cert: self.seal.clone(),
            chain: vec![self.intermediate.clone()],
        }
    }

    pub(crate) fn tsa_chain(&self) -> Vec<Certificate> {
        vec![self.tsa.clone(), self.intermediate.clone()]
    }

    /// Serialises the store with every private key encrypted under `master_key`
    /// (AES-256-GCM, a random nonce per key, the key's role as associated data so keys cannot
    /// be swapped between roles). Certificates are public and stay in the clear.
    pub fn seal(&self, master_key: &[u8; 32]) -> Result<Vec<u8>, PdfError> {
        let cipher = Aes256Gcm::new(master_key.into());
        let mut out = String::from(STORE_HEADER);
        out.push('\n');
        let ocsp = self.ocsp.as_ref().map(|(c, k)| (ROLE_OCSP, c, k));
        for (role, cert, key) in self.entries().into_iter().chain(ocsp) {
            out.push_str(&sealed_line(&cipher, role, cert, Some(key))?);
        }
        for cert in &self.retired {
            let cert_der = cert
                .to_der()
                .map_err(|e| PdfError::Certificate(e.to_string()))?;
            out.push_str(&format!("{ROLE_RETIRED} {}\n", hex::encode(cert_der)));
        }
        let former = self
            .former_roots
            .iter()
            .map(|f| (ROLE_FORMER_ROOT, f))
            .chain(self.former_issuing.iter().map(|f| (ROLE_FORMER_ISSUING, f)));
        for (role, f) in former {
            out.push_str(&sealed_line(&cipher, role, &f.cert, f.key.as_ref())?);
            if let Some((cert, key)) = &f.responder {
                out.push_str(&sealed_line(&cipher, ROLE_FORMER_OCSP, cert, Some(key))?);
            }
        }
        Ok(out.into_bytes())
    }

    /// Opens a store written by [`TrustStore::seal`]. A wrong master key is reported as such,
    /// never as a damaged file, because that is the mistake an operator makes.
    pub fn unseal(bytes: &[u8], master_key: &[u8; 32]) -> Result<Self, PdfError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| PdfError::Unseal("not a Signet trust store".into()))?;
        let mut lines = text.lines();
        if lines.next() != Some(STORE_HEADER) {
            return Err(PdfError::Unseal("not a Signet trust store".into()));
        }
        let cipher = Aes256Gcm::new(master_key.into());
        let mut found: Vec<(Certificate, SigningKey)> = Vec::new();
        for (expected, line) in ROLES.iter().zip(lines.by_ref()) {
            found.push(unseal_line(&cipher, expected, line)?);
        }
        let mut it = found.into_iter();
        let mut ocsp = None;
        let mut retired = Vec::new();
        let mut former_roots = Vec::new();
        let mut former_issuing: Vec<FormerCa> = Vec::new();
        for line in lines.filter(|l| !l.is_empty()) {
            match line.split_once(' ') {
                Some((ROLE_RETIRED, cert_hex)) => {
                    let der = hex::decode(cert_hex)
                        .map_err(|_| PdfError::Unseal("damaged trust store".into()))?;
                    retired.push(
                        Certificate::from_der(&der)
                            .map_err(|e| PdfError::Unseal(format!("retired certificate: {e}")))?,
                    );
                }
                Some((ROLE_OCSP, _)) if ocsp.is_none() => {
                    ocsp = Some(unseal_line(&cipher, ROLE_OCSP, line)?);
                }
                Some((role @ (ROLE_FORMER_ROOT | ROLE_FORMER_ISSUING), _)) => {
                    let (cert, key) = unseal_former_line(&cipher, role, line)?;
                    let former = FormerCa {
                        cert,
                        key,
                        responder: None,
                    };
                    if role == ROLE_FORMER_ROOT {
                        former_roots.push(former);
                    } else {
                        former_issuing.push(former);
                    }
                }
                Some((ROLE_FORMER_OCSP, _)) => {
                    let responder = unseal_line(&cipher, ROLE_FORMER_OCSP, line)?;
                    match former_issuing.last_mut() {
                        Some(f) if f.responder.is_none() => f.responder = Some(responder),
                        _ => return Err(PdfError::Unseal("damaged trust store line".into())),
                    }
                }
                _ => return Err(PdfError::Unseal("damaged trust store line".into())),
            }
        }
        match (it.next(), it.next(), it.next(), it.next()) {
            (Some(r), Some(i), Some(t), Some(s)) => Ok(TrustStore {
                ocsp,
                retired,
                former_roots,
                former_issuing,
                urls: None,
                public_url: None,
                test: false,
                root: r.0,
                root_key: r.1,
                intermediate: i.0,
                intermediate_key: i.1,
                tsa: t.0,
                tsa_key: t.1,
                seal: s.0,
                seal_key: s.1,
            }),
            _ => Err(PdfError::Unseal("the trust store is incomplete".into())),
        }
    }

    /// Opens a sealed test-mode store (see [`TrustStore::generate_test`]).
    pub fn unseal_test(bytes: &[u8], master_key: &[u8; 32]) -> Result<Self, PdfError> {
        let mut store = Self::unseal(bytes, master_key)?;
        store.test = true;
        Ok(store)
    }

    fn entries(&self) -> [(&'static str, &Certificate, &SigningKey); 4] {
        [
            (ROLES[0], &self.root, &self.root_key),
            (ROLES[1], &self.intermediate, &self.intermediate_key),
            (ROLES[2], &self.tsa, &self.tsa_key),
            (ROLES[3], &self.seal, &self.seal_key),
        ]
    }
}

/// Whether a certificate's subject names a test-mode organisation: one ending in " TEST" (the
/// CA, timestamp authority and seal of a test store) or [`TEST_MARK`] (an advanced signer's
/// test certificate). Only used to explain a verdict, never to grant trust.
pub fn is_test_certificate(cert: &Certificate) -> bool {
    cert.tbs_certificate().subject().iter().any(|atv| {
        atv.oid == AT_ORGANIZATION
            && Utf8StringRef::try_from(&atv.value)
                .is_ok_and(|v| v.as_str().ends_with(" TEST") || v.as_str().ends_with(TEST_MARK))
    })
}

impl TrustStore {
    /// Gives the store a delegated OCSP responder certificate (issued by the intermediate,
    /// valid two years but never past the intermediate's end) if it has none or the one it
    /// has ends within 90 days. Returns whether it changed, so that the caller seals and
    /// stores it again.
    pub fn ensure_ocsp_responder(&mut self, now: DateTime<Utc>) -> Result<bool, PdfError> {
        match responder_due(self.ocsp.as_ref(), &self.intermediate, now) {
            false => Ok(false),
            true => {
                let fresh = new_responder(&self.intermediate, &self.intermediate_key, now)?;
                if let Some((old, _)) = self.ocsp.replace(fresh) {
                    self.retired.push(old);
                }
                Ok(true)
            }
        }
    }

    /// Renews what Signet signs with for itself before it expires, so that files signed
    /// today can be carried forward by archive timestamps for as long as the installation
    /// runs:
    ///
    /// - the root, once it ends within [`ROOT_ROLLOVER`]: a new root (a new key, its name
    ///   numbered: "Acme Signet Root CA 2"), valid twenty years; relying parties add it to
    ///   their trust anchors (`/v1/trust/ca.pem` serves every root);
    /// - the issuing CA, once it ends within [`ISSUING_ROLLOVER`] or the root changed: a new
    ///   one under the current root (new key, numbered name, its own CRL addresses), valid
    ///   ten years but never past the root;
    /// - the timestamp authority's and the seal's certificates (each with a fresh key) once
    ///   they end within [`RENEW_BEFORE`] or the issuing CA changed: valid five years but
    ///   never past the issuing CA's end; one that would not outlast the current one is not
    ///   made;
    /// - the OCSP responders, the current CA's and each former one's.
    ///
    /// A CA replaced this way stays as a former CA with its key until it ends: it signs the
    /// CRL of what it issued and its responder answers for it, because an archive timestamp
    /// must be able to vouch for the previous timestamp's authority while that is valid. The
    /// old certificates stay listed as retired, answered `good` by the responder, because
    /// files signed or stamped with them name them. Keys of former CAs that ended are
    /// dropped. Returns the roles renewed, so the caller seals and stores the store again
    /// when there are any.
    ///
    /// A document timestamp made with the renewed authority extends an archived file's proof
    /// past the old certificate's end (the archive timestamp job); without renewal, no new
    /// timestamp could.
    pub fn renew_expiring(&mut self, now: DateTime<Utc>) -> Result<Vec<&'static str>, PdfError> {
        let mut renewed = Vec::new();
        let at = SystemTime::from(now);
        if self.drop_ended_keys(at) {
            renewed.push(ROLE_RETIRED);
        }
        if end_of(&self.root) <= at + ROOT_ROLLOVER {
            self.roll_root(now)?;
            renewed.push(ROLES[0]);
        }
        let issued_by_root =
            self.intermediate.tbs_certificate().issuer() == self.root.tbs_certificate().subject();
        if (end_of(&self.intermediate) <= at + ISSUING_ROLLOVER || !issued_by_root)
            && self.roll_issuing(now)?
        {
            renewed.push(ROLES[1]);
        }
        let soon = at + RENEW_BEFORE;
        let mut end = at + YEAR * 5;
        end = end.min(end_of(&self.intermediate));
        let start = at.checked_sub(BACKDATE).unwrap_or(at);
        let issuer = self.intermediate.tbs_certificate().subject().clone();
        for (role, kind) in [(ROLES[2], Kind::Tsa), (ROLES[3], Kind::Seal)] {
            let current = if kind == Kind::Tsa {
                &self.tsa
            } else {
                &self.seal
            };
            let current_end = end_of(current);
            let same_issuer = current.tbs_certificate().issuer() == &issuer;
            if same_issuer && (current_end > soon || end <= current_end) {
                continue;
            }
            let key = new_key()?;
            let cert = issue(
                Profile {
                    issuer: Some(issuer.clone()),
                    subject: current.tbs_certificate().subject().clone(),
                    kind,
                    urls: self.urls.clone(),
                },
                &key,
                &self.intermediate_key,
                Validity::new(to_time(start)?, to_time(end)?),
            )?;
            let old = if kind == Kind::Tsa {
                self.tsa_key = key;
                std::mem::replace(&mut self.tsa, cert)
            } else {
                self.seal_key = key;
                std::mem::replace(&mut self.seal, cert)
            };
            self.retired.push(old);
            renewed.push(role);
        }
        if self.ensure_ocsp_responder(now)? {
            renewed.push(ROLE_OCSP);
        }
        let mut former_renewed = false;
        for i in 0..self.former_issuing.len() {
            let f = &self.former_issuing[i];
            let Some(key) = &f.key else { continue };
            if !responder_due(f.responder.as_ref(), &f.cert, now) {
                continue;
            }
            let fresh = new_responder(&f.cert, key, now)?;
            if let Some((old, _)) = self.former_issuing[i].responder.replace(fresh) {
                self.retired.push(old);
            }
            former_renewed = true;
        }
        if former_renewed {
            renewed.push(ROLE_FORMER_OCSP);
        }
        Ok(renewed)
    }

    /// Forgets the keys of former CAs (and their responders) that have ended: everything
    /// they issued has ended too, so they have nothing left to vouch for.
    fn drop_ended_keys(&mut self, at: SystemTime) -> bool {
        let mut dropped = false;
        for f in self
            .former_roots
            .iter_mut()
            .chain(self.former_issuing.iter_mut())
        {
            if end_of(&f.cert) > at || f.key.is_none() {
                continue;
            }
            f.key = None;
            if let Some((responder, _)) = f.responder.take() {
                self.retired.push(responder);
            }
            dropped = true;
        }
        dropped
    }

    /// Replaces the root by a new one (new key, numbered name, twenty years).
    fn roll_root(&mut self, now: DateTime<Utc>) -> Result<(), PdfError> {
        let generation = self.former_roots.len() + 2;
        let subject = numbered(self.root.tbs_certificate().subject(), generation)?;
        let key = new_key()?;
        let cert = issue(
            Profile {
                issuer: None,
                subject,
                kind: Kind::Root,
                urls: None,
            },
            &key,
            &key,
            validity(now, 20)?,
        )?;
        let old = std::mem::replace(&mut self.root, cert);
        let old_key = std::mem::replace(&mut self.root_key, key);
        self.former_roots.push(FormerCa {
            cert: old,
            key: Some(old_key),
            responder: None,
        });
        Ok(())
    }

    /// Replaces the issuing CA by a new one under the current root (new key, numbered name,
    /// its generation's CRL addresses, ten years but never past the root). The old one keeps
    /// its key and responder as a former CA. Returns false when the new one would not
    /// outlast the old one under the same root (nothing gained).
    fn roll_issuing(&mut self, now: DateTime<Utc>) -> Result<bool, PdfError> {
        let at = SystemTime::from(now);
        let end = (at + YEAR * 10).min(end_of(&self.root));
        let same_root =
            self.intermediate.tbs_certificate().issuer() == self.root.tbs_certificate().subject();
        if same_root && end <= end_of(&self.intermediate) {
            return Ok(false);
        }
        let generation = self.former_issuing.len() + 2;
        let urls = self
            .public_url
            .as_deref()
            .map(|u| urls_for(u, self.test, generation));
        let subject = numbered(self.intermediate.tbs_certificate().subject(), generation)?;
        let key = new_key()?;
        let start = at.checked_sub(BACKDATE).unwrap_or(at);
        let cert = issue(
            Profile {
                issuer: Some(self.root.tbs_certificate().subject().clone()),
                subject,
                kind: Kind::Intermediate,
                urls: urls.clone(),
            },
            &key,
            &self.root_key,
            Validity::new(to_time(start)?, to_time(end)?),
        )?;
        let old = std::mem::replace(&mut self.intermediate, cert);
        let old_key = std::mem::replace(&mut self.intermediate_key, key);
        self.former_issuing.push(FormerCa {
            cert: old,
            key: Some(old_key),
            responder: self.ocsp.take(),
        });
        if self.public_url.is_some() {
            self.urls = urls;
        }
        Ok(true)
    }
}

/// When a certificate ends.
pub(crate) fn end_of(cert: &Certificate) -> SystemTime {
    cert.tbs_certificate().validity().not_after.to_system_time()
}

/// Whether a CA's responder is due: it has none, or the one it has ends within 90 days and
/// a new one (capped at the CA's end) would outlast it.
fn responder_due(
    current: Option<&(Certificate, SigningKey)>,
    ca: &Certificate,
    now: DateTime<Utc>,
) -> bool {
    const RENEW_BEFORE: Duration = Duration::from_secs(90 * 24 * 3600);
    let at = SystemTime::from(now);
    if end_of(ca) <= at {
        return false;
    }
    match current {
        None => true,
        Some((cert, _)) => {
            let end = end_of(cert);
            end <= at + RENEW_BEFORE && (at + YEAR * 2).min(end_of(ca)) > end
        }
    }
}

/// A delegated OCSP responder certificate issued by `ca` (valid two years but never past
/// the CA's end), named after the CA ("… Issuing CA 2" answers as "… OCSP Responder 2").
fn new_responder(
    ca: &Certificate,
    ca_key: &SigningKey,
    now: DateTime<Utc>,
) -> Result<(Certificate, SigningKey), PdfError> {
    let issuer = ca.tbs_certificate().subject().clone();
    let cn = issuer
        .iter()
        .find(|atv| atv.oid == AT_COMMON_NAME)
        .and_then(|atv| Utf8StringRef::try_from(&atv.value).ok())
        .map(|v| v.as_str().replace("Issuing CA", "OCSP Responder"))
        .unwrap_or_else(|| "Signet OCSP Responder".into());
    let org = issuer
        .iter()
        .find(|atv| atv.oid == AT_ORGANIZATION)
        .map(|atv| atv.value.clone());
    let mut parts = Vec::new();
    if let Some(o) = org {
        parts.push((AT_ORGANIZATION, o));
    }
    parts.push((AT_COMMON_NAME, utf8(&cn)?));
    let key = new_key()?;
    let at = SystemTime::from(now);
    let start = at.checked_sub(BACKDATE).unwrap_or(at);
    let end = (at + YEAR * 2).min(end_of(ca));
    let cert = issue(
        Profile {
            issuer: Some(issuer),
            subject: name(&parts)?,
            kind: Kind::OcspResponder,
            urls: None,
        },
        &key,
        ca_key,
        Validity::new(to_time(start)?, to_time(end)?),
    )?;
    Ok((cert, key))
}

/// `name` with its common name numbered `generation` ("Acme Signet Issuing CA" or "… CA 2"
/// becomes "… CA 3"): a CA that replaces another gets a name of its own, so no validator
/// takes one for the other when it builds a path.
fn numbered(name_in: &Name, generation: usize) -> Result<Name, PdfError> {
    let mut parts = Vec::new();
    for atv in name_in.iter() {
        if atv.oid == AT_COMMON_NAME {
            let cn = Utf8StringRef::try_from(&atv.value)
                .map(|v| v.as_str().to_owned())
                .map_err(|e| PdfError::Certificate(e.to_string()))?;
            let base = match cn.rsplit_once(' ') {
                Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
                _ => cn.as_str(),
            };
            parts.push((AT_COMMON_NAME, utf8(&format!("{base} {generation}"))?));
        } else {
            parts.push((atv.oid, atv.value.clone()));
        }
    }
    name(&parts)
}

/// How long before its end the root is rolled over: ten years, so every issuing CA it
/// makes can have its full ten.
pub const ROOT_ROLLOVER: Duration = Duration::from_secs(10 * (365 * 24 * 3600 + 6 * 3600));

/// How long before its end the issuing CA is rolled over: six years, so that the timestamp
/// authority's and the seal's certificates (five years, renewed a year before they end)
/// always get their full term from a CA that outlasts them.
pub const ISSUING_ROLLOVER: Duration = Duration::from_secs(6 * (365 * 24 * 3600 + 6 * 3600));

/// How long before its end the timestamp authority's or the seal's certificate is renewed: a
/// year, so an archive timestamp made in the usual margin (`archive_timestamp_margin_days`)
/// before the old one expires already uses the new certificate.
pub const RENEW_BEFORE: Duration = Duration::from_secs(365 * 24 * 3600);

/// Opens one `role cert nonce sealed-key` line of a sealed store, checking its role and that
/// the key belongs to the certificate.
fn unseal_line(
    cipher: &Aes256Gcm,
    expected: &str,
    line: &str,
) -> Result<(Certificate, SigningKey), PdfError> {
    let fields: Vec<&str> = line.split(' ').collect();
    let [role, cert_hex, nonce_hex, sealed_hex] = fields.as_slice() else {
        return Err(PdfError::Unseal("damaged trust store line".into()));
    };
    if *role != expected {
        return Err(PdfError::Unseal(format!(
            "expected {expected}, found {role}"
        )));
    }
    let damaged = |_| PdfError::Unseal("damaged trust store".into());
    let cert = Certificate::from_der(&hex::decode(cert_hex).map_err(damaged)?)
        .map_err(|e| PdfError::Unseal(format!("certificate of {role}: {e}")))?;
    let nonce: [u8; 12] = hex::decode(nonce_hex)
        .map_err(damaged)?
        .try_into()
        .map_err(|_| PdfError::Unseal("damaged nonce".into()))?;
    let sealed = hex::decode(sealed_hex).map_err(damaged)?;
    let secret = cipher
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &sealed,
                aad: role.as_bytes(),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| PdfError::Unseal("wrong master key (or the store was altered)".into()))?;
    let key = SigningKey::from_slice(&secret)
        .map_err(|_| PdfError::Unseal(format!("key of {role} is invalid")))?;
    let cert_key = cert.tbs_certificate().subject_public_key_info().to_der();
    let own_key = key.verifying_key().to_public_key_der();
    match (cert_key, own_key) {
        (Ok(a), Ok(b)) if a == b.as_bytes() => {}
        _ => {
            return Err(PdfError::Unseal(format!(
                "key of {role} does not match its certificate"
            )));
        }
    }
    Ok((cert, key))
}

/// One `role cert nonce sealed-key` line (`-` for both when the key is gone). Plain key bytes
/// are wiped as soon as they are encrypted.
fn sealed_line(
    cipher: &Aes256Gcm,
    role: &str,
    cert: &Certificate,
    key: Option<&SigningKey>,
) -> Result<String, PdfError> {
    let cert_der = cert
        .to_der()
        .map_err(|e| PdfError::Certificate(e.to_string()))?;
    let Some(key) = key else {
        return Ok(format!("{role} {} - -\n", hex::encode(cert_der)));
    };
    let nonce = random_bytes::<12>()?;
    let secret = Zeroizing::new(key.to_bytes());
    let sealed = cipher
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: secret.as_slice(),
                aad: role.as_bytes(),
            },
        )
        .map_err(|_| PdfError::Certificate("key encryption failed".into()))?;
    Ok(format!(
        "{role} {} {} {}\n",
        hex::encode(cert_der),
        hex::encode(nonce),
        hex::encode(sealed)
    ))
}

/// A former CA's line: its key, or none once it has ended.
fn unseal_former_line(
    cipher: &Aes256Gcm,
    role: &str,
    line: &str,
) -> Result<(Certificate, Option<SigningKey>), PdfError> {
    let fields: Vec<&str> = line.split(' ').collect();
    if let [_, cert_hex, "-", "-"] = fields.as_slice() {
        let der =
            hex::decode(cert_hex).map_err(|_| PdfError::Unseal("damaged trust store".into()))?;
        let cert = Certificate::from_der(&der)
            .map_err(|e| PdfError::Unseal(format!("certificate of {role}: {e}")))?;
        return Ok((cert, None));
    }
    let (cert, key) = unseal_line(cipher, role, line)?;
    Ok((cert, Some(key)))
}

const STORE_HEADER: &str = "signet-trust-store v1";
const ROLES: [&str; 4] = ["root", "intermediate", "tsa", "seal"];
/// The optional fifth line: the delegated OCSP responder. Older versions stop reading after
/// the four roles above, so a store with it still opens there.
const ROLE_OCSP: &str = "ocsp";
/// Lines after it: a certificate Signet used before renewing it, without its key. Older
/// versions stop reading after the responder's line.
const ROLE_RETIRED: &str = "retired";
/// A root or an issuing CA that was rolled over, and a former issuing CA's responder (after
/// its CA's line). Older versions refuse a store with them: a rollover happens years into
/// an installation's life, long after they are gone.
const ROLE_FORMER_ROOT: &str = "former-root";
const ROLE_FORMER_ISSUING: &str = "former-issuing";
const ROLE_FORMER_OCSP: &str = "former-ocsp";
