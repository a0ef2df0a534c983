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
