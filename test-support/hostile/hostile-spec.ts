/**
 * Serialisable recipes for hostile values. fast-check generates and shrinks recipes in the test process;
 * the worker turns them into the real values (Proxies, throwing getters, symbols, functions, 10 MB strings,
 * 10 000-level nesting), which cannot cross a `postMessage` boundary and are cheaper to build where they are used.
 */

/** A hostile value, as a recipe the worker materialises with {@link materialize}. */
export type HostileSpec =
  /** Any structured-clonable value as is: strings, numbers (NaN, -0), bigint, null, undefined, Uint8Array, Date. */
  | { readonly k: 'value'; readonly v: unknown }
  | { readonly k: 'symbol' }
  /** A function (it returns a symbol, so calling it does not help). */
  | { readonly k: 'function' }
  /** A Proxy whose every trap throws {@link HostileAccessError}. */
  | { readonly k: 'throwing-proxy' }
  /** An object whose usual keys (and toString/valueOf/toJSON/Symbol.toPrimitive/then) are getters that throw. */
  | { readonly k: 'throwing-getters' }
  /** `unit` repeated until the string has `length` UTF-16 units (oversized input). */
  | { readonly k: 'repeat'; readonly unit: string; readonly length: number }
  /** `depth` nested arrays or objects around `leaf`. */
  | { readonly k: 'nest'; readonly depth: number; readonly shape: 'array' | 'object'; readonly leaf: HostileSpec }
  | { readonly k: 'array'; readonly items: readonly HostileSpec[] }
  /** A plain object with these own keys, `__proto__` and `constructor` included (defined, not assigned). */
  | { readonly k: 'object'; readonly entries: readonly (readonly [string, HostileSpec])[] }
  /** `length` pseudo-random bytes from `seed` (large binary without shipping it through postMessage). */
  | { readonly k: 'bytes'; readonly length: number; readonly seed: number }
  /** `target` with the value at `path` replaced by `value` (an almost-valid object). */
  | { readonly k: 'at'; readonly target: HostileSpec; readonly path: readonly string[]; readonly value: HostileSpec }
  /** `target` with a getter that throws at `path`. */
  | { readonly k: 'getter-at'; readonly target: HostileSpec; readonly path: readonly string[] };

/** What the hostile accessors throw: the harness recognises it by identity, never by message. */
export class HostileAccessError extends Error {
  constructor(what: string) {
    super(`hostile accessor: ${what}`);
    this.name = 'HostileAccessError';
  }
}

const GETTER_KEYS = [
  'value',
  'length',
  'fiscalCode',
  'subject',
  'markdown',
  'payment',
  'creditor',
  'debtor',
  'amountCents',
  'noticeNumber',
  'delimiter',
  'columns',
  'toString',
  'valueOf',
  'toJSON',
  'then',
];

function throwingProxy(): unknown {
  const fail = (trap: string) => () => {
    throw new HostileAccessError(trap);
  };
  return new Proxy(function hostile() {}, {
    get: fail('get'),
    has: fail('has'),
    ownKeys: fail('ownKeys'),
    getOwnPropertyDescriptor: fail('getOwnPropertyDescriptor'),
    getPrototypeOf: fail('getPrototypeOf'),
    apply: fail('apply'),
    construct: fail('construct'),
    set: fail('set'),
    defineProperty: fail('defineProperty'),
    deleteProperty: fail('deleteProperty'),
    isExtensible: fail('isExtensible'),
    preventExtensions: fail('preventExtensions'),
    setPrototypeOf: fail('setPrototypeOf'),
  });
}

function throwingGetters(): unknown {
  const o: Record<PropertyKey, unknown> = {};
  for (const key of [...GETTER_KEYS, Symbol.toPrimitive, Symbol.iterator, Symbol.asyncIterator]) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw new HostileAccessError(`get ${String(key)}`);
      },
    });
  }
  return o;
}

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function parentAt(root: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

/** Builds the real value of a recipe (worker side). Each call returns a fresh value. */
export function materialize(spec: HostileSpec): unknown {
  switch (spec.k) {
    case 'value':
      return structuredClone(spec.v);
    case 'symbol':
      return Symbol('hostile');
    case 'function':
      return () => Symbol('hostile');
    case 'throwing-proxy':
      return throwingProxy();
    case 'throwing-getters':
      return throwingGetters();
    case 'repeat':
      return spec.unit.repeat(Math.ceil(spec.length / Math.max(1, spec.unit.length))).slice(0, spec.length);
    case 'nest': {
      let v = materialize(spec.leaf);
      for (let i = 0; i < spec.depth; i++) v = spec.shape === 'array' ? [v] : { value: v };
      return v;
    }
    case 'array':
      return spec.items.map(materialize);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [key, value] of spec.entries) {
        Object.defineProperty(o, key, {
          value: materialize(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return o;
    }
    case 'bytes':
      return bytes(spec.length, spec.seed);
    case 'at': {
      const root = materialize(spec.target);
      const parent = parentAt(root, spec.path);
      const key = spec.path.at(-1);
      if (parent === undefined || key === undefined) return materialize(spec.value);
      Object.defineProperty(parent, key, {
        value: materialize(spec.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return root;
    }
    case 'getter-at': {
      const root = materialize(spec.target);
      const parent = parentAt(root, spec.path);
      const key = spec.path.at(-1);
      if (parent === undefined || key === undefined) return throwingGetters();
      Object.defineProperty(parent, key, {
        enumerable: true,
        configurable: true,
        get() {
          throw new HostileAccessError(`get ${spec.path.join('.')}`);
        },
      });
      return root;
    }
  }
}
