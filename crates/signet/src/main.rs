//! The `signet` command: a thin shell over the server library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use signet_server::App;
use signet_server::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

mod backup;
mod contract;
mod demo;
mod verify;

#[derive(Parser)]
#[command(
    name = "signet",
    version,
    about = "Self-hosted regulated onboarding: identify, screen, sign."
)]
struct Cli {
    /// A TOML configuration file (also SIGNET_CONFIG).
    #[arg(long, global = true, env = "SIGNET_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (SQLite under ./signet-data on 127.0.0.1:8080 by default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage tenants.
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Manage the back office's operators (the reviewers who sign in at /admin).
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Manage sanctions lists for AML screening.
    Lists {
        #[command(subcommand)]
        command: ListsCommand,
    },
    /// Manage the keys personal data is encrypted under.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Verify the signatures of a PDF offline.
    ///
    /// Trust anchors: every --root file, the granted services of every --trusted-list and the
    /// --server's root; with none of them, the root of the configured installation.
    /// Certificates are judged at --at (default: now), timestamps proving when a signature
    /// existed; revocation comes from the data in the file, and with --online from the OCSP
    /// and CRL addresses the certificates name. Exit code 0 when every signature is
    /// TOTAL-PASSED, 1 when one is not or the file carries no signature, 2 when the input
    /// cannot be read.
    Verify {
        /// The PDF.
        file: PathBuf,
        /// A trusted root certificate (PEM or DER); repeatable.
        #[arg(long = "root", value_name = "PEM")]
        roots: Vec<PathBuf>,
        /// An ETSI TS 119 612 trusted list (XML): the certificates of its granted services are
        /// trust anchors; repeatable. The list's own signature is not checked.
        #[arg(long = "trusted-list", value_name = "XML")]
        trusted_lists: Vec<PathBuf>,
        /// Validate at this time (RFC 3339, e.g. 2030-01-01T00:00:00Z) instead of now.
        #[arg(long, value_name = "TIME", value_parser = verify::parse_time)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Every certificate below the trust anchor needs revocation data (embedded, or
        /// fetched with --online); without it a signature is INDETERMINATE / TRY_LATER.
        #[arg(long)]
        require_revocation: bool,
        /// Fetch revocation data the file lacks: OCSP at the certificate's AIA address, then
        /// its CRL distribution point.
        #[arg(long)]
        online: bool,
        /// Also trust this Signet server's root (fetched from URL/v1/trust/ca.pem, or
        /// test-ca.pem with --test; plain HTTP).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// Trust the TEST root of the server or installation instead of the live one, to
        /// check files made with a test-mode key (never valid for real signatures).
        #[arg(long)]
        test: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Back up the installation into DIR (new or empty) while it runs: a consistent copy of
    /// the SQLite database, every file its rows own and manifest.json with the SHA-256 of
    /// each. The master key and the keys directory are left out: keep them apart. For
    /// PostgreSQL see docs/data-protection.md. Exit code 1 when referenced files were missing
    /// or damaged (named, and listed in the manifest), 2 when no backup was made.
    Backup {
        /// Where the backup goes.
        dir: PathBuf,
    },
    /// Restore a backup made by `signet backup` into the configured data directory, which
    /// must be empty but for master.key and keys/ (put the installation's key there first).
    /// Every file is checked against the manifest before anything is written.
    Restore {
        /// The backup directory.
        dir: PathBuf,
    },
    /// Prove the installation whole: every referenced file present with its recorded
    /// SHA-256, every audit trail intact, every finished document's signatures valid. Exit
    /// code 0 when whole, 1 naming each problem, 2 when it cannot be checked.
    Check,
    /// Walk through identification, sending and signing on a fresh embedded server.
    ///
    /// Two sandbox persons are identified, a generated contract is sent to both for advanced
    /// signatures, both sign, and the signed PDF, its certificate of completion and Signet's
    /// root are written to --dir, then the signed file is verified.
    Demo {
        /// Where the files are written.
        #[arg(long, default_value = "signet-demo")]
        dir: PathBuf,
        /// The port of the embedded server on 127.0.0.1 (default: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The embedded server's data directory (default: a temporary one, removed after).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// The embedded server's database (default: SQLite in the data directory).
        #[arg(long)]
        database_url: Option<String>,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Make a new master key in the keys directory and re-seal every tenant key under it.
    ///
    /// Safe while servers run: they read the new key when they meet a re-sealed tenant key.
    /// The older master keys stay in the keys directory; remove one only once no tenant key
    /// names it (this command prints how many each holds).
    Rotate,
    /// Copy the master key files and the keyring into DIR (new or empty), while servers run.
    ///
    /// Keep the copy apart from the data backups, and take it with each of them: every new
    /// person and document adds a key. To restore, copy DIR's files into the new keys
    /// directory. On PostgreSQL the keyring is a schema: copy it with
    /// `pg_dump --schema=signet_keyring`.
    Backup {
        /// Where the copy goes (created 0700; must be new or empty).
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum ListsCommand {
    /// Import a list file, replacing the stored list of the same source in one transaction.
    ///
    /// A malformed file fails naming the line or element, and the previous list stays.
    Import {
        /// The file (for ofac-sdn-csv: the folder holding sdn.csv, alt.csv and add.csv, or
        /// sdn.csv itself).
        path: PathBuf,
        /// ofac-sdn-csv, ofac-sdn-xml, eu-fsf-xml, un-xml, uk-sanctions-list or
        /// opensanctions-ftm.
        #[arg(long)]
        format: String,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an operator. The password (at least 12 characters) is read from the first line
    /// of standard input, never from the command line, and is not printed.
    Create {
        email: String,
        /// Read the password from standard input (the default; explicit for scripts).
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the operators: email, created, and whether they are disabled.
    List,
    /// Give an operator a new password, read from standard input as for `create`; their
    /// sessions end.
    Password {
        email: String,
        /// Read the password from standard input (the default; explicit for scripts).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Stop an operator from signing in; their sessions end at once.
    Disable { email: String },
    /// Let a disabled operator sign in again.
    Enable { email: String },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Create a tenant; its test-mode key is printed alone on the last line.
    Create {
        name: String,
        /// Residency countries the tenant allows, e.g. DE,FR (default: all).
        #[arg(long, value_delimiter = ',')]
        residency_countries: Option<Vec<String>>,
    },
    /// Issue another key for a tenant (printed alone on the last line).
    Key {
        name: String,
        /// test or live.
        #[arg(long, default_value = "test")]
        mode: String,
    },
    /// Show a tenant's limits, changing those given first (0 = none).
    Limits {
        name: String,
        /// Signers on one document (default 20; more is return code 75).
        #[arg(long, value_name = "N")]
        signers_per_document: Option<u64>,
        /// Bytes of documents the tenant may keep stored (return code 112 beyond).
        #[arg(long, value_name = "N")]
        stored_bytes: Option<u64>,
        /// Live-mode SMS one-time codes per calendar month (return code 105 beyond).
        #[arg(long, value_name = "N")]
        sms_per_month: Option<u64>,
        /// Templates the tenant may keep (return code 77 beyond).
        #[arg(long, value_name = "N")]
        templates: Option<u64>,
    },
}

fn init_logging(config: &Config, default_filter: &str) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("SIGNET_LOG").unwrap_or_else(|_| EnvFilter::new(default_filter));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    if config.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    // `verify` needs no configuration unless it falls back to the installation's root, and
    // its exit codes are its own.
    if let Command::Verify {
        file,
        roots,
        trusted_lists,
        at,
        require_revocation,
        online,
        server,
        test,
        json,
    } = cli.command
    {
        let args = verify::VerifyArgs {
            file,
            roots,
            trusted_lists,
            server,
            test,
            json,
            at,
            require_revocation,
            online,
        };
        let config_path = cli.config;
        let code = verify::run(args, move || {
            let config =
                Config::load(config_path.as_deref(), std::env::vars()).context("configuration")?;
            init_logging(&config, "warn");
            Ok(config)
        })
        .await;
        return Ok(code);
    }
    let config = Config::load(cli.config.as_deref(), std::env::vars()).context("configuration")?;
    let quiet = matches!(
        cli.command,
        Command::Demo { .. } | Command::Backup { .. } | Command::Restore { .. } | Command::Check
    );
    init_logging(&config, if quiet { "warn" } else { "info,sqlx=warn" });
    match cli.command {
        Command::Serve => serve(config).await?,
        Command::Migrate => {
            let app = App::from_config(config).await.context("database")?;
            println!(
                "database is up to date ({})",
                app.state.store.backend().as_str()
            );
        }
        Command::Tenant { command } => tenant(config, command).await?,
        Command::Admin { command } => admin(config, command).await?,
        Command::Lists { command } => lists(config, command).await?,
        Command::Keys { command } => keys(config, command).await?,
        Command::Openapi => {
            println!(
                "{}",
                serde_json::to_string_pretty(&signet_server::openapi())?
            );
        }
        Command::Demo {
            dir,
            port,
            data_dir,
            database_url,
        } => {
            demo::run(demo::DemoArgs {
                dir,
                port,
                data_dir,
                database_url,
            })
            .await?
        }
        Command::Backup { dir } => return Ok(backup::run_backup(config, &dir).await),
        Command::Restore { dir } => return Ok(backup::run_restore(config, &dir).await),
        Command::Check => return Ok(backup::run_check(config).await),
        Command::Verify { .. } => unreachable!("handled above"),
    }
    Ok(ExitCode::SUCCESS)
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let listen = config.listen;
    let app = App::from_config(config).await.context("database")?;
    if let Some(key) = app.bootstrap().await? {
        println!("Created the default tenant. Its test-mode API key (shown once):");
        println!("{key}");
    }
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(address = %listener.local_addr()?, database = app.state.store.backend().as_str(), "signet is serving");
    app.serve(listener, shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

async fn tenant(config: Config, command: TenantCommand) -> anyhow::Result<()> {
    let app = App::from_config(config).await.context("database")?;
    let store = &app.state.store;
    let now = app.state.wall_now();
    match command {
        TenantCommand::Create {
            name,
            residency_countries,
        } => {
            if let Some(list) = &residency_countries {
                for c in list {
                    anyhow::ensure!(
                        signet_core::validate::is_country_alpha2(c),
                        "{c} is not an ISO 3166-1 alpha-2 country code"
                    );
                }
            }
            let (id, key) = signet_server::create_tenant(store, &name, now)
                .await
                .with_context(|| format!("cannot create tenant {name}"))?;
            if let Some(list) = residency_countries {
                store.set_residency_countries(&id, Some(&list)).await?;
            }
            println!("Created tenant {name} ({id}). Its test-mode API key (shown once):");
            println!("{key}");
        }
        TenantCommand::Key { name, mode } => {
            let mode = signet_store::Mode::parse(&mode).context("mode must be test or live")?;
            let tenant = store
                .tenant_by_name(&name)
                .await
                .with_context(|| format!("no tenant named {name}"))?;
            let key = signet_server::auth::issue_key(store, &tenant.id, mode, now).await?;
            println!("A new {} key for {name} (shown once):", mode.as_str());
            println!("{key}");
        }
        TenantCommand::Limits {
            name,
            signers_per_document,
            stored_bytes,
            sms_per_month,
            templates,
        } => {
            let tenant = store
                .tenant_by_name(&name)
                .await
                .with_context(|| format!("no tenant named {name}"))?;
            let mut limits = store.tenant_limits(&tenant.id).await?;
            let changes = [
                (&mut limits.signers_per_document, signers_per_document),
                (&mut limits.stored_bytes, stored_bytes),
                (&mut limits.sms_per_month, sms_per_month),
                (&mut limits.templates, templates),
            ];
            let mut changed = false;
            for (limit, new) in changes {
                if let Some(n) = new {
                    anyhow::ensure!(
                        i64::try_from(n).is_ok(),
                        "{n} is too large for a limit (at most {})",
                        i64::MAX
                    );
                    *limit = n;
                    changed = true;
                }
            }
            if changed {
                store.set_tenant_limits(&tenant.id, &limits, now).await?;
            }
            println!("Limits of tenant {name} (0 = none):");
            println!("signers_per_document\t{}", limits.signers_per_document);
            println!("templates\t{}", limits.templates);
            println!("stored_bytes\t{}", limits.stored_bytes);
            println!("sms_per_month\t{}", limits.sms_per_month);
        }
    }
    Ok(())
}

/// The password on the first line of standard input, without its line ending.
fn password_from_stdin() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if std::io::IsTerminal::is_terminal(&stdin) {
        eprintln!("Password (read from standard input; it is shown as you type):");
    }
    let mut line = String::new();
    stdin
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    Ok(password.strip_suffix('\r').unwrap_or(password).to_owned())
}

async fn admin(config: Config, command: AdminCommand) -> anyhow::Result<()> {
    use signet_server::pages::admin::{
        create_operator, set_operator_disabled, set_operator_password,
    };
    match command {
        AdminCommand::Create {
            email,
            password_stdin: _,
        } => {
            let password = password_from_stdin()?;
            let app = App::from_config(config).await.context("database")?;
            let operator =
                create_operator(&app.state.store, &email, &password, app.state.wall_now())
                    .await
                    .with_context(|| format!("cannot create operator {email}"))?;
            println!(
                "Created operator {} ({}). They sign in at /admin.",
                operator.email, operator.id
            );
        }
        AdminCommand::List => {
            let app = App::from_config(config).await.context("database")?;
            let operators = app.state.store.list_operators().await?;
            if operators.is_empty() {
                println!("No operators yet: signet admin create EMAIL");
            }
            for o in operators {
                let state = match o.disabled_at {
                    Some(t) => format!("disabled since {}", signet_core::time::format(&t)),
                    None => "active".to_owned(),
                };
                println!(
                    "{}\tcreated {}\t{state}",
                    o.email,
                    signet_core::time::format(&o.created_at)
                );
            }
        }
        AdminCommand::Password {
            email,
            password_stdin: _,
        } => {
            let password = password_from_stdin()?;
            let app = App::from_config(config).await.context("database")?;
            let operator = set_operator_password(&app.state.store, &email, &password)
                .await
                .with_context(|| format!("cannot change the password of {email}"))?;
            println!(
                "New password set for {}; their sessions have ended.",
                operator.email
            );
        }
        AdminCommand::Disable { email } => {
            let app = App::from_config(config).await.context("database")?;
            let now = app.state.wall_now();
            let operator = set_operator_disabled(&app.state.store, &email, Some(now))
                .await
                .with_context(|| format!("cannot disable {email}"))?;
            println!("Disabled {}; their sessions have ended.", operator.email);
        }
        AdminCommand::Enable { email } => {
            let app = App::from_config(config).await.context("database")?;
            let operator = set_operator_disabled(&app.state.store, &email, None)
                .await
                .with_context(|| format!("cannot enable {email}"))?;
            println!("Enabled {}; they can sign in again.", operator.email);
        }
    }
    Ok(())
}

async fn keys(config: Config, command: KeysCommand) -> anyhow::Result<()> {
    match command {
        KeysCommand::Rotate => {
            let (generation, report) = signet_server::keys::rotate(&config)
                .await
                .map_err(anyhow::Error::msg)?;
            println!(
                "master key {} (generation {generation}) is current in {}: {} tenant keys re-sealed, {} already under it",
                report.master_key_id,
                config.keys_dir().display(),
                report.resealed,
                report.unchanged
            );
        }
        KeysCommand::Backup { dir } => {
            let done = signet_server::keys::backup(&config, &dir)
                .await
                .map_err(anyhow::Error::msg)?;
            if done.master_key_files.is_empty() {
                println!(
                    "no master key file: the master key comes from SIGNET_MASTER_KEY; keep a copy of it apart"
                );
            } else {
                println!("master key files: {}", done.master_key_files.join(", "));
            }
            if done.keyring_copied {
                println!("keyring copied to {}", dir.join("keyring.db").display());
            } else {
                println!(
                    "the keyring is the signet_keyring schema: copy it with pg_dump --format=custom --schema=signet_keyring"
                );
            }
        }
    }
    Ok(())
}

async fn lists(config: Config, command: ListsCommand) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use signet_server::screening::{ImportProgress, import_list};
    match command {
        ListsCommand::Import { path, format } => {
            let format: signet_server::screening::signet_screening::ListFormat = format.parse()?;
            let app = App::from_config(config).await.context("database")?;
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{msg:8} [{bar:40}] {percent:>3}% {elapsed_precise}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            bar.set_style(style);
            bar.set_message("reading");
            let shown = bar.clone();
            let on_progress = move |p: ImportProgress| match p {
                ImportProgress::Reading { done, total } => {
                    shown.set_length(total.max(1));
                    shown.set_position(done);
                }
                ImportProgress::Storing { done, total } => {
                    if shown.message() != "storing" {
                        shown.set_message("storing");
                        shown.set_length(total.max(1));
                    }
                    shown.set_position(done);
                }
            };
            let result = import_list(
                &app.state.store,
                format,
                &path,
                app.state.wall_now(),
                on_progress,
            )
            .await;
            bar.finish_and_clear();
            let summary =
                result.with_context(|| format!("cannot import {} as {format}", path.display()))?;
            println!(
                "Imported list {} version {}: {} entries",
                summary.list, summary.version, summary.entries
            );
            app.state.store.close().await;
        }
    }
    Ok(())
}
