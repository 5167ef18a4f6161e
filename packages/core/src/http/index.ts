export type { Http, HttpOptions, HttpRequest, HttpResponse } from './create-http.js';
export { createHttp } from './create-http.js';
