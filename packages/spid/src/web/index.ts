export { createSpidHandler } from './create-spid-handler.js';
export type { SpidHandler, SpidHandlerOptions, SpidLogoutAnswer } from './spid-handler-options.js';
