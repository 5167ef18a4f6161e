import { describe, expect, it } from 'vitest';
import { findPostForm } from '../src/kit/find-post-form.js';

// Attacks on the kit's HTML form reader (it reads pages served by the SP under test, up to the kit's
// 1 MiB body cap). Each shape below made it quadratic: ~8-18 s at 100,000 repetitions (400-800 KB).
// Linear, each takes a few milliseconds; the bound leaves room for a busy, shared machine.

const LIMIT_MS = 1_500;
const N = 100_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('findPostForm() on hostile pages', () => {
  it.each([
    ['unterminated <script> start tags', '<script>'.repeat(N)],
    ['unterminated <style> start tags', '<style x>'.repeat(N)],
    ['<script tags without ">"', '<script '.repeat(N)],
    ['unterminated comments', '<!--'.repeat(N)],
    ['<input tags without ">"', `<form>${'<input '.repeat(N)}`],
    ['unclosed textareas', `<form>${Array.from({ length: N / 2 }, (_, i) => `<textarea name="t${i}">`).join('')}`],
  ])('stays linear on %s', (_name, html) => {
    const { value, ms } = timed(() => findPostForm(html, 'SAMLRequest'));
    expect(value).toBeUndefined();
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('still skips script, style and comment bodies, and an unterminated one hides the rest of the page', () => {
    const form = '<form method="post" action="/acs"><input name="SAMLRequest" value="real"></form>';
    const decoy = '<form action="/evil"><input name="SAMLRequest" value="decoy"></form>';
    expect(findPostForm(`<SCRIPT type="x">${decoy}</script >${form}`, 'SAMLRequest')?.fields.get('SAMLRequest')).toBe(
      'real',
    );
    expect(findPostForm(`<style>${decoy}</STYLE>${form}`, 'SAMLRequest')?.action).toBe('/acs');
    expect(findPostForm(`<!-- ${decoy} -->${form}`, 'SAMLRequest')?.action).toBe('/acs');
    expect(findPostForm(`${form}<!-- ${decoy}`, 'SAMLRequest')?.action).toBe('/acs');
    expect(findPostForm(`<script>${form}`, 'SAMLRequest')).toBeUndefined();
    expect(findPostForm(`<!--${form}`, 'SAMLRequest')).toBeUndefined();
  });

  it('reads each textarea up to its own closing tag, its content as text, an unclosed one to the end of the form', () => {
    const html =
      '<form action="/acs"><textarea name="a">A<input name="inside" value="x"></textarea>' +
      '<textarea name="SAMLRequest">S</textarea><textarea name="b">B<textarea name="c"></form>';
    const form = findPostForm(html, 'SAMLRequest');
    expect(form?.fields.get('a')).toBe('A<input name="inside" value="x">');
    expect(form?.fields.get('SAMLRequest')).toBe('S');
    expect(form?.fields.get('b')).toBe('B<textarea name="c">');
    expect([...(form?.fields.keys() ?? [])]).toEqual(['a', 'SAMLRequest', 'b']);
  });
});
