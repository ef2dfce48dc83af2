//! moto's S3 server (PyPI `moto[server]`) as a local stand-in for S3, shared by the store's
//! and the server's S3 tests.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use signet_store::{S3Client, S3Config};

/// AWS's documented example credentials; moto accepts any until told to check.
pub const ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The project's Python with moto installed, or `None` (and a notice) when it is missing;
/// missing is a failure when `SIGNET_REQUIRE_TOOLS=1` or `CI` is set.
pub fn python_with_moto() -> Option<PathBuf> {
    let python = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"));
    let usable = Command::new(&python)
        .args(["-c", "import moto.server"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if usable {
        return Some(python);
    }
    let message = format!(
        "{} cannot import moto.server; run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        python.display()
    );
    let required = std::env::var("SIGNET_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
        || std::env::var_os("CI").is_some();
    if required {
        panic!("{message}");
    }
    eprintln!("skipping the S3 test against moto: {message}");
    None
}

/// `python -m moto.server` on a free loopback port, killed when dropped.
pub struct Moto {
    child: Child,
    pub endpoint: String,
    pub port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    pub fn start(python: &Path) -> Moto {
        Moto::start_with(python, &[])
    }

    /// Starts moto with extra environment variables (e.g. `INITIAL_NO_AUTH_ACTION_COUNT`).
    pub fn start_with(python: &Path, env: &[(&str, &str)]) -> Moto {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(python)
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            port,
        }
    }

    pub fn config(&self, bucket: &str) -> S3Config {
        S3Config {
            endpoint: self.endpoint.clone(),
            bucket: bucket.to_owned(),
            region: "us-east-1".to_owned(),
            access_key_id: ACCESS_KEY_ID.to_owned(),
            secret_access_key: SECRET_ACCESS_KEY.to_owned(),
        }
    }

    /// Waits until moto answers, then creates the bucket with a signed `PUT /{bucket}`.
    pub async fn bucket(&self, bucket: &str) -> S3Client {
        let client = S3Client::new(&self.config(bucket)).unwrap();
        let mut last = None;
        for _ in 0..150 {
            match client.create_bucket().await {
                Ok(()) => return client,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("moto did not come up at {}: {last:?}", self.endpoint);
    }
}
