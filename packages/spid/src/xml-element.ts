import type { parseXml } from '@civico/saml';

/** @internal An element of the DOM `parseXml` of `@civico/saml` returns (its own @xmldom/xmldom). */
export type XmlElement = NonNullable<ReturnType<typeof parseXml>['documentElement']>;
