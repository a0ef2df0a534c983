import { test } from "node:test";
import assert from "node:assert/strict";
import { oneLine, QuorumError } from "./errors.ts";

test("a QuorumError's message is one line and carries its code", () => {
  const e = new QuorumError("unreadable", "cannot read minutes.pdf:\n  no text layer", { cause: new Error("x") });
  assert.equal(e.message, "cannot read minutes.pdf: no text layer");
  assert.equal(e.code, "unreadable");
  assert.equal(e.name, "QuorumError");
  assert.equal(oneLine(e), "cannot read minutes.pdf: no text layer");
});

test("any other thrown value gives its first line, at most 300 characters, never empty", () => {
  assert.equal(oneLine(new Error("ENOENT: no such file\n    at open (node:fs)")), "ENOENT: no such file");
  assert.equal(oneLine("plain text thrown"), "plain text thrown");
  assert.equal(oneLine(new Error("")), "unexpected error");
  assert.equal(oneLine(new Error("\nsecond line")), "unexpected error");
  assert.equal(oneLine(new Error("x".repeat(301))), "x".repeat(300));
});
