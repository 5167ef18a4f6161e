import { defineProject } from 'vitest/config';

/**
 * The one vitest project template every package uses: `export default civicoProject('core')`.
 * The `@civico/source` condition makes sibling packages resolve to their `src/` without a build.
 */
export function civicoProject(name: string, options: { readonly testTimeout?: number } = {}) {
  return defineProject({
    resolve: { conditions: ['@civico/source'] },
    ssr: { resolve: { conditions: ['@civico/source'] } },
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
      expect: { requireAssertions: true },
      testTimeout: options.testTimeout ?? 20_000,
    },
  });
}
