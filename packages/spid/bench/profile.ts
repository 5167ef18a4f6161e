// Profiling driver (not part of `npm run bench`): civico's full validation only, on N pre-built
// Responses, profiled through node:inspector around the validations alone (not the building).
// Usage: npx tsx --conditions=@civico/source bench/profile.ts [N] [out.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createBenchSetup } from './build-responses.js';

const count = Number(process.argv[2] ?? 400);
const out = process.argv[3] ?? 'validate.cpuprofile';
const setup = createBenchSetup();
const responses = await setup.build(count + 20);
// Warm-up (JIT, the schema validator's first load), not profiled.
for (const r of responses.splice(0, 20)) await setup.sp.validateResponse({ form: r.form, session: r.session });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
for (const r of responses) await setup.sp.validateResponse({ form: r.form, session: r.session });
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.log(`${count} validations, ${((used.user + used.system) / 1000 / count).toFixed(3)} CPU ms/op (profiled)`);
