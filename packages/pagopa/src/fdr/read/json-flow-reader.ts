// Streaming reader of the FdR JSON flow over @streamparser/json's tokenizer. The grammar is checked
// here with an explicit stack (no recursion, no values built for fields it does not read), so memory
// is bounded by the limits whatever the input.
import { CivicoError } from '@civico/core';
import { Tokenizer, TokenType } from '@streamparser/json';
import type { FlowCollector, FlowLimits } from './flow-collector.js';
import { asFlowError, flowError } from './flow-error.js';
import { once } from './flow-values.js';
import {
  assignHeader,
  assignPayment,
  finishJsonHeader,
  finishJsonPayment,
  isHeaderKey,
  JSON_TOTALS,
  type JsonHeaderDraft,
  type JsonPaymentDraft,
  type JsonScalar,
} from './json-flow-fields.js';
import { createStallGuard, type FlowReader, SLICE } from './stall-guard.js';

type Role = 'root' | 'sender' | 'receiver' | 'payments' | 'payment' | 'skip';

interface Frame {
  readonly object: boolean;
  readonly role: Role;
  /** object: 0 key or }, 1 key, 2 colon, 3 value, 4 comma or }; array: 0 value or ], 1 value, 2 comma or ]. */
  state: number;
  key: string;
  index: number;
  readonly seen: Set<string> | undefined;
  readonly payment: JsonPaymentDraft | undefined;
  readonly field: string;
}

/** Keeps each number's text as written, so amounts convert to cents without binary rounding. */
class RawNumberTokenizer extends Tokenizer {
  lastNumber = '';
  protected override parseNumber(numberStr: string): number {
    this.lastNumber = numberStr;
    return Number(numberStr);
  }
}

/** Creates the JSON reader feeding `collector`. */
export function createJsonFlowReader(collector: FlowCollector, limits: FlowLimits): FlowReader {
  const tokenizer = new RawNumberTokenizer();
  const guard = createStallGuard(limits.maxStringLength);
  const stack: Frame[] = [];
  const header: JsonHeaderDraft = {};
  let rootDone = false;
  let paymentsStarted = false;
  let failure: unknown;

  const frame = (object: boolean, role: Role, field: string): Frame => ({
    object,
    role,
    state: 0,
    key: '',
    index: 0,
    seen: role === 'skip' || role === 'payments' ? undefined : new Set(),
    payment: role === 'payment' ? {} : undefined,
    field,
  });

  const childRole = (parent: Frame, object: boolean, field: string): Role => {
    if (parent.role === 'skip') return 'skip';
    if (parent.role === 'payments') {
      if (!object) throw flowError('shape', field, `${field} must be an object`);
      return 'payment';
    }
    const key = parent.key;
    if (parent.role === 'root') {
      if (key === 'payments') {
        if (object) throw flowError('shape', field, 'payments must be an array');
        startPayments();
        return 'payments';
      }
      if (key === 'sender' || key === 'receiver') {
        if (!object) throw flowError('shape', field, `${field} must be an object`);
        return key;
      }
    }
    if (parent.role === 'payment' ? PAYMENT_KEYS.has(key) : parent.role === 'root' && isHeaderKey(key)) {
      throw flowError('shape', field, `${field} must be a scalar`);
    }
    return 'skip';
  };

  const startPayments = (): void => {
    collector.setHeader(finishJsonHeader(header), JSON_TOTALS);
    paymentsStarted = true;
  };

  const scalar = (parent: Frame, value: JsonScalar): void => {
    const { role, key } = parent;
    if (role === 'root' && key === 'payments') throw flowError('shape', 'payments', 'payments must be an array');
    if (role === 'root' || role === 'sender' || role === 'receiver') {
      assignHeader(header, role === 'root' ? '' : role, key, value);
    } else if (role === 'payment' && parent.payment) {
      assignPayment(parent.payment, parent.field, key, value);
    } else if (role === 'payments') {
      throw flowError('shape', `payments.${parent.index}`, `payments.${parent.index} must be an object`);
    }
  };

  const close = (): void => {
    const done = stack.pop();
    if (!done) return;
    if (done.role === 'payment' && done.payment && collector.header) {
      collector.add(finishJsonPayment(done.payment, collector.header.flowId, done.field), done.field);
    } else if (done.role === 'root') {
      rootDone = true;
      if (!paymentsStarted) startPayments();
      collector.finish(JSON_TOTALS);
    }
  };

  const value = (token: TokenType, v: unknown): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (rootDone || token !== TokenType.LEFT_BRACE) throw flowError('shape', undefined, 'the flow must be an object');
      stack.push(frame(true, 'root', ''));
      return;
    }
    const field = parent.object
      ? `${parent.field ? `${parent.field}.` : ''}${parent.key}`
      : `${parent.field}.${parent.index}`;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (stack.length >= limits.maxDepth) throw flowError('max-depth', field, 'nesting deeper than maxDepth');
      const object = token === TokenType.LEFT_BRACE;
      stack.push(frame(object, childRole(parent, object, field), field));
      return;
    }
    if (token === TokenType.STRING) scalar(parent, { kind: 'string', text: v as string });
    else if (token === TokenType.NUMBER) scalar(parent, { kind: 'number', text: tokenizer.lastNumber });
    else scalar(parent, { kind: 'other' });
  };

  const onToken = (token: TokenType, v: unknown): void => {
    guard.seen();
    if (token === TokenType.STRING && (v as string).length > limits.maxStringLength) {
      throw flowError('max-string-length', stack[stack.length - 1]?.field, 'a string is longer than maxStringLength');
    }
    const top = stack[stack.length - 1];
    if (!top) {
      value(token, v);
      return;
    }
    if (top.object) {
      if ((top.state === 0 || top.state === 1) && token === TokenType.STRING) {
        top.key = v as string;
        if (top.role === 'root' && paymentsStarted && isHeaderKey(top.key)) {
          throw flowError('order', top.key, `${top.key} comes after payments: the header must come first`);
        }
        if (top.seen) {
          // Every key of a read object is remembered (repeats are refused): bounded, or an endless run of
          // distinct unknown keys would grow memory without end.
          if (top.seen.size >= MAX_FIELDS_PER_OBJECT) {
            throw flowError('shape', top.field || undefined, `more than ${MAX_FIELDS_PER_OBJECT} fields in one object`);
          }
          once(top.seen, top.key, top.field ? `${top.field}.${top.key}` : top.key);
        }
        top.state = 2;
      } else if (top.state === 0 && token === TokenType.RIGHT_BRACE) close();
      else if (top.state === 2 && token === TokenType.COLON) top.state = 3;
      else if (top.state === 3 && isValueStart(token)) {
        top.state = 4;
        value(token, v);
      } else if (top.state === 4 && token === TokenType.COMMA) top.state = 1;
      else if (top.state === 4 && token === TokenType.RIGHT_BRACE) close();
      else throw flowError('syntax', top.field || undefined, 'malformed JSON');
      return;
    }
    if (top.state === 0 && token === TokenType.RIGHT_BRACKET) close();
    else if ((top.state === 0 || top.state === 1) && isValueStart(token)) {
      top.state = 2;
      value(token, v);
      top.index += 1;
    } else if (top.state === 2 && token === TokenType.COMMA) top.state = 1;
    else if (top.state === 2 && token === TokenType.RIGHT_BRACKET) close();
    else throw flowError('syntax', top.field, 'malformed JSON');
  };

  tokenizer.onToken = ({ token, value: v }) => onToken(token, v);
  tokenizer.onError = (err) => {
    failure ??= err;
  };

  const check = (): void => {
    if (failure !== undefined) throw asFlowError(failure, 'syntax', 'malformed JSON');
  };

  return {
    write(text: string): void {
      for (let at = 0; at < text.length; at += SLICE) {
        guard.start();
        tokenizer.write(text.slice(at, at + SLICE));
        check();
        guard.after(Math.min(SLICE, text.length - at));
      }
    },
    end(): void {
      check();
      tokenizer.end();
      // No new text came: a tokenizer error here is a document cut inside a token.
      if (failure !== undefined && !CivicoError.isInstance(failure)) {
        throw flowError('truncated', stack[stack.length - 1]?.field || undefined, 'the JSON ends early', failure);
      }
      check();
      if (!rootDone) throw flowError('truncated', stack[stack.length - 1]?.field || undefined, 'the JSON ends early');
    },
  };
}

/**
 * Fields one header, sender, receiver or payment object may have (the FdR API's have about twenty; unknown
 * ones are skipped but counted).
 */
export const MAX_FIELDS_PER_OBJECT = 256;

const PAYMENT_KEYS: ReadonlySet<string> = new Set(['index', 'iuv', 'iur', 'idTransfer', 'pay', 'payStatus', 'payDate']);

function isValueStart(token: TokenType): boolean {
  return (
    token !== TokenType.RIGHT_BRACE &&
    token !== TokenType.RIGHT_BRACKET &&
    token !== TokenType.COLON &&
    token !== TokenType.COMMA
  );
}
