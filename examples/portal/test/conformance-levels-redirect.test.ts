// The kit at SpidL1–L3 × Comparison exact/minimum on HTTP-redirect (public SP): every Response case at each level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLevels } from './support/profile-conformance.js';

describeLevels({ describe, it, expect, beforeAll, afterAll }, 'redirect');
