//! Signet's trust anchors: the two CAs (live and test), the key one-time codes are hashed
//! with, and the CRLs served, all sealed under or derived from the operator's master key.

use crate::config::Config;
use crate::random::fill_random;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use signet_core::ids::SignerId;
use signet_core::time::Timestamp;
use signet_pdf::TrustStore;
use signet_store::{Mode, Store};
use std::collections::HashMap;
use std::path::Path;
use subtle::ConstantTimeEq;

/// One CRL as served, with the revocations it lists (made by the revocation module).
#[derive(Debug, Clone)]
pub struct CachedCrl {
    pub(crate) listed: Vec<(String, i64)>,
    pub(crate) made_at: DateTime<Utc>,
    pub(crate) der: Vec<u8>,
}

/// The CRLs served, per name (`live-issuing`, …).
pub type CrlCache = std::sync::Mutex<HashMap<String, CachedCrl>>;

/// Signet's two CAs (live, and test whose every name says TEST) and the key that hashes
/// one-time codes, all sealed under or derived from the operator's master key.
pub struct Trust {
    live: TrustStore,
    test: TrustStore,
    otp_key: [u8; 32],
    /// The CRLs served, per name, with the revocations they list (made by the revocation module).
    pub(crate) crls: CrlCache,
    /// The external timestamp authority (`tsa_url`) that stamps instead of the CAs' own.
    tsa: Option<crate::tsa::TsaClient>,
}

impl std::fmt::Debug for Trust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trust")
            .field("live", &self.live)
            .field("test", &self.test)
            .finish_non_exhaustive()
    }
}

/// Reads the master key: `master_key` in the configuration (64 hex digits), else the file
/// `master.key` in the data directory, created on first start (mode 0600).
fn master_key(config: &Config) -> Result<[u8; 32], String> {
    let parse = |hex_key: &str, origin: &str| -> Result<[u8; 32], String> {
        let bytes = hex::decode(hex_key.trim())
            .map_err(|_| format!("{origin}: the master key must be 64 hex digits"))?;
        bytes
            .try_into()
            .map_err(|_| format!("{origin}: the master key must be 64 hex digits (32 bytes)"))
    };
    if let Some(k) = &config.master_key {
        return parse(k.expose(), "master_key");
    }
    let path = config.data_dir.join("master.key");
    match std::fs::read_to_string(&path) {
        Ok(s) => parse(&s, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_key_file(&path),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The key that seals secrets at rest (link tokens, webhook secrets, stored idempotent
/// responses), derived from the master key so it needs no keeping of its own.
pub fn sealing_key(config: &Config) -> Result<[u8; 32], String> {
    let key = master_key(config)?;
    Ok(Sha256::new()
        .chain_update(b"signet sealed secrets v1\0")
        .chain_update(key)
        .finalize()
        .into())
}

fn create_key_file(path: &Path) -> Result<[u8; 32], String> {
    use std::io::Write;
    let mut key = [0u8; 32];
    fill_random(&mut key);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(mut f) => {
            f.write_all(hex::encode(key).as_bytes())
                .and_then(|_| f.sync_all())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(key)
        }
        // Another process created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let s =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let bytes = hex::decode(s.trim()).map_err(|_| "damaged master key file".to_owned())?;
            bytes
                .try_into()
                .map_err(|_| "damaged master key file".to_owned())
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Opens the sealed trust store `id`, or generates, seals and stores one.
async fn open_or_create(
    store: &Store,
    id: &str,
    key: &[u8; 32],
    now: Timestamp,
    generate: impl FnOnce() -> Result<TrustStore, signet_pdf::PdfError>,
) -> Result<TrustStore, String> {
    let sealed = match store.trust_store(id).await.map_err(|e| e.to_string())? {
        Some(s) => s,
        None => {
            let ca = generate().map_err(|e| e.to_string())?;
            let sealed = ca.seal(key).map_err(|e| e.to_string())?;
            let sealed = String::from_utf8(sealed).map_err(|e| e.to_string())?;
            store
                .insert_trust_store(id, &sealed, now)
                .await
                .map_err(|e| e.to_string())?
        }
    };
    let open = |sealed: &str| {
        let opened = if id == "test" {
            TrustStore::unseal_test(sealed.as_bytes(), key)
        } else {
            TrustStore::unseal(sealed.as_bytes(), key)
        };
        opened.map_err(|e| format!("{id}: {e}"))
    };
    let mut ca = open(&sealed)?;
    // A store sealed before revocation was published gets its OCSP responder now (and a
    // new one before the old expires); the first process to store it wins.
    if ca.ensure_ocsp_responder(now).map_err(|e| e.to_string())? {
        let resealed = ca.seal(key).map_err(|e| e.to_string())?;
        let resealed = String::from_utf8(resealed).map_err(|e| e.to_string())?;
        let kept = store
            .replace_trust_store(id, &sealed, &resealed)
            .await
            .map_err(|e| e.to_string())?;
        ca = open(&kept)?;
    }
    Ok(ca)
}

impl Trust {
    /// Opens the installation's CAs, creating them on first start. Every process of an
    /// installation must share the master key; the first to start writes each CA, the others
    /// read it. An installation from before test mode had its own CA gets one on its next
    /// start; what was signed before under the live root stays as it is.
    pub async fn load(config: &Config, store: &Store, now: Timestamp) -> Result<Trust, String> {
        let key = master_key(config)?;
        let url = config.public_url();
        let mut live = open_or_create(store, "default", &key, now, || {
            TrustStore::generate_published(&config.organization, now, false, &url)
        })
        .await?;
        let mut test = open_or_create(store, "test", &key, now, || {
            TrustStore::generate_published(&config.organization, now, true, &url)
        })
        .await?;
        // What is issued from now on names this installation's CRL and OCSP addresses (the
        // seal and the timestamp authority their CRL only: see the profile in pdf/src/ca.rs).
        live.set_public_url(&url);
        test.set_public_url(&url);
        let otp_key: [u8; 32] = Sha256::new()
            .chain_update(b"signet one-time codes v1\0")
            .chain_update(key)
            .finalize()
            .into();
        Ok(Trust {
            live,
            test,
            otp_key,
            tsa: crate::tsa::TsaClient::from_config(config)?,
            crls: Default::default(),
        })
    }

    /// The CA that signs what a key of `mode` creates. Test mode never signs under the live
    /// root: a test key can make a signature in any name, so it must never pass as real.
    pub fn ca(&self, mode: Mode) -> &TrustStore {
        match mode {
            Mode::Live => &self.live,
            Mode::Test => &self.test,
        }
    }

    /// A timestamp token over `imprint`: from the external authority when one is configured
    /// (in both modes: a test-mode signature still names TEST certificates), else from the
    /// mode's own. An external failure, after its tries, is seed 000's 6007.
    pub(crate) async fn timestamp_token(
        &self,
        mode: Mode,
        imprint: &[u8; 32],
        wall: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<u8>, (u32, String)> {
        match &self.tsa {
            Some(tsa) => tsa
                .token(imprint)
                .await
                .map_err(|e| (6007, format!("timestamp authority {}: {e}", tsa.url()))),
            None => self
                .ca(mode)
                .timestamp_token(imprint, wall)
                .map_err(|e| (e.status_code(), e.to_string())),
        }
    }

    /// The keyed hash a code is stored as; bound to the signer so a hash cannot be moved.
    pub fn otp_hash(&self, signer: &SignerId, code: &str) -> String {
        self.code_hash(signer.as_str(), code)
    }

    /// The keyed hash of a one-time code bound to `scope` (a signer, or an identification and
    /// the number it verifies), so a stored hash proves nothing anywhere else.
    pub fn code_hash(&self, scope: &str, code: &str) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.otp_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(scope.as_bytes());
        mac.update(b":");
        mac.update(code.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn otp_matches(&self, signer: &SignerId, code: &str, stored: &str) -> bool {
        let given = self.otp_hash(signer, code);
        given.as_bytes().ct_eq(stored.as_bytes()).into()
    }
}
