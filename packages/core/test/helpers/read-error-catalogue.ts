import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One row of a `docs/errors.md` table. */
export interface ErrorCatalogueRow {
  /** The code, without backticks. */
  readonly code: string;
  /** The error class, without backticks. */
  readonly className: string;
}

/**
 * Reads the `## <section>` table of the repository's `docs/errors.md` (columns
 * `Code | Class | Thrown by | Meaning | What to do`). Copy this file into other packages' `test/helpers/`.
 *
 * @param section - the package section, e.g. `core`, `pagopa`
 * @param file - the catalogue, by default `docs/errors.md` three levels up from this file
 */
export function readErrorCatalogue(
  section: string,
  file: URL = new URL('../../../../docs/errors.md', import.meta.url),
): readonly ErrorCatalogueRow[] {
  const text = readFileSync(fileURLToPath(file), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${section}`);
  if (start === -1) throw new Error(`docs/errors.md has no "## ${section}" section`);
  const rows: ErrorCatalogueRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    // cells[0] is the empty string before the leading pipe; skip header and separator rows.
    const code = cells[1]?.replace(/`/g, '') ?? '';
    if (!/^ERR_[A-Z0-9_]+$/.test(code)) continue;
    rows.push({ code, className: cells[2]?.replace(/`/g, '') ?? '' });
  }
  return rows;
}
