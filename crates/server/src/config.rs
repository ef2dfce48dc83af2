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
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Run the job workers in this process.
    pub workers: bool,
    /// How often an idle worker looks for due jobs, in milliseconds.
    pub worker_poll_ms: u64,
    /// 64 hex digits that encrypt the CA's private keys and key the one-time-code hashes.
    /// Without it, `master.key` in `data_dir` is used (created on first start). Processes
    /// sharing a PostgreSQL database must share it.
    pub master_key: Option<Secret>,
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
            max_body_bytes: 32 * 1024 * 1024,
            workers: true,
            worker_poll_ms: 250,
            master_key: None,
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
                "max_body_bytes" | "worker_poll_ms" => {
                    toml::Value::Integer(value.parse().map_err(|_| ConfigError::Env {
                        var: var.clone(),
                        message: "must be a number".into(),
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
        Ok(())
    }

    /// The database URL in force.
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
}
