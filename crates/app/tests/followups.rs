//! Follow-ups are durable with the change that caused them: a process that stops between the
//! commit and the reaction leaves them as jobs, which a worker runs once the hold of the
//! process that caused them has passed; a follow-up that both the dispatcher and a worker
//! pick commits its effects once; a use case returns with its follow-ups run; and one that
//! would find nothing to do is not written.
//!
//! SQLite by default; PostgreSQL with `SIGNET_TEST_DATABASE=postgres` (a database of its own
//! at `SIGNET_TEST_POSTGRES_URL`, made and dropped with `psql`).

// Tests fail loudly on a missing value.
#![allow(clippy::unwrap_used)]

use serde_json::{Map, Value, json};
use signet_app::config::{Config, Secret};
use signet_app::events::{FollowUp, FollowUps};
use signet_app::scope::KeyAt;
use signet_app::screening::{ImportSummary, import_list, signet_screening::ListFormat};
use signet_app::state::{AppParts, AppState, WallClock, random16};
use signet_app::{followups, persons, signing, worker};
use signet_core::ids::{ApiKeyId, DocumentId, PersonId, SignerId, TenantId};
use signet_core::person::Person;
use signet_core::screening::Decider;
use signet_core::signing::{Document, DocumentStatus, Level, NewSigner, SigningOrder, Workflow};
use signet_core::time::Timestamp;
use signet_store::{BlobStore, Mode, Store, Tenant};
use std::sync::{Arc, Mutex};

/// A wall clock the test moves by hand.
struct Clock(Mutex<Timestamp>);

impl Clock {
    fn advance(&self, seconds: i64) {
        let mut now = self.0.lock().unwrap();
        *now += chrono::Duration::seconds(seconds);
    }
}

impl WallClock for Clock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap()
    }
}

fn postgres_selected() -> bool {
    std::env::var("SIGNET_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A PostgreSQL database of the test's own, dropped at the end.
struct Database {
    admin_url: String,
    name: String,
}

impl Database {
    fn psql(admin_url: &str, sql: &str) {
        let out = std::process::Command::new("psql")
            .args([admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql])
            .output()
            .expect("psql runs (PostgreSQL tests make their database with it)");
        assert!(
            out.status.success(),
            "psql {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        Database::psql(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

struct Harness {
    state: AppState,
    clock: Arc<Clock>,
    tenant: Tenant,
    _dir: tempfile::TempDir,
    _database: Option<Database>,
}

async fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let (url, database) = if postgres_selected() {
        let admin_url = std::env::var("SIGNET_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let name = format!("signet_app_test_{}", hex::encode(&random16()[..8]));
        Database::psql(&admin_url, &format!("CREATE DATABASE {name}"));
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap();
        (format!("{base}/{name}"), Some(Database { admin_url, name }))
    } else {
        (
            format!("sqlite://{}", dir.path().join("signet.db").display()),
            None,
        )
    };
    let config = Config {
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(url.clone())),
        ..Config::default()
    };
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let start = signet_core::time::to_storage_precision(signet_app::state::SystemClock.now());
    let clock = Arc::new(Clock(Mutex::new(start)));
    let trust = signet_app::trust::Trust::load(&config, &store, start)
        .await
        .unwrap();
    // Link tokens and webhook secrets are sealed at rest.
    let store = store.with_sealing_key(&signet_app::trust::sealing_key(&config).unwrap());
    let state = AppState::new(AppParts {
        store,
        blobs: BlobStore::new(dir.path().join("files")),
        config: Arc::new(config),
        clock: clock.clone(),
        metrics: Arc::new(signet_app::metrics::Metrics::new()),
        jobs_ready: Arc::new(tokio::sync::Notify::new()),
        worker_id: "test-worker".into(),
        webhooks_ready: Arc::new(tokio::sync::Notify::new()),
        webhook_client: signet_webhooks::WebhookClient::new(
            signet_webhooks::ClientConfig::default(),
        )
        .unwrap(),
        screening: Arc::new(signet_app::screening::Screening::new()),
        trust: Arc::new(trust),
        notifier: None,
        password_checks: Arc::new(tokio::sync::Semaphore::new(1)),
        heavy: signet_app::heavy::HeavyWork::new(1),
        geoip: None,
    });
    let tenant = state
        .store
        .create_tenant(&TenantId::from_random(random16()), "Acme", start)
        .await
        .unwrap();
    Harness {
        state,
        clock,
        tenant,
        _dir: dir,
        _database: database,
    }
}

impl Harness {
    fn at(&self) -> KeyAt<'_> {
        KeyAt {
            tenant: &self.tenant,
            mode: Mode::Test,
        }
    }

    async fn import_sdn(&self) -> ImportSummary {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../screening/tests/fixtures/sdn.xml");
        let summary = import_list(
            &self.state.store,
            ListFormat::OfacSdnXml,
            &path,
            self.state.wall_now(),
            |_| {},
        )
        .await
        .unwrap();
        self.state.screening.invalidate();
        // The import schedules a re-screening of every person; nobody exists yet.
        while worker::try_execute_job(&self.state, None).await.unwrap() == worker::Step::Ran {}
        summary
    }

    async fn person(&self, first: &str, last: &str) -> (PersonId, Person) {
        let input: Map<String, Value> = json!({"first_name": first, "last_name": last})
            .as_object()
            .unwrap()
            .clone();
        let person = persons::create(&self.state, self.at(), &input)
            .await
            .unwrap();
        let id = PersonId::parse(person.str_field("id").unwrap()).unwrap();
        (id, person)
    }

    /// Renames a person as an identification's CHANGEALL does, with its follow-up written in
    /// the same transaction, and commits, but does not run the follow-up: the process stops
    /// right after the commit.
    async fn rename_and_stop(&self, id: &PersonId, last: &str) -> followups::Pending {
        let now = self.tenant.now(Mode::Test, self.state.wall_now());
        let mut tx = self.state.store.begin().await.unwrap();
        let mut person = self
            .state
            .store
            .person_for_update(&mut tx, &self.tenant.id, Mode::Test, id)
            .await
            .unwrap();
        person.set_system_field("last_name", json!(last), &now);
        self.state
            .store
            .update_person(&mut tx, &self.tenant.id, &person, now)
            .await
            .unwrap();
        let mut caused = FollowUps::default();
        caused.push(FollowUp::PersonRenamed {
            person_id: id.clone(),
        });
        let pending = followups::record(
            &self.state,
            &mut tx,
            &self.tenant.id,
            Mode::Test,
            self.tenant.clock_offset_ms,
            caused,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        pending
    }

    async fn screenings(&self, id: &PersonId) -> usize {
        self.state
            .store
            .person_screenings(&self.tenant.id, Mode::Test, id, 1, 100)
            .await
            .unwrap()
            .len()
    }

    async fn progress(&self, id: &PersonId) -> String {
        let person = self
            .state
            .store
            .person(&self.tenant.id, Mode::Test, id)
            .await
            .unwrap();
        person.str_field("screening_progress").unwrap().to_owned()
    }

    /// An API key of the tenant in `mode`, as a hit's decider.
    fn key(&self, mode: Mode) -> Decider {
        Decider::ApiKey {
            key: ApiKeyId::from_random(random16()),
            tenant: self.tenant.id.clone(),
            mode,
        }
    }

    /// An `advanced` document whose one signer is the person (no PDF: nothing is signed).
    async fn advanced_signer_of(&self, person: &PersonId) -> (DocumentId, SignerId) {
        let now = self.tenant.now(Mode::Test, self.state.wall_now());
        let document = Document {
            id: DocumentId::from_random(random16()),
            name: "Contract".into(),
            status: DocumentStatus::Pending,
            level: Level::Advanced,
            order: SigningOrder::Parallel,
            expires_at: None,
            tags: vec![],
            custom: vec![],
            number: None,
            reminders: None,
            pages: 1,
            size: 1,
            original_sha256: "00".into(),
            current_sha256: "00".into(),
            file_key: "none".into(),
            original_key: "none".into(),
            revisions: 0,
            message: None,
            created_at: now,
            updated_at: now,
            finished_at: None,
        };
        let signer = NewSigner {
            id: SignerId::from_random(random16()),
            token: hex::encode(random16()),
            name: "V. Putin".into(),
            email: Some("v@example.com".into()),
            phone: None,
            person_id: Some(person.clone()),
        };
        let ids = (document.id.clone(), signer.id.clone());
        let mut tx = self.state.store.begin().await.unwrap();
        let (probe, _) = Workflow::create(document.clone(), vec![signer.clone()], &[], now);
        let facts = signing::all_eligibility(
            &self.state,
            &mut tx,
            &self.tenant.id,
            Mode::Test,
            &probe,
            now,
        )
        .await
        .unwrap();
        let (mut wf, fx) = Workflow::create(document, vec![signer], &facts, now);
        self.state
            .store
            .insert_workflow(&mut tx, &self.tenant.id, Mode::Test, &wf)
            .await
            .unwrap();
        signing::apply(
            &self.state,
            &mut tx,
            &self.tenant.id,
            self.tenant.clock_offset_ms,
            Mode::Test,
            &mut wf,
            fx,
            &signing::Actor::system(),
            now,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        ids
    }

    async fn status_codes(&self, doc: &DocumentId, signer: &SignerId) -> Vec<u32> {
        let wf = self
            .state
            .store
            .workflow(&self.tenant.id, Mode::Test, doc)
            .await
            .unwrap();
        wf.signer(signer).unwrap().status_codes.clone()
    }

    fn runs(&self, kind: &str, outcome: &str) -> u64 {
        self.state
            .metrics
            .jobs
            .get_or_create(&signet_app::metrics::JobLabels {
                kind: kind.into(),
                outcome: outcome.into(),
            })
            .get()
    }
}

#[tokio::test]
async fn a_follow_up_left_by_a_process_that_stopped_after_the_commit_is_run_by_a_worker() {
    let h = harness().await;
    h.import_sdn().await;
    let (id, _) = h.person("Vladimir", "Tester").await;
    assert_eq!(h.screenings(&id).await, 1, "screened on creation");
    assert_eq!(h.progress(&id).await, "SCREENED_ACCEPTED");

    // The rename and its follow-up commit together; then the process is gone.
    drop(h.rename_and_stop(&id, "Putin").await);
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), 1);
    assert_eq!(h.screenings(&id).await, 1, "nothing reacted yet");

    // The row is the stopped process's for one lease: no worker takes it before.
    h.clock.advance(59);
    assert_eq!(
        worker::try_execute_job(&h.state, None).await.unwrap(),
        worker::Step::Idle
    );
    // Then a worker does, and the new names are screened.
    h.clock.advance(2);
    assert_eq!(
        worker::try_execute_job(&h.state, None).await.unwrap(),
        worker::Step::Ran
    );
    assert_eq!(h.screenings(&id).await, 2, "the new names were screened");
    assert_eq!(h.progress(&id).await, "POTENTIAL_MATCH");
    assert_eq!(h.runs("follow_up.person_renamed", "ok"), 1);
    // The re-assessment that screening causes would find nothing: the person is nobody's
    // signer, so it was not written.
    assert_eq!(h.runs("follow_up.person_changed", "ok"), 0);
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), 0);
    assert_eq!(
        worker::try_execute_job(&h.state, None).await.unwrap(),
        worker::Step::Idle
    );
}

#[tokio::test]
async fn a_follow_up_both_the_dispatcher_and_a_worker_pick_commits_once() {
    let h = harness().await;
    h.import_sdn().await;
    let (id, _) = h.person("Vladimir", "Tester").await;
    let pending = h.rename_and_stop(&id, "Putin").await;

    // The hold runs out while the dispatcher is slow to start: a worker claims the row.
    h.clock.advance(61);
    let claimed = h
        .state
        .store
        .claim_job(
            "other-worker",
            h.state.wall_now(),
            signet_app::jobs::LEASE,
            None,
        )
        .await
        .unwrap()
        .expect("the follow-up is due for workers");
    assert_eq!(claimed.kind, "follow_up.person_renamed");

    // The dispatcher's run finds the row taken over: its transaction rolls back and it
    // leaves the row to the worker that holds it.
    followups::run(&h.state, pending).await;
    assert_eq!(h.runs("follow_up.person_renamed", "error"), 1);
    assert_eq!(h.screenings(&id).await, 1, "rolled back");
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), 1);

    // The worker's run commits, once.
    followups::run_claimed(&h.state, &claimed).await.unwrap();
    assert_eq!(h.screenings(&id).await, 2);
    assert_eq!(h.progress(&id).await, "POTENTIAL_MATCH");
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), 0);
}

#[tokio::test]
async fn a_hit_decision_has_re_assessed_the_persons_signers_when_it_returns() {
    let h = harness().await;
    h.import_sdn().await;
    let (id, person) = h.person("Vladimir", "Putin").await;
    assert_eq!(
        person.str_field("screening_progress"),
        Some("POTENTIAL_MATCH")
    );
    let (doc, signer) = h.advanced_signer_of(&id).await;
    let codes = h.status_codes(&doc, &signer).await;
    assert!(codes.contains(&140), "held for the open hit: {codes:?}");
    // The document's own timers.
    let jobs = h.state.store.pending_job_count().await.unwrap();

    // Screening again causes a re-assessment (nothing changes for the signer); deciding the
    // hit another, which lifts 140. Both have run when the calls return, and left no job.
    signet_app::screenings::screen(&h.state, h.at(), &id)
        .await
        .unwrap();
    assert_eq!(h.runs("follow_up.person_changed", "ok"), 1);
    let hits = h
        .state
        .store
        .hits(&h.tenant.id, Mode::Test, Some("open"), 1, 100)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    let decided = signet_app::screenings::decide_hit(
        &h.state,
        &hits[0].id,
        "false_positive",
        Some("  not him  "),
        &h.key(Mode::Test),
    )
    .await
    .unwrap();
    assert_eq!(decided.status, "false_positive");
    assert_eq!(decided.note.as_deref(), Some("not him"));
    assert_eq!(h.runs("follow_up.person_changed", "ok"), 2);
    let codes = h.status_codes(&doc, &signer).await;
    assert!(!codes.contains(&140), "re-assessed: {codes:?}");
    assert_eq!(h.progress(&id).await, "SCREENED_ACCEPTED");
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), jobs);

    // A key reaches only its own tenant's hits of its mode.
    let e = signet_app::screenings::decide_hit(
        &h.state,
        &hits[0].id,
        "true_positive",
        None,
        &h.key(Mode::Live),
    )
    .await
    .unwrap_err();
    assert_eq!(e.status.as_u16(), 404);
}

#[tokio::test]
async fn a_follow_up_with_nothing_to_do_is_not_written() {
    let h = harness().await;
    h.import_sdn().await;
    // Nobody's signer: neither the screening on creation, nor one on demand, nor a decision
    // writes a re-assessment.
    let (id, _) = h.person("Vladimir", "Putin").await;
    signet_app::screenings::screen(&h.state, h.at(), &id)
        .await
        .unwrap();
    let hits = h
        .state
        .store
        .hits(&h.tenant.id, Mode::Test, Some("open"), 1, 100)
        .await
        .unwrap();
    signet_app::screenings::decide_hit(
        &h.state,
        &hits[0].id,
        "true_positive",
        None,
        &h.key(Mode::Test),
    )
    .await
    .unwrap();
    assert_eq!(h.progress(&id).await, "SCREENED_DECLINED");
    assert_eq!(h.runs("follow_up.person_changed", "ok"), 0);
    assert_eq!(h.runs("follow_up.person_changed", "error"), 0);
    assert_eq!(h.state.store.pending_job_count().await.unwrap(), 0);
}
