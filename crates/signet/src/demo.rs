//! `signet demo`: the whole signing path against a fresh embedded server, over HTTP as an
//! integrator would drive it: two sandbox persons are identified, a generated contract becomes
//! a template with a role and fields for each of them, a document sent from it (its support
//! plan prefilled) goes to both for advanced signatures, both sign with the sandbox one-time code, and the signed
//! PDF, its certificate of completion and Signet's root are written out and verified.

use crate::contract;
use crate::verify::all_passed;
use anyhow::{Context, bail};
use base64::Engine;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use signet_pdf::Indication;
use signet_server::App;
use signet_server::config::{Config, Secret};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What `signet demo` was asked.
pub struct DemoArgs {
    pub dir: PathBuf,
    pub port: u16,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
}

/// The sandbox one-time code in test mode.
const SANDBOX_OTP: &str = "123456";

struct Api {
    client: reqwest::Client,
    base: String,
    key: String,
}

impl Api {
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<(StatusCode, Vec<u8>)> {
        let mut req = self
            .client
            .request(method.clone(), format!("{}{path}", self.base))
            .bearer_auth(&self.key);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req
            .send()
            .await
            .with_context(|| format!("{method} {path}"))?;
        let status = res.status();
        let bytes = res
            .bytes()
            .await
            .with_context(|| format!("{method} {path}"))?;
        Ok((status, bytes.to_vec()))
    }

    async fn json(&self, method: Method, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        let (status, bytes) = self.send(method.clone(), path, body).await?;
        if !status.is_success() {
            bail!(
                "{method} {path} answered {status}: {}",
                String::from_utf8_lossy(&bytes)
            );
        }
        if bytes.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&bytes).with_context(|| format!("{method} {path}: not JSON"))
    }

    async fn get(&self, path: &str) -> anyhow::Result<Value> {
        self.json(Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> anyhow::Result<Value> {
        self.json(Method::POST, path, Some(body)).await
    }
}

fn text(v: &Value, key: &str) -> anyhow::Result<String> {
    v[key]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("no {key} in {v}"))
}

/// One signer of the demo: the name on the document and the sandbox person behind it.
struct Party {
    name: &'static str,
    last_name: &'static str,
    email: &'static str,
    person_id: String,
    identification_id: String,
}

pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    // The embedded server: a throwaway data directory unless one is given.
    let temp = match &args.data_dir {
        Some(_) => None,
        None => Some(tempfile::Builder::new().prefix("signet-demo-").tempdir()?),
    };
    let data_dir = match (&args.data_dir, &temp) {
        (Some(d), _) => d.clone(),
        (None, Some(t)) => t.path().to_path_buf(),
        (None, None) => unreachable!("a temporary directory exists when none is given"),
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .with_context(|| format!("cannot listen on 127.0.0.1:{}", args.port))?;
    let addr = listener.local_addr()?;
    let config = Config {
        data_dir: data_dir.clone(),
        database_url: args.database_url.clone().map(Secret::new),
        listen: addr,
        worker_poll_ms: 50,
        ..Config::default()
    };
    let backend_note = match &args.database_url {
        Some(_) => "the given database".to_owned(),
        None => format!("SQLite in {}", data_dir.display()),
    };
    let app = App::build(config, Arc::new(signet_server::state::SystemClock))
        .await
        .context("cannot start the embedded server")?;
    let key = match app.bootstrap().await? {
        Some(key) => key,
        None => {
            // An existing installation: a tenant of our own, so its sandbox clock is ours.
            let name = format!(
                "demo-{}",
                hex_suffix(&signet_server::state::random16()[..4])
            );
            signet_server::create_tenant(&app.state.store, &name, app.state.wall_now())
                .await?
                .1
        }
    };
    let today = app.state.wall_now().format("%Y-%m-%d").to_string();
    let cancel = app.cancel.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        app.serve(listener, async {
            let _ = stopped.await;
        })
        .await
    });
    println!("started an embedded Signet on http://{addr} ({backend_note})");

    let api = Api {
        // The embedded server is local: never through a proxy from the environment.
        client: reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60))
            .build()?,
        base: format!("http://{addr}"),
        key,
    };
    let result = walk_through(&api, &args.dir, &today).await;
    let _ = stop.send(());
    cancel.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    drop(temp);
    result
}

fn hex_suffix(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn walk_through(api: &Api, out: &std::path::Path, today: &str) -> anyhow::Result<()> {
    // 1. Two persons identified through the sandbox: X-AUTOTEST-HAPPYPATH succeeds 120 s after
    // the request on the tenant clock, which the sandbox moves forward at once.
    let mut parties = vec![
        Party {
            name: "Ana Silva",
            last_name: "Silva",
            email: "ana.silva@example.com",
            person_id: String::new(),
            identification_id: String::new(),
        },
        Party {
            name: "Ben Okafor",
            last_name: "Okafor",
            email: "ben.okafor@example.com",
            person_id: String::new(),
            identification_id: String::new(),
        },
    ];
    for p in &mut parties {
        let person = api
            .post(
                "/v1/persons",
                json!({"first_name": "X-AUTOTEST-HAPPYPATH", "last_name": p.last_name,
                       "email": p.email, "mobile_number": "+351912345678"}),
            )
            .await?;
        p.person_id = text(&person, "id")?;
        let ident = api
            .post(
                &format!("/v1/persons/{}/identifications", p.person_id),
                json!({"method": "idnow", "language": "EN"}),
            )
            .await?;
        p.identification_id = text(&ident, "id")?;
        api.json(
            Method::PATCH,
            &format!(
                "/v1/persons/{}/identifications/{}/request",
                p.person_id, p.identification_id
            ),
            None,
        )
        .await?;
    }
    api.post("/v1/sandbox/clock/advance", json!({"seconds": 121}))
        .await?;
    for p in &parties {
        let path = format!(
            "/v1/persons/{}/identifications/{}",
            p.person_id, p.identification_id
        );
        let mut status = String::new();
        for _ in 0..100 {
            status = text(&api.get(&path).await?, "status")?;
            if status == "successful" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if status != "successful" {
            bail!(
                "the sandbox identification of {} is {status}, not successful",
                p.name
            );
        }
        println!(
            "identified {} (person {}, sandbox identification {} successful)",
            p.name, p.person_id, p.identification_id
        );
    }

    // 2. The contract, sent to both for advanced signatures, in parallel.
    // A template first: the contract with a signature and a date for each role under its
    // last line, and the support plan the integrator fills in when sending.
    let pdf = contract::service_agreement(parties[0].name, parties[1].name, today)?;
    let area = |x: f64, y: f64, w: f64, h: f64| json!({"page": 1, "x": x, "y": y, "w": w, "h": h});
    let template = api
        .post(
            "/v1/templates",
            json!({
                "name": "Service Agreement",
                "file": base64::engine::general_purpose::STANDARD.encode(&pdf),
                "roles": ["Client", "Provider"],
                "fields": [
                    {"name": "client_signature", "type": "signature", "role": "Client",
                     "area": area(0.1, 0.7, 0.35, 0.08)},
                    {"name": "provider_signature", "type": "signature", "role": "Provider",
                     "area": area(0.54, 0.7, 0.35, 0.08)},
                    {"name": "client_date", "type": "date", "role": "Client",
                     "area": area(0.1, 0.79, 0.2, 0.025)},
                    {"name": "provider_date", "type": "date", "role": "Provider",
                     "area": area(0.54, 0.79, 0.2, 0.025)},
                    {"name": "support_plan", "type": "text", "role": "Client",
                     "area": area(0.1, 0.84, 0.35, 0.025)},
                ],
            }),
        )
        .await?;
    let template_id = text(&template, "id")?;
    println!(
        "created the template \"Service Agreement\" ({template_id}): roles Client and Provider, \
         a signature and a date for each, and a support plan to prefill"
    );
    let roles = ["Client", "Provider"];
    let doc = api
        .post(
            "/v1/documents",
            json!({
                "name": "Service Agreement",
                "template_id": template_id,
                "values": {"support_plan": "Premium support, 24/7"},
                "signature_level": "advanced",
                "signing_order": "parallel",
                "signers": parties.iter().zip(roles).map(|(p, role)| json!({
                    "name": p.name, "email": p.email, "person_id": p.person_id, "role": role,
                })).collect::<Vec<_>>(),
            }),
        )
        .await?;
    let doc_id = text(&doc, "id")?;
    println!(
        "sent \"Service Agreement\" ({doc_id}) from the template, its support plan prefilled, to {} and {} for advanced signatures",
        parties[0].name, parties[1].name
    );

    // 3. Each signer approves, then confirms with the sandbox code.
    for (i, p) in parties.iter().enumerate() {
        let sid = doc["signers"][i]["id"]
            .as_str()
            .context("a signer id")?
            .to_owned();
        let base = format!("/v1/documents/{doc_id}/signers/{sid}");
        api.post(&format!("{base}/approve"), json!({})).await?;
        let signed = api
            .post(&format!("{base}/confirm"), json!({"otp": SANDBOX_OTP}))
            .await?;
        let status = text(&signed, "status")?;
        if status != "signed" {
            bail!("{} is {status} after confirming, not signed", p.name);
        }
        println!(
            "{} signed ({})",
            p.name,
            signed["certificate_subject"]
                .as_str()
                .unwrap_or("certificate issued")
        );
    }
    let mut status = String::new();
    for _ in 0..100 {
        status = text(
            &api.get(&format!("/v1/documents/{doc_id}")).await?,
            "status",
        )?;
        if status == "finished" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if status != "finished" {
        bail!("the document is {status}, not finished");
    }
    println!("document finished: every signer signed, Signet closed it with a document timestamp");

    // 4. The files.
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let (st, signed_pdf) = api
        .send(Method::GET, &format!("/v1/documents/{doc_id}/file"), None)
        .await?;
    if st != StatusCode::OK {
        bail!("downloading the signed file answered {st}");
    }
    let signed_path = out.join("signed.pdf");
    std::fs::write(&signed_path, &signed_pdf)
        .with_context(|| format!("cannot write {}", signed_path.display()))?;
    println!(
        "wrote {} ({} bytes)",
        signed_path.display(),
        signed_pdf.len()
    );
    let (st, certificate) = api
        .send(
            Method::GET,
            &format!("/v1/documents/{doc_id}/audit.pdf"),
            None,
        )
        .await?;
    if st == StatusCode::OK {
        let path = out.join("certificate-of-completion.pdf");
        std::fs::write(&path, &certificate)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), certificate.len());
    } else {
        println!("note: no certificate of completion from this server ({st}); skipped");
    }
    // The demo runs in test mode: its file is signed under the TEST root, never the live one.
    let (st, ca) = api.send(Method::GET, "/v1/trust/test-ca.pem", None).await?;
    if st != StatusCode::OK {
        bail!("fetching the test root answered {st}");
    }
    let ca_path = out.join("test-ca.pem");
    std::fs::write(&ca_path, &ca).with_context(|| format!("cannot write {}", ca_path.display()))?;
    println!(
        "wrote {} (Signet's TEST root: test mode signs under it; not valid for real signatures)",
        ca_path.display()
    );

    // 5. The signed file, verified offline against that root.
    let report = signet_pdf::verify_pdf(&signed_pdf, &[&ca]).context("verifying signed.pdf")?;
    for s in &report.signatures {
        let who = if s.is_document_timestamp {
            format!("document timestamp by {}", s.signer)
        } else {
            format!("signature of {}", s.signer)
        };
        println!(
            "  {who}: {} {}{}",
            s.detected_level,
            s.indication,
            s.sub_indication
                .as_deref()
                .map(|x| format!(" / {x}"))
                .unwrap_or_default()
        );
    }
    let n = report.signatures.len();
    if !all_passed(&report) {
        let failed = report
            .signatures
            .iter()
            .filter(|s| s.indication != Indication::TotalPassed)
            .count();
        bail!("file NOT verified: {failed} of {n} signatures did not pass");
    }
    println!(
        "file verified: {n} signatures TOTAL-PASSED ({} signer signatures and the document timestamp){}",
        report
            .signatures
            .iter()
            .filter(|s| !s.is_document_timestamp)
            .count(),
        if report.produced_by_signet {
            ", produced by Signet"
        } else {
            ""
        }
    );
    println!(
        "check it yourself: signet verify {} --root {}",
        signed_path.display(),
        ca_path.display()
    );
    Ok(())
}
