import { describeEndToEnd } from './support/sp-e2e-suite.js';

describeEndToEnd('createSpidRouter() on Express 5 against the test IdP', 'express');
