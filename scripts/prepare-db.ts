import { prepareDatabase } from "./lib/prepare-db";
import { runMain } from "./lib/run";

runMain(() => prepareDatabase());
