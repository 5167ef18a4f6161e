import { describe, expect, it } from 'vitest';
import { describeSchemaError } from '../src/schema/describe-schema-error.js';

describe('describeSchemaError()', () => {
  it('keeps element, attribute and type names and replaces values', () => {
    const d = describeSchemaError(
      "Element '{urn:oasis:names:tc:SAML:2.0:protocol}AuthnRequest', attribute 'IssueInstant': 'RSSMRA85T10A562S' is not a valid value of the atomic type 'xs:dateTime'.\n",
    );
    expect(d.reason).toBe('invalid-value');
    expect(d.rule).toBe(
      "Element '{urn:oasis:names:tc:SAML:2.0:protocol}AuthnRequest', attribute 'IssueInstant': '…' is not a valid value of the atomic type 'xs:dateTime'.",
    );
  });

  it('replaces pattern values and enumeration sets', () => {
    const d = describeSchemaError(
      "Element '{urn:x}A': [facet 'pattern'] The value 'Mario' is not accepted by the pattern '[0-9]+'.",
    );
    expect(d.rule).toBe("Element '{urn:x}A': [facet 'pattern'] The value '…' is not accepted by the pattern '…'.");
  });

  it('keeps only the kind when quotes are unbalanced (a value with an apostrophe)', () => {
    const d = describeSchemaError("Element '{urn:x}A': 'it's Mario' is not a valid value of the atomic type 'xs:int'.");
    expect(d).toEqual({ reason: 'invalid-value', rule: 'invalid-value' });
  });

  it('classifies unknown messages as schema-rule and bounds the length', () => {
    const d = describeSchemaError(`Something else ${'x'.repeat(1000)}`);
    expect(d.reason).toBe('schema-rule');
    expect(d.rule.length).toBeLessThanOrEqual(401);
  });
});
