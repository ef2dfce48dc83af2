//! PAdES signing for Signet: incremental updates with lopdf, detached CMS signatures with the
//! RustCrypto stack, Signet's own CA and RFC 3161 timestamp authority, and verification of
//! signed PDFs (Signet's own and others').
//!
//! The flow of a document, as the server drives it:
//!
//! 1. On first start, [`TrustStore::generate`] creates the root, the issuing CA, the timestamp
//!    authority and the seal; [`TrustStore::seal`] writes it with the private keys encrypted
//!    under the operator's master key, [`TrustStore::unseal`] reads it back.
//! 2. An upload passes [`check_pdf`] (a real, unencrypted PDF within the size limit, and
//!    within the [`Limits`] of intake: [`scan`] bounds what any parser will do with it).
//! 3. Each signer's confirmation appends one signature with [`sign_pdf`]: a certificate from
//!    [`TrustStore::issue_signer`] for `advanced`, [`TrustStore::seal_credential`] for
//!    `simple`. Earlier signatures stay valid because earlier bytes never change.
//! 4. On FINISH, [`timestamp_pdf`] closes the file with a document timestamp.
//! 5. [`verify_pdf`] reports every signature in ETSI EN 319 102-1 terms.
//!
//! Nothing here reads the clock: every operation that needs the time takes `now`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use signet_pdf::*;
//!
//! # fn pdf() -> Vec<u8> {
//! #     let mut doc = lopdf::Document::with_version("1.7");
//! #     let pages = doc.new_object_id();
//! #     let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages,
//! #         "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
//! #     doc.objects.insert(pages, lopdf::Object::Dictionary(lopdf::dictionary! {
//! #         "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
//! #     let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
//! #     doc.trailer.set("Root", catalog);
//! #     let mut out = Vec::new();
//! #     doc.save_to(&mut out).unwrap();
//! #     out
//! # }
//! let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap();
//! let trust = TrustStore::generate("Acme Onboarding", now)?;
//! let input = pdf();
//! check_pdf(&input, 20 << 20)?;
//!
//! let ana = trust.issue_signer(
//!     &SignerIdentity { name: "Ana Silva".into(), country: Some("PT".into()), ..Default::default() },
//!     now,
//! )?;
//! let opts = SignOptions {
//!     signer_name: "Ana Silva".into(),
//!     reason: Some("I agree".into()),
//!     location: None,
//!     contact: None,
//!     signing_time: now,
//!     timestamp: true,
//!     form: Default::default(),
//!     visible: None,
//! };
//! let signed = sign_pdf(&input, &ana, &trust, &opts)?;
//! let closed = timestamp_pdf(&signed, &trust, now)?;
//!
//! let report = verify_pdf(&closed, &[trust.root_pem()])?;
//! assert_eq!(report.signatures[0].detected_level, "PAdES-B-T");
//! assert_eq!(report.signatures[0].indication, Indication::TotalPassed);
//! assert!(report.produced_by_signet);
//! # Ok::<(), PdfError>(())
//! ```

pub mod anchor;
mod asn1;
mod ca;
mod cmsbuild;
mod completion;
mod error;
pub mod form;
pub mod html;
mod intake;
pub mod ltv;
mod pdfwrite;
mod picture;
mod render;
pub mod revocation;
mod sigcheck;
mod sign;
pub mod trusted_list;
mod tsa_client;
pub mod validation;
mod verify;

pub use ca::{SignerCredential, SignerIdentity, TEST_MARK, TrustStore, is_test_certificate};
pub use completion::{Completion, CompletionEntry, CompletionSigner, completion_certificate};
pub use error::PdfError;
pub use form::{FieldArea, FieldKind, FieldValue, FormField, FormFill, add_form_fields};
pub use intake::{
    DEFAULT_MAX_DECOMPRESSED_BYTES, Limits, MAX_ARRAY_LEN, MAX_FILTERS, MAX_IMAGE_PIXELS,
    MAX_NESTING, MAX_OBJECTS, MAX_PAGES, MAX_VALUES, Scanned, scan,
};
pub use picture::{check_picture, picture_size};
pub use render::{MAX_HEIGHT_PX, MAX_WIDTH_PX, MIN_WIDTH_PX, page_count, render_page_png};
pub use sign::{
    PdfInfo, PreparedSignature, RemoteAlgorithm, RemoteSignature, SignOptions, VisibleBlock,
    check_pdf, check_pdf_with, prepare_document_timestamp, prepare_remote_signature,
    prepare_signature, sign_pdf, timestamp_pdf,
};
pub use trusted_list::{TrustedList, TrustedService, parse_trusted_list};
pub use tsa_client::{TimestampQuery, TsaReplyError, timestamp_query_imprint};
pub use validation::{RevocationEvidence, RevocationFetcher, RevocationPolicy};
pub use verify::{
    DETECTED_LEVELS, Indication, LaterChanges, MAX_VERIFIED_SIGNATURES, SignatureReport,
    VerificationReport, VerifyOptions, parse_roots, verify_pdf, verify_pdf_with,
};
