// The benchmark's database: committed migrations + the demo seed (env: DATA_DIR; run by bench/run.ts).
import { prepareDatabase } from "../scripts/lib/prepare-database";

await prepareDatabase();
