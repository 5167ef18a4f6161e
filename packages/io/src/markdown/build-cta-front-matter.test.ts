import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IoError } from '../errors.js';
import { buildCtaFrontMatter } from './build-cta-front-matter.js';
import { lintIoMarkdown } from './lint-io-markdown.js';
import { parseFrontMatter, splitFrontMatter } from './parse-front-matter.js';

const BODY = 'Gentile cittadina, gentile cittadino, puoi prenotare un appuntamento presso gli uffici comunali.';

describe('buildCtaFrontMatter()', () => {
  it('builds the documented YAML layout', () => {
    const fm = buildCtaFrontMatter({
      it: { cta1: { text: 'Prenota', action: 'iohandledlink://https://www.comune.example.it/prenota' } },
      en: { cta1: { text: 'Book', action: 'iohandledlink://https://www.comune.example.it/prenota' } },
    });
    expect(fm).toBe(
      '---\nit:\n  cta_1:\n    text: "Prenota"\n    action: "iohandledlink://https://www.comune.example.it/prenota"\n' +
        'en:\n  cta_1:\n    text: "Book"\n    action: "iohandledlink://https://www.comune.example.it/prenota"\n---\n',
    );
  });

  it('rejects an action the app would hide, naming the field', () => {
    const build = () => buildCtaFrontMatter({ it: { cta1: { text: 'Chiama', action: 'tel:+39010' } } });
    expect(build).toThrow(IoError);
    expect(build).toThrow(expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'it.cta1.action' }));
  });

  it('round-trips any label through the linter and the parser', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((t) => t.trim() === t && t.length > 0 && !/\p{Cc}/u.test(t));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const fm = buildCtaFrontMatter({
          it: { cta1: { text: a, action: 'ioit://PROFILE_MAIN' }, cta2: { text: b, action: 'iohandledlink://copy:X' } },
        });
        expect(lintIoMarkdown(fm + BODY).ok).toBe(true);
        const yaml = splitFrontMatter(fm + BODY).yaml ?? '';
        expect(parseFrontMatter(yaml)).toEqual({
          it: {
            cta_1: { text: a, action: 'ioit://PROFILE_MAIN' },
            cta_2: { text: b, action: 'iohandledlink://copy:X' },
          },
        });
      }),
      { numRuns: 200 },
    );
  });
});
