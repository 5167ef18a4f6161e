import { describe, expect, it } from 'vitest';
import { ApiCallError, redactUrl } from './api-call-error.js';

const url = 'https://api.example.test/v1/items';

describe('ApiCallError', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('is retryable on HTTP %i', (status) => {
    expect(new ApiCallError('ERR_CORE_HTTP_STATUS', 'x', { url, status }).isRetryable).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('is not retryable on HTTP %i', (status) => {
    expect(new ApiCallError('ERR_CORE_HTTP_STATUS', 'x', { url, status }).isRetryable).toBe(false);
  });

  it('is retryable on timeouts and network failures, with no status', () => {
    const timeout = new ApiCallError('ERR_CORE_HTTP_TIMEOUT', 'x', { url });
    const network = new ApiCallError('ERR_CORE_HTTP_NETWORK', 'x', { url, reachedServer: false });
    expect([timeout.isRetryable, network.isRetryable]).toEqual([true, true]);
    expect([timeout.status, network.status]).toEqual([undefined, undefined]);
    expect([timeout.reachedServer, network.reachedServer]).toEqual([true, false]);
  });

  it('keeps the request id and redacts the url', () => {
    const err = new ApiCallError('ERR_CORE_HTTP_STATUS', 'x', {
      url: 'https://u:p@api.example.test/profiles/RSSMRA85T10A562S?token=secret#f',
      status: 404,
      requestId: 'req-1',
    });
    expect(err).toMatchObject({ url: 'https://api.example.test/profiles/:redacted', requestId: 'req-1' });
    expect(ApiCallError.isInstance(err)).toBe(true);
  });
});

describe('redactUrl()', () => {
  it('drops query, fragment and credentials', () => {
    expect(redactUrl('https://user:pass@h.example/a/b?q=RSSMRA85T10A562S#frag')).toBe('https://h.example/a/b');
  });

  it('redacts fiscal-code segments, omocodes, lower case and percent-encoded ones', () => {
    expect(redactUrl('https://h.example/p/RSSMRA85T10A562S/x')).toBe('https://h.example/p/:redacted/x');
    expect(redactUrl('https://h.example/p/rssmra85t10a562s')).toBe('https://h.example/p/:redacted');
    expect(redactUrl('https://h.example/p/CCCFBAURDLPLNMVU')).toBe('https://h.example/p/:redacted');
    expect(redactUrl('https://h.example/p/%52SSMRA85T10A562S')).toBe('https://h.example/p/:redacted');
  });

  it('keeps other segments and the port', () => {
    expect(redactUrl('http://127.0.0.1:8080/api/v1/notices/302000000000012320')).toBe(
      'http://127.0.0.1:8080/api/v1/notices/302000000000012320',
    );
  });

  it('does not throw on an unparsable url', () => {
    expect(redactUrl('not a url')).toBe('<invalid url>');
  });
});
