//! One error type for the crate, with the mapping to the status codes of the signature
//! workflow (seed 000, 6001–6007) and to the return codes of document upload (seed 001).

/// Everything that can go wrong while accepting, signing or verifying a PDF.
///
/// The variants follow the stage that failed, because that is what decides the status code the
/// signer sees: a certificate problem is 6001/6002, a signing problem 6004/6005, a timestamp
/// problem 6006, a problem on the closing document timestamp 6007.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The bytes are not a PDF that can be parsed.
    #[error("not a PDF: {0}")]
    NotAPdf(String),
    /// The document is larger than the configured limit.
    #[error("the PDF is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// The document crosses a limit of intake ([`crate::Limits`]): decoded stream size,
    /// objects, pages, values, image size. Refused before any parser works on it.
    #[error("the PDF is too big to process: {0}")]
    OverLimit(String),
    /// A file for verification has more signature fields than are checked.
    #[error("the PDF has {found} signature fields, more than the {limit} that are verified")]
    TooManySignatures {
        /// Signature fields found.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// Verification did not finish within its time budget.
    #[error("verification took longer than {0} seconds")]
    TimeBudget(u64),
    /// The document is encrypted; it cannot be updated incrementally without its password.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// The document parses but lacks a structure that signing needs (catalog, pages, …).
    #[error("malformed PDF: {0}")]
    Malformed(String),
    /// A certificate could not be created or read, and would not be on a second try (its
    /// data cannot be encoded, a root is unreadable): seed 000's fatal 6001.
    #[error("certificate error: {0}")]
    Certificate(String),
    /// A certificate could not be created for a passing reason (the system had no randomness
    /// to give): seed 000's 6002, after which the signer approves again.
    #[error("certificate error, worth another try: {0}")]
    CertificateTransient(String),
    /// The signature could not be created or embedded.
    #[error("signing error: {0}")]
    Signing(String),
    /// The timestamp authority could not answer.
    #[error("timestamp error: {0}")]
    Timestamp(String),
    /// The closing document timestamp failed.
    #[error("document timestamp error: {0}")]
    DocumentTimestamp(String),
    /// A sealed trust store could not be opened: wrong master key or damaged data.
    #[error("cannot unseal the trust store: {0}")]
    Unseal(String),
    /// A request to the timestamp authority was not a valid RFC 3161 request.
    #[error("bad timestamp request: {0}")]
    BadTimestampRequest(String),
    /// A certificate of completion could not be drawn.
    #[error("cannot draw the certificate of completion: {0}")]
    Completion(String),
    /// A form field cannot be placed or filled as asked (seed 001's 95, "field position"):
    /// its page does not exist, its name is taken, its value does not suit it.
    #[error("field {name}: {reason}")]
    Field {
        /// The field's name.
        name: String,
        /// What is wrong, in a sentence a developer can act on.
        reason: String,
    },
    /// A picture for a field or a signature is not a PNG or JPEG that can be read (seed
    /// 001's 87), or is larger than a field takes (104).
    #[error("picture: {0}")]
    Picture(String),
    /// A page could not be drawn as an image: width or page index out of range, or a failure
    /// inside the renderer.
    #[error("cannot render the page: {0}")]
    Render(String),
}

impl PdfError {
    /// The seed 000 status code for a signer whose signature failed with this error.
    ///
    /// Document acceptance errors (not a PDF, too large, encrypted) happen before any signer
    /// exists; they map to 6004 ("fatal error while signing") should they surface while signing.
    pub fn status_code(&self) -> u32 {
        match self {
            PdfError::Certificate(_) => 6001,
            PdfError::CertificateTransient(_) => 6002,
            PdfError::Signing(_) => 6005,
            PdfError::Timestamp(_) => 6006,
            PdfError::DocumentTimestamp(_) => 6007,
            PdfError::NotAPdf(_)
            | PdfError::TooLarge { .. }
            | PdfError::OverLimit(_)
            | PdfError::TooManySignatures { .. }
            | PdfError::TimeBudget(_)
            | PdfError::Encrypted
            | PdfError::Malformed(_)
            | PdfError::Unseal(_)
            | PdfError::BadTimestampRequest(_)
            | PdfError::Completion(_)
            | PdfError::Field { .. }
            | PdfError::Picture(_)
            | PdfError::Render(_) => 6004,
        }
    }

    /// The seed 001 return code for an upload refused with this error, if there is one:
    /// 92 "file types do not match", 93 "upload file size too big", 91 "document validation
    /// failed". A file over an intake limit is 93 like one over the size limit: its content
    /// is what is too big.
    pub fn return_code(&self) -> Option<u32> {
        match self {
            PdfError::NotAPdf(_) => Some(92),
            PdfError::TooLarge { .. } | PdfError::OverLimit(_) => Some(93),
            PdfError::Encrypted | PdfError::Malformed(_) => Some(91),
            PdfError::Field { .. } => Some(95),
            PdfError::Picture(_) => Some(87),
            _ => None,
        }
    }

    /// Whether retrying the same operation can succeed (6002/6005/6006 are retryable in seed
    /// 000, 6001/6004/6007 are fatal).
    pub fn is_retryable(&self) -> bool {
        matches!(self, PdfError::Timestamp(_))
    }
}

#[cfg(test)]
mod tests {
    use super::PdfError;

    #[test]
    fn seed_000_tells_a_fatal_certificate_error_from_one_worth_another_try() {
        assert_eq!(PdfError::Certificate("x".into()).status_code(), 6001);
        assert_eq!(
            PdfError::CertificateTransient("x".into()).status_code(),
            6002
        );
        assert_eq!(PdfError::Signing("x".into()).status_code(), 6005);
        assert_eq!(PdfError::Timestamp("x".into()).status_code(), 6006);
        assert_eq!(PdfError::DocumentTimestamp("x".into()).status_code(), 6007);
    }
}
