import { config } from "zod/v4/core";

// zod 4 probes for `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval')
// that probe is reported as a violation in the browser. Parse without it everywhere: set on
// zod's core, which zod and zod/mini share (the browser's schemas are zod/mini ones).
config({ jitless: true });
