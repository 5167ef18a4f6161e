import { normalizePlaceName } from './normalize-place-name.js';
import { getForeignStateTable, getMunicipalityIndex } from './territory-index.js';

let byName: Map<string, number[]> | undefined;
let byIstat: Map<number, number[]> | undefined;
let statesByName: Map<string, string[]> | undefined;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};

/** Record ids whose name or alternative name folds to `folded`. Built on first use. @internal */
export function recordsByName(folded: string): readonly number[] {
  if (byName === undefined) {
    const idx = getMunicipalityIndex();
    const map = new Map<string, number[]>();
    const folds = idx.names.map(normalizePlaceName);
    for (let i = 0; i < idx.name.length; i++) {
      push(map, folds[idx.name[i] ?? 0] ?? '', i);
      const alt = idx.altName[i] ?? 0;
      if (alt !== 0) push(map, folds[alt] ?? '', i);
    }
    byName = map;
  }
  return byName.get(folded) ?? [];
}

/** Record ids with an ISTAT code. Built on first use. @internal */
export function recordsByIstat(istat: number): readonly number[] {
  if (byIstat === undefined) {
    const idx = getMunicipalityIndex();
    const map = new Map<number, number[]>();
    for (let i = 0; i < idx.istat.length; i++) push(map, idx.istat[i] ?? 0, i);
    byIstat = map;
  }
  return byIstat.get(istat) ?? [];
}

/** Foreign-state codes whose name folds to `folded`. Built on first use. @internal */
export function foreignStatesByName(folded: string): readonly string[] {
  if (statesByName === undefined) {
    const map = new Map<string, string[]>();
    for (const row of getForeignStateTable()) if (row !== undefined) push(map, normalizePlaceName(row.name), row.code);
    statesByName = map;
  }
  return statesByName.get(folded) ?? [];
}
