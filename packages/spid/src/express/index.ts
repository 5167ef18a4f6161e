export { createSpidRouter } from './create-spid-router.js';
