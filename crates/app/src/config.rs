//! Configuration: defaults, then a TOML file, then `SIGNET_*` variables.
//! Unknown keys are errors (a typo must not silently fall back to a default);
//! secrets never appear in logs.

use serde::Deserialize;
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// A value that never prints.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A length of time in the configuration: a whole number of days (`30`), or a number with a
/// unit (`30d`, `12h`, `90m`, `45s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(pub chrono::Duration);

impl Span {
    fn parse(text: &str) -> Option<Span> {
        let text = text.trim();
        let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => text.split_at(i),
            None => (text, "d"),
        };
        let n: i64 = number.parse().ok()?;
        let d = match unit.trim() {
            "d" => chrono::Duration::try_days(n)?,
            "h" => chrono::Duration::try_hours(n)?,
            "m" => chrono::Duration::try_minutes(n)?,
            "s" => chrono::Duration::try_seconds(n)?,
            _ => return None,
        };
        Some(Span(d))
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Days(i64),
            Text(String),
        }
        let parsed = match Raw::deserialize(d)? {
            Raw::Days(n) if n >= 0 => chrono::Duration::try_days(n).map(Span),
            Raw::Days(_) => None,
            Raw::Text(t) => Span::parse(&t),
        };
        parsed.ok_or_else(|| {
            serde::de::Error::custom("expected days (30) or a duration such as 30d, 12h, 90m, 45s")
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the SQLite database and files live.
    pub data_dir: PathBuf,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// `sqlite://…` or `postgres://…`; defaults to SQLite in `data_dir`.
    /// A secret because it may carry a password.
    pub database_url: Option<Secret>,
    /// The base of the links in `url` fields (hosted pages).
    pub public_url: Option<String>,
    /// Allow webhook targets on private addresses (development and tests only).
    pub webhook_allow_private: bool,
    /// `text` or `json`.
    pub log_format: String,
    /// How SQLite makes a commit durable: `normal` (across a crash of the process, WAL's
    /// recommended setting) or `full` (also across a power loss: every commit waits for the
    /// disk).
    pub sqlite_synchronous: String,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Run the job workers in this process.
    pub workers: bool,
    /// How often an idle worker looks for due jobs, in milliseconds.
    pub worker_poll_ms: u64,
    /// Runs a job gets before it is dead (kept with its last error, shown in the back
    /// office at `/admin/jobs` and retried only by an operator).
    pub job_max_attempts: u32,
    /// How many days before the newest timestamp's authority certificate of a finished file
    /// expires the archive timestamp job adds fresh validation data and a new document
    /// timestamp (PAdES B-LTA kept alive).
    pub archive_timestamp_margin_days: u32,
    /// How long a stopping process (SIGTERM, ctrl-c) waits for the jobs, webhook deliveries
    /// and sweep in flight, in milliseconds; what is still running then is taken up again
    /// once its lease expires.
    pub shutdown_grace_ms: u64,
    /// 64 hex digits that encrypt the CA's private keys and the keyring's tenant keys and key
    /// the one-time-code hashes. Without it, `master.key` in `keys_dir` is used (created on
    /// first start). Processes sharing a PostgreSQL database must share it.
    pub master_key: Option<Secret>,
    /// The keys directory: `master.key` (unless `master_key` is set), the master keys made by
    /// `signet keys rotate` and, on SQLite, the keyring (`keyring.db`). Default `keys` in
    /// `data_dir`. Backups leave it out: keep it apart from them.
    pub keys_dir: Option<PathBuf>,
    /// Where the keyring (sealed tenant and data keys) lives on PostgreSQL: the
    /// `signet_keyring` schema of this database. Default the main database's server and
    /// database (its own schema). On SQLite the keyring is `keyring.db` in `keys_dir`.
    pub keyring_url: Option<Secret>,
    /// The organisation running this installation; it names the CA, the timestamp
    /// authority and the seal ("Acme Signet Root CA") when they are created on first start.
    pub organization: String,
    /// Largest PDF accepted for signing, in bytes.
    pub max_document_bytes: usize,
    /// The lowest match score that makes a screening hit, from 0 to 1. Lower finds more
    /// (and more false positives); see crates/screening/BENCHMARKS.md for the trade-off.
    pub screening_threshold: f64,
    /// Where live-mode one-time codes are emailed from: `smtp://user:pass@host:587`
    /// (STARTTLS), `smtps://…:465`, or `smtp+plain://host:25` (no TLS; development only).
    pub smtp_url: Option<Secret>,
    /// The sender, e.g. `Acme Signing <signing@acme.example>`.
    pub smtp_from: Option<String>,
    /// The SMS adapter for live-mode codes: `twilio`.
    pub sms_provider: String,
    /// The provider's API root (Twilio's by default).
    pub sms_base_url: Option<String>,
    pub sms_account_sid: Option<String>,
    pub sms_auth_token: Option<Secret>,
    /// An E.164 sender number or a messaging service id (`MG…`).
    pub sms_from: Option<String>,
    /// Where documents, images and reports go: `file` (under `data_dir/files`) or `s3`
    /// (an S3-compatible object store: AWS S3, MinIO, Ceph, …).
    pub blob_store: String,
    /// The S3 endpoint, path-style: `https://s3.eu-central-1.amazonaws.com`,
    /// `http://127.0.0.1:9000`, …
    pub s3_endpoint: Option<String>,
    pub s3_bucket: Option<String>,
    /// The region requests are signed for.
    pub s3_region: String,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<Secret>,
    /// Reverse proxies in front of Signet whose `X-Forwarded-For` is believed: the client's
    /// address in audit trails and sign-in throttling comes from it. Empty: the TCP peer is
    /// the client (a header anyone can send is never trusted).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// One-time codes (signing and an applicant's number) one signer may be sent over its
    /// whole life.
    pub otp_max_per_signer: u32,
    /// One-time codes one identification may send over its whole life, every attempt
    /// together (an applicant's "Not now" and a new attempt do not start again).
    pub otp_max_per_identification: u32,
    /// One-time codes one destination number may receive per day (a fixed day: UTC in live
    /// mode, the tenant's clock in test mode, where numbers are counted per tenant).
    pub otp_max_per_number_per_day: u32,
    /// One-time codes one tenant may send per hour and mode (tenant clock).
    pub otp_max_per_tenant_per_hour: u32,
    /// The countries (ISO 3166-1 alpha-2) whose mobile numbers are sent codes by SMS; empty
    /// allows every country.
    pub sms_allowed_countries: Vec<String>,
    /// A MaxMind-format country database (`.mmdb`: GeoLite2-Country, GeoIP2-Country) that
    /// places a signer's session by its address, for `prohibited_countries`.
    pub geoip_database: Option<PathBuf>,
    /// Countries (ISO 3166-1 alpha-2) from which an `advanced` signer may not sign: a session
    /// from one of them is `kyc_required` with 4145 until the signer comes from elsewhere
    /// (seed 000). Needs `geoip_database`.
    pub prohibited_countries: Vec<String>,
    /// Webhook endpoints one tenant may have per mode.
    pub webhook_max_endpoints_per_tenant: u32,
    /// Webhook deliveries of one tenant in flight at once in one process (of its 32 slots),
    /// so a tenant whose endpoints never answer cannot hold every slot.
    pub webhook_max_in_flight_per_tenant: u32,
    /// Password checks (argon2id, 19 MiB and tens of milliseconds each) run at once; more
    /// wait their turn.
    pub password_hash_concurrency: u32,
    /// The longest a request may take, in milliseconds: reading its headers (an idle
    /// keep-alive connection is closed after it too) and then producing the answer (408).
    pub request_timeout_ms: u64,
    /// The longest a client may take to send a request's whole body, in milliseconds (408).
    pub body_read_timeout_ms: u64,
    /// Connections served at once; more wait in the operating system's queue until one closes.
    pub max_connections: usize,
    /// How long a stored file no row refers to is kept before the sweeper deletes it, in
    /// milliseconds (a file is written before the row that points at it commits).
    pub blob_sweep_grace_ms: u64,
    /// How long a signer's link keeps opening the page after its document closed (finished,
    /// rejected, expired, canceled), on the tenant's clock; later it is a "link expired" page.
    /// The signed file stays downloadable through the API.
    pub signing_link_ttl_after_close: Span,
    /// How long a delivered (or finally failed) webhook message keeps its payload, on the
    /// tenant's clock; later only the delivery log stays (who, when, which event, the outcome).
    /// Payloads carry personal data, and a receiver that missed one has had the whole retry
    /// schedule and this long to ask for a resend.
    pub webhook_payload_retention: Span,
    /// When set, `/metrics` answers only `Authorization: Bearer <metrics_token>`.
    pub metrics_token: Option<Secret>,
    /// The most a PDF's streams may decompress to, all together, in bytes: an upload over it
    /// is refused (422, 93), and so is a file sent to `/v1/verify`.
    pub max_pdf_decompressed_bytes: u64,
    /// PDF work (intake, page images, signing, timestamps, verification) run at once; more
    /// waits its turn, so heavy files cannot take every core. Default: the number of CPUs.
    pub heavy_work_concurrency: u32,
    /// An external RFC 3161 timestamp authority (`http://` or `https://`) that stamps every
    /// signature and the closing document timestamp instead of Signet's own. Unset: Signet's
    /// own authority.
    pub tsa_url: Option<String>,
    /// HTTP basic authentication for `tsa_url`.
    pub tsa_username: Option<String>,
    pub tsa_password: Option<Secret>,
    /// A client certificate (PEM chain) and its private key (PEM) for mutual TLS with
    /// `tsa_url`.
    pub tsa_client_cert: Option<PathBuf>,
    pub tsa_client_key: Option<PathBuf>,
    /// How long one request to `tsa_url` may take, in milliseconds; a failed or late answer
    /// is tried again after 0.5 s, 1 s and 2 s. The last signer's confirmation may need two
    /// tokens (signature and document timestamp), so all tries of both must fit in
    /// `request_timeout_ms`.
    pub tsa_timeout_ms: u64,
    /// How long each CRL is valid (its nextUpdate after thisUpdate), in milliseconds; the
    /// CRL is re-signed on request when a certificate is revoked or an hour has passed.
    pub crl_validity_ms: u64,
    /// How long an OCSP answer is valid (its nextUpdate after thisUpdate), in milliseconds.
    pub ocsp_validity_ms: u64,
    /// The qualified trust service provider that makes live-mode `qualified` signatures: the
    /// base URL of its Cloud Signature Consortium API v2 (ending in `/csc/v2`). Unset: live
    /// documents cannot be created at the qualified level.
    pub csc_url: Option<String>,
    /// The OAuth 2.0 client (client credentials) Signet is registered as at `csc_url`.
    pub csc_client_id: Option<String>,
    pub csc_client_secret: Option<Secret>,
    /// The credential to sign with; unset: the first `credentials/list` gives.
    pub csc_credential_id: Option<String>,
    /// The same for test mode, e.g. the provider's sandbox. Unset: test mode's `qualified`
    /// signatures are made by Signet's in-process stand-in with the test CA (not qualified).
    pub csc_test_url: Option<String>,
    pub csc_test_client_id: Option<String>,
    pub csc_test_client_secret: Option<Secret>,
    pub csc_test_credential_id: Option<String>,
    /// How long one request to the provider may take, in milliseconds; a failed or late
    /// answer is tried again after 0.5 s, 1 s and 2 s.
    pub csc_timeout_ms: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            data_dir: PathBuf::from("./signet-data"),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            public_url: None,
            webhook_allow_private: false,
            log_format: "text".into(),
            sqlite_synchronous: "normal".into(),
            max_body_bytes: 32 * 1024 * 1024,
            workers: true,
            worker_poll_ms: 250,
            job_max_attempts: 10,
            archive_timestamp_margin_days: 90,
            shutdown_grace_ms: 10_000,
            master_key: None,
            keys_dir: None,
            keyring_url: None,
            organization: String::new(),
            max_document_bytes: 20 * 1024 * 1024,
            screening_threshold: signet_screening::DEFAULT_THRESHOLD,
            smtp_url: None,
            smtp_from: None,
            sms_provider: "twilio".into(),
            sms_base_url: None,
            sms_account_sid: None,
            sms_auth_token: None,
            sms_from: None,
            blob_store: "file".into(),
            s3_endpoint: None,
            s3_bucket: None,
            s3_region: "us-east-1".into(),
            s3_access_key_id: None,
            s3_secret_access_key: None,
            trusted_proxies: Vec::new(),
            otp_max_per_signer: 10,
            otp_max_per_identification: 10,
            otp_max_per_number_per_day: 10,
            otp_max_per_tenant_per_hour: 1000,
            sms_allowed_countries: Vec::new(),
            geoip_database: None,
            prohibited_countries: Vec::new(),
            webhook_max_endpoints_per_tenant: 20,
            webhook_max_in_flight_per_tenant: 16,
            password_hash_concurrency: 2,
            request_timeout_ms: 30_000,
            body_read_timeout_ms: 30_000,
            max_connections: 1024,
            blob_sweep_grace_ms: 24 * 3600 * 1000,
            signing_link_ttl_after_close: Span(chrono::Duration::days(30)),
            webhook_payload_retention: Span(chrono::Duration::days(30)),
            metrics_token: None,
            max_pdf_decompressed_bytes: signet_pdf::DEFAULT_MAX_DECOMPRESSED_BYTES,
            heavy_work_concurrency: std::thread::available_parallelism()
                .map_or(2, |n| u32::try_from(n.get()).unwrap_or(2)),
            tsa_url: None,
            tsa_username: None,
            tsa_password: None,
            tsa_client_cert: None,
            tsa_client_key: None,
            tsa_timeout_ms: 2_500,
            crl_validity_ms: 7 * 24 * 3600 * 1000,
            ocsp_validity_ms: 24 * 3600 * 1000,
            csc_url: None,
            csc_client_id: None,
            csc_client_secret: None,
            csc_credential_id: None,
            csc_test_url: None,
            csc_test_client_id: None,
            csc_test_client_secret: None,
            csc_test_credential_id: None,
            csc_timeout_ms: 5_000,
        }
    }
}

/// A configuration that cannot be used, with the key at fault.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("{var}: {message}")]
    Env { var: String, message: String },
    #[error("{0}")]
    Invalid(String),
}

/// Variables that start with `SIGNET_` but are not configuration keys.
const NOT_CONFIG: &[&str] = &["SIGNET_CONFIG", "SIGNET_LOG"];

impl Config {
    /// Loads the layered configuration. `file` is the `--config` path (or
    /// `SIGNET_CONFIG`); `env` is the process environment.
    pub fn load(
        file: Option<&std::path::Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut table = toml::Table::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.into(),
                source,
            })?;
            table = text.parse::<toml::Table>().map_err(|e| ConfigError::File {
                path: path.into(),
                message: e.to_string(),
            })?;
            // Check the file alone first so an unknown key names the file.
            toml::Value::Table(table.clone())
                .try_into::<Config>()
                .map_err(|e| ConfigError::File {
                    path: path.into(),
                    message: e.to_string(),
                })?;
        }
        for (var, value) in env {
            let Some(key) = var.strip_prefix("SIGNET_") else {
                continue;
            };
            if NOT_CONFIG.contains(&var.as_str()) || var.starts_with("SIGNET_TEST_") {
                continue;
            }
            let key = key.to_ascii_lowercase();
            let parsed = match key.as_str() {
                "webhook_allow_private" | "workers" => match value.as_str() {
                    "true" | "1" => toml::Value::Boolean(true),
                    "false" | "0" => toml::Value::Boolean(false),
                    _ => {
                        return Err(ConfigError::Env {
                            var,
                            message: "must be true or false".into(),
                        });
                    }
                },
                "max_body_bytes"
                | "worker_poll_ms"
                | "shutdown_grace_ms"
                | "max_document_bytes"
                | "request_timeout_ms"
                | "body_read_timeout_ms"
                | "max_connections"
                | "blob_sweep_grace_ms"
                | "max_pdf_decompressed_bytes"
                | "heavy_work_concurrency"
                | "tsa_timeout_ms"
                | "crl_validity_ms"
                | "ocsp_validity_ms"
                | "csc_timeout_ms" => {
                    toml::Value::Integer(value.parse().map_err(|_| ConfigError::Env {
                        var: var.clone(),
                        message: "must be a whole number".into(),
                    })?)
                }
                "otp_max_per_signer"
                | "otp_max_per_identification"
                | "otp_max_per_number_per_day"
                | "otp_max_per_tenant_per_hour"
                | "webhook_max_endpoints_per_tenant"
                | "webhook_max_in_flight_per_tenant"
                | "password_hash_concurrency"
                | "job_max_attempts"
                | "archive_timestamp_margin_days" => {
                    toml::Value::Integer(value.parse().map_err(|_| ConfigError::Env {
                        var: var.clone(),
                        message: "must be a whole number".into(),
                    })?)
                }
                // Days as a number, or a duration with its unit.
                "signing_link_ttl_after_close" | "webhook_payload_retention" => {
                    match value.parse::<i64>() {
                        Ok(days) => toml::Value::Integer(days),
                        Err(_) => toml::Value::String(value),
                    }
                }
                "sms_allowed_countries" | "prohibited_countries" => toml::Value::Array(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| toml::Value::String(v.to_owned()))
                        .collect(),
                ),
                "trusted_proxies" => toml::Value::Array(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| toml::Value::String(v.to_owned()))
                        .collect(),
                ),
                "screening_threshold" => {
                    toml::Value::Float(value.parse().map_err(|_| ConfigError::Env {
                        var: var.clone(),
                        message: "must be a number such as 0.85".into(),
                    })?)
                }
                _ => toml::Value::String(value),
            };
            table.insert(key, parsed);
        }
        let config: Config =
            toml::Value::Table(table)
                .try_into()
                .map_err(|e: toml::de::Error| {
                    ConfigError::Invalid(format!(
                        "configuration (SIGNET_* variables): {}",
                        e.message()
                    ))
                })?;
        config.validate()?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(url) = &self.database_url
            && signet_store::Backend::from_url(url.expose()).is_err()
        {
            return Err(ConfigError::Invalid(
                "database_url must start with sqlite:// or postgres://".into(),
            ));
        }
        if !(0.5..=1.0).contains(&self.screening_threshold) {
            return Err(ConfigError::Invalid(
                "screening_threshold must be between 0.5 and 1".into(),
            ));
        }
        if !matches!(self.sqlite_synchronous.as_str(), "normal" | "full") {
            return Err(ConfigError::Invalid(
                "sqlite_synchronous must be normal or full".into(),
            ));
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return Err(ConfigError::Invalid(
                "log_format must be text or json".into(),
            ));
        }
        if let Some(url) = &self.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(ConfigError::Invalid(
                "public_url must start with http:// or https://".into(),
            ));
        }
        if self.request_timeout_ms == 0 || self.body_read_timeout_ms == 0 {
            return Err(ConfigError::Invalid(
                "request_timeout_ms and body_read_timeout_ms must be at least 1".into(),
            ));
        }
        if self.blob_sweep_grace_ms < 60_000 {
            return Err(ConfigError::Invalid(
                "blob_sweep_grace_ms must be at least 60000 (a file is written shortly before the row that refers to it)".into(),
            ));
        }
        if self.max_connections == 0 {
            return Err(ConfigError::Invalid(
                "max_connections must be at least 1".into(),
            ));
        }
        self.abuse_limits()?;
        self.s3()?;
        self.tsa()?;
        self.csc()?;
        // Revocation data must outlive the hour for which a cached CRL is served (checked
        // whatever the timestamp authority: the CRLs are served either way).
        if self.crl_validity_ms < 2 * 3600 * 1000 || self.ocsp_validity_ms < 60_000 {
            return Err(ConfigError::Invalid(
                "crl_validity_ms must be at least 7200000 and ocsp_validity_ms at least 60000"
                    .into(),
            ));
        }
        Ok(())
    }

    /// A remote signing provider needs its URL and its OAuth client together.
    fn csc(&self) -> Result<(), ConfigError> {
        for (prefix, url, id, secret, credential) in [
            (
                "csc",
                &self.csc_url,
                &self.csc_client_id,
                self.csc_client_secret.is_some(),
                &self.csc_credential_id,
            ),
            (
                "csc_test",
                &self.csc_test_url,
                &self.csc_test_client_id,
                self.csc_test_client_secret.is_some(),
                &self.csc_test_credential_id,
            ),
        ] {
            match url {
                None if id.is_some() || secret || credential.is_some() => {
                    return Err(ConfigError::Invalid(format!(
                        "{prefix}_client_id, {prefix}_client_secret and {prefix}_credential_id need {prefix}_url"
                    )));
                }
                None => {}
                Some(url) => {
                    if !(url.starts_with("http://") || url.starts_with("https://"))
                        || url.parse::<hyper::Uri>().is_err()
                    {
                        return Err(ConfigError::Invalid(format!(
                            "{prefix}_url must be an http:// or https:// URL"
                        )));
                    }
                    if id.is_none() || !secret {
                        return Err(ConfigError::Invalid(format!(
                            "{prefix}_url needs {prefix}_client_id and {prefix}_client_secret"
                        )));
                    }
                }
            }
        }
        if self.csc_timeout_ms == 0 {
            return Err(ConfigError::Invalid(
                "csc_timeout_ms must be at least 1".into(),
            ));
        }
        Ok(())
    }

    /// The external timestamp authority's settings must go together.
    fn tsa(&self) -> Result<(), ConfigError> {
        let Some(url) = &self.tsa_url else {
            let any = self.tsa_username.is_some()
                || self.tsa_password.is_some()
                || self.tsa_client_cert.is_some()
                || self.tsa_client_key.is_some();
            return if any {
                Err(ConfigError::Invalid(
                    "tsa_username, tsa_password, tsa_client_cert and tsa_client_key need tsa_url"
                        .into(),
                ))
            } else {
                Ok(())
            };
        };
        if !(url.starts_with("http://") || url.starts_with("https://"))
            || url.parse::<hyper::Uri>().is_err()
        {
            return Err(ConfigError::Invalid(
                "tsa_url must be an http:// or https:// URL".into(),
            ));
        }
        if self.tsa_username.is_some() != self.tsa_password.is_some() {
            return Err(ConfigError::Invalid(
                "tsa_username and tsa_password go together".into(),
            ));
        }
        if self.tsa_client_cert.is_some() != self.tsa_client_key.is_some() {
            return Err(ConfigError::Invalid(
                "tsa_client_cert and tsa_client_key go together".into(),
            ));
        }
        if self.tsa_timeout_ms == 0 {
            return Err(ConfigError::Invalid(
                "tsa_timeout_ms must be at least 1".into(),
            ));
        }
        // Four tries and 3.5 s of waits, for the signature and then the document timestamp,
        // inside the confirmation's request.
        let worst = self
            .tsa_timeout_ms
            .saturating_mul(4)
            .saturating_add(3_500)
            .saturating_mul(2);
        if worst >= self.request_timeout_ms {
            return Err(ConfigError::Invalid(format!(
                "tsa_timeout_ms: four tries for a signature and four for the document timestamp \
                 ({worst} ms at worst) must fit in request_timeout_ms ({} ms)",
                self.request_timeout_ms
            )));
        }
        Ok(())
    }

    /// The abuse limits must allow something, and the SMS countries must be real codes.
    fn abuse_limits(&self) -> Result<(), ConfigError> {
        for (key, value) in [
            ("otp_max_per_signer", self.otp_max_per_signer),
            (
                "otp_max_per_identification",
                self.otp_max_per_identification,
            ),
            (
                "otp_max_per_number_per_day",
                self.otp_max_per_number_per_day,
            ),
            (
                "otp_max_per_tenant_per_hour",
                self.otp_max_per_tenant_per_hour,
            ),
            (
                "webhook_max_endpoints_per_tenant",
                self.webhook_max_endpoints_per_tenant,
            ),
            (
                "webhook_max_in_flight_per_tenant",
                self.webhook_max_in_flight_per_tenant,
            ),
            ("password_hash_concurrency", self.password_hash_concurrency),
            ("heavy_work_concurrency", self.heavy_work_concurrency),
            ("job_max_attempts", self.job_max_attempts),
            (
                "archive_timestamp_margin_days",
                self.archive_timestamp_margin_days,
            ),
        ] {
            if value == 0 {
                return Err(ConfigError::Invalid(format!("{key} must be at least 1")));
            }
        }
        for (key, countries) in [
            ("sms_allowed_countries", &self.sms_allowed_countries),
            ("prohibited_countries", &self.prohibited_countries),
        ] {
            if let Some(bad) = countries.iter().find(|c| {
                c.len() != 2
                    || signet_core::validate::country_name(&c.to_ascii_uppercase()).is_none()
            }) {
                return Err(ConfigError::Invalid(format!(
                    "{key}: {bad:?} is not an ISO 3166-1 alpha-2 code such as DE"
                )));
            }
        }
        if !self.prohibited_countries.is_empty() && self.geoip_database.is_none() {
            return Err(ConfigError::Invalid(
                "prohibited_countries needs geoip_database (a MaxMind-format country database) to place signers".into(),
            ));
        }
        Ok(())
    }

    /// The S3 store's settings when `blob_store = "s3"`, `None` for local files; an error
    /// names what is missing.
    pub fn s3(&self) -> Result<Option<signet_store::S3Config>, ConfigError> {
        match self.blob_store.as_str() {
            "file" => return Ok(None),
            "s3" => {}
            _ => {
                return Err(ConfigError::Invalid("blob_store must be file or s3".into()));
            }
        }
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let secret = self
            .s3_secret_access_key
            .as_ref()
            .map(|s| s.expose().to_owned())
            .filter(|s| !s.is_empty());
        let missing: Vec<&str> = [
            ("s3_endpoint", given(&self.s3_endpoint).is_none()),
            ("s3_bucket", given(&self.s3_bucket).is_none()),
            ("s3_access_key_id", given(&self.s3_access_key_id).is_none()),
            ("s3_secret_access_key", secret.is_none()),
        ]
        .into_iter()
        .filter_map(|(key, absent)| absent.then_some(key))
        .collect();
        if !missing.is_empty() {
            return Err(ConfigError::Invalid(format!(
                "blob_store = s3 needs {}",
                missing.join(", ")
            )));
        }
        let endpoint = given(&self.s3_endpoint).unwrap_or_default();
        if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
            return Err(ConfigError::Invalid(
                "s3_endpoint must start with http:// or https://".into(),
            ));
        }
        Ok(Some(signet_store::S3Config {
            endpoint,
            bucket: given(&self.s3_bucket).unwrap_or_default(),
            region: self.s3_region.trim().to_owned(),
            access_key_id: given(&self.s3_access_key_id).unwrap_or_default(),
            secret_access_key: secret.unwrap_or_default(),
        }))
    }

    /// The database URL in force.
    /// [`Config::sqlite_synchronous`] as the store takes it.
    pub fn sqlite_sync(&self) -> signet_store::SqliteSync {
        match self.sqlite_synchronous.as_str() {
            "full" => signet_store::SqliteSync::Full,
            _ => signet_store::SqliteSync::Normal,
        }
    }

    /// The keys directory (`keys_dir`, default `data_dir/keys`).
    pub fn keys_dir(&self) -> PathBuf {
        self.keys_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("keys"))
    }

    /// The keyring's database: `keyring_url`, else on PostgreSQL the main database (the
    /// `signet_keyring` schema), on SQLite `keyring.db` in the keys directory.
    pub fn keyring_url(&self) -> String {
        if let Some(url) = &self.keyring_url {
            return url.expose().to_owned();
        }
        let main = self.database_url();
        if main.starts_with("sqlite:") {
            format!("sqlite://{}", self.keys_dir().join("keyring.db").display())
        } else {
            main
        }
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_owned(),
            None => format!("sqlite://{}", self.data_dir.join("signet.db").display()),
        }
    }

    /// The base of public links, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.listen),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_run_on_sqlite_in_the_data_dir() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url(), "sqlite://./signet-data/signet.db");
    }

    #[test]
    fn sqlite_durability_is_normal_or_full() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.sqlite_sync(), signet_store::SqliteSync::Normal);
        let c = Config::load(None, env(&[("SIGNET_SQLITE_SYNCHRONOUS", "full")])).unwrap();
        assert_eq!(c.sqlite_sync(), signet_store::SqliteSync::Full);
        let e = Config::load(None, env(&[("SIGNET_SQLITE_SYNCHRONOUS", "off")])).unwrap_err();
        assert!(e.to_string().contains("sqlite_synchronous"), "{e}");
    }

    #[test]
    fn numbers_come_from_the_environment_as_numbers() {
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_SCREENING_THRESHOLD", "0.9"),
                ("SIGNET_MAX_DOCUMENT_BYTES", "1048576"),
                ("SIGNET_MAX_BODY_BYTES", "2097152"),
            ]),
        )
        .unwrap();
        assert_eq!(c.screening_threshold, 0.9);
        assert_eq!(c.max_document_bytes, 1_048_576);
        assert_eq!(c.max_body_bytes, 2_097_152);
        let e = Config::load(None, env(&[("SIGNET_SCREENING_THRESHOLD", "high")])).unwrap_err();
        assert!(e.to_string().contains("SIGNET_SCREENING_THRESHOLD"), "{e}");
    }

    #[test]
    fn pdf_limits_have_defaults_and_come_from_the_environment() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.max_pdf_decompressed_bytes, 64 << 20);
        assert!(c.heavy_work_concurrency >= 1);
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_MAX_PDF_DECOMPRESSED_BYTES", "1048576"),
                ("SIGNET_HEAVY_WORK_CONCURRENCY", "3"),
            ]),
        )
        .unwrap();
        assert_eq!(
            (c.max_pdf_decompressed_bytes, c.heavy_work_concurrency),
            (1 << 20, 3)
        );
        let e = Config::load(None, env(&[("SIGNET_HEAVY_WORK_CONCURRENCY", "0")])).unwrap_err();
        assert!(e.to_string().contains("heavy_work_concurrency"), "{e}");
    }

    #[test]
    fn trusted_proxies_are_addresses_from_a_list() {
        let c = Config::load(None, env(&[("SIGNET_TRUSTED_PROXIES", "10.0.0.1, ::1")])).unwrap();
        assert_eq!(c.trusted_proxies.len(), 2);
        assert!(c.trusted_proxies[1].is_loopback());
        let e = Config::load(None, env(&[("SIGNET_TRUSTED_PROXIES", "proxy.local")])).unwrap_err();
        assert!(
            e.to_string().contains("trusted_proxies") || e.to_string().contains("IP"),
            "{e}"
        );
    }

    #[test]
    fn server_limits_have_defaults_and_come_from_the_environment() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.request_timeout_ms, 30_000);
        assert_eq!(c.body_read_timeout_ms, 30_000);
        assert_eq!(c.max_connections, 1024);
        assert_eq!(c.blob_sweep_grace_ms, 86_400_000);
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_REQUEST_TIMEOUT_MS", "1000"),
                ("SIGNET_BODY_READ_TIMEOUT_MS", "2000"),
                ("SIGNET_MAX_CONNECTIONS", "8"),
                ("SIGNET_BLOB_SWEEP_GRACE_MS", "60000"),
            ]),
        )
        .unwrap();
        assert_eq!(
            (
                c.request_timeout_ms,
                c.body_read_timeout_ms,
                c.max_connections
            ),
            (1000, 2000, 8)
        );
        assert_eq!(c.blob_sweep_grace_ms, 60_000);
        let e = Config::load(None, env(&[("SIGNET_MAX_CONNECTIONS", "0")])).unwrap_err();
        assert!(e.to_string().contains("max_connections"), "{e}");
    }

    #[test]
    fn abuse_limits_have_defaults_and_come_from_the_environment() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(
            (
                c.otp_max_per_signer,
                c.otp_max_per_identification,
                c.otp_max_per_number_per_day,
                c.otp_max_per_tenant_per_hour
            ),
            (10, 10, 10, 1000)
        );
        assert!(c.sms_allowed_countries.is_empty());
        assert_eq!(c.webhook_max_endpoints_per_tenant, 20);
        assert_eq!(c.password_hash_concurrency, 2);
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_OTP_MAX_PER_SIGNER", "3"),
                ("SIGNET_SMS_ALLOWED_COUNTRIES", "DE, at"),
                ("SIGNET_WEBHOOK_MAX_ENDPOINTS_PER_TENANT", "2"),
            ]),
        )
        .unwrap();
        assert_eq!(c.otp_max_per_signer, 3);
        assert_eq!(c.sms_allowed_countries, ["DE", "at"]);
        assert_eq!(c.webhook_max_endpoints_per_tenant, 2);
        let e =
            Config::load(None, env(&[("SIGNET_SMS_ALLOWED_COUNTRIES", "Germany")])).unwrap_err();
        assert!(e.to_string().contains("sms_allowed_countries"), "{e}");
        let e = Config::load(None, env(&[("SIGNET_OTP_MAX_PER_SIGNER", "0")])).unwrap_err();
        assert!(e.to_string().contains("otp_max_per_signer"), "{e}");
    }

    #[test]
    fn unknown_environment_keys_are_refused() {
        let e = Config::load(None, env(&[("SIGNET_LISTN", "0.0.0.0:1")])).unwrap_err();
        assert!(e.to_string().contains("listn"), "{e}");
    }

    #[test]
    fn unknown_file_keys_are_refused_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signet.toml");
        std::fs::write(&path, "listen = \"127.0.0.1:9000\"\ndatabse_url = \"x\"\n").unwrap();
        let e = Config::load(Some(&path), env(&[])).unwrap_err();
        assert!(
            e.to_string().contains("signet.toml") && e.to_string().contains("databse_url"),
            "{e}"
        );
    }

    #[test]
    fn environment_overrides_the_file_and_secrets_are_redacted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signet.toml");
        std::fs::write(&path, "listen = \"127.0.0.1:9000\"\n").unwrap();
        let c = Config::load(
            Some(&path),
            env(&[
                ("SIGNET_LISTEN", "127.0.0.1:9001"),
                ("SIGNET_DATABASE_URL", "postgres://u:hunter2@h/db"),
            ]),
        )
        .unwrap();
        assert_eq!(c.listen.port(), 9001);
        assert!(!format!("{c:?}").contains("hunter2"));
    }

    #[test]
    fn blobs_stay_in_files_unless_s3_is_configured_completely() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.blob_store, "file");
        assert!(c.s3().unwrap().is_none());

        let e = Config::load(
            None,
            env(&[
                ("SIGNET_BLOB_STORE", "s3"),
                ("SIGNET_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ]),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "blob_store = s3 needs s3_bucket, s3_access_key_id, s3_secret_access_key"
        );
        let e = Config::load(None, env(&[("SIGNET_BLOB_STORE", "s4")])).unwrap_err();
        assert!(
            e.to_string().contains("blob_store must be file or s3"),
            "{e}"
        );

        let c = Config::load(
            None,
            env(&[
                ("SIGNET_BLOB_STORE", "s3"),
                (
                    "SIGNET_S3_ENDPOINT",
                    "https://s3.eu-central-1.amazonaws.com",
                ),
                ("SIGNET_S3_BUCKET", "acme-signet"),
                ("SIGNET_S3_REGION", "eu-central-1"),
                ("SIGNET_S3_ACCESS_KEY_ID", "AKIAEXAMPLE"),
                ("SIGNET_S3_SECRET_ACCESS_KEY", "very-secret-key"),
            ]),
        )
        .unwrap();
        let s3 = c.s3().unwrap().unwrap();
        assert_eq!(s3.bucket, "acme-signet");
        assert_eq!(s3.region, "eu-central-1");
        assert_eq!(s3.secret_access_key, "very-secret-key");
        assert!(!format!("{c:?}").contains("very-secret-key"));
        assert!(!format!("{s3:?}").contains("very-secret-key"));
    }

    #[test]
    fn an_external_timestamp_authority_is_a_url_with_its_credentials_in_pairs() {
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_TSA_URL", "https://tsa.example/rfc3161"),
                ("SIGNET_TSA_USERNAME", "signet"),
                ("SIGNET_TSA_PASSWORD", "tsa-secret"),
                ("SIGNET_TSA_TIMEOUT_MS", "1500"),
            ]),
        )
        .unwrap();
        c.validate().unwrap();
        assert_eq!(c.tsa_timeout_ms, 1500);
        assert!(!format!("{c:?}").contains("tsa-secret"));
        for (pairs, says) in [
            (vec![("SIGNET_TSA_URL", "ftp://tsa.example")], "tsa_url"),
            (vec![("SIGNET_TSA_USERNAME", "signet")], "need tsa_url"),
            (
                vec![
                    ("SIGNET_TSA_URL", "http://tsa.example"),
                    ("SIGNET_TSA_USERNAME", "signet"),
                ],
                "go together",
            ),
            (
                vec![
                    ("SIGNET_TSA_URL", "http://tsa.example"),
                    ("SIGNET_TSA_CLIENT_KEY", "/etc/signet/tsa.key"),
                ],
                "go together",
            ),
            (
                vec![
                    ("SIGNET_TSA_URL", "http://tsa.example"),
                    ("SIGNET_TSA_TIMEOUT_MS", "0"),
                ],
                "tsa_timeout_ms",
            ),
            (
                vec![
                    ("SIGNET_TSA_URL", "http://tsa.example"),
                    ("SIGNET_TSA_TIMEOUT_MS", "10000"),
                ],
                "must fit in request_timeout_ms",
            ),
        ] {
            let e = Config::load(None, env(&pairs))
                .and_then(|c| c.validate())
                .expect_err("refused");
            assert!(e.to_string().contains(says), "{pairs:?}: {e}");
        }
    }

    #[test]
    fn a_remote_signing_provider_is_a_url_with_its_oauth_client() {
        let c = Config::load(
            None,
            env(&[
                ("SIGNET_CSC_URL", "https://qtsp.example/csc/v2"),
                ("SIGNET_CSC_CLIENT_ID", "signet"),
                ("SIGNET_CSC_CLIENT_SECRET", "csc-secret"),
                ("SIGNET_CSC_TIMEOUT_MS", "3000"),
            ]),
        )
        .unwrap();
        assert_eq!(c.csc_timeout_ms, 3000);
        assert_eq!(c.csc_url.as_deref(), Some("https://qtsp.example/csc/v2"));
        assert!(!format!("{c:?}").contains("csc-secret"));
        for (pairs, says) in [
            (
                vec![
                    ("SIGNET_CSC_URL", "ftp://qtsp.example"),
                    ("SIGNET_CSC_CLIENT_ID", "signet"),
                    ("SIGNET_CSC_CLIENT_SECRET", "x"),
                ],
                "csc_url must be",
            ),
            (
                vec![("SIGNET_CSC_URL", "https://qtsp.example/csc/v2")],
                "needs csc_client_id",
            ),
            (vec![("SIGNET_CSC_CLIENT_ID", "signet")], "need csc_url"),
            (
                vec![("SIGNET_CSC_TEST_CREDENTIAL_ID", "c1")],
                "need csc_test_url",
            ),
            (vec![("SIGNET_CSC_TIMEOUT_MS", "0")], "csc_timeout_ms"),
        ] {
            let e = Config::load(None, env(&pairs))
                .and_then(|c| c.validate())
                .expect_err("refused");
            assert!(e.to_string().contains(says), "{pairs:?}: {e}");
        }
    }
}
