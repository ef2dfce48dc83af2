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
    /// made, and whether Signet left checking it to the provider ([`PROVIDER_CODE`]):
    /// forwarded to `credentials/authorize`, never stored.
    static CONFIRM_CODE: (SignerId, String, bool);
}

/// Runs `f` (a confirmation's storing, which signs) with the signer's code at hand for a
/// qualified signature; `provider_checks` when Signet did not check the code itself.
pub async fn with_confirm_code<F: std::future::Future>(
    signer: &SignerId,
    code: &str,
    provider_checks: bool,
    f: F,
) -> F::Output {
    CONFIRM_CODE
        .scope((signer.clone(), code.to_owned(), provider_checks), f)
        .await
}

fn confirm_code(signer: &SignerId) -> Option<(String, bool)> {
    CONFIRM_CODE
        .try_with(|(s, code, by_provider)| (s == signer).then(|| (code.clone(), *by_provider)))
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

/// What a signer's stored code is when the provider checks the code (it sent it with
/// `credentials/sendOTP`): never a digest of Signet's, so Signet's check lets the code through
/// to `credentials/authorize`, where the provider judges it.
pub const PROVIDER_CODE: &str = signet_core::signing::PROVIDER_CHECKED_CODE;

/// Whether a stored code is one the provider checks ([`PROVIDER_CODE`]).
pub fn provider_checks(stored: &str) -> bool {
    signet_core::signing::code_checked_by_provider(stored)
}

/// At a qualified signer's approval: when the provider's credential takes the provider's own
/// one-time code (CSC `authMode` explicit with an online OTP), has the provider send it
/// (`credentials/sendOTP`) instead of Signet sending its own, and records that under the
/// document's lock (the stored code becomes [`PROVIDER_CODE`]; the trail says `otp.sent` via
/// `provider`). Returns the channels (`["provider"]`), or `None` when Signet's own code is the
/// one to send: no provider configured (test mode's in-process stand-in), a credential that
/// needs no code from the signer, or a provider that failed here. Its failures are not told
/// at approval: the signature meets them again and ends as seed 000's code (6001–6006), as
/// every other provider failure does.
pub async fn deliver_provider_code(
    state: &AppState,
    tenant: &signet_store::Tenant,
    mode: Mode,
    wf: &signet_core::signing::Workflow,
    sid: &SignerId,
) -> crate::error::AppResult<Option<Vec<&'static str>>> {
    use crate::error::AppError;
    let Some(settings) = provider(&state.config, mode) else {
        return Ok(None);
    };
    let signer = wf
        .signer(sid)
        .ok_or_else(|| AppError::not_found("signer"))?;
    let Ok(client) = CscClient::http(settings) else {
        return Ok(None);
    };
    let asked = async {
        let session = client.open().await?;
        let credential = client.credential(&session, signer.email.as_deref()).await?;
        if credential.activation != crate::csc::Activation::ProviderCode {
            return Ok(false);
        }
        client.send_otp(&session, &credential).await?;
        Ok::<bool, CscError>(true)
    }
    .await;
    match asked {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(e) => {
            tracing::warn!(signer = %sid, error = %e, "the provider's one-time code was not sent; Signet sends its own");
            return Ok(None);
        }
    }
    // Record it under the document's lock, as Signet's own delivery does; only the code this
    // approval made: one a later approval made meanwhile goes its own way.
    let ours = signer.otp.as_ref().map(|o| o.hash.clone());
    let recorded = super::record_delivery(
        state,
        tenant,
        mode,
        &wf.document.id,
        sid,
        "otp.sent",
        serde_json::json!({
            "channels": [{"channel": "provider", "to": client.url(), "ok": true}]
        }),
        |locked, _, _| {
            let Some(otp) = locked
                .signers
                .iter_mut()
                .find(|s| &s.id == sid)
                .and_then(|s| s.otp.as_mut())
                .filter(|o| Some(&o.hash) == ours.as_ref())
            else {
                return Ok(false);
            };
            otp.hash = PROVIDER_CODE.to_owned();
            Ok(true)
        },
    )
    .await?;
    if !recorded {
        return Ok(None);
    }
    Ok(Some(vec!["provider"]))
}

/// What [`sign`] gives `produce`: the file and the signer's certificate subject, with the
/// credential to record for revocation when Signet's own (test) CA issued it.
pub(crate) type Signed = (Vec<u8>, (String, Option<SignerCredential>));

/// A signature that could not be made: seed 000's code, what happened, and whether the
/// provider refused the signer's code (its `invalid_otp` for a code Signet left to it).
#[derive(Debug)]
pub(crate) struct SignFailure {
    pub code: u32,
    pub detail: String,
    pub code_refused: bool,
}

impl From<(u32, String)> for SignFailure {
    fn from((code, detail): (u32, String)) -> Self {
        SignFailure {
            code,
            detail,
            code_refused: false,
        }
    }
}

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
) -> Result<Signed, SignFailure> {
    let fail = |e: CscError| SignFailure::from((e.status_code(), e.to_string()));
    let (client, issued, by_provider) = match provider(&state.config, mode) {
        Some(settings) => (
            CscClient::http(settings).map_err(|e| SignFailure::from((6001, e)))?,
            None,
            mode == Mode::Live,
        ),
        None if mode == Mode::Test => {
            // The stand-in's key, certified by the test CA for this signer.
            let cred = state
                .trust
                .ca(Mode::Test)
                .issue_signer(&identity, wall)
                .map_err(|e| SignFailure::from((e.status_code(), e.to_string())))?;
            let stand_in = Arc::new(StandIn::in_process(cred.clone()));
            (CscClient::in_process(stand_in), Some(cred), false)
        }
        None => {
            return Err(SignFailure::from((
                6001,
                "no qualified trust service provider is configured (csc_url)".to_owned(),
            )));
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
        .map_err(|e| SignFailure::from((6001, e.to_string())))?;

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
    .map_err(|e| SignFailure::from((6004, e.to_string())))?
    .map_err(|e| SignFailure::from((e.status_code(), e.to_string())))?;
    let subject = remote.subject();

    let (otp, left_to_provider) = confirm_code(sid).unzip();
    let left_to_provider = left_to_provider == Some(true);
    // Only a code left to the provider goes to it; Signet's own code was checked by Signet.
    let otp = otp.filter(|_| left_to_provider);
    // A code Signet let through for the provider to judge must reach a provider that judges
    // it: a credential that no longer takes one would sign on an unchecked code.
    if left_to_provider && credential.activation != crate::csc::Activation::ProviderCode {
        return Err(fail(CscError {
            phase: Phase::Signing,
            failure: Failure::Fatal,
            detail:
                "the signer's code was left to the provider, whose credential no longer takes one"
                    .to_owned(),
            code_refused: false,
        }));
    }
    let value = client
        .sign_hash(
            &session,
            &credential,
            &remote.hash_to_sign(),
            algorithm,
            otp.as_deref(),
        )
        .await
        .map_err(|e| {
            // A wrong code counts against the signer only when it was the provider's to judge.
            let refused = e.code_refused && left_to_provider;
            let mut failure = fail(e);
            failure.code_refused = refused;
            failure
        })?;
    // A value that does not verify with the credential's certificate is the provider's
    // fault, and would not be better on a second try: fatal.
    let prepared = remote.complete_signature(&value).map_err(|e| {
        fail(CscError {
            phase: Phase::Signing,
            failure: Failure::Fatal,
            detail: format!("signatures/signHash: {e}"),
            code_refused: false,
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
