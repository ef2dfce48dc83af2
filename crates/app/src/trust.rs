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
use std::sync::{Arc, RwLock};
use subtle::ConstantTimeEq;

/// One CRL as served, with the revocations it lists (made by the revocation module).
#[derive(Debug, Clone)]
pub struct CachedCrl {
    pub(crate) listed: Vec<(String, i64)>,
    pub(crate) made_at: DateTime<Utc>,
    pub(crate) der: Vec<u8>,
}

/// The rows of `trust_store` holding the live and the test CA.
const STORE_LIVE: &str = "default";
const STORE_TEST: &str = "test";

/// How often each process opens the stores again (renewing what is due).
pub const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Refreshes `trust` from `store` every [`REFRESH_EVERY`] until cancelled (`now` reads the
/// wall clock), so a server that runs for years renews its timestamp authority and seal in
/// time without a restart.
pub async fn run_renewal(
    trust: std::sync::Arc<Trust>,
    store: Store,
    now: impl Fn() -> Timestamp + Send + 'static,
    cancel: tokio_util::sync::CancellationToken,
) {
    loop {
        tokio::select! {
            () = cancel.cancelled() => return,
            () = tokio::time::sleep(REFRESH_EVERY) => {}
        }
        if let Err(e) = trust.refresh(&store, now()).await {
            tracing::warn!(error = %e, "could not refresh Signet's CA");
        }
    }
}

/// The CRLs served, per name (`live-issuing`, …).
pub type CrlCache = std::sync::Mutex<HashMap<String, CachedCrl>>;

/// Signet's two CAs (live, and test whose every name says TEST) and the key that hashes
/// one-time codes, all sealed under or derived from the operator's master key.
pub struct Trust {
    /// Swapped whole when a certificate is renewed (see [`Trust::refresh`]); a signature in
    /// progress keeps the store it started with.
    live: RwLock<Arc<TrustStore>>,
    test: RwLock<Arc<TrustStore>>,
    /// The master key, to open and seal the stores again when they are refreshed.
    master_key: [u8; 32],
    public_url: String,
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
/// `master.key` in the keys directory, created on first start (mode 0600). A `master.key` left
/// in the data directory by an older version is moved into the keys directory first.
pub fn master_key(config: &Config) -> Result<[u8; 32], String> {
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
    let path = config.keys_dir().join("master.key");
    move_legacy_key_file(&config.data_dir.join("master.key"), &path)?;
    match std::fs::read_to_string(&path) {
        Ok(s) => parse(&s, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_key_file(&path),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Moves `master.key` from where older versions kept it (the data directory) to the keys
/// directory, unless the keys directory has one already.
fn move_legacy_key_file(legacy: &Path, path: &Path) -> Result<(), String> {
    if legacy == path || !legacy.exists() || path.exists() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    if std::fs::rename(legacy, path).is_err() {
        // Another filesystem: copy (0600), then remove the old file.
        let text = std::fs::read(legacy).map_err(|e| format!("{}: {e}", legacy.display()))?;
        write_new_key_file(path, &text)?;
        std::fs::remove_file(legacy).map_err(|e| format!("{}: {e}", legacy.display()))?;
    }
    tracing::info!(from = %legacy.display(), to = %path.display(), "moved the master key into the keys directory");
    Ok(())
}

fn write_new_key_file(path: &Path, contents: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    f.write_all(contents)
        .and_then(|_| f.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
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
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
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
    public_url: &str,
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
    open_current(store, id, key, public_url, sealed, now).await
}

/// Opens the sealed store `id` as stored (`sealed`), naming this installation's revocation
/// addresses in what it issues from now on, and renews the certificates that are due
/// (`TrustStore::renew_expiring`: the root ten years before it ends and the issuing CA six,
/// each by a new CA with a new key; the timestamp authority's and the seal's certificates a
/// year before they end or when the issuing CA changed, the OCSP responders' 90 days before;
/// a store sealed before revocation was published gets its responder). A renewal is stored only over the version it was made from, so when
/// processes renew at once the first one's is kept and the others open that.
async fn open_current(
    store: &Store,
    id: &str,
    key: &[u8; 32],
    public_url: &str,
    sealed: String,
    now: Timestamp,
) -> Result<TrustStore, String> {
    let open = |sealed: &str| {
        let opened = if id == "test" {
            TrustStore::unseal_test(sealed.as_bytes(), key)
        } else {
            TrustStore::unseal(sealed.as_bytes(), key)
        };
        let mut ca = opened.map_err(|e| format!("{id}: {e}"))?;
        // The seal names its CRL; a signer's certificate and the timestamp authority's name
        // the OCSP responder too: see the profile in pdf/src/ca.rs.
        ca.set_public_url(public_url);
        Ok::<_, String>(ca)
    };
    let mut ca = open(&sealed)?;
    let renewed = ca.renew_expiring(now).map_err(|e| e.to_string())?;
    if renewed.is_empty() {
        return Ok(ca);
    }
    let resealed = ca.seal(key).map_err(|e| e.to_string())?;
    let resealed = String::from_utf8(resealed).map_err(|e| e.to_string())?;
    let kept = store
        .replace_trust_store(id, &sealed, &resealed)
        .await
        .map_err(|e| e.to_string())?;
    if kept == resealed {
        tracing::info!(store = id, renewed = ?renewed, "renewed certificates of Signet's CA");
    }
    open(&kept)
}

impl Trust {
    /// Opens the installation's CAs, creating them on first start. Every process of an
    /// installation must share the master key; the first to start writes each CA, the others
    /// read it. An installation from before test mode had its own CA gets one on its next
    /// start; what was signed before under the live root stays as it is.
    pub async fn load(config: &Config, store: &Store, now: Timestamp) -> Result<Trust, String> {
        let key = master_key(config)?;
        let url = config.public_url();
        let live = open_or_create(store, STORE_LIVE, &key, &url, now, || {
            TrustStore::generate_published(&config.organization, now, false, &url)
        })
        .await?;
        let test = open_or_create(store, STORE_TEST, &key, &url, now, || {
            TrustStore::generate_published(&config.organization, now, true, &url)
        })
        .await?;
        let otp_key: [u8; 32] = Sha256::new()
            .chain_update(b"signet one-time codes v1\0")
            .chain_update(key)
            .finalize()
            .into();
        Ok(Trust {
            live: RwLock::new(Arc::new(live)),
            test: RwLock::new(Arc::new(test)),
            master_key: key,
            public_url: url,
            otp_key,
            tsa: crate::tsa::TsaClient::from_config(config)?,
            crls: Default::default(),
        })
    }

    /// The CA that signs what a key of `mode` creates. Test mode never signs under the live
    /// root: a test key can make a signature in any name, so it must never pass as real.
    pub fn ca(&self, mode: Mode) -> Arc<TrustStore> {
        let slot = match mode {
            Mode::Live => &self.live,
            Mode::Test => &self.test,
        };
        slot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Opens both stores as stored now, renewing what is due at `now` (wall clock) and storing
    /// the renewal, and uses them from then on: what another process renewed is picked up too.
    /// Run every [`REFRESH_EVERY`] by [`run_renewal`] and before each archive timestamp.
    pub async fn refresh(&self, store: &Store, now: Timestamp) -> Result<(), String> {
        for (id, slot) in [(STORE_LIVE, &self.live), (STORE_TEST, &self.test)] {
            let sealed = store
                .trust_store(id)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("{id}: the trust store is gone"))?;
            let ca =
                open_current(store, id, &self.master_key, &self.public_url, sealed, now).await?;
            *slot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(ca);
        }
        Ok(())
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
