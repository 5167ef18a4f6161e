// Which operations of a spec the exchanges seen by the contract router reached (answered by the
// upstream, not by Prism), so a contract suite can prove it exercised every operation it claims to.
import { readFileSync } from 'node:fs';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import type { ContractExchange } from './contract-router.js';
import { type ContractService, specPath } from './contract-specs.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly pattern: RegExp;
}

function operationsOf(service: ContractService): Operation[] {
  const spec = JSON.parse(readFileSync(specPath(service), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations.push({
        operationId: op.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
      });
    }
  }
  return operations;
}

/**
 * The operations of `service`'s spec that no exchange reached the upstream with, minus `excluded`
 * (operationId → why the client does not call it), and for each reached one the statuses answered.
 */
export function operationCoverage(
  service: ContractService,
  exchanges: readonly ContractExchange[],
  excluded: Readonly<Record<string, string>> = {},
): { readonly missing: string[]; readonly statuses: Record<string, number[]> } {
  const statuses: Record<string, number[]> = {};
  const operations = operationsOf(service);
  for (const exchange of exchanges) {
    if (exchange.service !== service || exchange.byPrism) continue;
    const path = new URL(exchange.path, 'http://router.invalid').pathname.slice(PAGOPA_SERVICE_PATHS[service].length);
    const op = operations.find((o) => o.method === exchange.method && o.pattern.test(path));
    if (!op) continue;
    const seen = statuses[op.operationId] ?? [];
    if (!seen.includes(exchange.status)) seen.push(exchange.status);
    statuses[op.operationId] = seen.sort();
  }
  const missing = operations.map((o) => o.operationId).filter((id) => !(id in statuses) && !(id in excluded));
  return { missing, statuses };
}
