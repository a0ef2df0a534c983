import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyFamily, sameFamily } from "./body-family.ts";

test("a committee named for its parent body is in that body's family; unrelated bodies are not", () => {
  // Limerick City and County Council's bodies in the bundled examples
  assert.ok(sameFamily("Joint Policing Sub Committee of the Municipal District of Cappamore-Kilmallock", "Municipal District of Cappamore-Kilmallock"));
  assert.ok(sameFamily("Municipal District of Cappamore-Kilmallock", "Joint Policing Sub Committee of the Municipal District of Cappamore-Kilmallock"));
  assert.ok(!sameFamily("Cabinet", "Planning Committee"));
  // a shared ending that is not "of <name>" is no relation
  assert.ok(!sameFamily("Municipal District of Newcastle West", "Municipal District of Cappamore-Kilmallock"));
  assert.ok(!sameFamily("Planning Committee", "Committee"));
  const bodies = [
    { id: 1, name: "Municipal District of Cappamore-Kilmallock" },
    { id: 2, name: "Joint Policing Sub Committee of the Municipal District of Cappamore-Kilmallock" },
    { id: 3, name: "Home and Social Development SPC" },
  ];
  assert.deepEqual(bodyFamily(2, bodies), [1, 2]);
  assert.deepEqual(bodyFamily(3, bodies), [3]);
});

test("names written differently still name one body; names alike in form are different bodies", () => {
  // Limerick writes its districts with the hyphen spaced, unspaced or as a dash, and a name may carry the
  // sentence's full stop or a different case
  assert.ok(sameFamily("Municipal District of Adare - Rathkeale", "Municipal District of Adare-Rathkeale"));
  assert.ok(sameFamily("Joint Policing Sub Committee of the Municipal District of Cappamore – Kilmallock", "Municipal District of Cappamore-Kilmallock."));
  assert.ok(sameFamily("Planning Committee", "PLANNING COMMITTEE"));
  // same shape, different district
  assert.ok(!sameFamily("Municipal District of Adare-Rathkeale", "Municipal District of Cappamore-Kilmallock"));
  // "… Committee of <body>" without "the"
  assert.ok(sameFamily("Strategic Policy Committee of Limerick City and County Council", "Limerick City and County Council"));
  assert.ok(sameFamily("Limerick City and County Council", "Strategic Policy Committee of Limerick City and County Council"));
});

test("a body whose name has no letters or digits is family only to itself, and an unknown body only to itself", () => {
  assert.ok(!sameFamily("—", "–"));
  assert.ok(!sameFamily("", "Cabinet"));
  assert.ok(!sameFamily("Cabinet", ""));
  const bodies = [
    { id: 1, name: "—" },
    { id: 2, name: "–" },
    { id: 3, name: "Cabinet" },
  ];
  assert.deepEqual(bodyFamily(1, bodies), [1]);
  assert.deepEqual(bodyFamily(9, bodies), [9]);
});
