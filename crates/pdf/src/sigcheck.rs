//! A signature value checked with a certificate's public key, for every algorithm the chains
//! Signet meets use: its own CA (ECDSA P-256), qualified trust service providers and public
//! timestamp authorities (RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA P-384). One function serves the
//! CMS signatures, the certificate chains, the OCSP responses and the CRLs, so a QTSP's
//! revocation data is judged exactly as its signatures are.

use der::Encode;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, ObjectIdentifier, SubjectPublicKeyInfoOwned};
use x509_cert::Certificate;

use crate::asn1::*;

/// RSASSA-PSS (RFC 4055): the hash, the mask generation and the salt length are parameters.
pub(crate) const RSASSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// MGF1 (RFC 8017), the only mask generation function PSS uses in practice.
const ID_MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");

/// The digest of `data` with the hash `alg` names (SHA-256, -384 or -512).
pub(crate) fn digest(alg: &ObjectIdentifier, data: &[&[u8]]) -> Option<Vec<u8>> {
    fn run<D: Digest>(data: &[&[u8]]) -> Vec<u8> {
        let mut h = D::new();
        for d in data {
            h.update(d);
        }
        h.finalize().to_vec()
    }
    match *alg {
        ID_SHA256 => Some(run::<Sha256>(data)),
        ID_SHA384 => Some(run::<Sha384>(data)),
        ID_SHA512 => Some(run::<Sha512>(data)),
        _ => None,
    }
}

/// The PSS parameters that matter: the hash (also MGF1's, as RFC 4055 profiles require) and
/// the salt length. `None` for parameters this module does not verify (another MGF, a
/// trailer other than 0xBC, MGF1 over another hash, an unsupported hash).
fn pss_params(alg: &AlgorithmIdentifierOwned) -> Option<(ObjectIdentifier, usize)> {
    let der = alg.parameters.as_ref()?.to_der().ok()?;
    let params: rsa::pkcs1::RsaPssParams<der::Any> = der::Decode::from_der(&der).ok()?;
    let hash = params.hash.oid;
    if params.mask_gen.oid != ID_MGF1
        || params.mask_gen.parameters.as_ref().map(|p| p.oid) != Some(hash)
        || params.trailer_field != rsa::pkcs1::TrailerField::BC
        || !matches!(hash, ID_SHA256 | ID_SHA384 | ID_SHA512)
    {
        return None;
    }
    Some((hash, usize::from(params.salt_len)))
}

/// Verifies `signature` over `message` with the key in `spki` and the signature algorithm
/// `sig_alg`. `digest_alg` is the CMS digest algorithm, needed where the signature algorithm
/// names only the key type (`ecPublicKey`, `rsaEncryption` in a SignerInfo). `None` means the
/// algorithm or key is not supported (neither good nor bad); `Some(false)` a value that does
/// not verify.
pub(crate) fn verify_with_key(
    spki: &SubjectPublicKeyInfoOwned,
    sig_alg: &AlgorithmIdentifierOwned,
    digest_alg: Option<&ObjectIdentifier>,
    message: &[u8],
    signature: &[u8],
) -> Option<bool> {
    use signature::hazmat::PrehashVerifier;
    let pss = if sig_alg.oid == RSASSA_PSS {
        Some(pss_params(sig_alg)?)
    } else {
        None
    };
    // The signature algorithm and the key must be of one family: a known algorithm named for
    // another kind of key is a value that does not verify, not an unsupported one (the
    // SignerInfo's algorithm is not signed, so a forger must not turn "fails" into "unknown").
    let ec_key = spki.algorithm.oid == ID_EC_PUBLIC_KEY;
    let rsa_key = matches!(spki.algorithm.oid, RSA_ENCRYPTION | RSASSA_PSS);
    let fits = match sig_alg.oid {
        ECDSA_WITH_SHA256 | ECDSA_WITH_SHA384 | ECDSA_WITH_SHA512 | ID_EC_PUBLIC_KEY => ec_key,
        SHA256_WITH_RSA | SHA384_WITH_RSA | SHA512_WITH_RSA | RSA_ENCRYPTION | RSASSA_PSS => {
            rsa_key
        }
        _ => return None,
    };
    if !fits && (ec_key || rsa_key) {
        return Some(false);
    }
    let hash_oid = match sig_alg.oid {
        ECDSA_WITH_SHA256 | SHA256_WITH_RSA => ID_SHA256,
        ECDSA_WITH_SHA384 | SHA384_WITH_RSA => ID_SHA384,
        ECDSA_WITH_SHA512 | SHA512_WITH_RSA => ID_SHA512,
        RSASSA_PSS => pss?.0,
        ID_EC_PUBLIC_KEY | RSA_ENCRYPTION => *digest_alg?,
        _ => return None,
    };
    let prehash = digest(&hash_oid, &[message])?;
    let key_bytes = spki.subject_public_key.raw_bytes();
    match spki.algorithm.oid {
        ID_EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())?;
            match curve {
                SECP256R1 => {
                    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes).ok()?;
                    let sig = p256::ecdsa::DerSignature::from_bytes(signature).ok();
                    Some(sig.is_some_and(|s| key.verify_prehash(&prehash, &s).is_ok()))
                }
                SECP384R1 => {
                    let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes).ok()?;
                    let sig = p384::ecdsa::DerSignature::from_bytes(signature).ok();
                    Some(sig.is_some_and(|s| key.verify_prehash(&prehash, &s).is_ok()))
                }
                _ => None,
            }
        }
        // A PSS signature may come from an rsaEncryption key or from a key certified for
        // RSASSA-PSS only.
        RSA_ENCRYPTION | RSASSA_PSS => {
            use rsa::pkcs8::DecodePublicKey;
            let der = if spki.algorithm.oid == RSASSA_PSS {
                // The key itself is an RSAPublicKey either way; rsa reads it as rsaEncryption.
                let mut plain = spki.clone();
                plain.algorithm = AlgorithmIdentifierOwned {
                    oid: RSA_ENCRYPTION,
                    parameters: Some(der::asn1::Null.into()),
                };
                plain.to_der().ok()?
            } else {
                spki.to_der().ok()?
            };
            let key = rsa::RsaPublicKey::from_public_key_der(&der).ok()?;
            let ok = match (pss, hash_oid) {
                (Some((_, salt)), ID_SHA256) => key.verify(
                    rsa::pss::Pss::<Sha256>::new_with_salt(salt),
                    &prehash,
                    signature,
                ),
                (Some((_, salt)), ID_SHA384) => key.verify(
                    rsa::pss::Pss::<Sha384>::new_with_salt(salt),
                    &prehash,
                    signature,
                ),
                (Some((_, salt)), _) => key.verify(
                    rsa::pss::Pss::<Sha512>::new_with_salt(salt),
                    &prehash,
                    signature,
                ),
                // A key certified for PSS only signs nothing else.
                (None, _) if spki.algorithm.oid == RSASSA_PSS => return Some(false),
                (None, ID_SHA256) => {
                    key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &prehash, signature)
                }
                (None, ID_SHA384) => {
                    key.verify(rsa::Pkcs1v15Sign::new::<Sha384>(), &prehash, signature)
                }
                (None, _) => key.verify(rsa::Pkcs1v15Sign::new::<Sha512>(), &prehash, signature),
            };
            Some(ok.is_ok())
        }
        _ => None,
    }
}

/// Whether `signer`'s key made `signature` over `message` with `sig_alg`: for OCSP responses,
/// CRLs and certificates, whose algorithm identifier names the hash. An unsupported
/// algorithm does not verify.
pub(crate) fn signed_by(
    signer: &Certificate,
    sig_alg: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> bool {
    verify_with_key(
        signer.tbs_certificate().subject_public_key_info(),
        sig_alg,
        None,
        message,
        signature,
    ) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::{Decode, Encode};

    fn pss_alg(params: &rsa::pkcs1::RsaPssParamsRef<'static>) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: RSASSA_PSS,
            parameters: Some(der::Any::from_der(&params.to_der().unwrap()).unwrap()),
        }
    }

    #[test]
    fn pss_parameters_are_read_and_unusual_ones_refused() {
        let sha256 = rsa::pkcs1::RsaPssParamsRef::new::<Sha256>(32);
        assert_eq!(pss_params(&pss_alg(&sha256)), Some((ID_SHA256, 32)));
        let sha512 = rsa::pkcs1::RsaPssParamsRef::new::<Sha512>(64);
        assert_eq!(pss_params(&pss_alg(&sha512)), Some((ID_SHA512, 64)));
        // MGF1 over another hash than the message's: not a profile anyone signs with.
        let mut mixed = rsa::pkcs1::RsaPssParamsRef::new::<Sha256>(32);
        mixed.mask_gen = rsa::pkcs1::RsaPssParamsRef::new::<Sha384>(48).mask_gen;
        assert_eq!(pss_params(&pss_alg(&mixed)), None);
        // The RFC 4055 defaults (SHA-1 everywhere) are not verified.
        let sha1 = rsa::pkcs1::RsaPssParamsRef::default();
        assert_eq!(pss_params(&pss_alg(&sha1)), None);
        // No parameters at all.
        let bare = AlgorithmIdentifierOwned {
            oid: RSASSA_PSS,
            parameters: None,
        };
        assert_eq!(pss_params(&bare), None);
    }

    #[test]
    fn an_unknown_algorithm_is_neither_good_nor_bad() {
        let key = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
        let spki = SubjectPublicKeyInfoOwned::from_der(
            &p256::pkcs8::EncodePublicKey::to_public_key_der(key.verifying_key())
                .unwrap()
                .to_vec(),
        )
        .unwrap();
        let sig: p256::ecdsa::DerSignature = signature::Signer::sign(&key, b"message");
        let ecdsa = AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        };
        assert_eq!(
            verify_with_key(&spki, &ecdsa, None, b"message", sig.as_bytes()),
            Some(true)
        );
        assert_eq!(
            verify_with_key(&spki, &ecdsa, None, b"messagE", sig.as_bytes()),
            Some(false)
        );
        // Ed25519: not supported, so no answer either way.
        let ed25519 = AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("1.3.101.112"),
            parameters: None,
        };
        assert_eq!(
            verify_with_key(&spki, &ed25519, None, b"message", sig.as_bytes()),
            None
        );
        // A PSS identifier, or an RSA one, on an EC key is no signature of that key: it fails
        // rather than being set aside as unknown.
        let pss = pss_alg(&rsa::pkcs1::RsaPssParamsRef::new::<Sha256>(32));
        assert_eq!(
            verify_with_key(&spki, &pss, None, b"message", sig.as_bytes()),
            Some(false)
        );
        let rsa_sha256 = AlgorithmIdentifierOwned {
            oid: SHA256_WITH_RSA,
            parameters: None,
        };
        assert_eq!(
            verify_with_key(&spki, &rsa_sha256, None, b"message", sig.as_bytes()),
            Some(false)
        );
    }
}
