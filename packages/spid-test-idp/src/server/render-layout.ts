/**
 * Escapes text for HTML element content and attribute values.
 * @param text - untrusted text
 * @returns the escaped text
 * @internal
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const CSS = `
body{font-family:system-ui,sans-serif;margin:0;background:#f2f5f8;color:#17324d}
header{background:#0066cc;color:#fff;padding:12px 24px;font-weight:600}
main{max-width:760px;margin:24px auto;background:#fff;padding:24px;border-radius:6px}
h1{font-size:1.4rem;margin-top:0}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d9dadb;padding:6px;text-align:left;font-size:.9rem}
fieldset{border:1px solid #d9dadb;margin:12px 0;padding:12px}
button{background:#0066cc;color:#fff;border:0;padding:8px 16px;border-radius:4px;cursor:pointer}
button.secondary{background:#5c6f82}
.code{font-family:monospace;background:#eef;padding:2px 6px}
.en{color:#5c6f82;font-size:.9rem}
.warn{background:#fff3cd;padding:8px}
`;

/**
 * Wraps a page body in the IdP's layout: bilingual header, one nonce'd `<style>`, no external resource.
 * @param options - title (plain text), body (already escaped HTML), nonce
 * @returns the whole page
 * @internal
 */
export function renderLayout(options: {
  readonly title: string;
  readonly body: string;
  readonly nonce: string;
}): string {
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style nonce="${escapeHtml(options.nonce)}">${CSS}</style>
</head>
<body>
<header>civico SPID test IdP &mdash; solo per sviluppo e test / development and testing only</header>
<main>
${options.body}
</main>
</body>
</html>
`;
}
