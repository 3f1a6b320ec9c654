import { z } from "zod";

// Runs in the browser before the app's code. zod 4 probes `Function("")` to decide whether to
// compile its parsers; the pages' Content-Security-Policy forbids eval, so that probe is blocked
// and reported as a violation on every page that validates a form. Parsing without it is as exact.
z.config({ jitless: true });
