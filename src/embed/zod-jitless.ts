// Imported first by validate-remote.ts, before any schema is built: zod decides at schema
// construction whether to compile parsers with `new Function`, and its probe for that is
// reported as a CSP violation on host pages without 'unsafe-eval', even though it is caught.
import { config } from "zod";

config({ jitless: true });
