import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createSignetClient,
  downloadDocument,
  paginate,
  SignetError,
  unwrap,
  verifyPdf,
} from "../src/index.js";

/** A fake server: records each request and answers with `answer`. */
function fake(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const client = createSignetClient({
    baseUrl: "http://signet.test/",
    apiKey: "sk_test_abc",
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

test("every request carries the API key", async () => {
  const { client, requests } = fake(() => json({ id: "p1cper" }));
  const person = unwrap(await client.GET("/v1/persons/{id}", { params: { path: { id: "p1cper" } } }));
  assert.equal(person.id, "p1cper");
  assert.equal(requests[0]?.url, "http://signet.test/v1/persons/p1cper");
  assert.equal(requests[0]?.headers.get("Authorization"), "Bearer sk_test_abc");
});

test("an error answer throws a SignetError with the typed errors", async () => {
  const { client } = fake(() =>
    json(
      {
        errors: [
          {
            id: "req_1",
            status: 400,
            code: "invalid_model",
            title: "Invalid Model",
            detail: "last_name is required",
            source: { field: "last_name", message: "required" },
          },
        ],
      },
      400,
    ),
  );
  await assert.rejects(
    async () =>
      unwrap(await client.POST("/v1/persons", { body: { first_name: "A", last_name: "B" } })),
    (e: unknown) => {
      assert.ok(e instanceof SignetError);
      assert.equal(e.status, 400);
      assert.equal(e.code, "invalid_model");
      assert.equal(e.requestId, "req_1");
      assert.equal(e.errors[0]?.source?.field, "last_name");
      assert.ok(e.has("invalid_model"));
      return true;
    },
  );
});

test("an error answer without a body still throws", async () => {
  const { client } = fake(() => new Response(null, { status: 401, headers: { "Content-Length": "0" } }));
  await assert.rejects(
    async () => unwrap(await client.GET("/v1/persons")),
    (e: unknown) => e instanceof SignetError && e.status === 401 && e.errors.length === 0,
  );
});

test("a 204 unwraps to undefined", async () => {
  const { client } = fake(() => new Response(null, { status: 204 }));
  const gone = unwrap(await client.DELETE("/v1/webhooks/{id}", { params: { path: { id: "w1" } } }));
  assert.equal(gone, undefined);
});

test("paginate walks pages until a short one", async () => {
  const total = 7;
  const { client, requests } = fake((request) => {
    const url = new URL(request.url);
    const number = Number(url.searchParams.get("page[number]"));
    const size = Number(url.searchParams.get("page[size]"));
    const first = (number - 1) * size;
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => ({
      id: `p${first + i}`,
    }));
    return json(ids);
  });
  const ids: string[] = [];
  for await (const p of paginate((page) => client.GET("/v1/persons", { params: { query: page } }), 3)) {
    ids.push(p.id);
  }
  assert.deepEqual(ids, ["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
  assert.equal(requests.length, 3);
  assert.equal(new URL(requests[0]!.url).searchParams.get("page[size]"), "3");
});

test("paginate asks once more after an exactly full last page", async () => {
  const { client, requests } = fake((request) =>
    json(new URL(request.url).searchParams.get("page[number]") === "1" ? [{ id: "a" }, { id: "b" }] : []),
  );
  const ids: string[] = [];
  for await (const p of paginate((page) => client.GET("/v1/persons", { params: { query: page } }), 2)) {
    ids.push(p.id);
  }
  assert.deepEqual(ids, ["a", "b"]);
  assert.equal(requests.length, 2);
});

test("downloads come back as bytes", async () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n…");
  const { client, requests } = fake(
    () => new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } }),
  );
  const bytes = await downloadDocument(client, "d1cdoc");
  assert.deepEqual(bytes, pdf);
  assert.equal(new URL(requests[0]!.url).pathname, "/v1/documents/d1cdoc/file");
});

test("verifyPdf sends the bytes as application/pdf", async () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
  const { client, requests } = fake(() =>
    json({ signatures: [], produced_by_signet: false, test_mode: false }),
  );
  const report = await verifyPdf(client, pdf, "test");
  assert.equal(report.produced_by_signet, false);
  const request = requests[0]!;
  assert.equal(request.method, "POST");
  assert.equal(request.url, "http://signet.test/v1/verify?anchor=test");
  assert.equal(request.headers.get("Content-Type"), "application/pdf");
  assert.deepEqual(new Uint8Array(await request.arrayBuffer()), pdf);
});
