//! Signet's own identification method, `document`: the applicant's images are checked here,
//! MRZ lines compared with the person, and the case decided by a reviewer.

pub mod images;
