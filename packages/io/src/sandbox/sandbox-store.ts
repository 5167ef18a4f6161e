import { createUlidMinter } from './new-ulid.js';
import type { AcceptedMessage } from './validate-new-message.js';

/**
 * A citizen known to the sandbox.
 * @group Sandbox
 */
export interface SandboxProfile {
  /** Fiscal code (upper case). */
  readonly fiscalCode: string;
  /** False when the citizen blocked the service(s) (`sender_allowed: false`). */
  readonly senderAllowed: boolean;
  /** Preferred languages, e.g. `['it_IT']`. */
  readonly preferredLanguages?: readonly string[] | undefined;
}

/**
 * One message stored by the sandbox, as the ledger reports it.
 * @group Sandbox
 */
export interface SandboxLedgerEntry extends AcceptedMessage {
  /** ULID minted by the sandbox. */
  readonly id: string;
  /** Service id of the sending key. */
  readonly serviceId: string;
  /** When the message was stored. */
  readonly createdAt: Date;
  /** Final status the message reaches after processing (`MessageStatusValue` in the IO Services API spec). */
  readonly finalStatus: 'PROCESSED' | 'REJECTED';
}

/** Options of {@link createSandboxStore}. @internal */
export interface SandboxStoreOptions {
  /** Seeded profiles. */
  readonly profiles: Iterable<SandboxProfile>;
  /** What an unknown fiscal code is: on IO and allowing, or not on IO. */
  readonly unknownProfiles: 'allowed' | 'not-found';
  /** Milliseconds a message stays ACCEPTED. */
  readonly processingDelayMs: number;
  /** Clock. */
  readonly now: () => Date;
}

/** In-memory state of the sandbox. @internal */
export interface SandboxStore {
  /** Looks a citizen up. */
  profile(fiscalCode: string): SandboxProfile | undefined;
  /** Stores an accepted message and returns its ledger entry. */
  add(message: AcceptedMessage, serviceId: string): SandboxLedgerEntry;
  /** Finds a stored message. */
  get(id: string): SandboxLedgerEntry | undefined;
  /** Current status of a stored message. */
  status(entry: SandboxLedgerEntry): string;
  /** Messages a citizen sees in the app (PROCESSED), newest first. */
  inbox(fiscalCode: string): SandboxLedgerEntry[];
  /** Every stored message, in storage order. */
  ledger(): readonly SandboxLedgerEntry[];
}

/**
 * Creates the sandbox's in-memory profiles, messages and ledger.
 * @param options - seeds, clock and processing delay
 * @returns the store
 * @internal
 */
export function createSandboxStore(options: SandboxStoreOptions): SandboxStore {
  const profiles = new Map<string, SandboxProfile>();
  for (const p of options.profiles) profiles.set(p.fiscalCode, p);
  const messages = new Map<string, SandboxLedgerEntry>();
  const byCitizen = new Map<string, string[]>();
  const ledger: SandboxLedgerEntry[] = [];
  const newUlid = createUlidMinter();

  function profile(fiscalCode: string): SandboxProfile | undefined {
    const known = profiles.get(fiscalCode);
    if (known !== undefined || options.unknownProfiles === 'not-found') return known;
    return { fiscalCode, senderAllowed: true, preferredLanguages: ['it_IT'] };
  }

  return {
    profile,
    add(message, serviceId) {
      const createdAt = options.now();
      // pagopa/io-messages process-message: no profile → REJECTED (USER_NOT_FOUND);
      // blocked → REJECTED (SERVICE_NOT_ALLOWED).
      const p = profile(message.fiscalCode);
      const entry: SandboxLedgerEntry = {
        ...message,
        id: newUlid(createdAt.getTime()),
        serviceId,
        createdAt,
        finalStatus: p?.senderAllowed === true ? 'PROCESSED' : 'REJECTED',
      };
      messages.set(entry.id, entry);
      ledger.push(entry);
      const list = byCitizen.get(entry.fiscalCode);
      if (list) list.push(entry.id);
      else byCitizen.set(entry.fiscalCode, [entry.id]);
      return entry;
    },
    get: (id) => messages.get(id),
    status(entry) {
      const elapsed = options.now().getTime() - entry.createdAt.getTime();
      return elapsed < options.processingDelayMs ? 'ACCEPTED' : entry.finalStatus;
    },
    inbox(fiscalCode) {
      const ids = byCitizen.get(fiscalCode) ?? [];
      const out: SandboxLedgerEntry[] = [];
      for (const id of ids) {
        const e = messages.get(id);
        if (e && this.status(e) === 'PROCESSED') out.push(e);
      }
      return out.reverse();
    },
    ledger: () => ledger.slice(),
  };
}
