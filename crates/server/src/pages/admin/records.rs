//! `/admin/documents` and `/admin/webhooks`: documents with their audit trails, and webhook
//! deliveries with resend.

use crate::state::AppState;
use axum::Router;

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
}
