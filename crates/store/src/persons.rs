//! Persons and the files kept for them.

use crate::events::NewEvent;
use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{IdentificationId, PersonDocumentId, PersonId, TenantId};
use signet_core::person::Person;
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Table and field of a person's data as sealed (associated data, with the person's id).
const PERSON_DOC: &str = "persons.doc";
/// Field name the identity key's lookup index is keyed with.
const IDENTITY_INDEX: &str = "persons.identity_key";

impl Store {
    /// A person's `doc` and `identity_key` columns as stored: with a keyring the person's data
    /// sealed under their data key and the identity key as its keyed HMAC (the identical-person
    /// rule compares it for equality only).
    async fn person_columns(&self, tenant: &TenantId, person: &Person) -> Result<(String, String)> {
        let json = serde_json::to_string(person.as_json())?;
        let Some(keyring) = &self.keyring else {
            return Ok((json, person.identity_key()));
        };
        let id = person.str_field("id").unwrap_or_default();
        let doc = keyring
            .seal_person_text(tenant.as_str(), id, &format!("{PERSON_DOC}:{id}"), &json)
            .await?;
        let identity = keyring
            .lookup_index(tenant.as_str(), IDENTITY_INDEX, &person.identity_key())
            .await?;
        Ok((doc, identity))
    }

    /// When the person's data key was destroyed (their erasure), as the keyring says: known
    /// even where the database was restored from before the erasure.
    pub async fn person_key_destroyed_at(
        &self,
        tenant: &TenantId,
        person: &PersonId,
    ) -> Result<Option<Timestamp>> {
        let Some(keyring) = &self.keyring else {
            return Ok(None);
        };
        Ok(keyring
            .destroyed_at(tenant.as_str(), crate::KeyOwner::Person(person.as_str()))
            .await?
            .map(from_millis))
    }

    /// A new person's id, with their data key already committed in the keyring and in memory
    /// (taken from keys made ahead in batches): sealing their data in the write transaction
    /// then needs no I/O, and the person's creation no keyring write of its own.
    pub async fn new_person_id(&self, tenant: &TenantId) -> Result<PersonId> {
        let fresh = || {
            let mut random = [0u8; 16];
            getrandom::fill(&mut random).expect("the operating system's randomness");
            PersonId::from_random(random)
        };
        let Some(keyring) = &self.keyring else {
            return Ok(fresh());
        };
        let id = keyring
            .take_spare_person(tenant.as_str(), || fresh().as_str().to_owned())
            .await?;
        PersonId::parse(&id).ok_or_else(|| StoreError::Corrupt("a made person id".into()))
    }

    /// Loads the data keys that the sealed `column` of `rows` names and this process does not
    /// hold yet, so [`Store::person_from_row`] (or an event's payload) opens without I/O.
    pub(crate) async fn load_sealed_keys(&self, rows: &[AnyRow], column: &str) -> Result<()> {
        let Some(keyring) = &self.keyring else {
            return Ok(());
        };
        let docs: Vec<String> = rows
            .iter()
            .filter_map(|r| r.try_get::<String, _>(column).ok())
            .collect();
        keyring.load_keys_of(docs.iter().map(String::as_str)).await
    }

    /// A person's `doc` column (from `load_person_keys`'d rows) as JSON text; `id`, when known,
    /// must be whose it is, so data moved to another row does not pass for that row's.
    pub(crate) fn open_person_doc(&self, doc: &str, id: Option<&str>) -> Result<String> {
        let Some(person) = crate::keyring::sealed_text_person(doc) else {
            return Ok(doc.to_owned());
        };
        let keyring = self.keyring.as_ref().ok_or_else(|| {
            StoreError::Corrupt("a person's data is encrypted and no keyring is open".into())
        })?;
        keyring.open_person_text(doc, &format!("{PERSON_DOC}:{person}"), id)
    }

    /// The person of a row whose `doc` column is the person's (keys loaded first).
    pub(crate) fn person_from_row(&self, row: &AnyRow) -> Result<Person> {
        let doc: String = row.try_get("doc")?;
        let id: Option<String> = row.try_get("person_row_id").ok();
        let doc = self.open_person_doc(&doc, id.as_deref())?;
        match serde_json::from_str(&doc)? {
            serde_json::Value::Object(m) => Ok(Person::from_stored(m)),
            _ => Err(StoreError::Corrupt(
                "person document is not an object".into(),
            )),
        }
    }

    async fn person_from_fetched(&self, row: Option<AnyRow>) -> Result<Person> {
        let row = row.ok_or(StoreError::NotFound)?;
        self.load_sealed_keys(std::slice::from_ref(&row), "doc")
            .await?;
        self.person_from_row(&row)
    }

    async fn persons_from_rows(&self, rows: Vec<AnyRow>) -> Result<Vec<Person>> {
        self.load_sealed_keys(&rows, "doc").await?;
        rows.iter().map(|r| self.person_from_row(r)).collect()
    }
}

/// A stored file's metadata (seed 002's document fields).
#[derive(Debug, Clone)]
pub struct PersonDocumentRow {
    pub id: PersonDocumentId,
    pub person_id: PersonId,
    pub identification_id: Option<IdentificationId>,
    pub document_type: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub blob_key: String,
    pub created_at: Timestamp,
}

fn document_from_row(row: &AnyRow) -> Result<PersonDocumentRow> {
    let id: String = row.try_get("id")?;
    let person_id: String = row.try_get("person_id")?;
    let ident: Option<String> = row.try_get("identification_id")?;
    Ok(PersonDocumentRow {
        id: PersonDocumentId::parse(&id)
            .ok_or_else(|| StoreError::Corrupt("document id".into()))?,
        person_id: PersonId::parse(&person_id)
            .ok_or_else(|| StoreError::Corrupt("person id".into()))?,
        identification_id: ident.as_deref().and_then(IdentificationId::parse),
        document_type: row.try_get("document_type")?,
        name: row.try_get("name")?,
        content_type: row.try_get("content_type")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        blob_key: row.try_get("blob_key")?,
        created_at: from_millis(row.try_get("created_at")?),
    })
}

impl Store {
    pub async fn insert_person(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &Person,
        now: Timestamp,
    ) -> Result<()> {
        let id = person.str_field("id").unwrap_or_default();
        let (doc, identity) = self.person_columns(tenant, person).await?;
        sqlx::query(
            "INSERT INTO persons (id, tenant_id, mode, identity_key, doc, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(id)
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(identity)
        .bind(doc)
        .bind(to_millis(&now))
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "person exists"))?;
        Ok(())
    }

    /// Inserts a person unless `limit` persons of the tenant and mode already
    /// share its identity key (seed 002's test-mode rule), in one statement:
    /// the count and the insert cost one round trip. `false` when refused.
    pub async fn insert_person_within_limit(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &Person,
        now: Timestamp,
        limit: i64,
    ) -> Result<bool> {
        let id = person.str_field("id").unwrap_or_default();
        let (doc, identity) = self.person_columns(tenant, person).await?;
        let done = sqlx::query(
            "INSERT INTO persons (id, tenant_id, mode, identity_key, doc, created_at, updated_at) \
             SELECT $1, $2, $3, $4, $5, $6, $6 \
             WHERE (SELECT COUNT(*) FROM persons WHERE tenant_id = $2 AND mode = $3 AND identity_key = $4) < $7",
        )
        .bind(id)
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(identity)
        .bind(doc)
        .bind(to_millis(&now))
        .bind(limit)
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "person exists"))?;
        Ok(done.rows_affected() == 1)
    }

    /// Creates a person and announces it (`event`), as one transaction: the insert under seed
    /// 002's identical-person `limit` as [`Store::insert_person_within_limit`], then the event
    /// and its webhook fan-out only if the person was inserted. `None` when refused; else how
    /// many webhook messages were written. On SQLite the transaction is batched with the others
    /// of the moment ([`Store::batched_with_event`]).
    pub async fn insert_person_announced(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &Person,
        limit: i64,
        event: &NewEvent<'_>,
    ) -> Result<Option<u64>> {
        let now = event.created_at;
        let Some(writer) = &self.writer else {
            let mut tx = self.begin().await?;
            if !self
                .insert_person_within_limit(&mut tx, tenant, mode, person, now, limit)
                .await?
            {
                return Ok(None);
            }
            let messages = self.insert_new_event(&mut tx, tenant, mode, event).await?;
            tx.commit().await?;
            return Ok(Some(messages));
        };
        // Sealed before the batch: nothing of ours holds the writer but SQLite's work.
        let (doc, identity) = self.person_columns(tenant, person).await?;
        use crate::writer::{Arg, Batched};
        let row = Batched {
            sql: "INSERT INTO persons (id, tenant_id, mode, identity_key, doc, created_at, updated_at) \
                  SELECT $9, $2, $3, $10, $11, $5, $5 \
                  WHERE (SELECT COUNT(*) FROM persons WHERE tenant_id = $2 AND mode = $3 AND identity_key = $10) < $12"
                .to_owned(),
            args: vec![
                Arg::Text(person.str_field("id").unwrap_or_default().to_owned()),
                Arg::Text(identity),
                Arg::Text(doc),
                Arg::Int(limit),
            ],
        };
        self.batched_with_event(writer, tenant, mode, row, event)
            .await
            .map_err(|e| match e {
                StoreError::Database(e) => StoreError::on_constraint(e, "person exists"),
                other => other,
            })
    }

    pub async fn update_person(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        person: &Person,
        now: Timestamp,
    ) -> Result<()> {
        let id = person.str_field("id").unwrap_or_default();
        let (doc, identity) = self.person_columns(tenant, person).await?;
        let done = sqlx::query("UPDATE persons SET doc = $1, identity_key = $2, updated_at = $3 WHERE id = $4 AND tenant_id = $5")
            .bind(doc)
            .bind(identity)
            .bind(to_millis(&now))
            .bind(id)
            .bind(tenant.as_str())
            .execute(&mut **tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn person(&self, tenant: &TenantId, mode: Mode, id: &PersonId) -> Result<Person> {
        let row =
            sqlx::query("SELECT id AS person_row_id, doc FROM persons WHERE id = $1 AND tenant_id = $2 AND mode = $3")
                .bind(id.as_str())
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .fetch_optional(&self.read)
                .await?;
        self.person_from_fetched(row).await
    }

    /// The person, locked for update until the transaction ends.
    pub async fn person_for_update(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        id: &PersonId,
    ) -> Result<Person> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id AS person_row_id, doc FROM persons WHERE id = $1 AND tenant_id = $2 AND mode = $3{}",
            self.backend.for_update()
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        self.person_from_fetched(row).await
    }

    /// A page of persons, oldest first; `page` counts from 1.
    pub async fn list_persons(
        &self,
        tenant: &TenantId,
        mode: Mode,
        page: u32,
        size: u32,
    ) -> Result<Vec<Person>> {
        let rows = sqlx::query(
            "SELECT id AS person_row_id, doc FROM persons WHERE tenant_id = $1 AND mode = $2 ORDER BY created_at, id LIMIT $3 OFFSET $4",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(size))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(size))
        .fetch_all(&self.read)
        .await?;
        self.persons_from_rows(rows).await
    }

    /// Persons of a tenant in id order after `after` (all when `None`), for
    /// walks over every person that resume where they stopped.
    pub async fn persons_after(
        &self,
        tenant: &TenantId,
        mode: Mode,
        after: Option<&PersonId>,
        limit: u32,
    ) -> Result<Vec<Person>> {
        let rows = sqlx::query(
            "SELECT id AS person_row_id, doc FROM persons WHERE tenant_id = $1 AND mode = $2 AND id > $3 ORDER BY id LIMIT $4",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(after.map_or("", |a| a.as_str()))
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        self.persons_from_rows(rows).await
    }

    pub async fn insert_person_document(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        doc: &PersonDocumentRow,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO person_documents (id, tenant_id, mode, person_id, identification_id, document_type, name, content_type, size, sha256, blob_key, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(doc.id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(doc.person_id.as_str())
        .bind(doc.identification_id.as_ref().map(|i| i.as_str().to_owned()))
        .bind(&doc.document_type)
        .bind(&doc.name)
        .bind(&doc.content_type)
        .bind(doc.size)
        .bind(&doc.sha256)
        .bind(&doc.blob_key)
        .bind(to_millis(&doc.created_at))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// One page (`page` from 1) of a person's files, oldest first.
    pub async fn person_documents(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        page: u32,
        size: u32,
    ) -> Result<Vec<PersonDocumentRow>> {
        let rows = sqlx::query(
            "SELECT * FROM person_documents WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 ORDER BY created_at, id LIMIT $4 OFFSET $5",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .bind(i64::from(size))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(size))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(document_from_row).collect()
    }

    pub async fn identification_documents(
        &self,
        tenant: &TenantId,
        ident: &IdentificationId,
    ) -> Result<Vec<PersonDocumentRow>> {
        let rows = sqlx::query(
            "SELECT * FROM person_documents WHERE tenant_id = $1 AND identification_id = $2 ORDER BY created_at, id",
        )
        .bind(tenant.as_str())
        .bind(ident.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(document_from_row).collect()
    }

    pub async fn person_document(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        id: &PersonDocumentId,
    ) -> Result<PersonDocumentRow> {
        let row = sqlx::query(
            "SELECT * FROM person_documents WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 AND id = $4",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        document_from_row(&row)
    }
}

impl Store {
    /// Reads a person inside the caller's transaction without locking it (the signing
    /// workflow reads eligibility under the document's lock; taking the person's lock too
    /// would order locks against identification transitions, which lock the person first).
    pub async fn person_in_tx(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        id: &PersonId,
    ) -> Result<Person> {
        let row =
            sqlx::query("SELECT id AS person_row_id, doc FROM persons WHERE id = $1 AND tenant_id = $2 AND mode = $3")
                .bind(id.as_str())
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .fetch_optional(&mut **tx)
                .await?;
        self.person_from_fetched(row).await
    }
}

impl Store {
    /// Encrypts what an installation stored in the clear before encryption at rest: persons
    /// (their data and identity key), identifications, event payloads, signers, document
    /// audit entries, certificate subjects, screening hits and outcomes and form fields, a batch of rows per
    /// transaction, each row rewritten only if it is still as read. Run at every start before
    /// serving; it finds nothing to do once done. Returns the rows rewritten.
    pub async fn encrypt_legacy_rows(&self) -> Result<u64> {
        if self.keyring.is_none() {
            return Ok(0);
        }
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT id AS person_row_id, tenant_id, doc FROM persons WHERE doc NOT LIKE 'enc1:%' LIMIT 200",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let tenant: String = row.try_get("tenant_id")?;
                let old: String = row.try_get("doc")?;
                let person = self.person_from_row(row)?;
                let tenant = TenantId::parse(&tenant)
                    .ok_or_else(|| StoreError::Corrupt("person tenant".into()))?;
                let (doc, identity) = self.person_columns(&tenant, &person).await?;
                done += sqlx::query(
                    "UPDATE persons SET doc = $1, identity_key = $2 WHERE id = $3 AND doc = $4",
                )
                .bind(doc)
                .bind(identity)
                .bind(person.str_field("id").unwrap_or_default())
                .bind(&old)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        done += self.encrypt_legacy_identifications().await?;
        done += self.encrypt_legacy_events().await?;
        done += self.encrypt_legacy_signers().await?;
        done += self.encrypt_legacy_audit().await?;
        done += self.encrypt_legacy_certificate_subjects().await?;
        done += self.encrypt_legacy_screenings().await?;
        done += self.encrypt_legacy_fields().await?;
        Ok(done)
    }
}
