import { SpidError } from '../errors.js';
import type { XmlElement as Element } from '../xml-element.js';

// XML Schema 1.0 §3.2.7 xs:dateTime, years 0001–9999, any fraction length; no zone means UTC (SAML core §1.3.3).
const XS_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?$/;

/** Milliseconds since the epoch of an `xs:dateTime`, or `undefined` when it is not one. */
function parseXsDateTime(value: string): number | undefined {
  const m = XS_DATE_TIME.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February into March: a day that does not exist is refused.
  if (new Date(base).getUTCDate() !== day) return undefined;
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const zone = m[8];
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return base + ms - offset;
}

/**
 * The `validUntil` of a metadata element (epoch ms), `undefined` when absent. Fails closed: an
 * unreadable value or one already past at `now` throws `ERR_SPID_REGISTRY`.
 * @param el - `md:EntitiesDescriptor` or `md:EntityDescriptor`
 * @param now - the time of the check
 * @internal
 */
export function readValidUntil(el: Element, now: Date): number | undefined {
  if (!el.hasAttribute('validUntil')) return undefined;
  const time = parseXsDateTime(el.getAttribute('validUntil') ?? '');
  if (time === undefined) {
    throw new SpidError('ERR_SPID_REGISTRY', 'IdP metadata refused: validUntil is not an xs:dateTime', {
      reason: 'valid-until',
    });
  }
  if (time <= now.getTime()) {
    throw new SpidError('ERR_SPID_REGISTRY', 'IdP metadata refused: it has expired (validUntil is past)', {
      reason: 'expired',
    });
  }
  return time;
}
