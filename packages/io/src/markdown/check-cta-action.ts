// After pagopa/io-app ts/features/messages/utils/ctas.ts.
const HANDLED_LINK = /^iohandledlink:\/\/(https?|sms|tel|mailto|copy):(.+)$/i;

/**
 * Result of {@link checkCtaAction}: `undefined` when the action is fine.
 * @internal
 */
export interface CtaActionProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/**
 * Checks a CTA action against the prefixes the IO app handles.
 * @param action - the CTA's `action` value
 * @internal
 */
export function checkCtaAction(action: string): CtaActionProblem | undefined {
  const handled = HANDLED_LINK.exec(action);
  if (handled) {
    if (handled[1]?.toLowerCase() === 'http') {
      return { severity: 'warning', message: 'uses http://; keep https:// after iohandledlink://' };
    }
    return undefined;
  }
  if (/^iohandledlink:\/\//i.test(action)) {
    return { severity: 'error', message: 'iohandledlink:// needs http, https, sms, tel, mailto or copy and a value' };
  }
  if (/^ioit:\/\/[^\s]+$/.test(action)) return undefined;
  if (/^iosso:\/\//.test(action)) {
    // The URL is what follows the prefix: `iosso://` itself always parses, so it proves nothing.
    return URL.canParse(action.slice('iosso://'.length))
      ? undefined
      : { severity: 'error', message: 'iosso:// must be followed by a URL' };
  }
  return {
    severity: 'error',
    message: 'must start with iohandledlink://, ioit:// or iosso:// (the app hides any other action)',
  };
}
