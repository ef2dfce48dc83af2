//! A `qualified` signer's signature: the revision and its signed attributes are prepared here,
//! the hash is signed by a qualified trust service provider through the Cloud Signature
//! Consortium API v2 ([`crate::csc`]) with the signer's one-time code, and the value and the
//! provider's certificate chain are embedded with a signature timestamp (PAdES B-T).
//!
//! Which provider: in live mode the one `csc_url` configures (a document cannot be created at
//! the qualified level without it); in test mode the sandbox `csc_test_url` names, else the
//! in-process stand-in ([`crate::csc_standin`]) holding a key certified by the test CA, whose
//! every name says TEST. Only a signature a provider made is called qualified; the stand-in's
//! says that it is not.

use crate::config::Config;
use crate::csc::{CscClient, CscError, Failure, Phase, ProviderSettings};
use crate::csc_standin::StandIn;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use signet_core::ids::SignerId;
use signet_core::signing::Signer;
use signet_pdf::{RemoteAlgorithm, SignOptions, SignerCredential, SignerIdentity, VisibleBlock};
use signet_store::Mode;
use std::sync::Arc;
use std::time::Duration;

tokio::task_local! {
    /// The one-time code a signer confirmed with, while that confirmation's signature is
    /// made: forwarded to `credentials/authorize`, never stored.
    static CONFIRM_CODE: (SignerId, String);
}

/// Runs `f` (a confirmation's storing, which signs) with the signer's code at hand for a
/// qualified signature.
pub async fn with_confirm_code<F: std::future::Future>(
    signer: &SignerId,
    code: &str,
    f: F,
) -> F::Output {
    CONFIRM_CODE
        .scope((signer.clone(), code.to_owned()), f)
        .await
}

fn confirm_code(signer: &SignerId) -> Option<String> {
    CONFIRM_CODE
        .try_with(|(s, code)| (s == signer).then(|| code.clone()))
        .ok()
        .flatten()
}

/// The provider that signs `mode`'s qualified signatures, when one is configured (test mode
/// has the in-process stand-in besides).
pub fn provider(config: &Config, mode: Mode) -> Option<ProviderSettings> {
    let timeout = Duration::from_millis(config.csc_timeout_ms);
    let (url, id, secret, credential) = match mode {
        Mode::Live => (
            &config.csc_url,
            &config.csc_client_id,
            &config.csc_client_secret,
            &config.csc_credential_id,
        ),
        Mode::Test => (
            &config.csc_test_url,
            &config.csc_test_client_id,
            &config.csc_test_client_secret,
            &config.csc_test_credential_id,
        ),
    };
    Some(ProviderSettings {
        url: url.clone()?,
        client_id: id.clone().unwrap_or_default(),
        client_secret: secret
            .as_ref()
            .map(|s| s.expose().to_owned())
            .unwrap_or_default(),
        credential_id: credential.clone(),
        timeout,
    })
}

/// Whether a document may be created at the qualified level in `mode`: in live mode only
/// with a configured provider; test mode always has the stand-in.
pub fn available(config: &Config, mode: Mode) -> bool {
    mode == Mode::Test || provider(config, mode).is_some()
}

/// What [`sign`] gives `produce`: the file and the signer's certificate subject, with the
/// credential to record for revocation when Signet's own (test) CA issued it.
pub(crate) type Signed = (Vec<u8>, (String, Option<SignerCredential>));

/// Makes `signer`'s qualified signature on `input`; a failure is seed 000's code and what
/// happened.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn sign(
    state: &AppState,
    mode: Mode,
    sid: &SignerId,
    signer: &Signer,
    identity: SignerIdentity,
    doc_name: &str,
    input: Vec<u8>,
    form: signet_pdf::FormFill,
    wall: DateTime<Utc>,
) -> Result<Signed, (u32, String)> {
    let fail = |e: CscError| (e.status_code(), e.to_string());
    let (client, issued, by_provider) = match provider(&state.config, mode) {
        Some(settings) => (
            CscClient::http(settings).map_err(|e| (6001, e))?,
            None,
            mode == Mode::Live,
        ),
        None if mode == Mode::Test => {
            // The stand-in's key, certified by the test CA for this signer.
            let cred = state
                .trust
                .ca(Mode::Test)
                .issue_signer(&identity, wall)
                .map_err(|e| (e.status_code(), e.to_string()))?;
            let stand_in = Arc::new(StandIn::in_process(cred.clone()));
            (CscClient::in_process(stand_in), Some(cred), false)
        }
        None => {
            return Err((
                6001,
                "no qualified trust service provider is configured (csc_url)".to_owned(),
            ));
        }
    };
    let session = client.open().await.map_err(fail)?;
    let user = signer.email.as_deref();
    let credential = client.credential(&session, user).await.map_err(fail)?;
    let pss_only = credential
        .key_algorithms
        .iter()
        .any(|a| a == "1.2.840.113549.1.1.10")
        && !credential
            .key_algorithms
            .iter()
            .any(|a| a == "1.2.840.113549.1.1.1" || a == "1.2.840.113549.1.1.11");
    let algorithm = RemoteAlgorithm::for_certificate(&credential.chain[0], pss_only)
        .map_err(|e| (6001, e.to_string()))?;

    let level_words = if by_provider {
        "qualified electronic signature".to_owned()
    } else if mode == Mode::Test && issued.is_some() {
        "TEST stand-in - not a qualified signature".to_owned()
    } else {
        "test provider - not a qualified signature".to_owned()
    };
    let mut lines = vec![
        format!("Signed by {}", signer.name),
        wall.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        level_words,
    ];
    if mode == Mode::Test {
        lines.push("TEST - not valid for real signatures".into());
    }
    let opts = SignOptions {
        signer_name: signer.name.clone(),
        reason: Some(format!("{} signs “{doc_name}”", signer.name)),
        location: None,
        contact: signer.email.clone(),
        signing_time: wall,
        timestamp: true,
        form,
        visible: Some(VisibleBlock { lines }),
    };
    let chain = credential.chain.clone();
    let remote = crate::heavy::run(&state.heavy, move || {
        // The revision is appended to the file itself: a large file is held once.
        signet_pdf::RemoteSignature::prepare(input, &chain, algorithm, &opts)
    })
    .await
    .map_err(|e| (6004, e.to_string()))?
    .map_err(|e| (e.status_code(), e.to_string()))?;
    let subject = remote.subject();

    let otp = confirm_code(sid);
    let value = client
        .sign_hash(
            &session,
            &credential,
            &remote.hash_to_sign(),
            algorithm,
            otp.as_deref(),
        )
        .await
        .map_err(fail)?;
    // A value that does not verify with the credential's certificate is the provider's
    // fault, and would not be better on a second try: fatal.
    let prepared = remote.complete_signature(&value).map_err(|e| {
        fail(CscError {
            phase: Phase::Signing,
            failure: Failure::Fatal,
            detail: format!("signatures/signHash: {e}"),
        })
    })?;
    let token = match prepared.timestamp_imprint() {
        Some(imprint) => Some(state.trust.timestamp_token(mode, &imprint, wall).await?),
        None => None,
    };
    let pdf = prepared
        .complete(token.as_deref())
        .map_err(|e| (e.status_code(), e.to_string()))?;
    tracing::info!(signer = %sid, provider = %client.url(), qualified = by_provider, "remote signature made");
    Ok((pdf, (subject, issued)))
}
