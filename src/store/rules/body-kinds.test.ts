import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyKind } from "./body-kinds.ts";

test("body kinds from the names councils give their bodies", () => {
  const cases: [string, string][] = [
    ["Libraries Task & Finish Group", "task and finish group"],
    ["Planning Subcommittee", "sub-committee"],
    ["Licensing Sub Committee", "sub-committee"],
    ["Overview and Scrutiny Management Committee", "scrutiny committee"],
    ["Health Scrutiny Panel", "scrutiny committee"],
    ["Home and Social Development SPC", "strategic policy committee"],
    ["Economic Development Strategic Policy Committee", "strategic policy committee"],
    ["Municipal District of Cappamore-Kilmallock", "municipal district"],
    ["Metropolitan District of Limerick", "municipal district"],
    ["Stoke Ferry Parish Council", "parish council"],
    ["Downham Market Town Council", "town council"],
    ["Executive", "cabinet"],
    ["Pensions Panel", "panel"],
    ["Health and Wellbeing Board", "board"],
    ["Planning Committee", "committee"],
    ["Council", "full council"],
    ["Full Council", "full council"],
    ["County Council Meeting", "full council"],
    ["Clare County Council", "full council"],
    ["Township of Langley Council", "full council"],
    ["Meeting of the Full Council of Limerick", "full council"],
    ["Annual Parish Meeting", "other"],
    ["Council Tax Support", "other"],
  ];
  for (const [name, kind] of cases) assert.equal(bodyKind(name), kind, name);
});
