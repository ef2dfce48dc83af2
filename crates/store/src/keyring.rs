//! The keyring of envelope encryption, kept apart from the data it opens.
//!
//! ```text
//! master key (keys directory or SIGNET_MASTER_KEY)
//!   └─ tenant key, one per tenant: random, sealed under the master key (its id on the row)
//!        └─ data key, one per person and per document: random, sealed under the tenant key
//! ```
//!
//! The sealed tenant and data keys live in a database of their own: on SQLite a file in the
//! keys directory (`keyring.db`), on PostgreSQL the schema `signet_keyring` (of the main
//! database, or of `keyring_url`). A backup of the data therefore holds no key, and a data
//! key destroyed here ([`Keyring::destroy_person_key`]) leaves its person's data unreadable
//! everywhere, backups included.
//!
//! Unsealed data keys are kept in memory once opened, so a request that writes a person or a
//! file does not go to the keyring again; each is read again after [`DATA_KEY_CACHE_TTL`], so a
//! key destroyed by another process (an erasure) stops opening anything here within that time,
//! and the cache holds at most [`DATA_KEY_CACHE_MAX`] keys. Each sealed key is AES-256-GCM with what it is for as
//! associated data: a tenant key names its tenant and version, a data key its tenant and owner.
//!
//! `signet keys rotate` writes a new master key file (`master-0002.key`, …; the newest is
//! current) and re-seals every tenant key under it; a running process that meets a row sealed
//! under a master key it does not know reads the keys directory again.

use crate::Backend;
use crate::{Result, StoreError};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor, Row};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

const NONCE_LEN: usize = 12;
/// The mark of a value sealed under a data key (nonce ‖ ciphertext follows).
const VALUE_MARK: &[u8] = b"SGNV1\0";
/// The tenant key version new data keys are sealed under.
const TENANT_KEY_VERSION: i64 = 1;
/// How long an unsealed data key is used from memory before the keyring is read again
/// (which is how a key destroyed by another process stops working here).
pub const DATA_KEY_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(60);
/// Most data keys held in memory (32 bytes each, plus the map's own).
pub const DATA_KEY_CACHE_MAX: usize = 100_000;

/// The first batch of keys made ahead for a tenant's new persons; each later batch doubles, up
/// to [`SPARE_BATCH_MAX`], so a tenant that creates few persons leaves few keys unused when the
/// process stops, and a busy one commits to the keyring once per few hundred persons.
const SPARE_BATCH_FIRST: usize = 8;
const SPARE_BATCH_MAX: usize = 256;
/// Rows of one multi-row insert (5 values each, far below either database's bound).
const INSERT_CHUNK: usize = 128;

/// Whose data key: a person's (their fields, identification data, images), a document's
/// (its PDFs, selfies and page images), or the tenant's own (files that name neither).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOwner<'a> {
    Person(&'a str),
    Document(&'a str),
    Tenant,
}

impl KeyOwner<'_> {
    /// The owner as stored in the keyring and named in a file's header.
    pub fn label(&self) -> String {
        match self {
            KeyOwner::Person(id) => format!("person:{id}"),
            KeyOwner::Document(id) => format!("document:{id}"),
            KeyOwner::Tenant => "tenant".to_owned(),
        }
    }
}

/// One master key: its id and the key it seals tenant keys with.
#[derive(Clone)]
struct MasterKey {
    id: String,
    kek: Aes256Gcm,
}

/// The id a master key is known by on the rows it sealed: not secret, derived from the key.
pub fn master_key_id(key: &[u8; 32]) -> String {
    let digest = Sha256::new()
        .chain_update(b"signet master key id\0")
        .chain_update(key)
        .finalize();
    hex::encode(&digest[..8])
}

fn master(key: &[u8; 32]) -> MasterKey {
    // The master key also seals other secrets: the keyring uses a key derived from it.
    let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(key).expect("any key length");
    mac.update(b"signet keyring kek v1\0");
    let kek: [u8; 32] = mac.finalize().into_bytes().into();
    MasterKey {
        id: master_key_id(key),
        kek: Aes256Gcm::new(&kek.into()),
    }
}

fn rotated_file_name(generation: u32) -> String {
    format!("master-{generation:04}.key")
}

fn parse_hex_key(text: &str, origin: &str) -> Result<[u8; 32]> {
    hex::decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| StoreError::Corrupt(format!("{origin}: a master key must be 64 hex digits")))
}

/// The rotated master keys of a keys directory (`master-NNNN.key`), oldest first.
fn read_rotated(dir: &Path) -> Result<Vec<(u32, [u8; 32])>> {
    let mut found = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(generation) = name
            .to_str()
            .and_then(|n| n.strip_prefix("master-"))
            .and_then(|n| n.strip_suffix(".key"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path())?;
        found.push((
            generation,
            parse_hex_key(&text, &entry.path().display().to_string())?,
        ));
    }
    found.sort_by_key(|(g, _)| *g);
    Ok(found)
}

/// Writes a new master key into `keys_dir` (mode 0600), one generation above the newest;
/// returns its generation and id. The keys already there stay: rows sealed under them are
/// opened with them until they are re-sealed.
pub fn create_next_master_key(keys_dir: &Path) -> Result<(u32, String)> {
    use std::io::Write;
    std::fs::create_dir_all(keys_dir)?;
    let newest = read_rotated(keys_dir)?.last().map_or(1, |(g, _)| *g);
    let generation = newest + 1;
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)
        .map_err(|e| StoreError::Corrupt(format!("no randomness for a master key: {e}")))?;
    let path = keys_dir.join(rotated_file_name(generation));
    let tmp = keys_dir.join(format!("{}.partial", rotated_file_name(generation)));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(&tmp)?;
    f.write_all(hex::encode(key).as_bytes())?;
    f.sync_all()?;
    drop(f);
    // A concurrent rotation that took this generation first keeps its key.
    std::fs::hard_link(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        StoreError::Conflict(format!("{}: {e}", path.display()))
    })?;
    std::fs::remove_file(&tmp)?;
    std::fs::File::open(keys_dir)?.sync_all()?;
    Ok((generation, master_key_id(&key)))
}

/// What a re-sealing of tenant keys did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resealed {
    /// The id of the master key every tenant key is now sealed under.
    pub master_key_id: String,
    /// Tenant keys re-sealed by this run.
    pub resealed: u64,
    /// Tenant keys already under it.
    pub unchanged: u64,
}

/// How a data key not in memory is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// Read it; never make one.
    Existing,
    /// Read it, and make it if the owner has none.
    MakeIfMissing,
    /// The owner is new: make it (reading only if the owner had one after all).
    New,
}

/// A data key in the clear, as cached.
pub struct DataKey {
    key: [u8; 32],
}

impl DataKey {
    pub fn bytes(&self) -> &[u8; 32] {
        &self.key
    }
}

/// Data keys in the clear, each with when it was read from the keyring.
struct KeyCache {
    keys: HashMap<(String, String), (Arc<DataKey>, std::time::Instant)>,
    /// Keys inserted since the last sweep of expired ones.
    since_sweep: usize,
    ttl: std::time::Duration,
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache {
            keys: HashMap::new(),
            since_sweep: 0,
            ttl: DATA_KEY_CACHE_TTL,
        }
    }
}

impl KeyCache {
    /// The key if it was read within the TTL.
    fn fresh(&self, tenant: &str, owner: &str, now: std::time::Instant) -> Option<Arc<DataKey>> {
        // The map's key is owned; a lookup by borrowed parts would need a custom Borrow.
        let (key, read_at) = self.keys.get(&(tenant.to_owned(), owner.to_owned()))?;
        (now.saturating_duration_since(*read_at) < self.ttl).then(|| key.clone())
    }

    fn insert(&mut self, tenant: &str, owner: &str, key: Arc<DataKey>, now: std::time::Instant) {
        self.keys
            .insert((tenant.to_owned(), owner.to_owned()), (key, now));
        self.since_sweep += 1;
        // Expired keys go now and then (amortised: a sweep per quarter of the bound), and
        // when the bound is still reached the oldest half goes.
        if self.since_sweep >= DATA_KEY_CACHE_MAX / 4 || self.keys.len() > DATA_KEY_CACHE_MAX {
            self.since_sweep = 0;
            let ttl = self.ttl;
            self.keys
                .retain(|_, (_, at)| now.saturating_duration_since(*at) < ttl);
            if self.keys.len() > DATA_KEY_CACHE_MAX {
                let mut ages: Vec<std::time::Instant> =
                    self.keys.values().map(|(_, at)| *at).collect();
                let middle = ages.len() / 2;
                let (_, cut, _) = ages.select_nth_unstable(middle);
                let cut = *cut;
                self.keys.retain(|_, (_, at)| *at > cut);
            }
        }
    }

    /// The key whatever its age: for opening right after [`Keyring::load_keys_of`] read it,
    /// which must not fail because the TTL ran out in between.
    fn any(&self, tenant: &str, owner: &str) -> Option<Arc<DataKey>> {
        let (key, _) = self.keys.get(&(tenant.to_owned(), owner.to_owned()))?;
        Some(key.clone())
    }

    fn remove(&mut self, tenant: &str, owner: &str) {
        self.keys.remove(&(tenant.to_owned(), owner.to_owned()));
    }

    fn clear(&mut self) {
        self.keys.clear();
    }
}

/// Now, for the key cache's ages (monotonic; no deadline of the domain depends on it).
fn monotonic_now() -> std::time::Instant {
    std::time::Instant::now()
}

struct TenantKey {
    cipher: Aes256Gcm,
    /// Keys the HMAC index of a tenant's lookups.
    index_key: [u8; 32],
}

/// The keyring; cheap to share behind an `Arc`.
pub struct Keyring {
    backend: Backend,
    pool: AnyPool,
    /// `signet_keyring.` on PostgreSQL, nothing on SQLite (a file of its own).
    prefix: &'static str,
    keys_dir: PathBuf,
    base: [u8; 32],
    /// Every master key known, oldest first; the last is current.
    masters: RwLock<Vec<MasterKey>>,
    tenants: Mutex<HashMap<String, Arc<TenantKey>>>,
    data: Mutex<KeyCache>,
    /// New data keys waiting for the next grouped commit (SQLite).
    queued: Mutex<Vec<QueuedKey>>,
    /// Held by whoever commits the queued keys.
    committer: tokio::sync::Mutex<()>,
    /// Per tenant, new persons' ids whose data keys are committed already (made ahead).
    spare: Mutex<HashMap<String, Spare>>,
    /// Held by whoever makes a batch of spare keys.
    spare_maker: tokio::sync::Mutex<()>,
}

/// A tenant's keys made ahead, and how many the next batch makes.
#[derive(Default)]
struct Spare {
    ready: Vec<(String, Arc<DataKey>)>,
    next_batch: usize,
}

/// A new data key waiting to be inserted, and who waits for the outcome (`true`: inserted;
/// `false`: the owner had a key already).
struct QueuedKey {
    tenant: String,
    owner: String,
    sealed: Vec<u8>,
    done: tokio::sync::oneshot::Sender<std::result::Result<bool, String>>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("backend", &self.backend)
            .field("keys_dir", &self.keys_dir)
            .finish_non_exhaustive()
    }
}

fn sealed_with(cipher: &Aes256Gcm, plain: &[u8], context: &str) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce)
        .map_err(|e| StoreError::Corrupt(format!("no randomness to seal with: {e}")))?;
    let ct = cipher
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plain,
                aad: context.as_bytes(),
            },
        )
        .map_err(|_| StoreError::Corrupt(format!("cannot seal {context}")))?;
    let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    Ok(out)
}

fn opened_with(cipher: &Aes256Gcm, sealed: &[u8], context: &str) -> Result<Vec<u8>> {
    let wrong = || StoreError::Corrupt(format!("{context} does not open (another key, or edited)"));
    if sealed.len() < NONCE_LEN {
        return Err(wrong());
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| wrong())?;
    cipher
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: ct,
                aad: context.as_bytes(),
            },
        )
        .map_err(|_| wrong())
}

fn key32(bytes: Vec<u8>, what: &str) -> Result<[u8; 32]> {
    bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("{what} has the wrong length")))
}

fn random_key() -> Result<[u8; 32]> {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)
        .map_err(|e| StoreError::Corrupt(format!("no randomness for a key: {e}")))?;
    Ok(key)
}

/// A SQLite URL that creates the file when missing.
fn with_create(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

fn wall_millis() -> i64 {
    #[allow(clippy::disallowed_methods)] // when a key was made: bookkeeping, no deadline
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Keyring {
    /// Opens (creating when missing) the keyring: `url` is `sqlite://…` for a file or
    /// `postgres://…` for the `signet_keyring` schema there. `base_master` is the master key
    /// of generation 1 (`master.key` or `master_key`); newer ones are read from `keys_dir`.
    pub async fn open(url: &str, keys_dir: &Path, base_master: [u8; 32]) -> Result<Keyring> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let (pool, prefix) = match backend {
            Backend::Sqlite => {
                std::fs::create_dir_all(keys_dir)?;
                crate::maintenance::restrict_dir(keys_dir)?;
                crate::maintenance::restrict_sqlite_file(url)?;
                // One connection: every keyring statement in turn, so a write never meets a
                // snapshot another connection made stale (SQLITE_BUSY_SNAPSHOT).
                let pool = AnyPoolOptions::new()
                    .max_connections(1)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("PRAGMA journal_mode = WAL").await?;
                            conn.execute("PRAGMA synchronous = FULL").await?;
                            conn.execute("PRAGMA busy_timeout = 5000").await?;
                            Ok(())
                        })
                    })
                    .connect(&with_create(url))
                    .await?;
                (pool, "")
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(4)
                    .acquire_timeout(std::time::Duration::from_secs(10))
                    .connect(url)
                    .await?;
                (pool, "signet_keyring.")
            }
        };
        let keyring = Keyring {
            backend,
            pool,
            prefix,
            keys_dir: keys_dir.to_owned(),
            base: base_master,
            masters: RwLock::new(Vec::new()),
            tenants: Mutex::new(HashMap::new()),
            data: Mutex::new(KeyCache::default()),
            queued: Mutex::new(Vec::new()),
            committer: tokio::sync::Mutex::new(()),
            spare: Mutex::new(HashMap::new()),
            spare_maker: tokio::sync::Mutex::new(()),
        };
        keyring.reload_masters()?;
        keyring.create_tables().await?;
        Ok(keyring)
    }

    async fn create_tables(&self) -> Result<()> {
        let bytes = match self.backend {
            Backend::Sqlite => "BLOB",
            Backend::Postgres => "BYTEA",
        };
        let p = self.prefix;
        let mut conn = self.pool.acquire().await?;
        if self.backend == Backend::Postgres {
            // Two processes starting at once must not both create the schema.
            conn.execute("SELECT pg_advisory_lock(7262101)").await?;
        }
        let statements = [
            if self.backend == Backend::Postgres {
                "CREATE SCHEMA IF NOT EXISTS signet_keyring".to_owned()
            } else {
                String::new()
            },
            format!(
                "CREATE TABLE IF NOT EXISTS {p}tenant_keys (tenant_id TEXT NOT NULL, version BIGINT NOT NULL, master_key_id TEXT NOT NULL, sealed {bytes} NOT NULL, created_at BIGINT NOT NULL, resealed_at BIGINT, PRIMARY KEY (tenant_id, version))"
            ),
            format!(
                "CREATE TABLE IF NOT EXISTS {p}data_keys (tenant_id TEXT NOT NULL, owner TEXT NOT NULL, tenant_key_version BIGINT NOT NULL, sealed {bytes}, created_at BIGINT NOT NULL, destroyed_at BIGINT, PRIMARY KEY (tenant_id, owner))"
            ),
        ];
        let mut result = Ok(());
        for s in statements.iter().filter(|s| !s.is_empty()) {
            if let Err(e) = conn.execute(sqlx::AssertSqlSafe(s.clone())).await {
                result = Err(e.into());
                break;
            }
        }
        if self.backend == Backend::Postgres {
            conn.execute("SELECT pg_advisory_unlock(7262101)").await?;
        }
        result
    }

    /// Reads the keys directory's rotated master keys again (after `signet keys rotate`).
    fn reload_masters(&self) -> Result<()> {
        let mut keys = vec![master(&self.base)];
        for (generation, key) in read_rotated(&self.keys_dir)? {
            if generation > 1 {
                keys.push(master(&key));
            }
        }
        *self.masters.write().expect("masters lock") = keys;
        Ok(())
    }

    fn current_master(&self) -> MasterKey {
        self.masters
            .read()
            .expect("masters lock")
            .last()
            .cloned()
            .expect("the base master key is always there")
    }

    fn master_by_id(&self, id: &str) -> Result<MasterKey> {
        let find = || {
            self.masters
                .read()
                .expect("masters lock")
                .iter()
                .find(|m| m.id == id)
                .cloned()
        };
        if let Some(m) = find() {
            return Ok(m);
        }
        // Sealed by a rotation this process has not seen yet.
        self.reload_masters()?;
        find().ok_or_else(|| {
            StoreError::Corrupt(format!(
                "a tenant key is sealed under master key {id}, which is not in {} (nor master_key)",
                self.keys_dir.display()
            ))
        })
    }

    /// The id of the master key new tenant keys are sealed under.
    pub fn current_master_key_id(&self) -> String {
        self.current_master().id
    }

    fn tenant_key_context(tenant: &str, version: i64) -> String {
        format!("keyring.tenant_keys:{tenant}:{version}")
    }

    fn data_key_context(tenant: &str, owner: &str) -> String {
        format!("keyring.data_keys:{tenant}:{owner}")
    }

    /// The tenant's key in the clear, made and sealed on first use.
    async fn tenant_key(&self, tenant: &str) -> Result<Arc<TenantKey>> {
        if let Some(k) = self.tenants.lock().expect("tenant keys").get(tenant) {
            return Ok(k.clone());
        }
        let p = self.prefix;
        let select = format!(
            "SELECT master_key_id, sealed FROM {p}tenant_keys WHERE tenant_id = $1 AND version = $2"
        );
        let mut row = sqlx::query(sqlx::AssertSqlSafe(select.clone()))
            .bind(tenant)
            .bind(TENANT_KEY_VERSION)
            .fetch_optional(&self.pool)
            .await?;
        if row.is_none() {
            // A new tenant: seal under the newest master key there is.
            self.reload_masters()?;
            let master = self.current_master();
            let key = random_key()?;
            let sealed = sealed_with(
                &master.kek,
                &key,
                &Self::tenant_key_context(tenant, TENANT_KEY_VERSION),
            )?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO {p}tenant_keys (tenant_id, version, master_key_id, sealed, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
            )))
            .bind(tenant)
            .bind(TENANT_KEY_VERSION)
            .bind(&master.id)
            .bind(sealed)
            .bind(wall_millis())
            .execute(&self.pool)
            .await?;
            // Another process may have made it first: theirs is the one.
            row = sqlx::query(sqlx::AssertSqlSafe(select))
                .bind(tenant)
                .bind(TENANT_KEY_VERSION)
                .fetch_optional(&self.pool)
                .await?;
        }
        let row = row.ok_or_else(|| StoreError::Corrupt("a tenant key vanished".into()))?;
        let master_id: String = row.try_get("master_key_id")?;
        let sealed: Vec<u8> = row.try_get("sealed")?;
        let master = self.master_by_id(&master_id)?;
        let key = key32(
            opened_with(
                &master.kek,
                &sealed,
                &Self::tenant_key_context(tenant, TENANT_KEY_VERSION),
            )?,
            "a tenant key",
        )?;
        let mut mac =
            <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(&key).expect("any key length");
        mac.update(b"signet lookup index v1\0");
        let tenant_key = Arc::new(TenantKey {
            cipher: Aes256Gcm::new(&key.into()),
            index_key: mac.finalize().into_bytes().into(),
        });
        self.tenants
            .lock()
            .expect("tenant keys")
            .insert(tenant.to_owned(), tenant_key.clone());
        Ok(tenant_key)
    }

    /// The data key of `owner`, made and sealed under the tenant key on first use. A
    /// destroyed key is [`StoreError::NotFound`]: what it sealed stays unreadable.
    pub async fn data_key(&self, tenant: &str, owner: KeyOwner<'_>) -> Result<Arc<DataKey>> {
        self.data_key_by_label(tenant, &owner.label(), Lookup::MakeIfMissing)
            .await
    }

    /// The data key of an owner just made (a new person, with a fresh random id): inserted
    /// without reading first, one keyring round trip fewer; as [`Keyring::data_key`] if the
    /// owner had one after all.
    pub async fn new_data_key(&self, tenant: &str, owner: KeyOwner<'_>) -> Result<Arc<DataKey>> {
        self.data_key_by_label(tenant, &owner.label(), Lookup::New)
            .await
    }

    /// Inserts a new data key unless its owner has one; `true` when inserted. On SQLite the
    /// keys made at the same moment share one transaction and one `fsync` (the file is
    /// `synchronous = FULL`, and every new person makes a key): whoever holds `committer`
    /// commits everything queued, and the others find their outcome when they get it.
    async fn insert_data_key(&self, tenant: &str, owner: &str, sealed: Vec<u8>) -> Result<bool> {
        if self.backend == Backend::Postgres {
            // PostgreSQL groups concurrent commits itself.
            let mut conn = self.pool.acquire().await?;
            return Ok(Self::insert_one(&mut conn, self.prefix, tenant, owner, &sealed).await?);
        }
        let (done, mut outcome) = tokio::sync::oneshot::channel();
        self.queued.lock().expect("queued keys").push(QueuedKey {
            tenant: tenant.to_owned(),
            owner: owner.to_owned(),
            sealed,
            done,
        });
        let _turn = self.committer.lock().await;
        // Committed by whoever held the turn before (it answers before letting go).
        match outcome.try_recv() {
            Ok(result) => return result.map_err(|e| StoreError::Io(std::io::Error::other(e))),
            Err(tokio::sync::oneshot::error::TryRecvError::Closed) => {
                return Err(StoreError::Io(std::io::Error::other(
                    "the keyring's commit of a new key was abandoned",
                )));
            }
            Err(tokio::sync::oneshot::error::TryRecvError::Empty) => {}
        }
        // Ours is still queued: commit it with everything queued beside it.
        let batch = std::mem::take(&mut *self.queued.lock().expect("queued keys"));
        let results = self.commit_keys(&batch).await;
        for (i, key) in batch.into_iter().enumerate() {
            let r = match &results {
                Ok(inserted) => Ok(inserted[i]),
                Err(e) => Err(e.clone()),
            };
            let _ = key.done.send(r);
        }
        match outcome.try_recv() {
            Ok(result) => result.map_err(|e| StoreError::Io(std::io::Error::other(e))),
            Err(_) => Err(StoreError::Io(std::io::Error::other(
                "the keyring's commit of a new key was abandoned",
            ))),
        }
    }

    async fn commit_keys(&self, batch: &[QueuedKey]) -> std::result::Result<Vec<bool>, String> {
        let run = async {
            let mut tx = self.pool.begin().await?;
            let mut inserted = Vec::with_capacity(batch.len());
            for k in batch {
                inserted.push(
                    Self::insert_one(&mut tx, self.prefix, &k.tenant, &k.owner, &k.sealed).await?,
                );
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(inserted)
        };
        run.await.map_err(|e| format!("keyring: {e}"))
    }

    async fn insert_one(
        conn: &mut sqlx::AnyConnection,
        prefix: &str,
        tenant: &str,
        owner: &str,
        sealed: &[u8],
    ) -> std::result::Result<bool, sqlx::Error> {
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO {prefix}data_keys (tenant_id, owner, tenant_key_version, sealed, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
        )))
        .bind(tenant)
        .bind(owner)
        .bind(TENANT_KEY_VERSION)
        .bind(sealed)
        .bind(wall_millis())
        .execute(&mut *conn)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A new person's id (made by `fresh_id`) whose data key is committed in the keyring and
    /// held in memory. Keys are made ahead in batches, one keyring transaction (on SQLite one
    /// `fsync`) for many, so creating a person costs the keyring no write of its own. The key
    /// is keyed by the person's id as any other, so reading, erasing and destroying it are
    /// unchanged. A key made ahead and never taken (the process stopped first) seals nothing.
    pub async fn take_spare_person(
        &self,
        tenant: &str,
        fresh_id: impl Fn() -> String,
    ) -> Result<String> {
        if let Some(id) = self.pop_spare(tenant) {
            return Ok(id);
        }
        let _turn = self.spare_maker.lock().await;
        // Made by whoever held the turn before.
        if let Some(id) = self.pop_spare(tenant) {
            return Ok(id);
        }
        let batch = {
            let mut spare = self.spare.lock().expect("spare keys");
            let entry = spare.entry(tenant.to_owned()).or_default();
            let n = entry.next_batch.clamp(SPARE_BATCH_FIRST, SPARE_BATCH_MAX);
            entry.next_batch = (n * 2).min(SPARE_BATCH_MAX);
            n
        };
        let tenant_key = self.tenant_key(tenant).await?;
        let mut made = Vec::with_capacity(batch);
        for _ in 0..batch {
            let id = fresh_id();
            let key = random_key()?;
            let sealed = sealed_with(
                &tenant_key.cipher,
                &key,
                &Self::data_key_context(tenant, &KeyOwner::Person(&id).label()),
            )?;
            made.push((id, key, sealed));
        }
        let inserted = self.insert_spare(tenant, &made).await?;
        let mut ready: Vec<(String, Arc<DataKey>)> = made
            .into_iter()
            .map(|(id, key, _)| (id, Arc::new(DataKey { key })))
            .collect();
        if inserted != ready.len() as u64 {
            // An id was taken already (never seen with random ids): which one is not known,
            // so none of the batch is used; this person's key is made on its own.
            let id = fresh_id();
            self.new_data_key(tenant, KeyOwner::Person(&id)).await?;
            return Ok(id);
        }
        let (id, key) = ready.pop().expect("a batch is never empty");
        self.hold_in_use(tenant, &id, key);
        self.spare
            .lock()
            .expect("spare keys")
            .entry(tenant.to_owned())
            .or_default()
            .ready
            .extend(ready);
        Ok(id)
    }

    /// A key made ahead for `tenant`, moved into the cache of keys in use.
    fn pop_spare(&self, tenant: &str) -> Option<String> {
        let (id, key) = self
            .spare
            .lock()
            .expect("spare keys")
            .get_mut(tenant)?
            .ready
            .pop()?;
        self.hold_in_use(tenant, &id, key);
        Some(id)
    }

    /// A new person's key made ahead, now in the cache of keys in use (its age counted from now).
    fn hold_in_use(&self, tenant: &str, person: &str, key: Arc<DataKey>) {
        self.data.lock().expect("data keys").insert(
            tenant,
            &KeyOwner::Person(person).label(),
            key,
            monotonic_now(),
        );
    }

    /// Inserts keys made ahead in one transaction; how many were inserted.
    async fn insert_spare(
        &self,
        tenant: &str,
        made: &[(String, [u8; 32], Vec<u8>)],
    ) -> Result<u64> {
        let p = self.prefix;
        let now = wall_millis();
        let mut tx = self.pool.begin().await?;
        let mut inserted = 0;
        for chunk in made.chunks(INSERT_CHUNK) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let b = i * 5;
                    format!(
                        "(${}, ${}, ${}, ${}, ${})",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO {p}data_keys (tenant_id, owner, tenant_key_version, sealed, created_at) VALUES {} ON CONFLICT DO NOTHING",
                rows.join(", ")
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (id, _, sealed) in chunk {
                query = query
                    .bind(tenant)
                    .bind(KeyOwner::Person(id).label())
                    .bind(TENANT_KEY_VERSION)
                    .bind(sealed.clone())
                    .bind(now);
            }
            inserted += query.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// The data key a file's header names; never makes one.
    pub async fn existing_data_key(&self, tenant: &str, owner: &str) -> Result<Arc<DataKey>> {
        self.data_key_by_label(tenant, owner, Lookup::Existing)
            .await
    }

    async fn data_key_by_label(
        &self,
        tenant: &str,
        owner: &str,
        lookup: Lookup,
    ) -> Result<Arc<DataKey>> {
        let now = monotonic_now();
        if let Some(k) = self
            .data
            .lock()
            .expect("data keys")
            .fresh(tenant, owner, now)
        {
            return Ok(k);
        }
        let tenant_key = self.tenant_key(tenant).await?;
        // Read first: a key not in memory is mostly one made before (by another process, or
        // expired here), and a read costs the keyring no write. Only a new owner's key is made,
        // which is the one write (and on SQLite the one fsync, grouped with others). An owner
        // known to be new (`Lookup::New`) skips the read.
        if lookup != Lookup::New {
            match self.read_data_key(&tenant_key, tenant, owner).await? {
                Some(key) => return Ok(key),
                None if lookup == Lookup::Existing => return Err(StoreError::NotFound),
                None => {}
            }
        }
        let key = random_key()?;
        let sealed = sealed_with(
            &tenant_key.cipher,
            &key,
            &Self::data_key_context(tenant, owner),
        )?;
        if self.insert_data_key(tenant, owner, sealed).await? {
            let key = Arc::new(DataKey { key });
            self.data
                .lock()
                .expect("data keys")
                .insert(tenant, owner, key.clone(), now);
            return Ok(key);
        }
        // Made by another process meanwhile, or destroyed (a tombstone blocks a new key).
        self.read_data_key(&tenant_key, tenant, owner)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The stored key of `owner`, cached once read; `None` when never made or destroyed.
    async fn read_data_key(
        &self,
        tenant_key: &TenantKey,
        tenant: &str,
        owner: &str,
    ) -> Result<Option<Arc<DataKey>>> {
        let p = self.prefix;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT sealed, destroyed_at FROM {p}data_keys WHERE tenant_id = $1 AND owner = $2"
        )))
        .bind(tenant)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        let exists = row.is_some();
        let sealed: Option<Vec<u8>> = match row {
            Some(row) => row.try_get("sealed")?,
            None => None,
        };
        let Some(sealed) = sealed else {
            // Never made, or destroyed (perhaps by another process since it was cached).
            self.data.lock().expect("data keys").remove(tenant, owner);
            if exists {
                // A tombstone: no key is ever made for this owner again.
                return Err(StoreError::NotFound);
            }
            return Ok(None);
        };
        let key = key32(
            opened_with(
                &tenant_key.cipher,
                &sealed,
                &Self::data_key_context(tenant, owner),
            )?,
            "a data key",
        )?;
        let key = Arc::new(DataKey { key });
        self.data
            .lock()
            .expect("data keys")
            .insert(tenant, owner, key.clone(), monotonic_now());
        Ok(Some(key))
    }

    /// When `owner`'s data key was destroyed (Unix milliseconds), if it was: the keyring's
    /// tombstone, which outlives any restore of the data from before the erasure.
    pub async fn destroyed_at(&self, tenant: &str, owner: KeyOwner<'_>) -> Result<Option<i64>> {
        let p = self.prefix;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT destroyed_at FROM {p}data_keys WHERE tenant_id = $1 AND owner = $2"
        )))
        .bind(tenant)
        .bind(owner.label())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => Ok(row.try_get("destroyed_at")?),
            None => Ok(None),
        }
    }

    /// Destroys a person's data key (crypto-shredding): everything sealed under it, in the
    /// database, the files and every backup, can no longer be opened. The row stays as a
    /// tombstone with the time. Returns whether there was a key to destroy.
    pub async fn destroy_person_key(&self, tenant: &str, person: &str) -> Result<bool> {
        let owner = KeyOwner::Person(person).label();
        self.data.lock().expect("data keys").remove(tenant, &owner);
        let p = self.prefix;
        let now = wall_millis();
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {p}data_keys SET sealed = NULL, destroyed_at = $3 WHERE tenant_id = $1 AND owner = $2 AND sealed IS NOT NULL"
        )))
        .bind(tenant)
        .bind(&owner)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if done == 0 {
            // No key yet: leave a destroyed one, so none is ever made for this person again.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO {p}data_keys (tenant_id, owner, tenant_key_version, sealed, created_at, destroyed_at) VALUES ($1, $2, $3, NULL, $4, $4) ON CONFLICT DO NOTHING"
            )))
            .bind(tenant)
            .bind(&owner)
            .bind(TENANT_KEY_VERSION)
            .bind(now)
            .execute(&self.pool)
            .await?;
        }
        Ok(done > 0)
    }

    /// Re-seals every tenant key not yet under the current master key (read from the keys
    /// directory again first), each row changed only if it is still as read.
    pub async fn reseal_tenant_keys(&self) -> Result<Resealed> {
        self.reload_masters()?;
        let current = self.current_master();
        let p = self.prefix;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT tenant_id, version, master_key_id, sealed FROM {p}tenant_keys"
        )))
        .fetch_all(&self.pool)
        .await?;
        let mut report = Resealed {
            master_key_id: current.id.clone(),
            resealed: 0,
            unchanged: 0,
        };
        for row in rows {
            let tenant: String = row.try_get("tenant_id")?;
            let version: i64 = row.try_get("version")?;
            let master_id: String = row.try_get("master_key_id")?;
            let sealed: Vec<u8> = row.try_get("sealed")?;
            if master_id == current.id {
                report.unchanged += 1;
                continue;
            }
            let context = Self::tenant_key_context(&tenant, version);
            let old = self.master_by_id(&master_id)?;
            let key = opened_with(&old.kek, &sealed, &context)?;
            let resealed = sealed_with(&current.kek, &key, &context)?;
            let changed = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {p}tenant_keys SET master_key_id = $1, sealed = $2, resealed_at = $3 WHERE tenant_id = $4 AND version = $5 AND master_key_id = $6"
            )))
            .bind(&current.id)
            .bind(resealed)
            .bind(wall_millis())
            .bind(&tenant)
            .bind(version)
            .bind(&master_id)
            .execute(&self.pool)
            .await?
            .rows_affected();
            report.resealed += changed;
        }
        Ok(report)
    }

    /// Writes a consistent copy of a SQLite keyring to `dest` (which must not exist) with
    /// `VACUUM INTO`: every key committed before the copy began. On PostgreSQL the keyring is
    /// a schema, copied with `pg_dump --schema=signet_keyring`; this refuses.
    pub async fn copy_to(&self, dest: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Corrupt(
                "the keyring is the signet_keyring schema on PostgreSQL: copy it with pg_dump --schema=signet_keyring".into(),
            ));
        }
        let dest = dest.to_str().ok_or_else(|| {
            StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the keys backup path is not valid UTF-8",
            ))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(dest.to_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether the keyring is a SQLite file (else a PostgreSQL schema).
    pub fn is_sqlite(&self) -> bool {
        self.backend == Backend::Sqlite
    }

    /// How many tenant keys are sealed under each master key id.
    pub async fn tenant_keys_by_master(&self) -> Result<Vec<(String, i64)>> {
        let p = self.prefix;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT master_key_id, COUNT(*) AS n FROM {p}tenant_keys GROUP BY master_key_id ORDER BY master_key_id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("master_key_id")?, r.try_get("n")?)))
            .collect()
    }

    /// Seals a value of `owner`'s (a person's field, an identification's data) under the
    /// owner's data key; `context` names the table, field and row, so the value opens there
    /// only.
    pub async fn seal_value(
        &self,
        tenant: &str,
        owner: KeyOwner<'_>,
        context: &str,
        plain: &[u8],
    ) -> Result<Vec<u8>> {
        let key = self.data_key(tenant, owner).await?;
        let cipher = Aes256Gcm::new(&key.key.into());
        let mut out = VALUE_MARK.to_vec();
        out.extend(sealed_with(&cipher, plain, &format!("{tenant}:{context}"))?);
        Ok(out)
    }

    /// Opens a value sealed by [`Keyring::seal_value`]; a value without the mark was stored in
    /// the clear before encryption and is returned as it is.
    pub async fn open_value(
        &self,
        tenant: &str,
        owner: KeyOwner<'_>,
        context: &str,
        stored: &[u8],
    ) -> Result<Vec<u8>> {
        let Some(body) = stored.strip_prefix(VALUE_MARK) else {
            return Ok(stored.to_vec());
        };
        let key = self.existing_data_key(tenant, &owner.label()).await?;
        let cipher = Aes256Gcm::new(&key.key.into());
        opened_with(&cipher, body, &format!("{tenant}:{context}"))
    }

    /// The lookup index of a value: HMAC-SHA256 under a key derived from the tenant key, so
    /// equal values find each other within the tenant and nothing else can be read from it.
    pub async fn lookup_index(&self, tenant: &str, field: &str, value: &str) -> Result<String> {
        let tenant_key = self.tenant_key(tenant).await?;
        let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(&tenant_key.index_key)
            .expect("any key length");
        mac.update(field.as_bytes());
        mac.update(b"\0");
        mac.update(value.as_bytes());
        Ok(hex_string(&mac.finalize().into_bytes()))
    }

    /// How long a data key is used from memory before it is read again
    /// ([`DATA_KEY_CACHE_TTL`] unless set).
    pub fn set_data_key_ttl(&self, ttl: std::time::Duration) {
        self.data.lock().expect("data keys").ttl = ttl;
    }

    /// Forgets every key held in memory (for tests of what a fresh process sees).
    pub fn forget_cached_keys(&self) {
        self.tenants.lock().expect("tenant keys").clear();
        self.data.lock().expect("data keys").clear();
        self.spare.lock().expect("spare keys").clear();
    }
}

/// The mark of a text column sealed under a data key:
/// `enc1:<tenant>:<person id, @document id, or _tenant>:<hex of nonce ‖ ciphertext>` (ids are
/// not personal data; they say whose key opens it).
const TEXT_MARK: &str = "enc1:";
/// The owner part of a text sealed under the tenant's own data key.
const TENANT_TOKEN: &str = "_tenant";
/// What precedes a document's id in the owner part of a text sealed under its key.
const DOCUMENT_TOKEN_PREFIX: &str = "@";

/// Lowercase hex of `bytes`, as `hex::encode` writes it but through its table-driven slice
/// encoder: `hex::encode` builds the string a char at a time, which showed in profiles of
/// person creation (every sealed field and lookup index passes through here).
fn hex_string(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    if hex::encode_to_slice(bytes, &mut out).is_err() {
        return hex::encode(bytes);
    }
    String::from_utf8(out).unwrap_or_else(|_| hex::encode(bytes))
}

fn owner_of_token(token: &str) -> KeyOwner<'_> {
    if token == TENANT_TOKEN {
        KeyOwner::Tenant
    } else if let Some(document) = token.strip_prefix(DOCUMENT_TOKEN_PREFIX) {
        KeyOwner::Document(document)
    } else {
        KeyOwner::Person(token)
    }
}

impl Keyring {
    /// The data key of `owner` if this process holds it already (see [`Keyring::load_keys_of`]).
    fn cached(&self, tenant: &str, owner: &str) -> Option<Arc<DataKey>> {
        self.data
            .lock()
            .expect("data keys")
            .fresh(tenant, owner, monotonic_now())
    }

    /// Seals a person's text column (`context`: table, field and row) under the person's data
    /// key, made on first use.
    pub async fn seal_person_text(
        &self,
        tenant: &str,
        person: &str,
        context: &str,
        plain: &str,
    ) -> Result<String> {
        self.seal_text(tenant, person, context, plain).await
    }

    /// Seals a document's text (a signer's name, email or phone) under the document's data
    /// key: it lives as long as the document, whoever's erasure comes first.
    pub async fn seal_document_text(
        &self,
        tenant: &str,
        document: &str,
        context: &str,
        plain: &str,
    ) -> Result<String> {
        self.seal_text(
            tenant,
            &format!("{DOCUMENT_TOKEN_PREFIX}{document}"),
            context,
            plain,
        )
        .await
    }

    /// Loads the data keys named by every sealed text inside `json` (a row's JSON document
    /// whose string fields were sealed one by one), as [`Keyring::load_keys_of`] does.
    pub async fn load_keys_within(&self, json: &str) -> Result<()> {
        let mut texts: Vec<String> = Vec::new();
        for (at, _) in json.match_indices(TEXT_MARK) {
            let rest = &json[at..];
            texts.push(rest[..rest.find('"').unwrap_or(rest.len())].to_owned());
        }
        self.load_keys_of(texts.iter().map(String::as_str)).await
    }

    /// Seals a text column that concerns no one person (an event's payload) under the
    /// tenant's own data key.
    pub async fn seal_tenant_text(
        &self,
        tenant: &str,
        context: &str,
        plain: &str,
    ) -> Result<String> {
        self.seal_text(tenant, TENANT_TOKEN, context, plain).await
    }

    async fn seal_text(
        &self,
        tenant: &str,
        token: &str,
        context: &str,
        plain: &str,
    ) -> Result<String> {
        let key = self.data_key(tenant, owner_of_token(token)).await?;
        let cipher = Aes256Gcm::new(&key.key.into());
        let sealed = sealed_with(&cipher, plain.as_bytes(), &format!("{tenant}:{context}"))?;
        Ok(format!(
            "{TEXT_MARK}{tenant}:{token}:{}",
            hex_string(&sealed)
        ))
    }

    /// Loads the data keys the sealed texts name that this process does not hold yet, so
    /// [`Keyring::open_person_text`] can run without I/O. A destroyed key is left out: its
    /// texts then fail to open.
    pub async fn load_keys_of<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Result<()> {
        for text in texts {
            let Some((tenant, token, _)) = split_text(text) else {
                continue;
            };
            let owner = owner_of_token(token).label();
            if self.cached(tenant, &owner).is_some() {
                continue;
            }
            match self.existing_data_key(tenant, &owner).await {
                Ok(_) | Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Opens a text sealed by [`Keyring::seal_person_text`] with a key already loaded
    /// ([`Keyring::load_keys_of`]); a text without the mark was stored in the clear before
    /// encryption and is returned as it is. `person`, when known, must be whose it is.
    pub fn open_person_text(
        &self,
        stored: &str,
        context: &str,
        person: Option<&str>,
    ) -> Result<String> {
        let Some((tenant, owner, body)) = split_text(stored) else {
            if stored.starts_with(TEXT_MARK) {
                return Err(StoreError::Corrupt(format!("{context} is damaged")));
            }
            return Ok(stored.to_owned());
        };
        if person.is_some_and(|p| p != owner) {
            return Err(StoreError::Corrupt(format!(
                "{context} belongs to another person"
            )));
        }
        let key = self
            .data
            .lock()
            .expect("data keys")
            .any(tenant, &owner_of_token(owner).label())
            .ok_or(StoreError::NotFound)?;
        let bytes =
            hex::decode(body).map_err(|_| StoreError::Corrupt(format!("{context} is damaged")))?;
        let cipher = Aes256Gcm::new(&key.key.into());
        String::from_utf8(opened_with(
            &cipher,
            &bytes,
            &format!("{tenant}:{context}"),
        )?)
        .map_err(|_| StoreError::Corrupt(format!("{context} is damaged")))
    }
}

/// The person whose key a sealed text column names (`None` for the tenant's or a document's).
pub fn sealed_text_person(stored: &str) -> Option<&str> {
    split_text(stored)
        .map(|(_, person, _)| person)
        .filter(|p| *p != TENANT_TOKEN && !p.starts_with(DOCUMENT_TOKEN_PREFIX))
}

/// Whether a text column was sealed by [`Keyring::seal_person_text`].
pub fn is_sealed_text(stored: &str) -> bool {
    stored.starts_with(TEXT_MARK)
}

fn split_text(stored: &str) -> Option<(&str, &str, &str)> {
    let rest = stored.strip_prefix(TEXT_MARK)?;
    let mut parts = rest.splitn(3, ':');
    Some((parts.next()?, parts.next()?, parts.next()?))
}

/// Whether a stored value was sealed by [`Keyring::seal_value`].
pub fn is_sealed_value(stored: &[u8]) -> bool {
    stored.starts_with(VALUE_MARK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "signet-keyring-{name}-{}-{}",
            std::process::id(),
            hex::encode(&random_key().unwrap()[..4])
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A keyring on the backend the tests run on: a SQLite file, or the PostgreSQL test
    /// server's `signet_keyring` schema in a database of its own.
    async fn open(dir: &Path, base: [u8; 32]) -> Keyring {
        let url = match std::env::var("SIGNET_TEST_DATABASE").as_deref() {
            Ok("postgres") => {
                let server = std::env::var("SIGNET_TEST_POSTGRES_URL")
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
                let name = format!(
                    "signet_keyring_test_{}",
                    dir.file_name().unwrap().to_str().unwrap().replace('-', "_")
                );
                sqlx::any::install_default_drivers();
                let admin = AnyPoolOptions::new()
                    .max_connections(1)
                    .connect(&server)
                    .await
                    .unwrap();
                admin
                    .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .ok();
                let base_url = server.rsplit_once('/').unwrap().0;
                format!("{base_url}/{name}")
            }
            _ => format!("sqlite://{}", dir.join("keyring.db").display()),
        };
        Keyring::open(&url, dir, base).await.unwrap()
    }

    /// Keys made at the same moment are committed together: each owner ends with one key,
    /// every caller gets that key, and a keyring opened afresh (nothing cached) reads them.
    #[tokio::test]
    async fn keys_made_at_once_are_committed_together_one_per_owner() {
        let dir = temp_dir("grouped");
        let ring = Arc::new(open(&dir, [3u8; 32]).await);
        let mut tasks = Vec::new();
        for i in 0..64 {
            let ring = ring.clone();
            tasks.push(tokio::spawn(async move {
                let owner = format!("per_{}", i % 16);
                let key = ring
                    .data_key("ten_1", KeyOwner::Person(&owner))
                    .await
                    .unwrap();
                (owner, *key.bytes())
            }));
        }
        let mut by_owner: HashMap<String, [u8; 32]> = HashMap::new();
        for t in tasks {
            let (owner, key) = t.await.unwrap();
            let first = *by_owner.entry(owner.clone()).or_insert(key);
            assert_eq!(first, key, "two keys for {owner}");
        }
        assert_eq!(by_owner.len(), 16);
        let fresh = open(&dir, [3u8; 32]).await;
        for (owner, key) in &by_owner {
            let read = fresh
                .existing_data_key("ten_1", &KeyOwner::Person(owner).label())
                .await
                .unwrap();
            assert_eq!(read.bytes(), key, "{owner}");
        }
    }

    /// New persons take keys made ahead: each id is distinct, its key is committed before it is
    /// handed out (a fresh process reads the same key), batches grow, and a spare key is
    /// destroyed like any other.
    #[tokio::test]
    async fn new_persons_take_keys_made_ahead_and_committed() {
        let dir = temp_dir("spare");
        let ring = Arc::new(open(&dir, [4u8; 32]).await);
        let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..40 {
            let (ring, counter) = (ring.clone(), counter.clone());
            tasks.push(tokio::spawn(async move {
                let id = ring
                    .take_spare_person("ten_1", || {
                        let n = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        format!("per_{n}")
                    })
                    .await
                    .unwrap();
                let key = ring
                    .existing_data_key("ten_1", &KeyOwner::Person(&id).label())
                    .await
                    .unwrap();
                (id, *key.bytes())
            }));
        }
        let mut taken: HashMap<String, [u8; 32]> = HashMap::new();
        for t in tasks {
            let (id, key) = t.await.unwrap();
            assert!(taken.insert(id.clone(), key).is_none(), "{id} given twice");
        }
        // Batches of 8, 16, 32: 56 ids made for 40 persons, not one per person.
        assert_eq!(counter.load(std::sync::atomic::Ordering::SeqCst), 56);
        let fresh = open(&dir, [4u8; 32]).await;
        for (id, key) in &taken {
            let read = fresh
                .existing_data_key("ten_1", &KeyOwner::Person(id).label())
                .await
                .unwrap();
            assert_eq!(read.bytes(), key, "{id}");
        }
        // Another tenant starts its own batches.
        let other = ring
            .take_spare_person("ten_2", || "per_other".to_owned())
            .await;
        assert!(other.is_ok());
        let (id, _) = taken.iter().next().unwrap();
        assert!(ring.destroy_person_key("ten_1", id).await.unwrap());
        let after = open(&dir, [4u8; 32]).await;
        assert!(matches!(
            after
                .existing_data_key("ten_1", &KeyOwner::Person(id).label())
                .await,
            Err(StoreError::NotFound)
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_value_opens_only_for_its_record_and_not_after_its_key_is_destroyed() {
        let dir = temp_dir("records");
        let ring = open(&dir, [1u8; 32]).await;
        let anna = KeyOwner::Person("per_anna");
        let sealed = ring
            .seal_value("ten_1", anna, "persons.email:per_anna", b"anna@example.com")
            .await
            .unwrap();
        assert!(is_sealed_value(&sealed));
        assert!(!sealed.windows(4).any(|w| w == b"anna"));
        assert_eq!(
            ring.open_value("ten_1", anna, "persons.email:per_anna", &sealed)
                .await
                .unwrap(),
            b"anna@example.com"
        );
        // Moved to another person, field or tenant: it does not open.
        let bob = KeyOwner::Person("per_bob");
        ring.data_key("ten_1", bob).await.unwrap();
        assert!(
            ring.open_value("ten_1", bob, "persons.email:per_bob", &sealed)
                .await
                .is_err()
        );
        assert!(
            ring.open_value("ten_1", anna, "persons.phone:per_anna", &sealed)
                .await
                .is_err()
        );
        assert!(
            ring.open_value("ten_2", anna, "persons.email:per_anna", &sealed)
                .await
                .is_err()
        );
        // A fresh process (nothing cached) opens it from the keyring.
        ring.forget_cached_keys();
        assert!(
            ring.open_value("ten_1", anna, "persons.email:per_anna", &sealed)
                .await
                .is_ok()
        );
        // Destroyed: neither this process nor a fresh one opens it, and no new key is made.
        assert!(ring.destroy_person_key("ten_1", "per_anna").await.unwrap());
        assert!(matches!(
            ring.open_value("ten_1", anna, "persons.email:per_anna", &sealed)
                .await,
            Err(StoreError::NotFound)
        ));
        ring.forget_cached_keys();
        assert!(
            ring.open_value("ten_1", anna, "persons.email:per_anna", &sealed)
                .await
                .is_err()
        );
        assert!(matches!(
            ring.data_key("ten_1", anna).await,
            Err(StoreError::NotFound)
        ));
        // Bob's key is untouched; a person never given a key cannot be given one afterwards.
        assert!(ring.data_key("ten_1", bob).await.is_ok());
        assert!(!ring.destroy_person_key("ten_1", "per_carl").await.unwrap());
        assert!(
            ring.data_key("ten_1", KeyOwner::Person("per_carl"))
                .await
                .is_err()
        );
        // Lookup indexes: equal within a tenant and field, different across tenants.
        let a = ring.lookup_index("ten_1", "email", "x@y.z").await.unwrap();
        assert_eq!(
            a,
            ring.lookup_index("ten_1", "email", "x@y.z").await.unwrap()
        );
        assert_ne!(
            a,
            ring.lookup_index("ten_2", "email", "x@y.z").await.unwrap()
        );
        assert_ne!(
            a,
            ring.lookup_index("ten_1", "phone", "x@y.z").await.unwrap()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_person_s_text_opens_once_its_key_is_loaded_and_only_for_its_row() {
        let dir = temp_dir("texts");
        let ring = open(&dir, [2u8; 32]).await;
        let sealed = ring
            .seal_person_text(
                "ten_1",
                "per_a",
                "persons.doc:per_a",
                "{\"email\":\"a@b.c\"}",
            )
            .await
            .unwrap();
        assert!(is_sealed_text(&sealed) && !sealed.contains("a@b.c"));
        let open = |r: &Keyring, person| r.open_person_text(&sealed, "persons.doc:per_a", person);
        assert_eq!(open(&ring, Some("per_a")).unwrap(), "{\"email\":\"a@b.c\"}");
        assert!(open(&ring, Some("per_b")).is_err());
        assert!(
            ring.open_person_text(&sealed, "persons.doc:per_b", None)
                .is_err()
        );
        // A fresh process must load the key first.
        ring.forget_cached_keys();
        assert!(matches!(open(&ring, None), Err(StoreError::NotFound)));
        ring.load_keys_of([sealed.as_str(), "{\"plain\":1}"])
            .await
            .unwrap();
        assert!(open(&ring, None).is_ok());
        assert_eq!(ring.open_person_text("{}", "x", None).unwrap(), "{}");
        ring.destroy_person_key("ten_1", "per_a").await.unwrap();
        ring.load_keys_of([sealed.as_str()]).await.unwrap();
        assert!(open(&ring, None).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Another process destroys a person's key (an erasure): once this process's cached copy
    /// has expired, nothing of the person opens here either, and no new key is made for them.
    #[tokio::test]
    async fn a_key_destroyed_elsewhere_stops_opening_here_once_the_cached_copy_expires() {
        let dir = temp_dir("elsewhere");
        let here = open(&dir, [4u8; 32]).await;
        let anna = KeyOwner::Person("per_anna");
        let value = here.seal_value("ten_1", anna, "c", b"Anna").await.unwrap();
        let text = here
            .seal_person_text("ten_1", "per_anna", "persons.doc:per_anna", "{}")
            .await
            .unwrap();
        let elsewhere = open(&dir, [4u8; 32]).await;
        assert!(
            elsewhere
                .destroy_person_key("ten_1", "per_anna")
                .await
                .unwrap()
        );
        // Within the TTL this process still holds the key it read.
        assert!(here.open_value("ten_1", anna, "c", &value).await.is_ok());
        here.set_data_key_ttl(std::time::Duration::ZERO);
        assert!(matches!(
            here.open_value("ten_1", anna, "c", &value).await,
            Err(StoreError::NotFound)
        ));
        here.load_keys_of([text.as_str()]).await.unwrap();
        assert!(
            here.open_person_text(&text, "persons.doc:per_anna", None)
                .is_err()
        );
        assert!(matches!(
            here.data_key("ten_1", anna).await,
            Err(StoreError::NotFound)
        ));
        // A key that still exists is read again after the TTL, not made anew.
        let bob = KeyOwner::Person("per_bob");
        let first = here.data_key("ten_1", bob).await.unwrap();
        let again = here.data_key("ten_1", bob).await.unwrap();
        assert_eq!(first.bytes(), again.bytes());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hex_strings_are_what_hex_encode_writes() {
        for bytes in [&b""[..], &[0x00, 0x0f, 0xa5, 0xff][..], &[7u8; 333][..]] {
            assert_eq!(hex_string(bytes), hex::encode(bytes));
        }
    }

    #[test]
    fn the_key_cache_stays_within_its_bound_dropping_the_oldest() {
        let mut cache = KeyCache::default();
        let start = std::time::Instant::now();
        for i in 0..DATA_KEY_CACHE_MAX + 10 {
            let at = start + std::time::Duration::from_micros(i as u64);
            cache.insert(
                "t",
                &format!("person:{i}"),
                Arc::new(DataKey { key: [0; 32] }),
                at,
            );
        }
        assert!(cache.keys.len() <= DATA_KEY_CACHE_MAX);
        let newest = format!("person:{}", DATA_KEY_CACHE_MAX + 9);
        let now = start + std::time::Duration::from_secs(1);
        assert!(cache.fresh("t", &newest, now).is_some());
        assert!(cache.fresh("t", "person:0", now).is_none());
        // Expired entries are not fresh, though still there for an open in progress.
        let later = now + DATA_KEY_CACHE_TTL;
        assert!(cache.fresh("t", &newest, later).is_none());
        assert!(cache.any("t", &newest).is_some());
    }

    #[tokio::test]
    async fn rotation_reseals_tenant_keys_under_a_new_master_key_that_a_running_keyring_reads() {
        let dir = temp_dir("rotation");
        let base = [7u8; 32];
        let ring = open(&dir, base).await;
        let sealed = ring
            .seal_value("ten_1", KeyOwner::Document("doc_1"), "c", b"contract")
            .await
            .unwrap();
        let first = ring.current_master_key_id();
        assert_eq!(first, master_key_id(&base));
        assert_eq!(
            ring.tenant_keys_by_master().await.unwrap(),
            vec![(first.clone(), 1)]
        );

        // `signet keys rotate`: a new key file, then another keyring re-seals.
        let (generation, id) = create_next_master_key(&dir).unwrap();
        assert_eq!(generation, 2);
        let rotator = open(&dir, base).await;
        let report = rotator.reseal_tenant_keys().await.unwrap();
        assert_eq!(
            report,
            Resealed {
                master_key_id: id.clone(),
                resealed: 1,
                unchanged: 0
            }
        );
        assert_eq!(
            ring.tenant_keys_by_master().await.unwrap(),
            vec![(id.clone(), 1)]
        );
        assert_eq!(rotator.reseal_tenant_keys().await.unwrap().unchanged, 1);

        // The running keyring, with nothing cached, meets a row under a key it has not read.
        ring.forget_cached_keys();
        assert_eq!(
            ring.open_value("ten_1", KeyOwner::Document("doc_1"), "c", &sealed)
                .await
                .unwrap(),
            b"contract"
        );
        assert_eq!(ring.current_master_key_id(), id);

        // Without the new key file the re-sealed tenant key no longer opens.
        let (_, third) = create_next_master_key(&dir).unwrap();
        rotator.reseal_tenant_keys().await.unwrap();
        std::fs::remove_file(dir.join(rotated_file_name(3))).unwrap();
        let stale = open(&dir, base).await;
        let e = stale
            .open_value("ten_1", KeyOwner::Document("doc_1"), "c", &sealed)
            .await
            .unwrap_err();
        assert!(e.to_string().contains(&third), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
