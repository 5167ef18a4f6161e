import { describeEndToEnd } from './support/sp-e2e-suite.js';

describeEndToEnd('createSpidHandler() on node:http against the test IdP', 'web');
