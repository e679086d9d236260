import { z } from "zod";

// zod 4 probes for `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval')
// that probe is reported as a violation in the browser. Parse without it everywhere.
z.config({ jitless: true });
