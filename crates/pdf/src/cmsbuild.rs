//! Building detached CMS signatures (RFC 5652) for PAdES and timestamp tokens (RFC 3161).
//!
//! The signer info is assembled by hand rather than through `cms`'s builder: PAdES needs exact
//! control over the signed attributes (no signing-time, an ESS signing-certificate-v2) and the
//! timestamp token is attached as an unsigned attribute after the signature exists.

use chrono::{DateTime, Utc};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{Int, ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Encode};
use p256::ecdsa::{DerSignature, SigningKey};
use sha2::{Digest, Sha256};
use signature::Signer;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;

use crate::asn1::*;

pub(crate) fn sha256_alg() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

fn attribute<T: der::EncodeValue + der::Tagged>(
    oid: ObjectIdentifier,
    value: &T,
) -> der::Result<Attribute> {
    let mut values = SetOfVec::new();
    values.insert(Any::encode_from(value)?)?;
    Ok(Attribute { oid, values })
}

/// ESS signing-certificate-v2 naming `cert`: binds the signature to this exact certificate so a
/// second certificate for the same key cannot be substituted (PAdES baseline requires it).
fn signing_certificate_v2(cert: &Certificate) -> der::Result<SigningCertificateV2> {
    let hash = Sha256::digest(cert.to_der()?);
    let tbs = cert.tbs_certificate();
    Ok(SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            hash_algorithm: None,
            cert_hash: OctetString::new(hash.to_vec())?,
            issuer_serial: Some(IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer().clone())],
                serial_number: tbs.serial_number().clone(),
            }),
        }],
    })
}

/// What to sign: a SHA-256 digest of external content (the PDF byte ranges) or an
/// encapsulated TSTInfo.
pub(crate) struct SignRequest<'a> {
    pub content_type: ObjectIdentifier,
    pub econtent: Option<Vec<u8>>,
    pub digest: [u8; 32],
    pub key: &'a SigningKey,
    pub cert: &'a Certificate,
    pub chain: &'a [Certificate],
}

/// The signed attributes of a PAdES signer info: content type, message digest of the signed
/// byte ranges and ESS signing-certificate-v2 naming `cert` (no signing-time: PAdES puts the
/// claimed time in /M).
pub(crate) fn signed_attributes(
    content_type: ObjectIdentifier,
    digest: &[u8; 32],
    cert: &Certificate,
) -> Result<SetOfVec<Attribute>, String> {
    let e = |e: der::Error| e.to_string();
    let mut attrs = SetOfVec::new();
    attrs
        .insert(attribute(ID_CONTENT_TYPE, &content_type).map_err(e)?)
        .map_err(e)?;
    attrs
        .insert(
            attribute(
                ID_MESSAGE_DIGEST,
                &OctetString::new(digest.to_vec()).map_err(e)?,
            )
            .map_err(e)?,
        )
        .map_err(e)?;
    attrs
        .insert(
            attribute(
                ID_AA_SIGNING_CERTIFICATE_V2,
                &signing_certificate_v2(cert).map_err(e)?,
            )
            .map_err(e)?,
        )
        .map_err(e)?;
    Ok(attrs)
}

/// A signer info and its SignedData around signed attributes that are already signed,
/// here or elsewhere (a remote signing service): `signature` is the signature value over the
/// DER of `attrs` under `signature_algorithm`.
pub(crate) struct Assemble<'a> {
    pub content_type: ObjectIdentifier,
    pub econtent: Option<Vec<u8>>,
    pub attrs: SetOfVec<Attribute>,
    pub signature: Vec<u8>,
    pub signature_algorithm: AlgorithmIdentifierOwned,
    pub unsigned: Option<Attribute>,
    pub cert: &'a Certificate,
    pub chain: &'a [Certificate],
}

pub(crate) fn assemble_signed_data(a: Assemble<'_>) -> Result<SignedData, String> {
    let e = |e: der::Error| e.to_string();
    let unsigned_attrs = match a.unsigned {
        Some(attr) => {
            let mut set = SetOfVec::new();
            set.insert(attr).map_err(e)?;
            Some(set)
        }
        None => None,
    };
    let tbs = a.cert.tbs_certificate();
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: sha256_alg(),
        signed_attrs: Some(a.attrs),
        signature_algorithm: a.signature_algorithm,
        signature: OctetString::new(a.signature).map_err(e)?,
        unsigned_attrs,
    };
    let mut certs = vec![CertificateChoices::Certificate(a.cert.clone())];
    certs.extend(a.chain.iter().cloned().map(CertificateChoices::Certificate));
    let econtent = match &a.econtent {
        Some(bytes) => {
            Some(Any::encode_from(&OctetString::new(bytes.clone()).map_err(e)?).map_err(e)?)
        }
        None => None,
    };
    let mut digest_algorithms = SetOfVec::new();
    digest_algorithms.insert(sha256_alg()).map_err(e)?;
    Ok(SignedData {
        // RFC 5652 §5.1: version 3 when the content is not id-data.
        version: if a.content_type == ID_DATA {
            CmsVersion::V1
        } else {
            CmsVersion::V3
        },
        digest_algorithms,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: a.content_type,
            econtent,
        },
        certificates: Some(CertificateSet::try_from(certs).map_err(e)?),
        crls: None,
        signer_infos: SignerInfos::try_from(vec![signer_info]).map_err(e)?,
    })
}

/// Signs and returns the SignedData; `unsigned` is called with the raw signature value so that
/// a timestamp token over it can be attached.
pub(crate) fn build_signed_data(
    req: &SignRequest<'_>,
    unsigned: impl FnOnce(&[u8]) -> Result<Option<Attribute>, String>,
) -> Result<SignedData, String> {
    let attrs = signed_attributes(req.content_type, &req.digest, req.cert)?;
    let to_sign = attrs.to_der().map_err(|e| e.to_string())?;
    let sig: DerSignature = req
        .key
        .try_sign(&to_sign)
        .map_err(|err| format!("ECDSA signing failed: {err}"))?;
    let sig_bytes = sig.to_bytes().to_vec();
    let unsigned = unsigned(&sig_bytes)?;
    assemble_signed_data(Assemble {
        content_type: req.content_type,
        econtent: req.econtent.clone(),
        attrs,
        signature: sig_bytes,
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        },
        unsigned,
        cert: req.cert,
        chain: req.chain,
    })
}

pub(crate) fn content_info(sd: &SignedData) -> Result<ContentInfo, String> {
    Ok(ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(sd).map_err(|e| e.to_string())?,
    })
}

/// The TSA's answer to one imprint: a TimeStampToken (a ContentInfo holding SignedData over a
/// TSTInfo). Certificates are included when asked for, and always for tokens embedded in PDFs
/// so that validators can build the TSA's chain from the file alone.
pub(crate) struct TokenRequest<'a> {
    pub imprint: MessageImprint,
    pub nonce: Option<Int>,
    pub include_certs: bool,
    pub key: &'a SigningKey,
    pub chain: &'a [Certificate],
    pub now: DateTime<Utc>,
}

pub(crate) fn timestamp_token(req: &TokenRequest<'_>) -> Result<ContentInfo, String> {
    let e = |e: der::Error| e.to_string();
    let serial = crate::ca::random_bytes::<16>().map_err(|e| e.to_string())?;
    let mut serial = serial.to_vec();
    // Positive with the top byte non-zero, so the INTEGER is exactly 16 bytes in DER (a
    // leading zero byte would not be minimal and strict decoders refuse it).
    serial[0] = (serial[0] & 0x7f) | 0x40;
    // Whole seconds: genTime may carry fractions, but validators differ in how they treat
    // them, and the accuracy field says one second anyway.
    let tst = TstInfo {
        version: 1,
        policy: SIGNET_TSA_POLICY,
        message_imprint: req.imprint.clone(),
        serial_number: Int::new(&serial).map_err(e)?,
        gen_time: gen_time(req.now).map_err(e)?,
        accuracy: Some(Accuracy {
            seconds: Some(1),
            millis: None,
            micros: None,
        }),
        ordering: false,
        nonce: req.nonce.clone(),
        tsa: None,
        extensions: None,
    };
    let tst_der = tst.to_der().map_err(e)?;
    let digest: [u8; 32] = Sha256::digest(&tst_der).into();
    let (cert, rest) = req.chain.split_first().ok_or("TSA has no certificate")?;
    let sd = build_signed_data(
        &SignRequest {
            content_type: ID_CT_TST_INFO,
            econtent: Some(tst_der),
            digest,
            key: req.key,
            cert,
            chain: if req.include_certs { rest } else { &[] },
        },
        |_| Ok(None),
    )?;
    let sd = if req.include_certs {
        sd
    } else {
        SignedData {
            certificates: None,
            ..sd
        }
    };
    content_info(&sd)
}
