import { describeEndToEnd } from './support/sp-e2e-suite.js';

describeEndToEnd('createSpidPlugin() on Fastify 5 against the test IdP', 'fastify');
