import { SamlError, validateSchema } from '@civico/saml';

/** What {@link checkMessageSchema} found. @internal */
export type MessageSchemaOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** True when the validator itself could not load: an IdP fault, not the sender's. */
      readonly unavailable: boolean;
      /** The reason, naming the broken rule with element and attribute names only (no document text). */
      readonly detail: string;
    };

/**
 * Validates a decoded incoming SAML message against `saml-schema-protocol-2.0.xsd`, before anything
 * looks at its signatures (issue 9: every incoming message is schema-validated first). Never throws:
 * a validator that cannot load is reported as `unavailable`, and the caller refuses (fail closed).
 * @param xml - the message as the binding decoded it
 * @returns `{ ok: true }`, or why the message is refused
 * @internal
 */
export async function checkMessageSchema(xml: string): Promise<MessageSchemaOutcome> {
  try {
    await validateSchema(xml, 'protocol');
    return { ok: true };
  } catch (error) {
    const unavailable = SamlError.isInstance(error) && error.reason === 'validator-unavailable';
    // validateSchema's messages name the line and the rule, never the document text.
    const detail = SamlError.isInstance(error) ? error.message : 'not valid against the protocol schema';
    return { ok: false, unavailable, detail };
  }
}
