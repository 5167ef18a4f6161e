import { CoreError } from '../errors/core-error.js';
import { requireString } from '../internal/require-string.js';
import { inspectPersonal } from './fiscal-code-checks.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import { checkCharCode, DIGIT_VALUE, OMOCODE_INDEXES, OMOCODE_LETTERS } from './fiscal-code-tables.js';
import { normalizeFiscalCodeInput } from './inspect-fiscal-code.js';

/** Normalises and structurally checks a 16-character code; the birthplace is not looked up. */
function structural(code: unknown): string {
  const s = normalizeFiscalCodeInput(requireString(code, 'code'));
  if (s.length === 16 && inspectPersonal(s, undefined, false)) return s;
  throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', 'Invalid codice fiscale', {});
}

/** Applies omocodia `mask` to the digits of `base` and recomputes the check character. */
function withMask(base: string, mask: number): string {
  const chars = base.split('');
  for (let b = 0; b < 7; b++) {
    const i = OMOCODE_INDEXES[b] ?? 0;
    const d = DIGIT_VALUE[base.charCodeAt(i)] ?? 0;
    chars[i] = (mask >> b) & 1 ? (OMOCODE_LETTERS[d] ?? '') : String(d);
  }
  const body = chars.slice(0, 15).join('');
  return body + String.fromCharCode(checkCharCode(body));
}

/**
 * Removes omocodia: turns the substitution letters back into digits and recomputes the check
 * character (`BNZVCN32S10E57PV` → `BNZVCN32S10E573Z`).
 *
 * @remarks
 * Checks the structure (characters, month, day, date, check character) but does not look up the
 * birthplace. A code without omocodia is returned normalised.
 * @throws {@link CoreError} `ERR_CORE_INVALID_FISCAL_CODE` when the input is not a structurally valid
 *   personal code; `ERR_CORE_INVALID_INPUT` when it is not a string.
 * @example
 * ```ts
 * import { normalizeOmocodia } from '@civico/core';
 * normalizeOmocodia('CNTFNC84R44H5L1E'); // 'CNTFNC84R44H501T'
 * ```
 * @param code - a 16-character codice fiscale
 * @group Identifiers
 */
export function normalizeOmocodia(code: string): FiscalCode {
  return withMask(structural(code), 0) as FiscalCode;
}

/**
 * Lists all 128 omocodic forms of a codice fiscale, index = omocodia mask (bit 0 = 15th character …
 * bit 6 = 7th), so element 0 is the base code.
 *
 * @remarks
 * The Agenzia delle Entrate assigns from the right, but any subset of the seven positions is legal
 * and has been issued, so all 2^7 forms are returned. Structural checks only, as in
 * {@link normalizeOmocodia}.
 * @throws {@link CoreError} `ERR_CORE_INVALID_FISCAL_CODE` when the input is not a structurally valid
 *   personal code; `ERR_CORE_INVALID_INPUT` when it is not a string.
 * @example
 * ```ts
 * import { omocodiaVariants } from '@civico/core';
 * const all = omocodiaVariants('CCCFBA85D03L219P');
 * all[1]; // 'CCCFBA85D03L21VE'
 * all[127]; // 'CCCFBAURDLPLNMVU'
 * ```
 * @param code - a 16-character codice fiscale, omocodic or not
 * @group Identifiers
 */
export function omocodiaVariants(code: string): FiscalCode[] {
  const s = structural(code);
  const out: FiscalCode[] = [];
  for (let mask = 0; mask < 128; mask++) out.push(withMask(s, mask) as FiscalCode);
  return out;
}
