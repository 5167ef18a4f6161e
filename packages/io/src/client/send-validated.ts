import type { Message } from '../message/message-input.js';
import type { IoClient, SentMessage } from './io-client.js';

/**
 * Key of the client's internal method that sends a message `parseMessage` already returned.
 * Not exported from the package: only the bulk sender, which validates each message itself before
 * journaling it, calls it.
 * @internal
 */
export const SEND_VALIDATED: unique symbol = Symbol('civico.io.sendValidated');

/** The internal method behind {@link SEND_VALIDATED}. @internal */
export type SendValidated = (message: Message) => Promise<SentMessage>;

/**
 * Sends a message `parseMessage` returned without validating it a second time (the markdown
 * lint lexes the whole body, a measurable share of CPU per bulk message). Any other
 * {@link IoClient} (a test double, a wrapper) gets a plain `sendMessage`, which validates.
 * @param client - the client
 * @param message - a message from `parseMessage`
 * @returns the id IO assigned
 * @internal
 */
export function sendValidated(client: IoClient, message: Message): Promise<SentMessage> {
  const internal = (client as { readonly [SEND_VALIDATED]?: SendValidated })[SEND_VALIDATED];
  return typeof internal === 'function' ? internal(message) : client.sendMessage(message);
}
