// Part 1: @civico/core — the identifiers every municipal system handles.
import { decodeFiscalCode, findMunicipalities, formatIban, getItalianIbanParts, parseIban } from '@civico/core';

/** Decodes a codice fiscale, validates an IBAN and looks up a comune; returns the printed lines. */
export function runCoreDemo(): string[] {
  const lines: string[] = ['— @civico/core'];

  // A synthetic codice fiscale (the classic textbook example), decoded with its birthplace as it was
  // at the birth date. The century is resolved against today.
  const person = decodeFiscalCode('RSSMRA85T10A562S');
  const place =
    person.birthplace.kind === 'municipality'
      ? `${person.birthplace.municipality.name} (${person.birthplace.municipality.province})`
      : person.birthplace.kind === 'foreign-state'
        ? person.birthplace.state.name
        : 'unknown place';
  lines.push(`codice fiscale RSSMRA85T10A562S: sex ${person.sex}, born ${person.birthDate} in ${place}`);

  // parseIban throws a typed CoreError on a bad IBAN; the Italian CIN is checked too.
  const iban = parseIban('it60 x054 2811 1010 0000 0123 456');
  const parts = getItalianIbanParts(iban);
  lines.push(`IBAN ${formatIban(iban)}: valid, ABI ${parts.abi}, CAB ${parts.cab}`);

  // Name look-ups ignore case and accents; `at` picks the name valid at a date.
  for (const comune of findMunicipalities('forli', { at: '2024-01-01' })) {
    lines.push(
      `comune "forli": ${comune.name} (${comune.province}), Belfiore ${comune.belfiore}, ISTAT ${comune.istat}`,
    );
  }
  return lines;
}
