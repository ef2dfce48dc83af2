//! Document templates, per tenant and mode, and the tenant's template review setting.

use crate::{Result, Store, StoreError, Tx};
use signet_core::ids::{TemplateId, TenantId};
use signet_core::signing::fields::Field;
use signet_core::template::TemplateStatus;
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::Mode;

/// The conflict a template name already taken in the tenant and mode raises.
pub const TEMPLATE_NAME_TAKEN: &str = "template name taken";

/// A template as stored. Each field's `signer` is the index of its role in `roles`.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: TemplateId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    pub name: String,
    pub status: TemplateStatus,
    pub roles: Vec<String>,
    pub fields: Vec<Field>,
    /// The PDF in the blob store.
    pub file_key: String,
    pub pages: u32,
    pub size: u64,
    pub sha256: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When and by whom (`operator:<email>`) it was approved after review.
    pub reviewed_at: Option<Timestamp>,
    pub reviewed_by: Option<String>,
}

/// A draft in the review queue, with its tenant's name.
#[derive(Debug, Clone)]
pub struct QueuedTemplate {
    pub template: TemplateRow,
    pub tenant_name: String,
}

const COLUMNS: &str = "t.id, t.tenant_id, t.mode, t.name, t.status, t.roles, t.fields, t.file_key, \
     t.pages, t.size, t.sha256, t.created_at, t.updated_at, t.reviewed_at, t.reviewed_by";

fn template_from_row(row: &AnyRow) -> Result<TemplateRow> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("template {what}"));
    let id: String = row.try_get("id")?;
    let tenant: String = row.try_get("tenant_id")?;
    let mode: String = row.try_get("mode")?;
    let status: String = row.try_get("status")?;
    let roles: String = row.try_get("roles")?;
    let fields: String = row.try_get("fields")?;
    let pages: i64 = row.try_get("pages")?;
    let size: i64 = row.try_get("size")?;
    let reviewed_at: Option<i64> = row.try_get("reviewed_at")?;
    Ok(TemplateRow {
        id: TemplateId::parse(&id).ok_or_else(|| corrupt("id"))?,
        tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant"))?,
        mode: Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
        name: row.try_get("name")?,
        status: TemplateStatus::parse(&status).ok_or_else(|| corrupt("status"))?,
        roles: serde_json::from_str(&roles)?,
        fields: serde_json::from_str(&fields)?,
        file_key: row.try_get("file_key")?,
        pages: u32::try_from(pages).map_err(|_| corrupt("pages"))?,
        size: u64::try_from(size).map_err(|_| corrupt("size"))?,
        sha256: row.try_get("sha256")?,
        created_at: from_millis(row.try_get("created_at")?),
        updated_at: from_millis(row.try_get("updated_at")?),
        reviewed_at: reviewed_at.map(from_millis),
        reviewed_by: row.try_get("reviewed_by")?,
    })
}

impl Store {
    /// How many templates the tenant keeps, in both modes (what its limit counts).
    pub async fn template_count_in_tx(&self, tx: &mut Tx, tenant: &TenantId) -> Result<u64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM templates WHERE tenant_id = $1")
            .bind(tenant.as_str())
            .fetch_one(&mut **tx)
            .await?;
        let n: i64 = row.try_get("n")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Whether a template of the tenant in this mode other than `except` has `name`.
    pub async fn template_name_taken(
        &self,
        tenant: &TenantId,
        mode: Mode,
        name: &str,
        except: Option<&TemplateId>,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT id FROM templates WHERE tenant_id = $1 AND mode = $2 AND name = $3",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(name.to_owned())
        .fetch_optional(&self.read)
        .await?;
        Ok(match row {
            Some(r) => except
                .is_none_or(|e| r.try_get::<String, _>("id").ok().as_deref() != Some(e.as_str())),
            None => false,
        })
    }

    /// Stores a new template in `tx`; a name taken in the tenant and mode is
    /// `Conflict(TEMPLATE_NAME_TAKEN)`.
    pub async fn insert_template(&self, tx: &mut Tx, t: &TemplateRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO templates (id, tenant_id, mode, name, status, roles, fields, file_key, pages, size, \
             sha256, created_at, updated_at, reviewed_at, reviewed_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(t.id.as_str())
        .bind(t.tenant_id.as_str())
        .bind(t.mode.as_str())
        .bind(t.name.clone())
        .bind(t.status.as_str())
        .bind(serde_json::to_string(&t.roles)?)
        .bind(serde_json::to_string(&t.fields)?)
        .bind(t.file_key.clone())
        .bind(i64::from(t.pages))
        .bind(i64::try_from(t.size).unwrap_or(i64::MAX))
        .bind(t.sha256.clone())
        .bind(to_millis(&t.created_at))
        .bind(to_millis(&t.updated_at))
        .bind(t.reviewed_at.as_ref().map(to_millis))
        .bind(t.reviewed_by.clone())
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, TEMPLATE_NAME_TAKEN))?;
        Ok(())
    }

    /// Writes every changeable column of a template in `tx`; a name taken is
    /// `Conflict(TEMPLATE_NAME_TAKEN)`, a template gone `NotFound`.
    pub async fn update_template(&self, tx: &mut Tx, t: &TemplateRow) -> Result<()> {
        let done = sqlx::query(
            "UPDATE templates SET name = $1, status = $2, roles = $3, fields = $4, file_key = $5, \
             pages = $6, size = $7, sha256 = $8, updated_at = $9, reviewed_at = $10, reviewed_by = $11 \
             WHERE id = $12 AND tenant_id = $13 AND mode = $14",
        )
        .bind(t.name.clone())
        .bind(t.status.as_str())
        .bind(serde_json::to_string(&t.roles)?)
        .bind(serde_json::to_string(&t.fields)?)
        .bind(t.file_key.clone())
        .bind(i64::from(t.pages))
        .bind(i64::try_from(t.size).unwrap_or(i64::MAX))
        .bind(t.sha256.clone())
        .bind(to_millis(&t.updated_at))
        .bind(t.reviewed_at.as_ref().map(to_millis))
        .bind(t.reviewed_by.clone())
        .bind(t.id.as_str())
        .bind(t.tenant_id.as_str())
        .bind(t.mode.as_str())
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, TEMPLATE_NAME_TAKEN))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// One of the tenant's templates in this mode.
    pub async fn template(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &TemplateId,
    ) -> Result<TemplateRow> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM templates t WHERE t.id = $1 AND t.tenant_id = $2 AND t.mode = $3"
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        template_from_row(&row)
    }

    /// [`Store::template`] in `tx`, locked on PostgreSQL until `tx` ends.
    pub async fn template_for_update(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        id: &TemplateId,
    ) -> Result<TemplateRow> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM templates t WHERE t.id = $1 AND t.tenant_id = $2 AND t.mode = $3{}",
            self.backend.for_update()
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        template_from_row(&row)
    }

    /// Whether the template (in either mode) still points at the file `key`.
    pub async fn template_file_exists(
        &self,
        tenant: &TenantId,
        id: &TemplateId,
        key: &str,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM templates WHERE id = $1 AND tenant_id = $2 AND file_key = $3",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(key.to_owned())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    /// A page of the tenant's templates in this mode, newest first.
    pub async fn list_templates(
        &self,
        tenant: &TenantId,
        mode: Mode,
        page_number: u32,
        page_size: u32,
    ) -> Result<Vec<TemplateRow>> {
        let offset = i64::from(page_number.saturating_sub(1)) * i64::from(page_size);
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM templates t WHERE t.tenant_id = $1 AND t.mode = $2 \
             ORDER BY t.created_at DESC, t.id DESC LIMIT $3 OFFSET $4"
        )))
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(page_size))
        .bind(offset)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(template_from_row).collect()
    }

    /// Deletes a template in `tx` (its file is the caller's to remove after the commit).
    pub async fn delete_template(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        id: &TemplateId,
    ) -> Result<()> {
        let done =
            sqlx::query("DELETE FROM templates WHERE id = $1 AND tenant_id = $2 AND mode = $3")
                .bind(id.as_str())
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .execute(&mut **tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The drafts of every tenant waiting for review, oldest first (`limit` of them after
    /// `offset`).
    pub async fn draft_templates(&self, limit: u32, offset: u64) -> Result<Vec<QueuedTemplate>> {
        self.templates_of_every_tenant(
            "WHERE t.status = 'draft' ORDER BY t.created_at, t.id",
            limit,
            offset,
        )
        .await
    }

    /// The templates of every tenant and mode, whatever their status, the last changed first
    /// (`limit` of them after `offset`): the back office's way to any template's editor.
    pub async fn recent_templates(&self, limit: u32, offset: u64) -> Result<Vec<QueuedTemplate>> {
        self.templates_of_every_tenant("ORDER BY t.updated_at DESC, t.id DESC", limit, offset)
            .await
    }

    /// Templates of every tenant with their tenant's name, filtered and ordered by `clause`
    /// (a constant of this module, never input).
    async fn templates_of_every_tenant(
        &self,
        clause: &'static str,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<QueuedTemplate>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS}, n.name AS tenant_name FROM templates t JOIN tenants n ON n.id = t.tenant_id \
             {clause} LIMIT $1 OFFSET $2"
        )))
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(QueuedTemplate {
                    template: template_from_row(r)?,
                    tenant_name: r.try_get("tenant_name")?,
                })
            })
            .collect()
    }

    /// Whether the tenant's new and changed templates wait for review in this mode.
    pub async fn template_review_required(&self, tenant: &TenantId, mode: Mode) -> Result<bool> {
        let row = sqlx::query(
            "SELECT require_template_review FROM tenant_document_settings WHERE tenant_id = $1 AND mode = $2",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(match row {
            Some(row) => row.try_get::<i64, _>("require_template_review")? != 0,
            None => false,
        })
    }

    /// Sets whether the tenant's new and changed templates wait for review in this mode.
    pub async fn set_template_review_required(
        &self,
        tenant: &TenantId,
        mode: Mode,
        required: bool,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO tenant_document_settings (tenant_id, mode, reminders, require_template_review, updated_at) VALUES ($1, $2, NULL, $3, $4) \
             ON CONFLICT (tenant_id, mode) DO UPDATE SET require_template_review = excluded.require_template_review, updated_at = excluded.updated_at",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(required))
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }
}
