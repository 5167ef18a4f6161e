export { createSpidPlugin } from './create-spid-plugin.js';
