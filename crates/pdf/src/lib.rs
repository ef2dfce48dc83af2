//! PAdES signing for Signet: incremental updates with lopdf, detached CMS signatures with the
//! RustCrypto stack, Signet's own CA and RFC 3161 timestamp authority, and verification of
//! signed PDFs (Signet's own and others').

mod asn1;
mod ca;
mod cmsbuild;
mod error;
mod pdfwrite;
mod sign;
mod verify;

pub use ca::{SignerCredential, SignerIdentity, TrustStore};
pub use error::PdfError;
pub use sign::{PdfInfo, SignOptions, VisibleBlock, check_pdf, sign_pdf, timestamp_pdf};
pub use verify::{
    Indication, LaterChanges, SignatureReport, VerificationReport, parse_roots, verify_pdf,
};
