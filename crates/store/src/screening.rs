//! Sanctions lists for AML screening: global to the installation, not per
//! tenant. The store keeps each entry as JSON text and knows nothing of its
//! shape; the server parses and indexes them.

use crate::{JobSpec, Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{PersonId, ScreeningHitId, ScreeningId, TenantId};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Rows per multi-row INSERT when a list is replaced (4 parameters each).
const INSERT_BATCH: usize = 200;

/// One imported list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningListRow {
    /// The publisher's name: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list`, `opensanctions`.
    pub id: String,
    pub source: String,
    /// The file format it was last imported from.
    pub format: String,
    pub version: String,
    pub entry_count: i64,
    /// Wall-clock Unix milliseconds.
    pub imported_at: i64,
}

/// One stored entry: the list's own id and the entry as JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningEntryRow {
    pub entry_id: String,
    pub doc: String,
}

fn list_from_row(row: &AnyRow) -> Result<ScreeningListRow> {
    Ok(ScreeningListRow {
        id: row.try_get("id")?,
        source: row.try_get("source")?,
        format: row.try_get("format")?,
        version: row.try_get("version")?,
        entry_count: row.try_get("entry_count")?,
        imported_at: row.try_get("imported_at")?,
    })
}

impl Store {
    /// Every imported list, by id.
    pub async fn screening_lists(&self) -> Result<Vec<ScreeningListRow>> {
        let rows = sqlx::query(
            "SELECT id, source, format, version, entry_count, imported_at FROM screening_lists ORDER BY id",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(list_from_row).collect()
    }

    /// A list's entries in file order.
    pub async fn screening_entries(&self, list_id: &str) -> Result<Vec<ScreeningEntryRow>> {
        let rows = sqlx::query(
            "SELECT entry_id, doc FROM screening_entries WHERE list_id = $1 ORDER BY seq",
        )
        .bind(list_id)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ScreeningEntryRow {
                    entry_id: r.try_get("entry_id")?,
                    doc: r.try_get("doc")?,
                })
            })
            .collect()
    }

    /// Replaces a list and all its entries in one transaction: readers see
    /// the old list or the new one, never a mix, and a failure keeps the old.
    /// `progress` is called after each batch with the entries written so far.
    /// Returns the import time stored: `list.imported_at`, or just after the
    /// replaced list's when that was not earlier.
    ///
    /// `follow_up` makes the job that re-screens one tenant's persons in one
    /// mode; one per tenant and mode is scheduled in the same transaction, so
    /// a committed import is always followed by its re-screening, even if the
    /// process dies right after.
    pub async fn replace_screening_list(
        &self,
        list: &ScreeningListRow,
        entries: &[ScreeningEntryRow],
        progress: &mut (dyn FnMut(usize) + Send),
        follow_up: &(dyn Fn(&TenantId, Mode) -> JobSpec + Send + Sync),
    ) -> Result<i64> {
        let mut tx = self.begin().await?;
        // Each import of a list stamps a later time than the one it replaces, even under a
        // pinned or coarse clock, so readers comparing times always see the change.
        let previous: Option<i64> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT imported_at FROM screening_lists WHERE id = $1{}",
            self.backend.for_update()
        )))
        .bind(&list.id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("imported_at"))
        .transpose()?;
        let imported_at = match previous {
            Some(p) if p >= list.imported_at => p + 1,
            _ => list.imported_at,
        };
        sqlx::query("DELETE FROM screening_entries WHERE list_id = $1")
            .bind(&list.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM screening_lists WHERE id = $1")
            .bind(&list.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO screening_lists (id, source, format, version, entry_count, imported_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&list.id)
        .bind(&list.source)
        .bind(&list.format)
        .bind(&list.version)
        .bind(list.entry_count)
        .bind(imported_at)
        .execute(&mut *tx)
        .await?;
        let mut written = 0usize;
        for batch in entries.chunks(INSERT_BATCH) {
            let mut sql =
                String::from("INSERT INTO screening_entries (list_id, seq, entry_id, doc) VALUES ");
            for i in 0..batch.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let p = i * 4;
                sql.push_str(&format!("(${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4));
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, e) in batch.iter().enumerate() {
                q = q
                    .bind(&list.id)
                    .bind((written + i) as i64)
                    .bind(&e.entry_id)
                    .bind(&e.doc);
            }
            q.execute(&mut *tx).await?;
            written += batch.len();
            progress(written);
        }
        let tenants: Vec<String> = sqlx::query("SELECT id FROM tenants ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<std::result::Result<_, _>>()?;
        for tenant in tenants {
            let tenant =
                TenantId::parse(&tenant).ok_or_else(|| StoreError::Corrupt("tenant id".into()))?;
            for mode in [Mode::Test, Mode::Live] {
                let job = follow_up(&tenant, mode);
                // Due now on the wall clock, whatever the tenant's test clock says.
                self.schedule_job(&mut tx, &job, 0, job.due_at).await?;
            }
        }
        tx.commit().await?;
        Ok(imported_at)
    }
}

/// One screening of a person: when it ran and what it concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningRow {
    pub id: ScreeningId,
    pub person_id: PersonId,
    /// Tenant-clock Unix milliseconds.
    pub created_at: i64,
    /// The outcome as JSON text.
    pub outcome: String,
}

/// A possible match of a person with a list entry, and its review.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningHitRow {
    pub id: ScreeningHitId,
    pub person_id: PersonId,
    pub list_id: String,
    pub entry_id: String,
    /// The entry's primary name.
    pub name: String,
    pub matched_name: String,
    pub score: f64,
    /// JSON text.
    pub explanation: String,
    /// `open`, `true_positive` or `false_positive`.
    pub status: String,
    pub decided_by: Option<String>,
    pub note: Option<String>,
    pub decided_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The entry's risk topics (`sanction`, `role.pep`, `role.rca`, …).
    pub topics: Vec<String>,
    /// The source datasets the list names for the entry.
    pub datasets: Vec<String>,
}

pub(crate) const HIT_COLUMNS: &str = "id, person_id, list_id, entry_id, name, matched_name, score, explanation, status, decided_by, note, decided_at, created_at, updated_at, topics, datasets";

fn strings_from_json(text: &str, what: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| StoreError::Corrupt(format!("hit {what}")))
}

fn strings_to_json(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_owned())
}

/// An open hit in the back office's queue, with its person and tenant.
#[derive(Debug, Clone)]
pub struct QueuedHit {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub person: signet_core::person::Person,
    pub hit: ScreeningHitRow,
}

fn queued_hit_from_row(store: &Store, row: &AnyRow) -> Result<QueuedHit> {
    let corrupt = |w: &str| StoreError::Corrupt(w.into());
    let tenant: String = row.try_get("tenant_id")?;
    let mode: String = row.try_get("mode")?;
    Ok(QueuedHit {
        tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
        tenant_name: row.try_get("tenant_name")?,
        mode: Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
        person: store.person_from_row(row)?,
        hit: hit_from_row(store.keyring.as_deref(), row)?,
    })
}

const QUEUED_HIT_SELECT: &str = "SELECT h.id, h.person_id, h.list_id, h.entry_id, h.name, h.matched_name, h.score, \
     h.explanation, h.status, h.decided_by, h.note, h.decided_at, h.created_at, h.updated_at, \
     h.topics, h.datasets, h.tenant_id, h.mode, t.name AS tenant_name, p.doc \
     FROM screening_hits h JOIN tenants t ON t.id = h.tenant_id \
     JOIN persons p ON p.id = h.person_id AND p.tenant_id = h.tenant_id AND p.mode = h.mode";

/// The associated data of a hit's column sealed under the person's data key (`name`,
/// `matched_name`, `explanation`, `note`: the listed names are public, their link to this
/// person is not).
fn hit_context(column: &str, hit: &str) -> String {
    format!("screening_hits.{column}:{hit}")
}

fn screening_context(id: &str) -> String {
    format!("screenings.outcome:{id}")
}

/// A stored text as it was before sealing: opened with the person's key (loaded first), or
/// as it is when stored in the clear.
fn opened(
    keyring: Option<&crate::Keyring>,
    stored: String,
    context: &str,
    person: &str,
) -> Result<String> {
    match keyring {
        Some(keyring) if crate::keyring::is_sealed_text(&stored) => {
            keyring.open_person_text(&stored, context, Some(person))
        }
        _ => Ok(stored),
    }
}

fn hit_from_row(keyring: Option<&crate::Keyring>, row: &AnyRow) -> Result<ScreeningHitRow> {
    let id: String = row.try_get("id")?;
    let person_id: String = row.try_get("person_id")?;
    let open = |column: &str| -> Result<String> {
        opened(
            keyring,
            row.try_get(column)?,
            &hit_context(column, &id),
            &person_id,
        )
    };
    let note: Option<String> = row.try_get("note")?;
    let note = note
        .map(|n| opened(keyring, n, &hit_context("note", &id), &person_id))
        .transpose()?;
    Ok(ScreeningHitRow {
        id: ScreeningHitId::parse(&id).ok_or_else(|| StoreError::Corrupt("hit id".into()))?,
        person_id: PersonId::parse(&person_id)
            .ok_or_else(|| StoreError::Corrupt("person id".into()))?,
        list_id: row.try_get("list_id")?,
        entry_id: row.try_get("entry_id")?,
        name: open("name")?,
        matched_name: open("matched_name")?,
        score: row.try_get("score")?,
        explanation: open("explanation")?,
        status: row.try_get("status")?,
        decided_by: row.try_get("decided_by")?,
        note,
        decided_at: row.try_get("decided_at")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        topics: strings_from_json(&row.try_get::<String, _>("topics")?, "topics")?,
        datasets: strings_from_json(&row.try_get::<String, _>("datasets")?, "datasets")?,
    })
}

impl Store {
    /// Hits from rows of [`HIT_COLUMNS`], their sealed columns opened (keys loaded first).
    pub(crate) async fn hits_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<ScreeningHitRow>> {
        self.load_sealed_keys(rows, "name").await?;
        rows.iter()
            .map(|r| hit_from_row(self.keyring.as_deref(), r))
            .collect()
    }

    /// A text of a person's screening sealed under their data key (with a keyring).
    async fn seal_for_person(
        &self,
        tenant: &TenantId,
        person: &PersonId,
        context: &str,
        plain: &str,
    ) -> Result<String> {
        match &self.keyring {
            Some(keyring) => {
                keyring
                    .seal_person_text(tenant.as_str(), person.as_str(), context, plain)
                    .await
            }
            None => Ok(plain.to_owned()),
        }
    }

    /// A hit's sealed columns as stored.
    async fn sealed_hit_columns(
        &self,
        tenant: &TenantId,
        hit: &ScreeningHitRow,
    ) -> Result<[Option<String>; 4]> {
        let id = hit.id.as_str();
        let p = &hit.person_id;
        Ok([
            Some(
                self.seal_for_person(tenant, p, &hit_context("name", id), &hit.name)
                    .await?,
            ),
            Some(
                self.seal_for_person(
                    tenant,
                    p,
                    &hit_context("matched_name", id),
                    &hit.matched_name,
                )
                .await?,
            ),
            Some(
                self.seal_for_person(tenant, p, &hit_context("explanation", id), &hit.explanation)
                    .await?,
            ),
            match &hit.note {
                Some(note) => Some(
                    self.seal_for_person(tenant, p, &hit_context("note", id), note)
                        .await?,
                ),
                None => None,
            },
        ])
    }

    /// Seals the hits and screening outcomes stored before they were sealed (see
    /// [`Store::encrypt_legacy_rows`]), a batch per transaction.
    pub(crate) async fn encrypt_legacy_screenings(&self) -> Result<u64> {
        if self.keyring.is_none() {
            return Ok(0);
        }
        let mut done = 0;
        loop {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {HIT_COLUMNS}, tenant_id FROM screening_hits WHERE name NOT LIKE 'enc1:%' LIMIT 200"
            )))
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let tenant: String = row.try_get("tenant_id")?;
                let tenant = TenantId::parse(&tenant)
                    .ok_or_else(|| StoreError::Corrupt("hit tenant".into()))?;
                let old_name: String = row.try_get("name")?;
                let hit = hit_from_row(None, row)?;
                let [name, matched_name, explanation, note] =
                    self.sealed_hit_columns(&tenant, &hit).await?;
                done += sqlx::query(
                    "UPDATE screening_hits SET name = $1, matched_name = $2, explanation = $3, note = $4 WHERE id = $5 AND name = $6",
                )
                .bind(name)
                .bind(matched_name)
                .bind(explanation)
                .bind(note)
                .bind(hit.id.as_str())
                .bind(&old_name)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, person_id, outcome FROM screenings WHERE outcome NOT LIKE 'enc1:%' LIMIT 200",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let id: String = row.try_get("id")?;
                let tenant: String = row.try_get("tenant_id")?;
                let tenant = TenantId::parse(&tenant)
                    .ok_or_else(|| StoreError::Corrupt("screening tenant".into()))?;
                let person: String = row.try_get("person_id")?;
                let person = PersonId::parse(&person)
                    .ok_or_else(|| StoreError::Corrupt("screening person".into()))?;
                let old: String = row.try_get("outcome")?;
                let sealed = self
                    .seal_for_person(&tenant, &person, &screening_context(&id), &old)
                    .await?;
                done += sqlx::query(
                    "UPDATE screenings SET outcome = $1 WHERE id = $2 AND outcome = $3",
                )
                .bind(sealed)
                .bind(&id)
                .bind(&old)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    /// Records a screening of a person.
    pub async fn insert_screening(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        row: &ScreeningRow,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO screenings (id, tenant_id, mode, person_id, created_at, outcome) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(row.id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(row.person_id.as_str())
        .bind(row.created_at)
        .bind(
            self.seal_for_person(
                tenant,
                &row.person_id,
                &screening_context(row.id.as_str()),
                &row.outcome,
            )
            .await?,
        )
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// One page (`page` from 1) of a person's screenings, newest first.
    pub async fn person_screenings(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        page: u32,
        size: u32,
    ) -> Result<Vec<ScreeningRow>> {
        let rows = sqlx::query(
            "SELECT id, person_id, created_at, outcome FROM screenings WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .bind(i64::from(size))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(size))
        .fetch_all(&self.read)
        .await?;
        self.load_sealed_keys(&rows, "outcome").await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let person_id: String = r.try_get("person_id")?;
                let outcome = opened(
                    self.keyring.as_deref(),
                    r.try_get("outcome")?,
                    &screening_context(&id),
                    &person_id,
                )?;
                Ok(ScreeningRow {
                    id: ScreeningId::parse(&id)
                        .ok_or_else(|| StoreError::Corrupt("screening id".into()))?,
                    person_id: PersonId::parse(&person_id)
                        .ok_or_else(|| StoreError::Corrupt("person id".into()))?,
                    created_at: r.try_get("created_at")?,
                    outcome,
                })
            })
            .collect()
    }

    /// Every hit of a person, oldest first, read inside the caller's
    /// transaction (which holds the person's row lock).
    pub async fn person_hits(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<Vec<ScreeningHitRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {HIT_COLUMNS} FROM screening_hits WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 ORDER BY created_at, id"
        )))
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .fetch_all(&mut **tx)
        .await?;
        self.hits_from_rows(&rows).await
    }

    /// Stores a new hit.
    pub async fn insert_hit(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        hit: &ScreeningHitRow,
    ) -> Result<()> {
        let [name, matched_name, explanation, note] = self.sealed_hit_columns(tenant, hit).await?;
        sqlx::query(
            "INSERT INTO screening_hits (id, tenant_id, mode, person_id, list_id, entry_id, name, matched_name, score, explanation, status, decided_by, note, decided_at, created_at, updated_at, topics, datasets) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(hit.id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(hit.person_id.as_str())
        .bind(&hit.list_id)
        .bind(&hit.entry_id)
        .bind(name)
        .bind(matched_name)
        .bind(hit.score)
        .bind(explanation)
        .bind(&hit.status)
        .bind(hit.decided_by.as_deref())
        .bind(note)
        .bind(hit.decided_at)
        .bind(hit.created_at)
        .bind(hit.updated_at)
        .bind(strings_to_json(&hit.topics))
        .bind(strings_to_json(&hit.datasets))
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "hit exists"))?;
        Ok(())
    }

    /// Rewrites a hit's match (name, score, explanation, topics, datasets), keeping its review.
    pub async fn update_hit_match(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        hit: &ScreeningHitRow,
    ) -> Result<()> {
        let [name, matched_name, explanation, _] = self.sealed_hit_columns(tenant, hit).await?;
        sqlx::query(
            "UPDATE screening_hits SET name = $1, matched_name = $2, score = $3, explanation = $4, updated_at = $5, topics = $8, datasets = $9 WHERE id = $6 AND tenant_id = $7",
        )
        .bind(name)
        .bind(matched_name)
        .bind(hit.score)
        .bind(explanation)
        .bind(hit.updated_at)
        .bind(hit.id.as_str())
        .bind(tenant.as_str())
        .bind(strings_to_json(&hit.topics))
        .bind(strings_to_json(&hit.datasets))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Records a reviewer's decision on a hit (a later decision overwrites).
    pub async fn decide_hit(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        hit: &ScreeningHitRow,
    ) -> Result<()> {
        let [_, _, _, note] = self.sealed_hit_columns(tenant, hit).await?;
        let done = sqlx::query(
            "UPDATE screening_hits SET status = $1, decided_by = $2, note = $3, decided_at = $4, updated_at = $5 WHERE id = $6 AND tenant_id = $7",
        )
        .bind(&hit.status)
        .bind(hit.decided_by.as_deref())
        .bind(note)
        .bind(hit.decided_at)
        .bind(hit.updated_at)
        .bind(hit.id.as_str())
        .bind(tenant.as_str())
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// One hit of the tenant in this mode.
    pub async fn hit(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &ScreeningHitId,
    ) -> Result<ScreeningHitRow> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {HIT_COLUMNS} FROM screening_hits WHERE id = $1 AND tenant_id = $2 AND mode = $3"
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.hits_from_rows(std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The tenant's hits, newest first, optionally of one status.
    pub async fn hits(
        &self,
        tenant: &TenantId,
        mode: Mode,
        status: Option<&str>,
        page: u32,
        size: u32,
    ) -> Result<Vec<ScreeningHitRow>> {
        let limit = i64::from(size);
        let offset = i64::from(page.saturating_sub(1)) * i64::from(size);
        let rows = match status {
            Some(status) => {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT {HIT_COLUMNS} FROM screening_hits WHERE tenant_id = $1 AND mode = $2 AND status = $3 ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5"
                )))
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .bind(status)
                .bind(limit)
                .bind(offset)
                .fetch_all(&self.read)
                .await?
            }
            None => {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT {HIT_COLUMNS} FROM screening_hits WHERE tenant_id = $1 AND mode = $2 ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4"
                )))
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .bind(limit)
                .bind(offset)
                .fetch_all(&self.read)
                .await?
            }
        };
        self.hits_from_rows(&rows).await
    }

    /// Open hits of every tenant and mode, oldest first, at most `limit`, with their person
    /// and tenant (the back office's screening queue).
    pub async fn open_hits(&self, limit: u32) -> Result<Vec<QueuedHit>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{QUEUED_HIT_SELECT} WHERE h.status = 'open' ORDER BY h.created_at, h.id LIMIT $1"
        )))
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        self.load_sealed_keys(&rows, "doc").await?;
        rows.iter().map(|r| queued_hit_from_row(self, r)).collect()
    }

    /// Confirmed PEP hits (a `role.pep…` topic) of every tenant and mode on persons who declared
    /// `self_declared_as_pep: false`, most recently decided first, at most `limit`, with their
    /// person and tenant: the back office flags them for review.
    pub async fn undeclared_pep_hits(&self, limit: u32) -> Result<Vec<QueuedHit>> {
        // The topics column holds compact JSON as serde_json writes it, so a text match finds
        // the topic on either backend; the person's declaration is encrypted with their data
        // and checked once opened, a page at a time until `limit` are found.
        let mut found = Vec::new();
        let mut offset = 0i64;
        let page = i64::from(limit.max(1)) * 4;
        loop {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "{QUEUED_HIT_SELECT} WHERE h.status = 'true_positive' AND h.topics LIKE '%\"role.pep%' \
                 ORDER BY h.decided_at DESC, h.id LIMIT $1 OFFSET $2"
            )))
            .bind(page)
            .bind(offset)
            .fetch_all(&self.read)
            .await?;
            let fetched = rows.len() as i64;
            self.load_sealed_keys(&rows, "doc").await?;
            for row in &rows {
                let hit = queued_hit_from_row(self, row)?;
                if hit.person.as_json().get("self_declared_as_pep")
                    == Some(&serde_json::Value::Bool(false))
                {
                    found.push(hit);
                    if found.len() >= limit as usize {
                        return Ok(found);
                    }
                }
            }
            if fetched < page {
                return Ok(found);
            }
            offset += page;
        }
    }

    /// One hit with its person and tenant, whatever the tenant.
    pub async fn queued_hit(&self, id: &ScreeningHitId) -> Result<QueuedHit> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{QUEUED_HIT_SELECT} WHERE h.id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.load_sealed_keys(std::slice::from_ref(&row), "doc")
            .await?;
        queued_hit_from_row(self, &row)
    }
}
