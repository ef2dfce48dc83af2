//! The SDKs of `clients/` against a running server: both are regenerated from the document the
//! server serves and must equal the committed ones (`scripts/sdks.sh` regenerates them), the
//! document must be valid OpenAPI (openapi-spec-validator), the Python SDK's stories
//! (`clients/python/tests`) must pass against this server and mypy --strict, and the
//! TypeScript SDK's story must type-check (tsc) and pass too. Runs on the selected backend like every test here; the
//! comparison, which does not depend on it, only on SQLite.
//!
//! The tools come from `scripts/test-env.sh`: the generator, pytest and the validator in the
//! test Python (`helpers::test_python`), the TypeScript SDK's `node_modules` by `npm ci`.
//! Without them the test fails when `SIGNET_REQUIRE_TOOLS=1` or `CI` is set, and is skipped
//! with a notice otherwise.

use crate::helpers::{
    TestApp, postgres_selected, sample_pdf, spawn_app, test_python, tools_required,
};
use signet_server::screening::import_list;
use signet_server::screening::signet_screening::ListFormat;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The test Python, if it has what the SDK checks need and the TypeScript SDK is installed.
fn tools() -> Option<PathBuf> {
    let python = test_python();
    let python_ready = Command::new(&python)
        .args([
            "-c",
            "import openapi_python_client, openapi_spec_validator, pytest, mypy, standardwebhooks",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let node_ready = repo()
        .join("clients/typescript/node_modules/.bin/openapi-typescript")
        .exists();
    if python_ready && node_ready {
        return Some(python);
    }
    let message = format!(
        "the SDK tools are missing ({} cannot import the generator, pytest or the validator, or clients/typescript has no node_modules); run scripts/test-env.sh",
        python.display()
    );
    if tools_required() {
        panic!("{message}");
    }
    eprintln!("skipping the SDK checks: {message}");
    None
}

/// `program` under `timeout`: a step that hangs (a story waiting for a webhook that never
/// comes) fails after five minutes instead of holding the test suite.
fn bounded(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = Command::new("timeout");
    command.args(["--kill-after=10", "300"]).arg(program);
    command
}

/// Runs `command` off the async runtime, and returns whether it succeeded and what it printed.
async fn run(mut command: Command) -> (bool, String) {
    tokio::task::spawn_blocking(move || {
        let out = command
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("run {command:?}: {e}"));
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    })
    .await
    .expect("join")
}

/// Every file under `dir` by its path relative to it, without Python's byte-code caches.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == "__pycache__") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let name = path.strip_prefix(root).unwrap_or(&path);
                out.insert(name.display().to_string(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The paths whose content differs between two trees (or that only one has).
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect()
}

/// The list the screening stories find Vladimir Putin on.
async fn import_sanctions_list(app: &TestApp) {
    let list = repo().join("crates/screening/tests/fixtures/sdn.xml");
    import_list(
        &app.state.store,
        ListFormat::OfacSdnXml,
        &list,
        app.state.wall_now(),
        |_| {},
    )
    .await
    .expect("import the list");
    app.state.screening.invalidate();
    // The import schedules re-screenings; let them run before the stories start.
    for _ in 0..500 {
        if app.state.store.pending_job_count().await.unwrap_or(0) == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn the_sdks_are_the_served_documents_and_tell_every_story() {
    let Some(python) = tools() else { return };
    let app = spawn_app().await;
    import_sanctions_list(&app).await;
    let work = tempfile::tempdir().expect("temp dir");
    let doc = app
        .send(reqwest::Method::GET, "/openapi.json", None, None, None, &[])
        .await;
    let document = work.path().join("openapi.json");
    std::fs::write(&document, &doc.bytes).expect("write the document");

    let mut validate = bounded(&python);
    validate
        .args(["-m", "openapi_spec_validator"])
        .arg(&document);
    let (valid, said) = run(validate).await;
    assert!(
        valid,
        "openapi-spec-validator refuses the document:\n{said}"
    );

    if !postgres_selected() {
        let generated = work.path().join("generated");
        let mut generate = bounded(repo().join("scripts/sdks.sh"));
        generate
            .arg("into")
            .arg(&document)
            .arg(&generated)
            .env("SIGNET_TEST_PYTHON", &python);
        let (done, said) = run(generate).await;
        assert!(done, "generating the SDKs failed:\n{said}");
        let python_drift = differences(
            &files(&generated.join("python/signet_api")),
            &files(&repo().join("clients/python/signet_api")),
        );
        let typescript_drift = std::fs::read(generated.join("typescript/schema.d.ts")).ok()
            != std::fs::read(repo().join("clients/typescript/src/schema.d.ts")).ok();
        assert!(
            python_drift.is_empty() && !typescript_drift,
            "the committed SDKs are not generated from this document (python: {python_drift:?}, typescript schema.d.ts differs: {typescript_drift}): run scripts/sdks.sh and commit"
        );
    }

    let pdf = work.path().join("sample.pdf");
    std::fs::write(&pdf, sample_pdf("An agreement")).expect("write the PDF");
    let story_env = |command: &mut Command| {
        command
            .env("SIGNET_URL", &app.base)
            .env("SIGNET_API_KEY", &app.key)
            .env("SIGNET_SAMPLE_PDF", &pdf);
    };

    let mut pytest = bounded(&python);
    pytest
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"])
        .current_dir(repo().join("clients/python"))
        .env("PYTHONPATH", repo().join("clients/python"))
        .env("PYTHONDONTWRITEBYTECODE", "1");
    story_env(&mut pytest);
    let (passed, said) = run(pytest).await;
    assert!(passed, "the Python SDK's stories failed:\n{said}");
    // Typed all the way: the stories and the hand-written part pass mypy --strict.
    let mut mypy = bounded(&python);
    mypy.args(["-m", "mypy", "--cache-dir"])
        .arg(work.path().join("mypy"))
        .args(["signet_client", "tests"])
        .current_dir(repo().join("clients/python"));
    let (typed, said) = run(mypy).await;
    assert!(
        typed,
        "mypy --strict refuses the Python SDK's code:\n{said}"
    );

    let typescript = repo().join("clients/typescript");
    let mut typecheck = bounded("npm");
    typecheck
        .args(["run", "--silent", "typecheck"])
        .current_dir(&typescript);
    let (checked, said) = run(typecheck).await;
    assert!(checked, "the TypeScript SDK does not type-check:\n{said}");
    // Its own checks: the Standard Webhooks vector, the client against a fake fetch.
    let mut unit = bounded("npm");
    unit.args(["run", "--silent", "test"])
        .current_dir(&typescript);
    let (passed, said) = run(unit).await;
    assert!(passed, "the TypeScript SDK's own tests failed:\n{said}");
    let mut story = bounded("npm");
    story
        .args(["run", "--silent", "story"])
        .current_dir(&typescript);
    story_env(&mut story);
    let (told, said) = run(story).await;
    assert!(told, "the TypeScript SDK's story failed:\n{said}");
}
