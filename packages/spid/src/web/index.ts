export { createSpidHandler } from './create-spid-handler.js';
export type { SpidHandler, SpidHandlerOptions, SpidHeaders, SpidLogoutAnswer } from './spid-handler-options.js';
