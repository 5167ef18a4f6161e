// Structural checks of the non-JSON configuration values (objects with methods). A hostile value (a
// Proxy or a getter that throws) is refused, never let through and never allowed to throw.

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
  } catch {
    return false;
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_IDPS = 1_000;

function isIdpDescriptorShape(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  const { entityId, name, sso, slo, certificates } = value;
  return (
    typeof entityId === 'string' &&
    entityId.length > 0 &&
    entityId.length <= 1024 &&
    typeof name === 'string' &&
    isPlainRecord(sso) &&
    isPlainRecord(slo) &&
    Array.isArray(certificates) &&
    certificates.length > 0 &&
    certificates.every((c) => typeof c === 'string')
  );
}

/** @internal An `IdpRegistry` (`list`, `find`) or a non-empty array of IdpDescriptor-shaped objects. */
export function isIdpSource(value: unknown): boolean {
  try {
    if (Array.isArray(value)) {
      return value.length > 0 && value.length <= MAX_IDPS && value.every(isIdpDescriptorShape);
    }
    return hasMethods(value, ['list', 'find']);
  } catch {
    return false;
  }
}

/** @internal A `SpidStore` (`set`, `get`, `take`, `add`). */
export function isSpidStore(value: unknown): boolean {
  return hasMethods(value, ['set', 'get', 'take', 'add']);
}

/** @internal An `AuditSink` (`write`). */
export function isAuditSink(value: unknown): boolean {
  return hasMethods(value, ['write']);
}
