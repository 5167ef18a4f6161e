import { civicoProject } from '../vitest.shared.js';

const project = civicoProject('repo');

// The repository's own tests, across packages: they import the packages by name, resolved to `src/`.
export default { ...project, test: { ...project.test, include: ['*.test.ts'] } };
