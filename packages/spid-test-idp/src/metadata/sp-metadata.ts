import type { XmlDocument } from './xml-dom.js';

/**
 * An `md:AssertionConsumerService` of SP metadata.
 * @group Metadata
 */
export interface SpAssertionConsumerService {
  /** The `index` attribute. */
  readonly index: number;
  /** The `Location` URL. */
  readonly location: string;
  /** The `Binding` URI (SPID: HTTP-POST). */
  readonly binding: string;
  /** Whether `isDefault="true"`. */
  readonly isDefault: boolean;
}

/**
 * An `md:AttributeConsumingService` of SP metadata.
 * @group Metadata
 */
export interface SpAttributeConsumingService {
  /** The `index` attribute. */
  readonly index: number;
  /** `md:ServiceName` texts by `xml:lang`. */
  readonly serviceNames: Readonly<Record<string, string>>;
  /** The `Name` of each `md:RequestedAttribute`, in document order. */
  readonly names: readonly string[];
}

/**
 * An `md:SingleLogoutService` of SP metadata.
 * @group Metadata
 */
export interface SpSingleLogoutService {
  /** The `Binding` URI. */
  readonly binding: string;
  /** The `Location` URL. */
  readonly location: string;
  /** The `ResponseLocation` URL, when given. */
  readonly responseLocation?: string | undefined;
}

/**
 * The `md:Organization` of SP metadata, each value keyed by `xml:lang`.
 * @group Metadata
 */
export interface SpOrganization {
  /** `md:OrganizationName` by language. */
  readonly names: Readonly<Record<string, string>>;
  /** `md:OrganizationDisplayName` by language. */
  readonly displayNames: Readonly<Record<string, string>>;
  /** `md:OrganizationURL` by language. */
  readonly urls: Readonly<Record<string, string>>;
}

/**
 * An `md:ContactPerson` of SP metadata.
 * @group Metadata
 */
export interface SpContactPerson {
  /** `contactType` (`other`, `billing`, `administrative`, `technical`…). */
  readonly type: string;
  /** `spid:entityType` (`spid:aggregator`, `spid:aggregated`), when given. */
  readonly entityType?: string | undefined;
  /** `md:Company`, when given. */
  readonly company?: string | undefined;
  /** Every `md:EmailAddress`. */
  readonly emailAddresses: readonly string[];
  /** Every `md:TelephoneNumber`. */
  readonly telephoneNumbers: readonly string[];
  /**
   * The children of `md:Extensions` by local name (`IPACode`, `VATNumber`, `FiscalCode`, `Public`,
   * `Private`, `Municipality`…) with their trimmed text; an empty element maps to `''`.
   */
  readonly extensions: Readonly<Record<string, string>>;
}

/**
 * SP metadata as the IdP uses it: what {@link parseSpMetadata} reads from an `md:EntityDescriptor`.
 *
 * @remarks
 * Parsing does not verify the metadata's signature nor the SPID rules: {@link lintSpMetadata} does.
 * @group Metadata
 */
export interface SpMetadata {
  /** The `entityID`. */
  readonly entityId: string;
  /** The `ID` of the `EntityDescriptor`, when given. */
  readonly id: string | undefined;
  /** `AuthnRequestsSigned="true"`. */
  readonly authnRequestsSigned: boolean;
  /** `WantAssertionsSigned="true"`. */
  readonly wantAssertionsSigned: boolean;
  /** Assertion consumer services, in document order. */
  readonly acs: readonly SpAssertionConsumerService[];
  /** Attribute consuming services, in document order. */
  readonly attributeConsumingServices: readonly SpAttributeConsumingService[];
  /** Single logout services, in document order. */
  readonly singleLogout: readonly SpSingleLogoutService[];
  /** PEM certificates of `KeyDescriptor`s with `use="signing"` or no `use`. */
  readonly signingCertificates: readonly string[];
  /** PEM certificates of `KeyDescriptor`s with `use="encryption"`. */
  readonly encryptionCertificates: readonly string[];
  /** Every `md:NameIDFormat` of the SPSSODescriptor. */
  readonly nameIdFormats: readonly string[];
  /** The organization. */
  readonly organization: SpOrganization;
  /** Contact persons, in document order. */
  readonly contacts: readonly SpContactPerson[];
  /** The parsed document (for further checks). */
  readonly document: XmlDocument;
}
