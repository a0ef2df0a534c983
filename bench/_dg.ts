import { openStore } from "../src/store/db.ts";
import { storeDigest } from "../src/store/digest.ts";
for (const f of process.argv.slice(2)) { const db = await openStore(f); console.log(f, await storeDigest(db)); await db.destroy(); }
