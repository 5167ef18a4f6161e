// Worker of hostile-input.test.ts: calls every string-taking function of @civico/core (from source, through
// tsx) with 10 MB strings and reports each outcome. It runs in a worker with a memory cap, and the test
// terminates it after a time limit, so a superlinear scan or a crash fails the test instead of hanging it.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const core = {
  ...(await import(new URL('../../src/internal-entry.ts', import.meta.url).href)),
  ...(await import(new URL('../../src/index.ts', import.meta.url).href)),
};

/** Calls with one huge string `s`; each returns a small, clonable summary of the answer. */
const CALLS = {
  inspectFiscalCode: (s) => {
    const r = core.inspectFiscalCode(s);
    return { ok: r.ok, normalized: r.normalized, issues: r.issues.map((i) => i.code) };
  },
  isValidFiscalCode: (s) => core.isValidFiscalCode(s),
  parseFiscalCode: (s) => core.parseFiscalCode(s),
  FiscalCodeSchema: (s) => core.FiscalCodeSchema.safeParse(s).success,
  decodeFiscalCode: (s) => core.decodeFiscalCode(s),
  normalizeOmocodia: (s) => core.normalizeOmocodia(s),
  computeFiscalCode: (s) =>
    core.computeFiscalCode({ surname: s, name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlace: 'H501' }),
  'computeFiscalCode(birthPlace)': (s) =>
    core.computeFiscalCode({ surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlace: s }),
  inspectIban: (s) => core.inspectIban(s),
  isValidIban: (s) => core.isValidIban(s),
  parseIban: (s) => core.parseIban(s),
  inspectVatNumber: (s) => core.inspectVatNumber(s),
  isValidVatNumber: (s) => core.isValidVatNumber(s),
  parseEntityFiscalCode: (s) => core.parseEntityFiscalCode(s),
  'inspectEntityFiscalCode(checkDigit: warn)': (s) => core.inspectEntityFiscalCode(s, { checkDigit: 'warn' }),
  parseIpaCode: (s) => core.parseIpaCode(s),
  isValidOfficeCode: (s) => core.isValidOfficeCode(s),
  parseSdiCode: (s) => core.parseSdiCode(s),
  findMunicipalities: (s) => core.findMunicipalities(s),
  'findMunicipalities(province)': (s) => core.findMunicipalities('Roma', { province: s }),
  findForeignStates: (s) => core.findForeignStates(s),
  getMunicipalityByBelfiore: (s) => core.getMunicipalityByBelfiore(s) ?? null,
  getMunicipalityHistory: (s) => core.getMunicipalityHistory(s),
  getMunicipalityByIstat: (s) => core.getMunicipalityByIstat(s) ?? null,
  getForeignState: (s) => core.getForeignState(s) ?? null,
  getRegion: (s) => core.getRegion(s) ?? null,
  redactUrl: (s) => core.redactUrl(s).length,
};

const results = [];
for (const unit of workerData.units) {
  const huge = unit.repeat(Math.ceil(workerData.length / unit.length));
  for (const [name, call] of Object.entries(CALLS)) {
    let outcome;
    try {
      outcome = { returned: call(huge) };
    } catch (err) {
      outcome = core.CoreError.isInstance(err)
        ? { code: err.code, field: err.field ?? null }
        : { untyped: err instanceof Error ? `${err.name}: ${err.message}` : typeof err };
    }
    results.push({ unit, name, ...outcome });
  }
}
parentPort.postMessage(results);
