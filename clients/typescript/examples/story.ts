/**
 * An integrator's story against a live Signet server, through the SDK alone:
 * persons, a sandbox identification, screening, webhooks, a signed document, and errors.
 *
 *   SIGNET_URL=http://127.0.0.1:8080 SIGNET_API_KEY=sk_test_… SIGNET_SAMPLE_PDF=./sample.pdf \
 *     npm run story
 *
 * The webhook step listens on 127.0.0.1, so the server must be allowed to deliver to private
 * addresses (`SIGNET_WEBHOOK_ALLOW_PRIVATE=true`). Prints one line per step; exits 1 on the
 * first failure.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { Buffer } from "node:buffer";
import {
  createSignetClient,
  downloadDocument,
  exportPerson,
  paginate,
  SignetError,
  unwrap,
  verifyPdf,
  verifyWebhook,
  type ErrorCode,
  type Person,
  type ScreeningHit,
  type SignetClient,
  type WebhookEvent,
} from "../src/index.js";

// ---------------------------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------------------------

class StoryFailure extends Error {}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new StoryFailure(`${name} is not set`);
  return value;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new StoryFailure(message);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let current = "setup";

function done(step: string, detail: string): void {
  console.log(`ok   ${step.padEnd(14)} ${detail}`);
}

/** Polls `read` until `ready` holds, for at most `seconds`. */
async function until<T>(
  what: string,
  seconds: number,
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  show: (value: T) => string,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) {
      throw new StoryFailure(`${what}: still ${show(value)} after ${seconds} s`);
    }
    await sleep(250);
  }
}

/** Runs `call`, expecting it to fail with a SignetError; returns that error. */
async function expectError(what: string, call: () => Promise<unknown>): Promise<SignetError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof SignetError) return e;
    throw e;
  }
  throw new StoryFailure(`${what}: succeeded, an error was expected`);
}

// ---------------------------------------------------------------------------------------------
// A local webhook receiver
// ---------------------------------------------------------------------------------------------

interface Delivery {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

class Receiver {
  readonly deliveries: Delivery[] = [];
  private waiters: Array<() => void> = [];
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<Receiver> {
    let receiver: Receiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        res.writeHead(204).end();
        receiver?.push({ body: Buffer.concat(chunks), headers: req.headers });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const address = server.address();
    if (address === null || typeof address === "string") {
      throw new StoryFailure("the webhook receiver has no TCP address");
    }
    receiver = new Receiver(server, `http://127.0.0.1:${address.port}/signet-webhooks`);
    return receiver;
  }

  private push(delivery: Delivery): void {
    this.deliveries.push(delivery);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits up to `seconds` for a delivery for which `match` returns a value. */
  async waitFor<T>(seconds: number, match: (d: Delivery) => T | undefined): Promise<T> {
    const deadline = Date.now() + seconds * 1000;
    let seen = 0;
    for (;;) {
      for (; seen < this.deliveries.length; seen++) {
        const delivery = this.deliveries[seen];
        const found = delivery && match(delivery);
        if (found !== undefined) return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StoryFailure(
          `no matching webhook delivery within ${seconds} s (${this.deliveries.length} received; ` +
            "is the server allowed to reach 127.0.0.1? SIGNET_WEBHOOK_ALLOW_PRIVATE=true)",
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      // Signet's delivery client keeps its connection alive for the next message: close
      // waits for every connection, so end them.
      this.server.closeAllConnections();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The story
// ---------------------------------------------------------------------------------------------

const stamp = Date.now().toString(36);
/** The stamp in letters only: names take no digits. */
const nameStamp = stamp.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)] ?? "x");

async function persons(client: SignetClient): Promise<Person> {
  current = "a. persons";
  const created = unwrap(
    await client.POST("/v1/persons", {
      body: {
        first_name: "Erika",
        last_name: "Mustermann",
        birth_date: "1964-08-12",
        email: `erika.${stamp}@example.com`,
        mobile_number: "+4915112345678",
      },
    }),
  );
  check(created.first_name === "Erika", `created person has first_name ${created.first_name}`);
  check(
    created.mobile_number === "+4915112345678",
    `created person has mobile_number ${String(created.mobile_number)}`,
  );

  const fetched = unwrap(
    await client.GET("/v1/persons/{id}", { params: { path: { id: created.id } } }),
  );
  check(fetched.id === created.id, "GET answered another person");

  const patched = unwrap(
    await client.PATCH("/v1/persons/{id}", {
      params: { path: { id: created.id } },
      body: { job_title: "Chief Compliance Officer" },
    }),
  );
  check(
    patched.job_title === "Chief Compliance Officer",
    `patched job_title is ${String(patched.job_title)}`,
  );

  let count = 0;
  let found = false;
  for await (const person of paginate(
    (page) => client.GET("/v1/persons", { params: { query: page } }),
    100,
  )) {
    count++;
    if (person.id === created.id) found = true;
  }
  check(found, `the new person is not among the ${count} listed`);

  // Everything held about the person, as a ZIP whose last entry is its manifest.
  const zip = Buffer.from(await exportPerson(client, created.id));
  check(zip.subarray(0, 4).toString("latin1") === "PK\u0003\u0004", "the export is no ZIP");
  check(zip.includes("manifest.json"), "the export has no manifest");
  check(zip.includes("Mustermann"), "the export does not hold the person's name");
  done(current, `person ${created.id} created, read, patched, exported; ${count} persons listed`);
  return patched;
}

async function identification(client: SignetClient): Promise<void> {
  current = "b. identify";
  const person = unwrap(
    await client.POST("/v1/persons", {
      body: { first_name: "X-AUTOTEST-HAPPYPATH", last_name: "Tester", email: `happy.${stamp}@example.com` },
    }),
  );
  const personId = person.id;
  const created = unwrap(
    await client.POST("/v1/persons/{person_id}/identifications", {
      params: { path: { person_id: personId } },
      body: { method: "idnow" },
    }),
  );
  const requested = unwrap(
    await client.PATCH("/v1/persons/{person_id}/identifications/{id}/request", {
      params: { path: { person_id: personId, id: created.id } },
    }),
  );
  check(requested.status === "pending", `requested identification is ${requested.status}`);

  const clock = unwrap(
    await client.POST("/v1/sandbox/clock/advance", { body: { seconds: 120 } }),
  );
  const outcome = await until(
    "identification",
    15,
    async () =>
      unwrap(
        await client.GET("/v1/persons/{person_id}/identifications/{id}", {
          params: { path: { person_id: personId, id: created.id } },
        }),
      ),
    (ident) => ident.status === "successful",
    (ident) => ident.status,
  );
  done(
    current,
    `identification ${outcome.id} ${outcome.status} (test clock ${clock.now}, +${clock.offset_seconds} s)`,
  );
}

async function screening(client: SignetClient): Promise<void> {
  current = "c. screen";
  const person = unwrap(
    await client.POST("/v1/persons", {
      body: { first_name: "Vladimir", last_name: "Putin", birth_date: "1952-10-07" },
    }),
  );
  const result = unwrap(
    await client.POST("/v1/persons/{id}/screenings", { params: { path: { id: person.id } } }),
  );
  check(
    result.hits.length > 0,
    `screening found no hit (lists ${result.lists.join(", ") || "none"}, ${result.screening_progress})`,
  );

  const open: ScreeningHit[] = [];
  for await (const hit of paginate((page) =>
    client.GET("/v1/screening/hits", { params: { query: { status: "open", ...page } } }),
  )) {
    if (hit.person_id === person.id) open.push(hit);
  }
  const hit = open[0];
  check(hit !== undefined, "the person's hit is not among the open hits");

  const decided = unwrap(
    await client.POST("/v1/screening/hits/{id}/decision", {
      params: { path: { id: hit.id } },
      body: { decision: "true_positive", note: "Confirmed by the onboarding story." },
    }),
  );
  check(decided.status === "true_positive", `decided hit is ${decided.status}`);

  const search = unwrap(
    await client.POST("/v1/screening/search", { body: { name: "Vladimir Putin" } }),
  );
  const best = search.matches[0];
  check(best !== undefined, "searching for Vladimir Putin matched nothing");
  done(
    current,
    `${result.hits.length} hit(s), ${hit.matched_name} on ${hit.list} (${hit.score.toFixed(2)}) ` +
      `decided true_positive; search best ${best.name} ${best.score.toFixed(2)}`,
  );
}

async function webhooks(client: SignetClient, receiver: Receiver): Promise<string> {
  current = "d. webhooks";
  const endpoint = unwrap(
    await client.POST("/v1/webhooks", {
      body: { url: receiver.url, event_types: ["*"], description: "onboarding story" },
    }),
  );
  const secret = endpoint.secret;
  try {
    check(typeof secret === "string" && secret.startsWith("whsec_"), "the endpoint came without its secret");
    const person = unwrap(
      await client.POST("/v1/persons", { body: { first_name: "Hook", last_name: `Receiver ${nameStamp}` } }),
    );
    const event = await receiver.waitFor(30, (delivery): WebhookEvent | undefined => {
      const received = verifyWebhook(secret, delivery.body, delivery.headers);
      if (received.type === "person.created" && received.data.id === person.id) return received;
      return undefined;
    });
    check(event.type === "person.created", `got ${event.type}`);
    check(event.data.id === person.id, "the event names another person");
    done(
      current,
      `person.created ${event.id} verified for ${event.data.first_name} ${event.data.last_name} ` +
        `(${receiver.deliveries.length} delivered)`,
    );
  } catch (e) {
    await removeEndpoint(client, endpoint.id);
    throw e;
  }
  return endpoint.id;
}

async function removeEndpoint(client: SignetClient, id: string): Promise<void> {
  unwrap(await client.DELETE("/v1/webhooks/{id}", { params: { path: { id } } }));
}

async function document(client: SignetClient, pdfPath: string): Promise<void> {
  current = "e. document";
  const pdf = await readFile(pdfPath);
  const created = unwrap(
    await client.POST("/v1/documents", {
      body: {
        name: `Onboarding agreement ${stamp}`,
        file: pdf.toString("base64"),
        signers: [{ name: "Erika Mustermann", email: `erika.${stamp}@example.com` }],
      },
    }),
  );
  const signer = created.signers[0];
  check(signer !== undefined, "the document came without its signer");
  const path = { id: created.id, signer_id: signer.id };

  const approval = unwrap(
    await client.POST("/v1/documents/{id}/signers/{signer_id}/approve", { params: { path } }),
  );
  const confirmed = unwrap(
    await client.POST("/v1/documents/{id}/signers/{signer_id}/confirm", {
      params: { path },
      body: { otp: "123456" },
    }),
  );
  check(
    confirmed.status === "signed" || confirmed.status === "pending_verification",
    `confirmed signer is ${confirmed.status}`,
  );

  const finished = await until(
    "document",
    30,
    async () =>
      unwrap(await client.GET("/v1/documents/{id}", { params: { path: { id: created.id } } })),
    (doc) => doc.status === "finished",
    (doc) => doc.status,
  );

  const bytes = await downloadDocument(client, created.id);
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  check(head.startsWith("%PDF"), `the downloaded file starts with ${JSON.stringify(head)}`);

  const audit = unwrap(
    await client.GET("/v1/documents/{id}/audit", { params: { path: { id: created.id } } }),
  );
  check(audit.chain_valid, `the audit chain breaks at ${String(audit.first_broken_seq)}`);
  check(audit.entry_count > 0, "the audit trail is empty");

  const report = await verifyPdf(client, bytes, "test");
  check(report.signatures.length > 0, "verification found no signature");
  check(report.test_mode, "verification does not say test mode");
  const indications = report.signatures.map((s) => s.indication).join(", ");
  done(
    current,
    `document ${finished.id} ${finished.status} (code to ${approval.otp.channels.join("+")}), ` +
      `${bytes.length} bytes, ${audit.entry_count} audit entries, ` +
      `${report.signatures.length} signature(s): ${indications}`,
  );
}

async function errors(client: SignetClient, baseUrl: string): Promise<void> {
  current = "f. errors";
  // A last name of blanks: the types accept a string, Signet's checks do not.
  const missing = await expectError("a person whose last name is blank", async () =>
    unwrap(
      await client.POST("/v1/persons", {
        body: { first_name: "Nameless", last_name: " " },
      }),
    ),
  );
  const createCodes: readonly ErrorCode[] = ["invalid_model", "invalid_json", "duplicate_person_limit"];
  check(
    (missing.status === 400 || missing.status === 422) &&
      missing.code !== undefined &&
      createCodes.includes(missing.code),
    `a person whose last name is blank: ${missing.message}`,
  );
  const field = missing.errors[0]?.source?.field;

  const unknown = await expectError("an unknown person", async () =>
    unwrap(
      await client.GET("/v1/persons/{id}", {
        params: { path: { id: "00000000000000000000000000000000cper" } },
      }),
    ),
  );
  check(unknown.status === 404 && unknown.code === "not_found", `an unknown person: ${unknown.message}`);

  const stranger = createSignetClient({ baseUrl, apiKey: "sk_test_0000000000000000000000000000" });
  const refused = await expectError("a wrong key", async () =>
    unwrap(await stranger.GET("/v1/persons", { params: { query: { "page[size]": 1 } } })),
  );
  check(refused.status === 401 && refused.code === "unauthorized", `a wrong key: ${refused.message}`);

  done(
    current,
    `${missing.status} ${missing.code ?? "?"} (${field ?? "no field"}), ` +
      `404 ${unknown.code ?? "?"}, 401 ${refused.code ?? "?"}`,
  );
}

async function main(): Promise<void> {
  const baseUrl = env("SIGNET_URL");
  const apiKey = env("SIGNET_API_KEY");
  const pdfPath = env("SIGNET_SAMPLE_PDF");
  check(apiKey.startsWith("sk_test_"), "SIGNET_API_KEY must be a test-mode key (sk_test_…)");
  const client = createSignetClient({ baseUrl, apiKey });

  await persons(client);
  await identification(client);
  await screening(client);
  const receiver = await Receiver.start();
  try {
    const endpointId = await webhooks(client, receiver);
    try {
      await document(client, pdfPath);
    } finally {
      await removeEndpoint(client, endpointId);
    }
  } finally {
    await receiver.close();
  }
  await errors(client, baseUrl);
  console.log("story complete");
}

function describe(e: unknown): string {
  if (e instanceof SignetError) return `${e.message}${e.requestId ? ` [request ${e.requestId}]` : ""}`;
  if (e instanceof StoryFailure) return e.message;
  if (e instanceof Error) {
    // fetch reports a refused connection as "fetch failed" with the reason in `cause`.
    const cause = e.cause instanceof Error ? ` (${e.cause.message})` : "";
    return `${e.name}: ${e.message}${cause}`;
  }
  return String(e);
}

main().catch((e: unknown) => {
  console.error(`FAIL ${current.padEnd(14)} ${describe(e)}`);
  process.exit(1);
});
