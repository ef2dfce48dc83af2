//! API keys: `sk_test_…` and `sk_live_…`, 256 random bits, shown once.
//!
//! A key is `sk_<mode>_<43 base64url characters>`. The first 16 characters
//! after the mode are a public lookup prefix; the whole key's SHA-256 is
//! stored and compared in constant time. A fast hash is right here: the key
//! has 256 bits of entropy, so a slow password hash would only cost every
//! request time without adding any protection.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use signet_app::error::AppError;
use signet_app::state::{AppState, fill_random};
use signet_core::ids::{ApiKeyId, TenantId};
use signet_core::time::Timestamp;
use signet_store::{Mode, Store, StoreError, Tenant};
use subtle::ConstantTimeEq;

const PREFIX_LEN: usize = 16;

/// The caller, once its key is verified.
#[derive(Clone, Debug)]
pub struct Caller {
    pub tenant: Tenant,
    pub mode: Mode,
    pub key_id: ApiKeyId,
}

impl Caller {
    /// The tenant's clock in the caller's mode.
    pub fn now(&self, state: &AppState) -> Timestamp {
        self.tenant.now(self.mode, state.wall_now())
    }

    /// The integrator acting with this key, from `meta`'s client.
    pub fn acting(&self, meta: &crate::extract::ClientMeta) -> signet_app::signers::Acting {
        signet_app::signers::Acting {
            by: signet_app::signers::By::ApiKey(self.key_id.as_str().to_owned()),
            ip: meta.ip.clone(),
            user_agent: meta.user_agent.clone(),
        }
    }

    /// One of the caller's documents (in the caller's mode).
    pub fn document<'a>(
        &'a self,
        id: &'a signet_core::ids::DocumentId,
    ) -> signet_app::signers::DocumentAt<'a> {
        signet_app::signers::DocumentAt {
            tenant: &self.tenant,
            mode: self.mode,
            document: id,
        }
    }

    /// One signer of one of the caller's documents.
    pub fn signer<'a>(
        &'a self,
        document: &'a signet_core::ids::DocumentId,
        signer: &'a signet_core::ids::SignerId,
    ) -> signet_app::signers::SignerAt<'a> {
        signet_app::signers::SignerAt {
            doc: self.document(document),
            signer,
        }
    }
}

fn digest(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Splits `sk_test_<random>` into mode and lookup prefix.
fn parse_key(key: &str) -> Option<(Mode, &str)> {
    let (mode, rest) = if let Some(r) = key.strip_prefix("sk_test_") {
        (Mode::Test, r)
    } else if let Some(r) = key.strip_prefix("sk_live_") {
        (Mode::Live, r)
    } else {
        return None;
    };
    (rest.len() == 43
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| (mode, &rest[..PREFIX_LEN]))
}

/// Creates a key for a tenant and returns it (the only time it is shown).
pub async fn issue_key(
    store: &Store,
    tenant: &TenantId,
    mode: Mode,
    now: Timestamp,
) -> Result<String, StoreError> {
    let mut random = [0u8; 32];
    fill_random(&mut random);
    let body = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random);
    let key = format!("sk_{}_{}", mode.as_str(), body);
    let id = ApiKeyId::from_random(signet_app::state::random16());
    store
        .insert_api_key(&id, tenant, mode, &body[..PREFIX_LEN], &digest(&key), now)
        .await?;
    Ok(key)
}

/// Verifies a presented key.
pub async fn authenticate(store: &Store, key: &str) -> Result<Caller, AppError> {
    let (mode, prefix) =
        parse_key(key).ok_or_else(|| AppError::unauthorized("the API key is malformed"))?;
    let (row, tenant) = match store.api_key_by_prefix(prefix).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => {
            return Err(AppError::unauthorized("the API key is not valid"));
        }
        Err(e) => return Err(e.into()),
    };
    let presented = digest(key);
    let matches: bool = presented.as_bytes().ct_eq(row.digest.as_bytes()).into();
    if !matches || row.revoked || row.mode != mode {
        return Err(AppError::unauthorized("the API key is not valid"));
    }
    Ok(Caller {
        tenant,
        mode,
        key_id: row.id,
    })
}

/// Middleware for `/v1`: every request needs a valid key.
pub async fn require_key(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Result<Response, AppError> {
    let header = req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            AppError::unauthorized("send your API key as Authorization: Bearer <key>")
        })?;
    let key = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .ok_or_else(|| AppError::unauthorized("send your API key as Authorization: Bearer <key>"))?
        .trim();
    let caller = authenticate(&state.store, key).await?;
    tracing::Span::current().record("tenant", caller.tenant.id.as_str());
    req.extensions_mut().insert(caller);
    Ok(next.run(req).await)
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts.extensions.get::<Caller>().cloned().ok_or_else(|| {
            AppError::unauthorized("send your API key as Authorization: Bearer <key>")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_only_in_their_exact_form() {
        let body = "A".repeat(43);
        assert_eq!(
            parse_key(&format!("sk_test_{body}")).map(|(m, p)| (m, p.len())),
            Some((Mode::Test, 16))
        );
        assert!(parse_key(&format!("sk_live_{body}")).is_some());
        assert!(parse_key(&format!("sk_prod_{body}")).is_none());
        assert!(parse_key("sk_test_short").is_none());
        assert!(parse_key(&format!("sk_test_{}!", "A".repeat(42))).is_none());
    }
}
