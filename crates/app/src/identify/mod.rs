//! What the applicant's side of an identification (the hosted page `/identify/{token}`) and
//! Signet's own method, `document`, read and check: the identification behind a page's link,
//! the images (checked on upload, `images`), and the machine-readable zone parsed with every
//! check digit. The steps themselves (consent, capture, submission, a reviewer's decision)
//! are use cases of `identifications.rs`; nothing here changes anything.

pub mod images;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use signet_core::catalog::ErrorCode;
use signet_core::identification::Identification;
use signet_core::mrz::Mrz;
use signet_core::time::Timestamp;
use signet_store::{Mode, Tenant};

/// An identification opened by its page token, with what the page shows.
pub struct Opened {
    pub tenant: Tenant,
    pub mode: Mode,
    pub identification: Identification,
    pub now: Timestamp,
}

/// Page tokens are 32 hex digits; anything else is not looked up.
pub(crate) fn plausible_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The identification behind a page token; an unknown token is 404.
pub async fn open(state: &AppState, token: &str) -> AppResult<Opened> {
    if !plausible_token(token) {
        return Err(AppError::not_found("identification"));
    }
    let (tenant_id, mode, identification) = state
        .store
        .identification_by_token(token)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    let tenant = state.store.tenant(&tenant_id).await?;
    let now = tenant.now(mode, state.wall_now());
    Ok(Opened {
        tenant,
        mode,
        identification,
        now,
    })
}

/// Parses a machine-readable zone as typed: every check digit must be right (a typo is
/// told with its line and position, seed 001's 2007 "Invalid value").
pub fn parse_mrz(text: &str, today: chrono::NaiveDate) -> AppResult<Mrz> {
    let invalid = |detail: String| AppError::new(ErrorCode::MrzInvalid, detail);
    let mrz = Mrz::parse(text, today).map_err(|e| invalid(e.to_string()))?;
    if let Some(c) = mrz.failed_checks().next() {
        return Err(invalid(format!(
            "the check digit of the {} (line {}, position {}) is {}, but the data gives {}: check the line for a typing error",
            c.field, c.line, c.position, c.found, c.expected
        )));
    }
    Ok(mrz)
}
