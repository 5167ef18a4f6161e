import { civicoProject } from '../../vitest.shared.js';

export default civicoProject('spid');
