//! Stopping the server (SIGTERM, ctrl-c): work in flight finishes, nothing new starts.

use crate::helpers::spawn_app_until;
use serde_json::json;
use signet_core::ids::{JobId, WebhookEndpointId};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};

/// A webhook receiver that holds each request until told to answer: the delivery stays in
/// flight as long as the test wants. Reports each request as it arrives.
async fn slow_receiver() -> (String, mpsc::Receiver<()>, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (arrived, arrivals) = mpsc::channel(8);
    let (answer, answer_now) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let (mut conn, _) = listener.accept().await.unwrap();
        // The head and the (small) body arrive together; reading once is enough to know a
        // request came.
        let mut buf = vec![0u8; 64 * 1024];
        let _ = conn.read(&mut buf).await.unwrap();
        arrived.send(()).await.unwrap();
        let _ = answer_now.await;
        conn.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            .await
            .unwrap();
        let _ = conn.shutdown().await;
    });
    (url, arrivals, answer)
}

#[tokio::test]
async fn stopping_lets_the_delivery_in_flight_finish_and_starts_no_new_job() {
    let (stop, stopped) = oneshot::channel::<()>();
    let (app, served) = spawn_app_until(|c| c.shutdown_grace_ms = 10_000, async move {
        let _ = stopped.await;
    })
    .await;
    let (url, mut arrivals, answer) = slow_receiver().await;
    let ep = app
        .post(
            "/v1/webhooks",
            json!({"url": url, "event_types": ["person.created"]}),
        )
        .await
        .assert(201)
        .clone();
    let ep = WebhookEndpointId::parse(ep["id"].as_str().unwrap()).unwrap();
    app.person(json!({"first_name": "Ada", "last_name": "Lovelace"}))
        .await;
    tokio::time::timeout(Duration::from_secs(20), arrivals.recv())
        .await
        .expect("the delivery reaches the receiver")
        .unwrap();

    // The delivery is in flight: stop the server.
    stop.send(()).unwrap();
    while !app.stopping() {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // A job falling due now is not taken any more.
    let store = &app.state.store;
    let tenant = store.tenant_by_name("default").await.unwrap();
    let wall = app.state.wall_now();
    let job = JobId::from_random(signet_server::state::random16());
    let mut tx = store.begin().await.unwrap();
    store
        .schedule_job(
            &mut tx,
            &signet_store::JobSpec {
                id: job.clone(),
                tenant_id: tenant.id.clone(),
                mode: signet_store::Mode::Test,
                kind: "retired_kind".into(),
                payload: json!({}),
                due_at: tenant.now(signet_store::Mode::Test, wall),
            },
            tenant.clock_offset_ms,
            wall,
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // The server waits for the delivery rather than returning.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !served.is_finished(),
        "shutdown waits for the delivery in flight"
    );
    answer.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), served)
        .await
        .expect("the server stops once the delivery is done")
        .unwrap()
        .unwrap();

    // The delivery was recorded before the server returned.
    let messages = store.webhook_messages(&ep).await.unwrap();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0].status, "delivered", "{messages:?}");
    // The job was never run: its first claim is this one, and it is still due.
    let claimed = store
        .claim_job(
            "probe",
            app.state.wall_now(),
            chrono::Duration::seconds(60),
            None,
        )
        .await
        .unwrap()
        .expect("the job is still waiting, due");
    assert_eq!(claimed.id, job);
    assert_eq!(claimed.attempts, 1);
}
