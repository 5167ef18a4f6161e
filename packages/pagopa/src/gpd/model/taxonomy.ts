const FULL = /^[6789]\/\d{7}(IM|TS|SP|SA|AP)\/$/;
const BARE = /^\d{7}(IM|TS|SP|SA|AP)$/;

/**
 * The taxonomy code in its full form (`9/0101101IM/`): a bare `0101101IM` gets the standard `9/`
 * prefix; a full code (prefix 6, 7, 8 or 9) is kept. `undefined` when it is neither.
 * @internal
 */
export function normalizeTaxonomy(code: string): string | undefined {
  if (FULL.test(code)) return code;
  if (BARE.test(code)) return `9/${code}/`;
  return undefined;
}
