/**
 * The person behind a SPID or CIE login, decoded from the Assertion's attributes. Only the attributes the
 * SP requested (and the IdP sent) are set; values are kept as the IdP sent them except where noted.
 * @group User
 */
export interface SpidUser {
  /** `fiscalNumber` without the `TINIT-` prefix (uppercase), e.g. `RSSMRA80A01H501U`. */
  readonly fiscalNumber?: string | undefined;
  /**
   * The codice fiscale decoded by `@civico/core` (birth date, sex, birthplace), `undefined` when
   * `fiscalNumber` is absent or not a valid codice fiscale (test identities may send such values).
   */
  readonly fiscalCode?:
    | {
        /** Birth date, ISO `YYYY-MM-DD`. */
        readonly birthDate: string;
        /** `M` or `F`. */
        readonly sex: 'M' | 'F';
        /** Belfiore code of the birthplace (a comune, or `Z…` for a foreign state). */
        readonly birthPlaceCode: string;
        /** Name of the birthplace when known (comune or foreign state). */
        readonly birthPlaceName: string | undefined;
      }
    | undefined;
  /** `name`. */
  readonly name?: string | undefined;
  /** `familyName`. */
  readonly familyName?: string | undefined;
  /** `dateOfBirth`, ISO `YYYY-MM-DD`. */
  readonly dateOfBirth?: string | undefined;
  /** `placeOfBirth` (a Belfiore code per the rules; test IdPs send names). */
  readonly placeOfBirth?: string | undefined;
  /** `countyOfBirth` (province). */
  readonly countyOfBirth?: string | undefined;
  /** `gender`, `M` or `F`. */
  readonly gender?: string | undefined;
  /** `spidCode`. */
  readonly spidCode?: string | undefined;
  /** `email`. */
  readonly email?: string | undefined;
  /** `digitalAddress` (PEC). */
  readonly digitalAddress?: string | undefined;
  /** `mobilePhone`. */
  readonly mobilePhone?: string | undefined;
  /** `ivaCode` without the `VATIT-` prefix. */
  readonly ivaCode?: string | undefined;
  /** `companyName`. */
  readonly companyName?: string | undefined;
  /** `companyFiscalNumber` without the `TINIT-` prefix. */
  readonly companyFiscalNumber?: string | undefined;
  /** `expirationDate` of the identity, ISO `YYYY-MM-DD`. */
  readonly expirationDate?: string | undefined;
  /** Every attribute received, by `Name`, exactly as sent (first value). */
  readonly attributes: Readonly<Record<string, string>>;
}
