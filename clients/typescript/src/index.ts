/**
 * The Signet API client.
 *
 * Nearly everything here is generated: `schema.d.ts` comes from the server's OpenAPI document
 * (`npm run generate`) and openapi-fetch turns it into a typed `fetch`. This file adds only what
 * the document cannot say by itself: the API key, typed errors that throw, pagination, binary
 * bodies, and webhook verification.
 */
import createClient, { type Client } from "openapi-fetch";
import { Webhook } from "standardwebhooks";
import type { components, operations, paths, webhooks } from "./schema.js";

export type { components, operations, paths, webhooks } from "./schema.js";

// ---------------------------------------------------------------------------------------------
// Schema aliases
// ---------------------------------------------------------------------------------------------

type Schemas = components["schemas"];

export type Person = Schemas["Person"];
export type PersonCreate = Schemas["PersonCreate"];
export type PersonUpdate = Schemas["PersonUpdate"];
export type PersonDocument = Schemas["PersonDocument"];
export type Identification = Schemas["Identification"];
export type IdentificationStatus = Identification["status"];
export type CreateIdentification = Schemas["CreateIdentification"];
export type Attempt = Schemas["Attempt"];
export type Screening = Schemas["Screening"];
export type ScreeningHit = Schemas["ScreeningHit"];
export type ScreeningMatch = Schemas["ScreeningMatch"];
export type ScreeningList = Schemas["ScreeningList"];
export type ScreeningSearchResult = Schemas["ScreeningSearchResult"];
export type SearchRequest = Schemas["SearchRequest"];
export type DecisionRequest = Schemas["DecisionRequest"];
export type Document = Schemas["Document"];
export type DocumentStatus = Document["status"];
export type CreateDocument = Schemas["CreateDocument"];
export type Signer = Schemas["Signer"];
export type SignerStatus = Signer["status"];
export type SignerDetail = Schemas["SignerDetail"];
export type Approval = Schemas["Approval"];
export type AuditTrail = Schemas["AuditTrail"];
export type AuditEntry = Schemas["AuditEntry"];
export type VerificationReport = Schemas["VerificationReport"];
export type SignatureCheck = Schemas["SignatureCheck"];
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
export type CreateWebhook = Schemas["CreateWebhook"];
export type UpdateWebhook = Schemas["UpdateWebhook"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type DocumentEvent = Schemas["DocumentEvent"];
export type Clock = Schemas["Clock"];
export type Code = Schemas["Code"];
export type ErrorBody = Schemas["ErrorBody"];
export type ErrorObject = Schemas["ErrorObject"];
export type ErrorCode = ErrorObject["code"];

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/** An openapi-fetch client typed by the Signet API's paths. */
export type SignetClient = Client<paths>;

export interface SignetClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:8080` (paths begin with `/v1/`). */
  baseUrl: string;
  /** An API key: `sk_test_…` (test mode) or `sk_live_…`. */
  apiKey: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * A client for the Signet API: `client.GET("/v1/persons/{id}", { params: { path: { id } } })`.
 * Every request carries `Authorization: Bearer <apiKey>`.
 */
export function createSignetClient(options: SignetClientOptions): SignetClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const authorization = `Bearer ${options.apiKey}`;
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      return request;
    },
  });
  return client;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * An error answer of the API: its HTTP status and the `errors` of its body, each with a stable
 * `code` (`GET /v1/codes` lists them).
 */
export class SignetError extends Error {
  readonly status: number;
  readonly errors: ErrorObject[];

  constructor(status: number, errors: ErrorObject[], message?: string) {
    const first = errors[0];
    super(
      message ??
        (first
          ? `${status} ${first.code}: ${first.detail}${first.source ? ` (${first.source.field})` : ""}`
          : `HTTP ${status}`),
    );
    this.name = "SignetError";
    this.status = status;
    this.errors = errors;
  }

  /** The first error's code, the usual thing to branch on. */
  get code(): ErrorCode | undefined {
    return this.errors[0]?.code;
  }

  /** The request id the server logged the error under. */
  get requestId(): string | undefined {
    return this.errors[0]?.id;
  }

  /** Whether some error of the answer carries `code`. */
  has(code: ErrorCode): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("errors" in body)) return false;
  const errors: unknown = body.errors;
  return (
    Array.isArray(errors) &&
    errors.every(
      (e: unknown) =>
        typeof e === "object" && e !== null && "code" in e && typeof e.code === "string",
    )
  );
}

/** What openapi-fetch answers: `data` on success, `error` otherwise, and the response. */
export type ApiResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

type DataOf<R> = R extends { data: infer D } ? ([D] extends [never] ? undefined : D) : never;

/**
 * The data of a successful answer, or a thrown {@link SignetError}:
 * `const person = unwrap(await client.GET("/v1/persons/{id}", { params: { path: { id } } }))`.
 */
export function unwrap<R extends ApiResult<unknown>>(result: R): DataOf<R> {
  const { response } = result;
  if (!response.ok) throw errorOf(response, result.error);
  return result.data as DataOf<R>;
}

function errorOf(response: Response, body: unknown): SignetError {
  if (isErrorBody(body)) return new SignetError(response.status, body.errors);
  const text = typeof body === "string" && body.length > 0 ? `: ${body.slice(0, 200)}` : "";
  return new SignetError(response.status, [], `HTTP ${response.status} ${response.statusText}${text}`);
}

// ---------------------------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------------------------

/** The query of one page of a list route. */
export interface PageQuery {
  "page[number]": number;
  "page[size]": number;
}

/**
 * Every item of a list route, page after page (lists are bare JSON arrays; the last page is
 * shorter than `pageSize`):
 *
 * ```ts
 * for await (const person of paginate((page) => client.GET("/v1/persons", { params: { query: page } }))) { … }
 * ```
 */
export async function* paginate<T>(
  fetchPage: (page: PageQuery) => Promise<ApiResult<T[]>>,
  pageSize = 100,
): AsyncGenerator<T, void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new RangeError("pageSize must be an integer from 1 to 1000");
  }
  for (let number = 1; ; number++) {
    const items = unwrap(await fetchPage({ "page[number]": number, "page[size]": pageSize }));
    yield* items;
    if (items.length < pageSize) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Binary bodies
// ---------------------------------------------------------------------------------------------

async function bytesOf(result: ApiResult<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(unwrap(result));
}

/** A document's PDF as signed so far (`GET /v1/documents/{id}/file`). */
export async function downloadDocument(client: SignetClient, id: string): Promise<Uint8Array> {
  return bytesOf(
    await client.GET("/v1/documents/{id}/file", { params: { path: { id } }, parseAs: "arrayBuffer" }),
  );
}

/** A document's audit trail as a sealed PDF (`GET /v1/documents/{id}/audit.pdf`). */
export async function downloadAuditPdf(client: SignetClient, id: string): Promise<Uint8Array> {
  return bytesOf(
    await client.GET("/v1/documents/{id}/audit.pdf", {
      params: { path: { id } },
      parseAs: "arrayBuffer",
    }),
  );
}

/**
 * A file kept for a person (`GET /v1/persons/{id}/documents/{document_id}/file`): a PDF, an
 * image or JSON, as its content type says.
 */
export async function downloadPersonDocument(
  client: SignetClient,
  personId: string,
  documentId: string,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const result = await client.GET("/v1/persons/{id}/documents/{document_id}/file", {
    params: { path: { id: personId, document_id: documentId } },
    parseAs: "arrayBuffer",
  });
  return {
    bytes: await bytesOf(result),
    contentType: result.response.headers.get("Content-Type") ?? "application/octet-stream",
  };
}

/**
 * Everything Signet holds about a person as a ZIP (`GET /v1/persons/{id}/export`): JSON, ID
 * images, selfies and signed PDFs, with `manifest.json` naming each entry's size and SHA-256.
 * The server streams it; this reads it whole.
 */
export async function exportPerson(client: SignetClient, personId: string): Promise<Uint8Array> {
  return bytesOf(
    await client.GET("/v1/persons/{id}/export", {
      params: { path: { id: personId } },
      parseAs: "arrayBuffer",
    }),
  );
}

/**
 * Verifies a signed PDF (`POST /v1/verify`, the file itself as the body). `anchor: "test"`
 * judges against the test-mode root, for files signed with a test key.
 */
export async function verifyPdf(
  client: SignetClient,
  pdf: Uint8Array,
  anchor?: "live" | "test",
): Promise<VerificationReport> {
  // The document types a binary body as a string (`format: binary`); the serializer hands the
  // bytes to fetch untouched.
  const body = pdf as unknown as Schemas["PdfFile"];
  return unwrap(
    await client.POST("/v1/verify", {
      params: anchor ? { query: { anchor } } : {},
      body,
      bodySerializer: (bytes) => bytes,
      headers: { "Content-Type": "application/pdf" },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

/** The name of every event Signet delivers (the document's `webhooks`). */
export type WebhookEventType = keyof webhooks;

type EnvelopeOf<K extends WebhookEventType> = webhooks[K]["post"] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** A delivered event, `{ id, type, created_at, data }`, its `data` typed by its `type`. */
export type WebhookEvent = { [K in WebhookEventType]: EnvelopeOf<K> }[WebhookEventType];

/** The event of one type: `WebhookEventOf<"person.created">["data"]` is a `Person`. */
export type WebhookEventOf<K extends WebhookEventType> = Extract<WebhookEvent, { type: K }>;

/** Every event type, at run time; checked against the generated names below. */
export const WEBHOOK_EVENT_TYPES = [
  "person.created",
  "person.updated",
  "identification.status_changed",
  "signature.status_changed",
  "document.created",
  "document.signer_signed",
  "document.signer_rejected",
  "document.rejected",
  "document.blocked",
  "document.expired",
  "document.finished",
  "document.signer_reminded",
  "document.deleted",
  "screening.completed",
  "screening.hit_created",
  "screening.hit_decided",
  "webhook.endpoint_disabled",
  "template.created",
  "template.updated",
  "template.deleted",
] as const satisfies readonly WebhookEventType[];

// Compile-time checks: the list above names every generated event type, and the subscription
// enum (`CreateWebhook.event_types`) offers exactly those and `*`.
type Missing = Exclude<WebhookEventType, (typeof WEBHOOK_EVENT_TYPES)[number]>;
type Subscribable = CreateWebhook["event_types"][number];
const everyEventListed: [Missing] extends [never] ? true : Missing = true;
const subscriptionsMatch: [Exclude<Subscribable, "*">] extends [WebhookEventType]
  ? [WebhookEventType] extends [Exclude<Subscribable, "*">]
    ? true
    : false
  : false = true;
void everyEventListed;
void subscriptionsMatch;

/** Headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object gives them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** A delivery that is not signed by the endpoint's secret, too old, or not an event. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

function signatureHeaders(headers: WebhookHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS) {
    let value: string | string[] | null | undefined;
    if (headers instanceof Headers) {
      value = headers.get(name);
    } else {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
      value = key === undefined ? undefined : headers[key];
    }
    if (Array.isArray(value)) value = value.join(" ");
    if (value) out[name] = value;
  }
  return out;
}

function isKnownType(type: unknown): type is WebhookEventType {
  return WEBHOOK_EVENT_TYPES.some((known) => known === type);
}

function isEvent(body: unknown): body is WebhookEvent {
  return (
    typeof body === "object" &&
    body !== null &&
    "id" in body &&
    typeof body.id === "string" &&
    "type" in body &&
    isKnownType(body.type) &&
    "created_at" in body &&
    typeof body.created_at === "string" &&
    "data" in body &&
    typeof body.data === "object" &&
    body.data !== null
  );
}

/**
 * Checks a delivery's Standard Webhooks signature with the endpoint's `whsec_…` secret and
 * returns its event. `rawBody` must be the body exactly as received (not re-serialised JSON).
 * Throws {@link WebhookVerificationError} when the signature does not match, the timestamp is
 * more than five minutes away, or the body is not a Signet event.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
): WebhookEvent {
  let body: unknown;
  try {
    body = new Webhook(secret).verify(rawBody, signatureHeaders(headers));
  } catch (e) {
    throw new WebhookVerificationError(e instanceof Error ? e.message : String(e));
  }
  if (!isEvent(body)) throw new WebhookVerificationError("the body is not a Signet event");
  return body;
}
