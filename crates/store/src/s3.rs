//! A small client for S3-compatible object stores (AWS S3, MinIO, Ceph RGW, …): put, get,
//! list one page, create a bucket. Requests are path-style (`{endpoint}/{bucket}/{key}`) and
//! signed with AWS Signature Version 4, written out here over `hmac` and `sha2`: Signet needs
//! two requests, not an SDK.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HOST, HeaderValue, USER_AGENT};
use http::{Method, Request, StatusCode, Uri};
use sha2::{Digest, Sha256};
use signet_http::BodyLimit;

type HmacSha256 = Hmac<Sha256>;

/// Limit on connecting (TCP and TLS).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Limit on one request: connect, send the object and read the answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// The largest object read back; Signet's files are documents and images well below it.
const OBJECT_LIMIT: usize = 512 * 1024 * 1024;

/// Where the objects go, and the credentials to sign with.
#[derive(Clone)]
pub struct S3Config {
    /// `https://s3.eu-central-1.amazonaws.com`, `http://127.0.0.1:9000`, …
    pub endpoint: String,
    pub bucket: String,
    /// The signing region, `us-east-1` for most stand-ins.
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret is not shown.
        f.debug_struct("S3Config")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// Signs and sends requests to one bucket. Cheap to clone.
#[derive(Clone)]
pub struct S3Client {
    client: signet_http::Client,
    inner: Arc<Inner>,
}

struct Inner {
    /// `http` or `https`.
    scheme: String,
    /// The `Host` header: the endpoint's host and port.
    host: String,
    /// The endpoint's path, without a trailing slash (usually empty).
    prefix: String,
    bucket: String,
    region: String,
    access_key_id: String,
    secret_access_key: String,
}

impl std::fmt::Debug for S3Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Client")
            .field(
                "endpoint",
                &format!(
                    "{}://{}{}",
                    self.inner.scheme, self.inner.host, self.inner.prefix
                ),
            )
            .field("bucket", &self.inner.bucket)
            .field("region", &self.inner.region)
            .finish_non_exhaustive()
    }
}

/// An answer that is not a success, with S3's error code and message when the body has them.
struct Failure {
    status: StatusCode,
    code: Option<String>,
    message: Option<String>,
}

impl S3Client {
    /// Checks the configuration and builds the HTTP client; nothing is connected yet.
    pub fn new(cfg: &S3Config) -> std::io::Result<S3Client> {
        let invalid = |m: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, m);
        let endpoint = cfg.endpoint.trim();
        let uri: Uri = endpoint
            .parse()
            .map_err(|e| invalid(format!("S3 endpoint {endpoint:?}: {e}")))?;
        let scheme = match uri.scheme_str() {
            Some(s @ ("http" | "https")) => s.to_owned(),
            _ => {
                return Err(invalid(format!(
                    "S3 endpoint {endpoint:?} must start with http:// or https://"
                )));
            }
        };
        let host = uri
            .authority()
            .map(|a| a.as_str().to_owned())
            .filter(|a| !a.is_empty() && !a.contains('@'))
            .ok_or_else(|| invalid(format!("S3 endpoint {endpoint:?} has no host")))?;
        if uri.query().is_some() {
            return Err(invalid(format!(
                "S3 endpoint {endpoint:?} must not have a query"
            )));
        }
        let prefix = uri.path().trim_end_matches('/').to_owned();
        let bucket = cfg.bucket.trim();
        // DNS-style bucket names (the rules S3 enforces): they go into the path unescaped.
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !bucket_ok {
            return Err(invalid(format!(
                "S3 bucket {bucket:?}: 3 to 63 lowercase letters, digits, '-' or '.'"
            )));
        }
        let region = cfg.region.trim();
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(invalid(format!(
                "S3 region {region:?} is not a region name"
            )));
        }
        if cfg.access_key_id.trim().is_empty() || cfg.secret_access_key.is_empty() {
            return Err(invalid(
                "S3 access key id and secret access key are required".into(),
            ));
        }
        Ok(S3Client {
            client: http_client()?,
            inner: Arc::new(Inner {
                scheme,
                host,
                prefix,
                bucket: bucket.to_owned(),
                region: region.to_owned(),
                access_key_id: cfg.access_key_id.trim().to_owned(),
                secret_access_key: cfg.secret_access_key.clone(),
            }),
        })
    }

    /// Stores `bytes` under `key` (replacing any object there). S3 makes a completed PUT
    /// durable before it answers 200.
    pub async fn put_object(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.put_object_bytes(key, Bytes::copy_from_slice(bytes))
            .await
    }

    /// [`S3Client::put_object`] of a body already owned (a large file is not copied).
    pub async fn put_object_bytes(&self, key: &str, body: Bytes) -> std::io::Result<()> {
        let path = self.object_path(key);
        match self.send(Method::PUT, &path, "", body).await? {
            Ok(_) => Ok(()),
            Err(f) => Err(f.into_error("PUT", &self.inner.bucket, key)),
        }
    }

    /// Reads the object under `key`; a missing one is `ErrorKind::NotFound`.
    pub async fn get_object(&self, key: &str) -> std::io::Result<Vec<u8>> {
        let path = self.object_path(key);
        match self.send(Method::GET, &path, "", Bytes::new()).await? {
            Ok(body) => Ok(body.to_vec()),
            Err(f) => Err(f.into_error("GET", &self.inner.bucket, key)),
        }
    }

    /// The keys under `prefix`, one page (at most 1,000): for checks and tests, not listings
    /// of a whole installation.
    pub async fn list_keys(&self, prefix: &str) -> std::io::Result<Vec<String>> {
        let path = format!("{}/{}", self.inner.prefix, self.inner.bucket);
        let query = format!("list-type=2&prefix={}", uri_encode(prefix, true));
        match self.send(Method::GET, &path, &query, Bytes::new()).await? {
            Ok(body) => {
                let text = String::from_utf8_lossy(&body);
                Ok(xml_all(&text, "Key"))
            }
            Err(f) => Err(f.into_error("LIST", &self.inner.bucket, prefix)),
        }
    }

    /// Deletes the object under `key`; S3 answers a missing one with success too.
    pub async fn delete_object(&self, key: &str) -> std::io::Result<()> {
        let path = self.object_path(key);
        match self.send(Method::DELETE, &path, "", Bytes::new()).await? {
            Ok(_) => Ok(()),
            Err(f) if f.status == StatusCode::NOT_FOUND => Ok(()),
            Err(f) => Err(f.into_error("DELETE", &self.inner.bucket, key)),
        }
    }

    /// One page (at most `max_keys`, which S3 caps at 1,000) of every object in the bucket
    /// with its last-modified time, and the token of the next page (`None` at the end):
    /// ListObjectsV2 for the sweeper.
    pub async fn list_page(
        &self,
        token: Option<&str>,
        max_keys: u32,
    ) -> std::io::Result<(Vec<crate::BlobInfo>, Option<String>)> {
        let path = format!("{}/{}", self.inner.prefix, self.inner.bucket);
        // The canonical query of SigV4: parameters sorted by name, values encoded.
        let query = match token {
            Some(t) => format!(
                "continuation-token={}&list-type=2&max-keys={max_keys}",
                uri_encode(t, true)
            ),
            None => format!("list-type=2&max-keys={max_keys}"),
        };
        let body = match self.send(Method::GET, &path, &query, Bytes::new()).await? {
            Ok(body) => body,
            Err(f) => return Err(f.into_error("LIST", &self.inner.bucket, "")),
        };
        let text = String::from_utf8_lossy(&body);
        let mut page = Vec::new();
        for chunk in text.split("<Contents>").skip(1) {
            let (Some(key), Some(modified)) =
                (xml_first(chunk, "Key"), xml_first(chunk, "LastModified"))
            else {
                continue;
            };
            let modified = chrono::DateTime::parse_from_rfc3339(&modified)
                .map_err(|e| {
                    std::io::Error::other(format!("S3 LIST: LastModified {modified:?}: {e}"))
                })?
                .with_timezone(&chrono::Utc);
            page.push(crate::BlobInfo { key, modified });
        }
        let truncated = xml_first(&text, "IsTruncated").is_some_and(|t| t == "true");
        let next = if truncated {
            xml_first(&text, "NextContinuationToken")
        } else {
            None
        };
        Ok((page, next))
    }

    /// Creates the bucket; one that this account already owns is fine. For setup and tests:
    /// production buckets are created with their policies by whoever runs the store.
    pub async fn create_bucket(&self) -> std::io::Result<()> {
        let path = format!("{}/{}", self.inner.prefix, self.inner.bucket);
        let body = if self.inner.region == "us-east-1" {
            Bytes::new()
        } else {
            Bytes::from(format!(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
                 <LocationConstraint>{}</LocationConstraint></CreateBucketConfiguration>",
                self.inner.region
            ))
        };
        match self.send(Method::PUT, &path, "", body).await? {
            Ok(_) => Ok(()),
            Err(f) if f.code.as_deref() == Some("BucketAlreadyOwnedByYou") => Ok(()),
            Err(f) => Err(f.into_error("CREATE BUCKET", &self.inner.bucket, "")),
        }
    }

    fn object_path(&self, key: &str) -> String {
        format!(
            "{}/{}/{}",
            self.inner.prefix,
            self.inner.bucket,
            uri_encode(key, false)
        )
    }

    /// Sends a signed request, once more after a connection failure or a 5xx. The outer
    /// error is a transport failure; the inner one is S3's answer.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &str,
        body: Bytes,
    ) -> std::io::Result<Result<Bytes, Failure>> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = attempt >= 2;
            match self
                .send_once(method.clone(), path, query, body.clone())
                .await
            {
                Ok(Err(f)) if f.status.is_server_error() && !last => {
                    tracing::warn!(status = %f.status, "S3 answered a server error; retrying once");
                }
                Err(e) if !last => {
                    tracing::warn!(error = %e, "S3 request failed; retrying once");
                }
                other => return other,
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    async fn send_once(
        &self,
        method: Method,
        path: &str,
        query: &str,
        body: Bytes,
    ) -> std::io::Result<Result<Bytes, Failure>> {
        let inner = &self.inner;
        let payload_hash = hex::encode(Sha256::digest(&body));
        let amz_date = amz_date_now();
        let authorization = sign(&SigningInput {
            access_key_id: &inner.access_key_id,
            secret_access_key: &inner.secret_access_key,
            region: &inner.region,
            method: method.as_str(),
            host: &inner.host,
            path,
            query,
            extra_headers: &[],
            payload_hash: &payload_hash,
            amz_date: &amz_date,
        });
        let uri = if query.is_empty() {
            format!("{}://{}{}", inner.scheme, inner.host, path)
        } else {
            format!("{}://{}{}?{}", inner.scheme, inner.host, path, query)
        };
        let mut authorization = HeaderValue::from_str(&authorization)
            .map_err(|e| std::io::Error::other(format!("S3 authorization header: {e}")))?;
        authorization.set_sensitive(true);
        let mut builder = Request::builder()
            .method(method.clone())
            .uri(uri)
            .header(HOST, inner.host.as_str())
            .header("x-amz-date", amz_date.as_str())
            .header("x-amz-content-sha256", payload_hash.as_str())
            .header(http::header::AUTHORIZATION, authorization)
            .header(USER_AGENT, concat!("Signet/", env!("CARGO_PKG_VERSION")));
        if method == Method::PUT {
            builder = builder
                .header(CONTENT_LENGTH, body.len())
                .header(CONTENT_TYPE, "application/octet-stream");
        }
        let request = builder
            .body(body)
            .map_err(|e| std::io::Error::other(format!("S3 request: {e}")))?;

        let response = self
            .client
            .send(request, REQUEST_TIMEOUT, BodyLimit::Max(OBJECT_LIMIT))
            .await
            .map_err(|e| match e {
                signet_http::Error::Timeout(_) => std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!(
                        "S3 {} did not answer within {} s",
                        inner.host,
                        REQUEST_TIMEOUT.as_secs()
                    ),
                ),
                e => std::io::Error::other(format!("S3 {}: {e}", inner.host)),
            })?;
        let (status, body) = (response.status, response.body);
        if status.is_success() {
            return Ok(Ok(body));
        }
        let text = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]);
        Ok(Err(Failure {
            status,
            code: xml_first(&text, "Code"),
            message: xml_first(&text, "Message"),
        }))
    }
}

impl Failure {
    fn into_error(self, op: &str, bucket: &str, key: &str) -> std::io::Error {
        let what = format!(
            "S3 {op} {bucket}/{key}: {} {}: {}",
            self.status.as_u16(),
            self.code.as_deref().unwrap_or("(no error code)"),
            self.message.as_deref().unwrap_or("(no message)")
        );
        let not_found = self.status == StatusCode::NOT_FOUND
            && matches!(self.code.as_deref(), None | Some("NoSuchKey"));
        if not_found && op == "GET" {
            std::io::Error::new(std::io::ErrorKind::NotFound, what)
        } else {
            std::io::Error::other(what)
        }
    }
}

/// What a SigV4 signature covers. `host` and `path` are inputs so that path-style and
/// virtual-hosted requests sign alike; `query` is already canonical (sorted, encoded).
pub(crate) struct SigningInput<'a> {
    pub access_key_id: &'a str,
    pub secret_access_key: &'a str,
    pub region: &'a str,
    pub method: &'a str,
    pub host: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    /// Further signed headers besides host, x-amz-content-sha256 and x-amz-date.
    pub extra_headers: &'a [(&'a str, &'a str)],
    pub payload_hash: &'a str,
    /// `20130524T000000Z`.
    pub amz_date: &'a str,
}

/// The `Authorization` header value for service `s3` (AWS Signature Version 4).
pub(crate) fn sign(input: &SigningInput<'_>) -> String {
    let mut headers: Vec<(String, String)> = vec![
        ("host".into(), input.host.trim().to_owned()),
        (
            "x-amz-content-sha256".into(),
            input.payload_hash.trim().to_owned(),
        ),
        ("x-amz-date".into(), input.amz_date.trim().to_owned()),
    ];
    for (name, value) in input.extra_headers {
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    headers.sort();
    let canonical_headers: String = headers.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    let signed_headers = headers
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        input.method,
        input.path,
        input.query,
        canonical_headers,
        signed_headers,
        input.payload_hash
    );
    let date = &input.amz_date[..input.amz_date.len().min(8)];
    let scope = format!("{date}/{}/s3/aws4_request", input.region);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{scope}\n{}",
        input.amz_date,
        hex::encode(Sha256::digest(canonical_request.as_bytes()))
    );
    let k_date = hmac(
        format!("AWS4{}", input.secret_access_key).as_bytes(),
        date.as_bytes(),
    );
    let k_region = hmac(&k_date, input.region.as_bytes());
    let k_service = hmac(&k_region, b"s3");
    let k_signing = hmac(&k_service, b"aws4_request");
    let signature = hex::encode(hmac(&k_signing, string_to_sign.as_bytes()));
    format!(
        "AWS4-HMAC-SHA256 Credential={}/{scope},SignedHeaders={signed_headers},Signature={signature}",
        input.access_key_id
    )
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    match HmacSha256::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// The signing time: S3 refuses a request whose time is more than 15 minutes off its own
/// clock, so this is the real wall clock, never a tenant's test clock.
fn amz_date_now() -> String {
    #[allow(clippy::disallowed_methods)] // S3 compares the signature's time with its own clock
    let now = std::time::SystemTime::now();
    chrono::DateTime::<chrono::Utc>::from(now)
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// URI-encodes as SigV4 wants: everything but `A-Z a-z 0-9 - _ . ~` (and `/` in a path).
fn uri_encode(s: &str, encode_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (b == b'/' && !encode_slash)
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text of the first `<tag>…</tag>`, entities decoded.
fn xml_first(xml: &str, tag: &str) -> Option<String> {
    xml_all(xml, tag).into_iter().next()
}

/// The texts of every `<tag>…</tag>` (S3's answers are flat enough for this).
fn xml_all(xml: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(&close) else {
            break;
        };
        out.push(
            after[..end]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &after[end + close.len()..];
    }
    out
}

/// rustls with ring and Mozilla's roots, HTTP/1.1; `http` endpoints too (a MinIO or Ceph
/// gateway on a private network).
fn http_client() -> std::io::Result<signet_http::Client> {
    signet_http::ClientBuilder::new()
        .allow_http(true)
        .connect_timeout(CONNECT_TIMEOUT)
        .build()
        .map_err(|e| std::io::Error::other(format!("S3 client: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AWS's published example for S3 "GET Object" (Signature Version 4, header-based
    /// authentication): a virtual-hosted request for the first ten bytes of /test.txt.
    #[test]
    fn signs_aws_s_published_get_object_example() {
        let empty = hex::encode(Sha256::digest(b""));
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let auth = sign(&SigningInput {
            access_key_id: "AKIAIOSFODNN7EXAMPLE",
            secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            region: "us-east-1",
            method: "GET",
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            query: "",
            extra_headers: &[("Range", "bytes=0-9")],
            payload_hash: &empty,
            amz_date: "20130524T000000Z",
        });
        assert_eq!(
            auth,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,\
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,\
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn paths_and_queries_are_encoded_as_sigv4_wants() {
        assert_eq!(
            uri_encode("t1/documents/d 1/r1.pdf", false),
            "t1/documents/d%201/r1.pdf"
        );
        assert_eq!(uri_encode("a/b~c", true), "a%2Fb~c");
    }

    #[test]
    fn error_bodies_give_code_and_message() {
        let xml = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code>\
                   <Message>The specified key does not exist.</Message></Error>";
        assert_eq!(xml_first(xml, "Code").as_deref(), Some("NoSuchKey"));
        assert_eq!(
            xml_first(xml, "Message").as_deref(),
            Some("The specified key does not exist.")
        );
        let f = Failure {
            status: StatusCode::NOT_FOUND,
            code: xml_first(xml, "Code"),
            message: None,
        };
        assert_eq!(
            f.into_error("GET", "b", "k").kind(),
            std::io::ErrorKind::NotFound
        );
        let f = Failure {
            status: StatusCode::FORBIDDEN,
            code: Some("SignatureDoesNotMatch".into()),
            message: Some("nope &amp; never".into()),
        };
        let e = f.into_error("PUT", "b", "k");
        assert!(e.to_string().contains("403 SignatureDoesNotMatch"), "{e}");
    }

    #[test]
    fn the_configuration_is_checked() {
        let ok = S3Config {
            endpoint: "http://127.0.0.1:9000".into(),
            bucket: "signet-files".into(),
            region: "us-east-1".into(),
            access_key_id: "AKID".into(),
            secret_access_key: "secret".into(),
        };
        assert!(S3Client::new(&ok).is_ok());
        for bad in [
            S3Config {
                endpoint: "ftp://x".into(),
                ..ok.clone()
            },
            S3Config {
                bucket: "Bad_Bucket".into(),
                ..ok.clone()
            },
            S3Config {
                secret_access_key: String::new(),
                ..ok.clone()
            },
        ] {
            assert!(S3Client::new(&bad).is_err(), "{bad:?}");
        }
        assert!(!format!("{ok:?}").contains("secret\""));
    }
}
