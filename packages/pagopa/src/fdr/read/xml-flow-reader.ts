// Streaming reader of FlussoRiversamento XML over saxes (namespaces on, no DTD: a DOCTYPE is refused,
// so only the five predefined entities and character references exist). Elements are matched by local
// name in the pagoPA namespace or in no namespace, so `pay_i:`, a default namespace and bare names read
// the same; any other element, text inside a complex element or XSD order violation is refused.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { FlowCollector, FlowLimits } from './flow-collector.js';
import { asFlowError, flowError } from './flow-error.js';
import { createStallGuard, type FlowReader, SLICE } from './stall-guard.js';
import {
  assignXmlHeader,
  assignXmlPayment,
  FLUSSO_NS,
  finishXmlHeader,
  finishXmlPayment,
  missingChild,
  SEQUENCES,
  XML_TOTALS,
  type XmlHeaderDraft,
  type XmlPaymentDraft,
} from './xml-flow-fields.js';

const ROOT = 'FlussoRiversamento';
const LINE = 'datiSingoliPagamenti';

interface Element {
  readonly name: string;
  /** Dotted path under the root (`istitutoMittente.denominazioneMittente`), lines as `datiSingoliPagamenti.<i>`. */
  readonly path: string;
  readonly complex: boolean;
  /** Highest sequence position seen among the children. */
  last: number;
  /** Bit mask of the children seen. */
  seen: number;
  text: string;
}

/** Creates the XML reader feeding `collector`. */
export function createXmlFlowReader(collector: FlowCollector, limits: FlowLimits): FlowReader {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const guard = createStallGuard(limits.maxStringLength);
  const stack: Element[] = [];
  const header: XmlHeaderDraft = {};
  let payment: XmlPaymentDraft = {};
  let lines = 0;
  let rootDone = false;

  const open = (tag: SaxesTagNS): void => {
    guard.seen();
    const name = tag.local;
    const parent = stack[stack.length - 1];
    const where = parent ? (parent.path ? `${parent.path}.${name}` : name) : name;
    if (tag.uri !== FLUSSO_NS && tag.uri !== '') throw flowError('shape', where, `${where} is in another namespace`);
    if (!parent) {
      if (name !== ROOT || rootDone) throw flowError('shape', name, `the root element must be ${ROOT}`);
      stack.push({ name, path: '', complex: true, last: -1, seen: 0, text: '' });
      return;
    }
    if (!parent.complex) throw flowError('shape', parent.path, `${parent.path} must hold text only`);
    if (stack.length >= limits.maxDepth) throw flowError('max-depth', where, 'nesting deeper than maxDepth');
    const position = (SEQUENCES[parent.name] ?? []).indexOf(name);
    if (position < 0) throw flowError('shape', where, `${where} is not an element of ${parent.name || ROOT}`);
    const repeat = position === parent.last && name === LINE && parent.path === '';
    if (position < parent.last || (position === parent.last && !repeat)) {
      throw flowError('order', where, `${where} is out of the XSD order or repeated`);
    }
    parent.last = position;
    parent.seen |= 1 << position;
    let path = where;
    if (name === LINE && parent.path === '') {
      if (!collector.header) {
        const missing = missingChild(ROOT, parent.seen);
        if (missing) throw flowError('shape', missing, `${missing} is missing`);
        collector.setHeader(finishXmlHeader(header), XML_TOTALS);
      }
      path = `${LINE}.${lines}`;
      payment = {};
    }
    stack.push({ name, path, complex: name in SEQUENCES, last: -1, seen: 0, text: '' });
  };

  const text = (value: string): void => {
    guard.seen();
    const top = stack[stack.length - 1];
    if (!top) return; // saxes itself refuses text outside the root
    if (top.complex) {
      if (value.trim() !== '') throw flowError('shape', top.path || ROOT, `${top.path || ROOT} must not hold text`);
      return;
    }
    if (top.text.length + value.length > limits.maxStringLength) {
      throw flowError('max-string-length', top.path, `${top.path} is longer than maxStringLength`);
    }
    top.text += value;
  };

  const close = (): void => {
    guard.seen();
    const done = stack.pop();
    if (!done) return;
    if (!done.complex) {
      const parent = stack[stack.length - 1];
      if (parent?.name === LINE) assignXmlPayment(payment, done.name, done.path, done.text.trim());
      else assignXmlHeader(header, done.path, done.text.trim());
      return;
    }
    const missing = missingChild(done.name, done.seen);
    if (missing) {
      const field = done.path ? `${done.path}.${missing}` : missing;
      throw flowError('shape', field, `${field} is missing`);
    }
    if (done.name === LINE && collector.header) {
      collector.add(finishXmlPayment(payment, collector.header.flowId, lines + 1, done.path), done.path);
      lines += 1;
    } else if (stack.length === 0) {
      rootDone = true;
      collector.finish(XML_TOTALS);
    }
  };

  parser.on('opentag', open);
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', close);
  parser.on('opentagstart', () => guard.seen());
  parser.on('comment', () => guard.seen());
  parser.on('processinginstruction', () => guard.seen());
  parser.on('doctype', () => {
    throw flowError('doctype', undefined, 'a DOCTYPE is not allowed');
  });
  parser.on('xmldecl', (decl) => {
    guard.seen();
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      throw flowError('encoding', undefined, 'the XML declares an encoding other than UTF-8');
    }
  });

  const run = (action: () => void): void => {
    try {
      action();
    } catch (err) {
      throw asFlowError(err, 'syntax', 'malformed XML');
    }
  };

  return {
    write(chunk: string): void {
      for (let at = 0; at < chunk.length; at += SLICE) {
        guard.start();
        run(() => parser.write(chunk.slice(at, at + SLICE)));
        guard.after(Math.min(SLICE, chunk.length - at));
      }
    },
    end(): void {
      if (!rootDone) throw flowError('truncated', stack[stack.length - 1]?.path || undefined, 'the XML ends early');
      run(() => parser.close());
    },
  };
}
