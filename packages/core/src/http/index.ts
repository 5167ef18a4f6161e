export type { Http, HttpOptions, HttpRequest, HttpResponse } from './create-http.js';
export { createHttp, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './create-http.js';
