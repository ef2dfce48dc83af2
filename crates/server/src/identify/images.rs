//! Checks of the ID and selfie images an applicant uploads.
