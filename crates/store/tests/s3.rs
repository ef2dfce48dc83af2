#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
//! The S3 blob backend against moto's server (PyPI `moto[server]`), a local stand-in that
//! speaks the S3 REST API: objects round-trip byte for byte, a missing key is `NotFound`,
//! and moto, made to check signatures, accepts ours and refuses a wrong secret.

mod moto;

use moto::{Moto, python_with_moto};
use std::process::Command;
use std::time::Duration;

use signet_store::{BlobStore, S3Client, S3Config};

#[tokio::test]
async fn objects_round_trip_through_an_s3_compatible_store() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let client = moto.bucket("signet-files").await;
    let store = BlobStore::s3(&moto.config("signet-files")).unwrap();
    assert_eq!(store.root(), None);

    // Binary data, an empty file and 5 MB, byte for byte.
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let big: Vec<u8> = (0..5 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    for (key, bytes) in [
        ("t1/documents/d1/original.pdf", binary.as_slice()),
        ("t1/persons/p1/empty.bin", &[][..]),
        ("t1/documents/d1/final.pdf", big.as_slice()),
    ] {
        store.put(key, bytes).await.unwrap();
        assert_eq!(store.get(key).await.unwrap(), bytes, "{key}");
    }
    // A second put replaces the object.
    store
        .put("t1/documents/d1/original.pdf", b"replaced")
        .await
        .unwrap();
    assert_eq!(
        store.get("t1/documents/d1/original.pdf").await.unwrap(),
        b"replaced"
    );

    let mut keys = client.list_keys("t1/documents/").await.unwrap();
    keys.sort();
    assert_eq!(
        keys,
        ["t1/documents/d1/final.pdf", "t1/documents/d1/original.pdf"]
    );

    // A missing key is NotFound, like a missing local file.
    let missing = store
        .get("t1/documents/nope/original.pdf")
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), std::io::ErrorKind::NotFound, "{missing}");

    // Keys are checked before anything is sent, as for local files.
    for bad in ["../escape", "t1//x", "", "t1/a b"] {
        assert_eq!(
            store.put(bad, b"x").await.unwrap_err().kind(),
            std::io::ErrorKind::InvalidInput,
            "{bad:?}"
        );
    }

    // A bucket that does not exist is an error naming S3's code, not a missing file.
    let other = BlobStore::s3(&moto.config("no-such-bucket")).unwrap();
    let e = other.get("t1/x").await.unwrap_err();
    assert_ne!(e.kind(), std::io::ErrorKind::NotFound, "{e}");
    assert!(e.to_string().contains("NoSuchBucket"), "{e}");
}

/// The sweeper's view of a bucket: every object with its time, page after page through
/// continuation tokens, and deletion (of a missing object too).
#[tokio::test]
async fn a_bucket_is_listed_in_pages_and_objects_are_deleted() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let client = moto.bucket("signet-sweep").await;
    let store = BlobStore::s3(&moto.config("signet-sweep")).unwrap();
    let mut keys: Vec<String> = (0..5)
        .map(|i| format!("t1/documents/d{i}/r1.pdf"))
        .collect();
    keys.push("t1/cdoc-file".to_owned());
    for key in &keys {
        store.put(key, b"pdf").await.unwrap();
    }
    keys.sort();

    // Two at a time: three pages joined by continuation tokens.
    let mut seen = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let (page, next) = client.list_page(token.as_deref(), 2).await.unwrap();
        pages += 1;
        assert!(page.len() <= 2);
        for blob in page {
            let age =
                chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()) - blob.modified;
            assert!(age < chrono::Duration::minutes(5), "{blob:?}");
            seen.push(blob.key);
        }
        match next {
            Some(t) => token = Some(t),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, keys);

    // The store's walk sees the same, and a deleted object is gone (twice is fine).
    store.delete("t1/documents/d0/r1.pdf").await.unwrap();
    store.delete("t1/documents/d0/r1.pdf").await.unwrap();
    let mut walk = store.pages();
    let mut listed = Vec::new();
    while let Some(page) = walk.next_page().await.unwrap() {
        listed.extend(page.into_iter().map(|b| b.key));
    }
    keys.retain(|k| k != "t1/documents/d0/r1.pdf");
    assert_eq!(listed, keys);
    assert_eq!(
        store
            .get("t1/documents/d0/r1.pdf")
            .await
            .unwrap_err()
            .kind(),
        std::io::ErrorKind::NotFound
    );
}

/// Makes moto check signatures: the first three actions (creating an IAM user, its access
/// key and a policy allowing `s3:*`, through boto3, which moto ships with) go unchecked,
/// every later one must be signed with that key.
const IAM_SETUP: &str = r#"
import boto3, json, sys
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="setup", aws_secret_access_key="setup")
iam.create_user(UserName="signet")
key = iam.create_access_key(UserName="signet")["AccessKey"]
iam.put_user_policy(UserName="signet", PolicyName="s3", PolicyDocument=json.dumps(
    {"Version": "2012-10-17",
     "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
print(key["AccessKeyId"], key["SecretAccessKey"])
"#;

#[tokio::test]
async fn moto_checking_signatures_accepts_ours_and_refuses_a_wrong_secret() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start_with(&python, &[("INITIAL_NO_AUTH_ACTION_COUNT", "3")]);
    let port = moto.port;
    // Wait for the port without spending one of the three unchecked actions.
    let mut up = false;
    for _ in 0..150 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(up, "moto did not come up at {}", moto.endpoint);
    let out = Command::new(&python)
        .args(["-c", IAM_SETUP, &moto.endpoint])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "IAM setup: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let (key_id, secret) = text.trim().split_once(' ').unwrap();

    let good = S3Config {
        access_key_id: key_id.to_owned(),
        secret_access_key: secret.to_owned(),
        ..moto.config("signet-files")
    };
    S3Client::new(&good).unwrap().create_bucket().await.unwrap();
    let store = BlobStore::s3(&good).unwrap();
    store
        .put("t1/documents/d1/original.pdf", b"%PDF-1.7 signed")
        .await
        .unwrap();
    assert_eq!(
        store.get("t1/documents/d1/original.pdf").await.unwrap(),
        b"%PDF-1.7 signed"
    );
    assert_eq!(
        store.get("t1/missing").await.unwrap_err().kind(),
        std::io::ErrorKind::NotFound
    );

    let wrong = BlobStore::s3(&S3Config {
        secret_access_key: "not-the-secret".to_owned(),
        ..good.clone()
    })
    .unwrap();
    let e = wrong
        .put("t1/documents/d1/original.pdf", b"forged")
        .await
        .unwrap_err();
    assert_ne!(e.kind(), std::io::ErrorKind::NotFound);
    assert!(
        e.to_string().contains("403 SignatureDoesNotMatch"),
        "a wrong secret names S3's error: {e}"
    );
    let e = wrong.get("t1/documents/d1/original.pdf").await.unwrap_err();
    assert!(e.to_string().contains("SignatureDoesNotMatch"), "{e}");
    // The forged PUT changed nothing.
    assert_eq!(
        store.get("t1/documents/d1/original.pdf").await.unwrap(),
        b"%PDF-1.7 signed"
    );
}

#[tokio::test]
async fn an_unreachable_endpoint_is_a_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let store = BlobStore::s3(&S3Config {
        endpoint: format!("http://127.0.0.1:{port}"),
        bucket: "signet-files".into(),
        region: "us-east-1".into(),
        access_key_id: "AKID".into(),
        secret_access_key: "secret".into(),
    })
    .unwrap();
    let e = store.get("t1/x").await.unwrap_err();
    assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");
}
