import { NS, parseXml } from '@civico/saml';

type El = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

/** Text that necessarily changes with every signature: never compared. */
const SIGNATURE_NOISE = new Set(['SignatureValue', 'DigestValue']);

function children(el: El): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function ownText(el: El): string {
  let t = '';
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 3) t += n.nodeValue ?? '';
  return t;
}

/** Alignment key: name plus what tells siblings apart (ID, Algorithm, Attribute Name). */
function key(el: El): string {
  return [el.namespaceURI, el.localName, el.getAttribute('ID'), el.getAttribute('Algorithm'), el.getAttribute('Name')]
    .map((v) => v ?? '')
    .join('|');
}

function segment(el: El, siblings: readonly El[]): string {
  const name = el.getAttribute('Name');
  if (el.localName === 'Attribute' && name) return `Attribute[${name}]`;
  const same = siblings.filter((s) => s.localName === el.localName);
  return same.length > 1 ? `${el.localName}[${same.indexOf(el) + 1}]` : (el.localName ?? '?');
}

const show = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);

function attributes(el: El): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a === null || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    out.set(a.namespaceURI === NS.xsi ? `xsi:${a.localName}` : (a.localName ?? a.name), a.value);
  }
  return out;
}

/** Longest common subsequence of keys: pairs of matched indexes. */
function align(a: readonly string[], b: readonly string[]): [number, number][] {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = dp[i] as number[];
      row[j] = a[i] === b[j] ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** What an added element holds when it is a leaf: its attributes and text. */
function leaf(el: El): string {
  if (children(el).length > 0) return '';
  const parts = [...attributes(el)].map(([n, v]) => `@${n}=${show(v)}`);
  const t = ownText(el).trim();
  if (t !== '') parts.push(show(t));
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

function diffElement(a: El, b: El, path: string, out: string[]): void {
  const aa = attributes(a);
  const ba = attributes(b);
  for (const [name, v] of aa) {
    const w = ba.get(name);
    if (w === undefined) out.push(`- ${path}@${name}`);
    else if (w !== v) out.push(`~ ${path}@${name}: ${show(v)} -> ${show(w)}`);
  }
  for (const [name, w] of ba) if (!aa.has(name)) out.push(`+ ${path}@${name}=${show(w)}`);
  if (!SIGNATURE_NOISE.has(a.localName ?? '')) {
    const [at, bt] = [ownText(a).trim(), ownText(b).trim()];
    if (at !== bt)
      out.push(a.localName === 'X509Certificate' ? `~ ${path}: certificate` : `~ ${path}: ${show(at)} -> ${show(bt)}`);
  }
  const ac = children(a);
  const bc = children(b);
  const pairs = align(ac.map(key), bc.map(key));
  const matchedA = new Set(pairs.map(([i]) => i));
  const matchedB = new Set(pairs.map(([, j]) => j));
  let removed = ac.filter((_, i) => !matchedA.has(i));
  let added = bc.filter((_, j) => !matchedB.has(j));
  // An element whose ID (or Algorithm) changed is the same element altered, when it is the only one.
  const more: [El, El][] = [];
  for (const r of removed) {
    const sameA = removed.filter((x) => x.localName === r.localName);
    const sameB = added.filter((x) => x.localName === r.localName);
    if (sameA.length === 1 && sameB.length === 1 && sameB[0] !== undefined) more.push([r, sameB[0]]);
  }
  removed = removed.filter((r) => !more.some(([x]) => x === r));
  added = added.filter((r) => !more.some(([, y]) => y === r));
  for (const r of removed) out.push(`- ${path}/${segment(r, ac)}`);
  for (const x of added) out.push(`+ ${path}/${segment(x, bc)}${leaf(x)}`);
  const all: [El, El][] = [...pairs.map(([i, j]) => [ac[i], bc[j]] as [El, El]), ...more];
  for (const [x, y] of all) diffElement(x, y, `${path}/${segment(x, ac)}`, out);
}

/**
 * Structural differences from `baseline` to `crafted`: element paths with added (`+`), removed (`-`)
 * and changed (`~`) elements, attributes and text, plus the XML declaration. Signature values and
 * digests are ignored (they change with any change); certificates are compared.
 */
export function diffXml(baseline: string, crafted: string): string[] {
  const out: string[] = [];
  const decl = (s: string) => s.startsWith('<?xml');
  if (decl(baseline) !== decl(crafted)) out.push(decl(crafted) ? '+ declaration' : '- declaration');
  const a = parseXml(baseline).documentElement;
  const b = parseXml(crafted).documentElement;
  if (a === null || b === null) throw new Error('no root element');
  diffElement(a as El, b as El, a.localName ?? 'Response', out);
  return out.sort();
}
