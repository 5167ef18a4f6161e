import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile-template.js';

describe('compileTemplate()', () => {
  it('lists placeholders and fills them', () => {
    const t = compileTemplate({ subject: 'TARI {{ anno }}', markdown: 'Gentile {{nome}}, TARI {{anno}}.' });
    expect(t.fields).toEqual(['anno', 'nome']);
    expect(t.render({ anno: '2025', nome: 'Maria' })).toEqual({
      subject: 'TARI 2025',
      markdown: 'Gentile Maria, TARI 2025.',
    });
  });

  it('escapes markdown in body values so a cell cannot add links or formatting', () => {
    const t = compileTemplate({ subject: 'Ciao {{n}}', markdown: 'Ciao {{n}}' });
    const out = t.render({ n: '[x](https://evil.example) **b** <i>' });
    expect(out.markdown).toBe('Ciao \\[x\\](https://evil.example) \\*\\*b\\*\\* \\<i\\>');
    expect(out.subject).toBe('Ciao [x](https://evil.example) **b** <i>');
  });

  it('rejects malformed placeholders with ERR_IO_INVALID_TEMPLATE and the field', () => {
    expect(() => compileTemplate({ subject: 'ok', markdown: 'Gentile {{ 1nome }}' })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_TEMPLATE', field: 'markdown' }),
    );
    expect(() => compileTemplate({ subject: 'TARI {{anno}', markdown: 'x' })).toThrow(
      expect.objectContaining({ field: 'subject' }),
    );
  });

  it('names the missing value without echoing other values', () => {
    const t = compileTemplate({ subject: 'TARI', markdown: '{{nome}} {{cognome}}' });
    expect(() => t.render({ nome: 'Maria' })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_TEMPLATE', field: 'cognome' }),
    );
  });
});
