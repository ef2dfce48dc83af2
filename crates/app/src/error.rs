//! API errors in seed 002's shape:
//! `{"errors":[{"id","status","code","title","detail","source":{"field","message"}}]}`
//! with seed 001's number as `return_code` where one matches. `id` is the
//! request id, which is also in every log line of the request.

use axum_core::response::{IntoResponse, Response};
use http::StatusCode;
use serde::Serialize;
use signet_core::catalog::ErrorCode;
use signet_core::validate::FieldError;
use signet_store::StoreError;

tokio::task_local! {
    /// The current request's id, set by the request-id middleware.
    pub static REQUEST_ID: String;
}

pub fn current_request_id() -> String {
    REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| "-".to_owned())
}

tokio::task_local! {
    /// The first internal cause reported while a job runs: the API hides it from clients
    /// ("an internal error occurred"), the job keeps it as its last error.
    static INTERNAL_CAUSE: std::cell::RefCell<Option<String>>;
}

/// Keeps `cause` as the running job's real error (outside a job this does nothing).
fn note_internal_cause(cause: &dyn std::fmt::Display) {
    let _ = INTERNAL_CAUSE.try_with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(cause.to_string());
        }
    });
}

/// Runs `work` and returns, with its output, the first internal cause it reported.
pub async fn with_internal_cause<T>(work: impl Future<Output = T>) -> (T, Option<String>) {
    INTERNAL_CAUSE
        .scope(std::cell::RefCell::new(None), async {
            let out = work.await;
            let cause = INTERNAL_CAUSE.with(|c| c.borrow_mut().take());
            (out, cause)
        })
        .await
}

/// One entry of the `errors` array.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorObject {
    /// The request id.
    pub id: String,
    pub status: u16,
    /// A stable code; see `GET /v1/codes` (kind `error_code`).
    pub code: String,
    pub title: String,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ErrorSource>,
    /// Seed 001's numeric return code, where one matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_code: Option<u32>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorSource {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub errors: Vec<ErrorObject>,
}

/// An error a handler returns. Every one starts from an [`ErrorCode`], which brings its HTTP
/// status, title and seed 001 number from the catalogue (`GET /v1/codes`), so a code that is
/// not listed there, or a status other than the listed one, cannot be sent.
#[derive(Debug)]
pub struct AppError {
    /// `code.http_status()`, set by the constructors for readers; the response uses the code's.
    pub status: StatusCode,
    pub code: ErrorCode,
    pub title: &'static str,
    pub detail: String,
    pub fields: Vec<FieldError>,
    return_code: Option<u32>,
    /// Seconds to send as `Retry-After` (a 429 whose window ends then).
    pub retry_after: Option<u64>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// An error of `code`, with its status, title and seed 001 number from the catalogue.
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> AppError {
        AppError {
            status: StatusCode::from_u16(code.http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            code,
            title: code.title(),
            detail: detail.into(),
            fields: Vec::new(),
            return_code: code.return_code(),
            retry_after: None,
        }
    }

    /// Adds a `Retry-After` of `seconds` (at least 1).
    pub fn with_retry_after(mut self, seconds: u64) -> AppError {
        self.retry_after = Some(seconds.max(1));
        self
    }

    /// Seed 001's number for what exactly was wrong: only for the codes whose number depends on
    /// the field or image (`invalid_model`, `image_refused`), and only a seed 001 number, never
    /// a seed 000 status code (see [`ErrorCode::allows_return_code`]). Anything else is a bug:
    /// it fails in debug builds and is dropped in release builds.
    pub fn with_return_code(mut self, n: u32) -> AppError {
        if self.code.allows_return_code(n) {
            self.return_code = Some(n);
        } else {
            debug_assert!(false, "{} cannot carry return_code {n}", self.code);
            tracing::warn!(code = %self.code, n, "return code not sent: not the code's");
        }
        self
    }

    /// Seed 001's number sent as `return_code`, if any.
    pub fn return_code(&self) -> Option<u32> {
        self.return_code
    }

    /// 400 `invalid_model`, one entry per field (seed 002).
    pub fn invalid(fields: Vec<FieldError>) -> AppError {
        let detail = fields
            .iter()
            .map(|f| format!("{} {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; ");
        AppError {
            fields,
            ..AppError::new(ErrorCode::InvalidModel, detail)
        }
    }

    /// An error of `code` (a 4xx whose entries name fields, such as
    /// `field_position_invalid`), one entry per field.
    pub fn refused_fields(code: ErrorCode, fields: Vec<FieldError>) -> AppError {
        let detail = fields
            .iter()
            .map(|f| format!("{} {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; ");
        AppError {
            fields,
            ..AppError::new(code, detail)
        }
    }

    pub fn field(field: &str, message: &str) -> AppError {
        AppError::invalid(vec![FieldError {
            field: field.to_owned(),
            message: message.to_owned(),
        }])
    }

    /// 404 naming `what`; an unknown document or signer has its own code with seed 001's 41.
    pub fn not_found(what: &str) -> AppError {
        let code = match what {
            "document" => ErrorCode::DocumentNotFound,
            "signer" => ErrorCode::SignerNotFound,
            _ => ErrorCode::NotFound,
        };
        AppError::new(code, format!("{what} not found"))
    }

    pub fn unauthorized(detail: &str) -> AppError {
        AppError::new(ErrorCode::Unauthorized, detail)
    }

    pub fn invalid_state(detail: impl Into<String>) -> AppError {
        AppError::new(ErrorCode::InvalidState, detail)
    }

    pub fn internal(cause: &dyn std::fmt::Display) -> AppError {
        tracing::error!(error = %cause, "internal error");
        // A job that fails keeps the cause as its last error (clients never see it).
        note_internal_cause(cause);
        AppError::new(
            ErrorCode::InternalError,
            "an internal error occurred; quote the request id to support",
        )
    }

    pub fn body(&self) -> ErrorBody {
        let id = current_request_id();
        let base = |source: Option<ErrorSource>| ErrorObject {
            id: id.clone(),
            status: self.code.http_status(),
            code: self.code.as_str().to_owned(),
            title: self.title.to_owned(),
            detail: match &source {
                Some(s) => format!("{} {}", s.field, s.message),
                None => self.detail.clone(),
            },
            source,
            return_code: self.return_code,
        };
        let errors = if self.fields.is_empty() {
            vec![base(None)]
        } else {
            self.fields
                .iter()
                .map(|f| {
                    base(Some(ErrorSource {
                        field: f.field.clone(),
                        message: f.message.clone(),
                    }))
                })
                .collect()
        };
        ErrorBody { errors }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::warn!(code = self.code.as_str(), "request failed");
        }
        let status = StatusCode::from_u16(self.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        let mut r = (
            status,
            [(http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from(s));
        }
        r
    }
}

impl AppError {
    /// A store error where `NotFound` means `what` does not exist (404 naming it).
    pub fn unless_found(e: StoreError, what: &str) -> AppError {
        match e {
            StoreError::NotFound => AppError::not_found(what),
            other => other.into(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::NotFound => AppError::not_found("resource"),
            StoreError::Conflict(what) => AppError::new(ErrorCode::Conflict, what),
            other => AppError::internal(&other),
        }
    }
}

impl From<signet_core::identification::InvalidTransition> for AppError {
    fn from(e: signet_core::identification::InvalidTransition) -> AppError {
        AppError::invalid_state(e.to_string())
    }
}
