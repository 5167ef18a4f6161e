/** @internal The store key of a pending AuthnRequest (written by the facade, used once here). */
export function getRequestKey(id: string): string {
  return `req:${id}`;
}

/** @internal The store key remembering an accepted Assertion (replay cache). */
export function getAssertionKey(id: string): string {
  return `assertion:${id}`;
}
