import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintIoMarkdown } from './lint-io-markdown.js';

const BODY = 'Gentile cittadina, gentile cittadino, è disponibile un nuovo documento nella tua area personale.\n';
const cta = (action: string, lang = 'it') =>
  `---\n${lang}:\n  cta_1:\n    text: "Apri"\n    action: "${action}"\n---\n${BODY}`;
const rules = (markdown: string) => lintIoMarkdown(markdown).findings.map((f) => f.rule);

describe('lintIoMarkdown()', () => {
  it('accepts plain documented markdown', () => {
    const result = lintIoMarkdown(`# Titolo\n\n${BODY}\n* uno\n* due\n\n[Sito](https://www.comune.example.it)\n`);
    expect(result).toMatchObject({ ok: true, findings: [] });
  });

  it('accepts each documented CTA action prefix', () => {
    for (const action of [
      'iohandledlink://https://www.comune.example.it/prenota',
      'IOHANDLEDLINK://tel:+390100000000',
      'iohandledlink://mailto:ufficio@comune.example.it',
      'iohandledlink://sms:+390100000000',
      'iohandledlink://copy:ABC123',
      'ioit://PROFILE_MAIN',
      'iosso://https://servizi.comune.example.it/login',
    ]) {
      expect(lintIoMarkdown(cta(action)).ok, action).toBe(true);
    }
  });

  it('rejects CTA actions the app would hide', () => {
    for (const action of [
      'https://www.comune.example.it',
      'iohandledlink://ftp:x',
      'iohandledlink://tel:',
      'ioit://',
      'iosso://',
      'iosso://servizi.comune.example.it',
    ]) {
      expect(rules(cta(action)), action).toContain('cta-action');
    }
  });

  it('warns about http:// behind iohandledlink://', () => {
    const result = lintIoMarkdown(cta('iohandledlink://http://www.comune.example.it'));
    expect(result.ok).toBe(true);
    expect(result.findings[0]).toMatchObject({ rule: 'cta-action', severity: 'warning', path: 'it.cta_1.action' });
  });

  it('rejects front matter without it, without cta_1, unterminated or unreadable', () => {
    expect(rules(cta('ioit://PROFILE_MAIN', 'en'))).toContain('cta-missing-it');
    expect(rules(`---\nit:\n  cta_2:\n    text: "A"\n    action: "ioit://X"\n---\n${BODY}`)).toContain(
      'cta-missing-cta-1',
    );
    expect(rules(`---\nit:\n  cta_1:\n    text: "A"\n${BODY}`)).toContain('cta-unterminated');
    expect(lintIoMarkdown(`---\n${BODY}`)).toMatchObject({
      ok: true,
      findings: [{ rule: 'cta-unterminated', severity: 'warning' }],
    });
    expect(rules(`---\nit: [1, 2]\n---\n${BODY}`)).toContain('cta-yaml');
    expect(rules(`---\nit:\n  cta_1:\n    text: "A"\n     action: "ioit://X"\n---\n${BODY}`)).toContain('cta-yaml');
  });

  it('does not let a __proto__ key stand in for the it block or its CTAs', () => {
    const nested = (outer: string, inner: string) =>
      `---\n${outer}:\n  ${inner}:\n    cta_1:\n      text: "A"\n      action: "ioit://X"\n---\n${BODY}`;
    expect(lintIoMarkdown(nested('__proto__', 'it')).ok).toBe(false);
    expect(rules(nested('__proto__', 'it'))).toContain('cta-missing-it');
    expect(rules(nested('it', '__proto__'))).toContain('cta-missing-cta-1');
  });

  it('rejects front matter that does not start at the first character', () => {
    expect(rules(`\n---\nit:\n  cta_1:\n    text: "A"\n    action: "ioit://X"\n---\n${BODY}`)).toContain(
      'cta-not-at-start',
    );
  });

  it('warns about markdown the app does not render', () => {
    const md = `${BODY}\n#### Quattro\n\n<br>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~no~~ [tel](tel:+39010)\n`;
    expect(rules(md)).toEqual(
      expect.arrayContaining(['heading-level', 'html', 'table', 'strikethrough', 'link-scheme']),
    );
    expect(lintIoMarkdown(md).ok).toBe(true);
  });

  it('counts length like IO (UTF-16) and gives the e-mail excerpt without front matter', () => {
    const result = lintIoMarkdown(cta('ioit://PROFILE_MAIN'));
    expect(result.length).toBe(cta('ioit://PROFILE_MAIN').length);
    expect(result.emailExcerpt).toBe(BODY.slice(0, 134));
    expect(rules('😀'.repeat(39))).toContain('length');
    expect(rules('😀'.repeat(40))).not.toContain('length');
  });

  it('never throws on arbitrary input', () => {
    const piece = fc.constantFrom(
      '---\n',
      'it:\n',
      '  cta_1:\n',
      '    text: "x"\n',
      '    action: ',
      '"',
      '<b>',
      '|',
      '#',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece).map((p) => p.join('')),
          fc.anything(),
        ),
        (value) => {
          expect(() => lintIoMarkdown(value as string)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
