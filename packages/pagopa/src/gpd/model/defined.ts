/** `R` with `undefined` allowed for each member (before {@link defined} drops them). */
export type WithUndefined<R> = { [K in keyof R]: R[K] | undefined };

/**
 * Copies the members whose value is not `undefined` (bodies and domain objects carry no `undefined`
 * members, so `toStrictEqual` and JSON agree).
 * @internal
 */
export function defined<R extends object>(value: WithUndefined<R>): R {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as R;
}
