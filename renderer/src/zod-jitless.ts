import { z } from 'zod';

// Zod probes `new Function` when it defines an object schema, to decide whether to compile fast parsers.
// Under the renderer's CSP (no unsafe-eval) that probe is blocked and reported as a CSP violation;
// jitless mode skips it. Imported first by every renderer entry (window and worker), before any schema.
z.config({ jitless: true });
