// `@civico/core/internal`: the plumbing the civico packages share (option parsing, safe input reading,
// the HTTP transport and its retry helpers, URL redaction). Documented for sibling packages; not for
// application code and without a semver promise outside civico (docs/conventions.md, "Where things live").
export type { ApiCallErrorCode, ApiCallErrorOptions } from './errors/api-call-error.js';
export { redactUrl } from './errors/api-call-error.js';
export { maskPersonalData } from './errors/mask-personal-data.js';
export type { CivicoErrorClass } from './errors/parse-options.js';
export { parseOptions } from './errors/parse-options.js';
export { plainObject } from './errors/plain-object.js';
export type { ReadFieldsOptions } from './errors/read-fields.js';
export { readFields } from './errors/read-fields.js';
export { safeParseInput } from './errors/safe-parse-input.js';
export type { Http, HttpOptions, HttpRequest, HttpResponse } from './http/create-http.js';
export { createHttp, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './http/create-http.js';
export { readRetryAfterMs } from './http/read-retry-after-ms.js';
export { sleep } from './http/sleep.js';
export { upperAscii } from './internal/fold-ascii.js';
export { frozenArray } from './internal/frozen-array.js';
