import { normalizePlaceName } from './normalize-place-name.js';
import { FOLDED_NAMES } from './territory-data.generated.js';
import { getForeignStateTable, getMunicipalityIndex } from './territory-index.js';

// Look-ups by name and ISTAT code scan the typed arrays (~16,000 records, tens of microseconds)
// instead of building hash indexes, which would cost more at first use than most callers ever save.

let foldedNames: readonly string[] | undefined;

/** Archive names folded by normalizePlaceName (precomputed by the build script), by name id. @internal */
export function getFoldedNames(): readonly string[] {
  if (foldedNames === undefined) {
    const folds = [...getMunicipalityIndex().names];
    for (const entry of FOLDED_NAMES.split('|')) {
      const colon = entry.indexOf(':');
      folds[Number(entry.slice(0, colon))] = entry.slice(colon + 1);
    }
    foldedNames = folds;
  }
  return foldedNames;
}

/** Record ids whose name or alternative name folds to `folded`. @internal */
export function recordsByName(folded: string): number[] {
  const folds = getFoldedNames();
  const ids = new Set<number>();
  for (let id = 1; id < folds.length; id++) if (folds[id] === folded) ids.add(id);
  const out: number[] = [];
  if (ids.size === 0) return out;
  const idx = getMunicipalityIndex();
  for (let i = 0; i < idx.name.length; i++) {
    if (ids.has(idx.name[i] ?? 0) || ids.has(idx.altName[i] ?? 0)) out.push(i);
  }
  return out;
}

/** Record ids with an ISTAT code. @internal */
export function recordsByIstat(istat: number): number[] {
  const codes = getMunicipalityIndex().istat;
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) if (codes[i] === istat) out.push(i);
  return out;
}

/** Foreign-state codes whose name folds to `folded`. @internal */
export function foreignStatesByName(folded: string): string[] {
  const out: string[] = [];
  for (const row of getForeignStateTable())
    if (row !== undefined && normalizePlaceName(row.name) === folded) out.push(row.code);
  return out;
}
