//! Request extraction with Signet's errors instead of axum's plain-text
//! rejections: wrong content type 415, oversized 413, malformed JSON 400
//! `invalid_json`, wrong types and unknown fields 400 `invalid_model` naming
//! the field.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use signet_app::error::AppError;
use signet_core::catalog::ErrorCode;

/// Largest JSON body (files have their own limits).
pub const MAX_JSON_BYTES: usize = 16 * 1024 * 1024;

/// Reads the body as a JSON object.
pub struct JsonObject(pub Map<String, Value>);

/// Reads the body as JSON into a typed request (`deny_unknown_fields`).
pub struct Json<T>(pub T);

async fn read_json<S: Send + Sync>(req: Request, state: &S) -> Result<Value, AppError> {
    let ok_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let mime = v
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false);
    if !ok_type {
        return Err(AppError::new(
            ErrorCode::UnsupportedMediaType,
            "send the body as application/json",
        ));
    }
    let bytes = Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::new(ErrorCode::InvalidJson, e.body_text())
        }
    })?;
    if bytes.len() > MAX_JSON_BYTES {
        return Err(too_large());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_slice(&bytes).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidJson,
            format!("the body is not valid JSON: {e}"),
        )
    })
}

pub fn too_large() -> AppError {
    AppError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
}

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match read_json(req, state).await? {
            Value::Object(m) => Ok(JsonObject(m)),
            _ => Err(AppError::field("body", "must be a JSON object")),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Json<T> {
    type Rejection = AppError;
    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let value = read_json(req, state).await?;
        if !value.is_object() {
            return Err(AppError::field("body", "must be a JSON object"));
        }
        from_value(value).map(Json)
    }
}

/// Deserialises with the failing field named.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde names unknown fields in its message: `unknown field `x`, expected …`.
        if let Some(rest) = inner.strip_prefix("unknown field `")
            && let Some(name) = rest.split('`').next()
        {
            // The path usually already ends with the unknown key itself.
            let field = if path == "." || path.is_empty() {
                name.to_owned()
            } else if path == name || path.ends_with(&format!(".{name}")) {
                path
            } else {
                format!("{path}.{name}")
            };
            return AppError::field(&field, "is not an accepted field");
        }
        if let Some(rest) = inner.strip_prefix("missing field `")
            && let Some(name) = rest.split('`').next()
        {
            return AppError::field(name, "is required");
        }
        let field = if path == "." { "body".to_owned() } else { path };
        let message = inner.split(" at line ").next().unwrap_or(&inner).to_owned();
        AppError::field(&field, &message)
    })
}

/// `page[number]` and `page[size]` (seed 002's pagination).
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub number: u32,
    pub size: u32,
}

pub const DEFAULT_PAGE_SIZE: u32 = 10;
pub const MAX_PAGE_SIZE: u32 = 1000;

impl Page {
    /// How many entries come before this page.
    pub fn offset(&self) -> usize {
        (self.number as usize - 1).saturating_mul(self.size as usize)
    }

    /// This page of a list held whole in memory.
    pub fn slice<'a, T>(&self, all: &'a [T]) -> &'a [T] {
        let start = self.offset().min(all.len());
        let end = start.saturating_add(self.size as usize).min(all.len());
        &all[start..end]
    }

    fn from_query(query: Option<&str>, default_size: u32) -> Result<Page, AppError> {
        let mut page = Page {
            number: 1,
            size: default_size,
        };
        for (k, v) in query_pairs(query) {
            let target = match k.as_str() {
                "page[number]" => &mut page.number,
                "page[size]" => &mut page.size,
                _ => continue,
            };
            *target = v
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::field(&k, "must be a positive integer"))?;
        }
        if page.size > MAX_PAGE_SIZE {
            return Err(AppError::field("page[size]", "must be at most 1000"));
        }
        Ok(page)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Page::from_query(parts.uri.query(), DEFAULT_PAGE_SIZE)
    }
}

/// The default page size of the lists that were answered whole before they were paginated
/// (a person's files and screenings, attempts, screening hits and lists, audit entries), so
/// that a client written against the whole list still gets it in the common case.
pub const DEFAULT_LONG_PAGE_SIZE: u32 = 100;

/// `page[number]` and `page[size]` with a default size of [`DEFAULT_LONG_PAGE_SIZE`].
#[derive(Debug, Clone, Copy)]
pub struct LongPage(pub Page);

impl<S: Send + Sync> FromRequestParts<S> for LongPage {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Page::from_query(parts.uri.query(), DEFAULT_LONG_PAGE_SIZE).map(LongPage)
    }
}

/// Decoded query pairs (`page%5Bsize%5D` and `page[size]` alike).
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A path id of the expected kind; anything else is a 404 (never a 400: an
/// id that cannot exist is simply not found).
pub fn parse_id<T>(s: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<T, AppError> {
    parse(s).ok_or_else(|| AppError::not_found(what))
}

/// A boolean query flag such as `include_documents=true`.
pub fn query_flag(query: Option<&str>, name: &str) -> Result<bool, AppError> {
    for (k, v) in query_pairs(query) {
        if k == name {
            return match v.as_str() {
                "true" | "1" | "" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(AppError::field(name, "must be true or false")),
            };
        }
    }
    Ok(false)
}

/// Path parameters; a value that cannot even be decoded (invalid UTF-8,
/// wrong shape) names nothing that exists, so it is a 404 like any unknown id.
pub struct IdPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for IdPath<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| IdPath(p.0))
            .map_err(|_| AppError::not_found("resource"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_parameters_decode_in_either_form() {
        let pairs = query_pairs(Some("page%5Bsize%5D=5&page[number]=2&x=%zz"));
        assert_eq!(pairs[0], ("page[size]".to_owned(), "5".to_owned()));
        assert_eq!(pairs[1], ("page[number]".to_owned(), "2".to_owned()));
        assert_eq!(pairs[2], ("x".to_owned(), "%zz".to_owned()));
    }
}

/// The client's address and user agent, for the audit trail and sign-in throttling. The
/// address is the TCP peer, unless that peer is one of the configured `trusted_proxies`:
/// then it is the last address of `X-Forwarded-For` that is not a trusted proxy (the one the
/// nearest untrusted hop connected from; addresses further left can be forged by the client).
#[derive(Debug, Clone, Default)]
pub struct ClientMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// The client's address behind `trusted` proxies: `peer` itself unless it is trusted.
pub fn client_address(
    peer: std::net::IpAddr,
    forwarded_for: &[&str],
    trusted: &[std::net::IpAddr],
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<std::net::IpAddr> = forwarded_for
        .iter()
        .flat_map(|h| h.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    hops.iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .or(hops.first())
        .copied()
        .unwrap_or(peer)
}

impl FromRequestParts<signet_app::state::AppState> for ClientMeta {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &signet_app::state::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let ip =
            peer.map(|p| client_address(p, &forwarded, &state.config.trusted_proxies).to_string());
        let user_agent = parts
            .headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(512).collect());
        Ok(ClientMeta { ip, user_agent })
    }
}

#[cfg(test)]
mod client_tests {
    use super::client_address;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let proxy = ip("10.0.0.1");
        let trusted = [proxy, ip("10.0.0.2")];
        // No trusted proxy: the peer, whatever the header says.
        assert_eq!(
            client_address(ip("198.51.100.9"), &["203.0.113.7"], &trusted),
            ip("198.51.100.9")
        );
        assert_eq!(client_address(proxy, &["203.0.113.7"], &[]), proxy);
        // Behind the proxy: the nearest untrusted hop; a forged left part is ignored.
        assert_eq!(
            client_address(proxy, &["6.6.6.6, 203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_address(proxy, &["203.0.113.7, 10.0.0.2"], &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_address(proxy, &["6.6.6.6", "203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        // Nothing usable in the header: the proxy.
        assert_eq!(client_address(proxy, &["garbage"], &trusted), proxy);
        assert_eq!(client_address(proxy, &[], &trusted), proxy);
    }
}
