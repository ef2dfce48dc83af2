import { test } from "node:test";
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { verifyWebhook, WebhookVerificationError, WEBHOOK_EVENT_TYPES } from "../src/index.js";

// The Standard Webhooks specification's test vector.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP = 1614265330;
const PAYLOAD = '{"test": 2432232314}';
const SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

test("the library signs the specification's test vector", () => {
  const signature = new Webhook(SECRET).sign(MSG_ID, new Date(TIMESTAMP * 1000), PAYLOAD);
  assert.equal(signature, SIGNATURE);
});

const event = {
  id: "msg_2b4c",
  type: "person.created",
  created_at: "2026-01-01T00:00:00Z",
  data: { id: "7cf09c3c5547b974a664201f24b454eecper", first_name: "Erika", last_name: "Mustermann" },
};

function signed(body: string, at = Math.floor(Date.now() / 1000), id = "msg_2b4c") {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(at),
    "webhook-signature": new Webhook(SECRET).sign(id, new Date(at * 1000), body),
  };
}

test("a fresh delivery verifies and its event is typed by its type", () => {
  const body = JSON.stringify(event);
  const verified = verifyWebhook(SECRET, body, signed(body));
  assert.equal(verified.type, "person.created");
  if (verified.type === "person.created") assert.equal(verified.data.first_name, "Erika");
});

test("headers are read from a Headers object, in any case, and from bytes", () => {
  const body = JSON.stringify(event);
  const headers = new Headers(signed(body));
  assert.equal(verifyWebhook(SECRET, new TextEncoder().encode(body), headers).id, "msg_2b4c");
  const upper = Object.fromEntries(Object.entries(signed(body)).map(([k, v]) => [k.toUpperCase(), v]));
  assert.equal(verifyWebhook(SECRET, body, upper).id, "msg_2b4c");
});

test("one of several signatures, as after a rotation, is enough", () => {
  const body = JSON.stringify(event);
  const headers = signed(body);
  headers["webhook-signature"] = `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${headers["webhook-signature"]}`;
  assert.equal(verifyWebhook(SECRET, body, headers).type, "person.created");
});

test("a changed body is refused", () => {
  const body = JSON.stringify(event);
  assert.throws(
    () => verifyWebhook(SECRET, body.replace("Erika", "Erica"), signed(body)),
    WebhookVerificationError,
  );
});

test("another secret is refused", () => {
  const body = JSON.stringify(event);
  assert.throws(
    () => verifyWebhook("whsec_" + Buffer.from("another secret").toString("base64"), body, signed(body)),
    WebhookVerificationError,
  );
});

test("the test vector's old timestamp is refused", () => {
  const headers = { "webhook-id": MSG_ID, "webhook-timestamp": String(TIMESTAMP), "webhook-signature": SIGNATURE };
  assert.throws(() => verifyWebhook(SECRET, PAYLOAD, headers), /too old/);
});

test("missing headers are refused", () => {
  const body = JSON.stringify(event);
  const { "webhook-signature": _dropped, ...rest } = signed(body);
  assert.throws(() => verifyWebhook(SECRET, body, rest), WebhookVerificationError);
});

test("a signed body that is not a Signet event is refused", () => {
  const body = JSON.stringify({ ...event, type: "person.deleted" });
  assert.throws(() => verifyWebhook(SECRET, body, signed(body)), /not a Signet event/);
  assert.throws(() => verifyWebhook(SECRET, PAYLOAD, signed(PAYLOAD)), /not a Signet event/);
});

test("every event type is listed once", () => {
  assert.equal(new Set(WEBHOOK_EVENT_TYPES).size, WEBHOOK_EVENT_TYPES.length);
});
