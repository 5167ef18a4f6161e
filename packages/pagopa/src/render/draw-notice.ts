import type { Notice } from '../notice/notice.js';
import { drawHeader, type LogoCache } from './draw-header.js';
import { drawInstalmentRow, instalmentRowHeight, type PerRow } from './draw-instalment-row.js';
import { drawParties } from './draw-parties.js';
import { drawPaymentBlock, PAYMENT_BLOCK_HEIGHT } from './draw-payment-block.js';
import { drawPostalSlip, POSTAL_SLIP_GAP, POSTAL_SLIP_HEIGHT } from './draw-postal-slip.js';
import { drawSummary } from './draw-summary.js';
import { formatCents } from './format.js';
import { instalmentViews, type PaymentView, singleView } from './payment-view.js';
import { mm, PAGE } from './units.js';

/** @internal A module of the payment section, in page order. */
type Module =
  | { readonly kind: 'block'; readonly option: PaymentView }
  | { readonly kind: 'row'; readonly rates: readonly PaymentView[] }
  | { readonly kind: 'slip'; readonly option: PaymentView };

/** @internal Modules of a notice: the single block and rows of rates, each followed by its slips. */
export function noticeModules(notice: Notice, perRow: PerRow): Module[] {
  const modules: Module[] = [];
  const postal = notice.creditor.postal !== undefined;
  const single = singleView(notice);
  if (single) {
    modules.push({ kind: 'block', option: single });
    if (postal) modules.push({ kind: 'slip', option: single });
  }
  const rates = instalmentViews(notice);
  for (let i = 0; i < rates.length; i += perRow) {
    const row = rates.slice(i, i + perRow);
    modules.push({ kind: 'row', rates: row });
    if (postal) for (const option of row) modules.push({ kind: 'slip', option });
  }
  return modules;
}

function summaryOf(notice: Notice) {
  const single = singleView(notice);
  const rates = instalmentViews(notice);
  const amountCents = single?.amountCents ?? rates.reduce((sum, r) => sum + r.amountCents, 0);
  return {
    amountCents,
    amountText: formatCents(amountCents),
    dueDate: single ? single.dueText : rates[0]?.dueText,
    instalments: rates.length,
    canPayInFull: single !== undefined,
  };
}

/** @internal Options of {@link drawNotice}. */
export interface DrawNoticeOptions {
  /** Rate modules per row. */
  readonly perRow: PerRow;
  /** The document's logo cache. */
  readonly logos: LogoCache;
}

/**
 * @internal Draws a whole notice on new pages of `doc`: header, parties and summary on page 1, then the
 * payment modules, moving to a new page (with the header again) when a module would cross the bottom.
 */
export function drawNotice(doc: PDFKit.PDFDocument, notice: Notice, options: DrawNoticeOptions): void {
  const newPage = () => {
    doc.addPage({ size: [mm(PAGE.width), mm(PAGE.height)], margin: 0 });
    drawHeader(doc, notice, options.logos);
  };
  newPage();
  let y = drawSummary(doc, drawParties(doc, notice), summaryOf(notice));
  let previous: Module['kind'] | undefined;
  for (const module of noticeModules(notice, options.perRow)) {
    const gap = module.kind === 'slip' && previous !== 'slip' ? POSTAL_SLIP_GAP : 0;
    const height =
      module.kind === 'block'
        ? PAYMENT_BLOCK_HEIGHT
        : module.kind === 'slip'
          ? POSTAL_SLIP_HEIGHT
          : instalmentRowHeight(doc, notice, options.perRow);
    // The last few mm of each module are spacing, not ink: let that part pass the bottom margin.
    if (y + gap + height - 7 > PAGE.bottom) {
      newPage();
      y = PAGE.continuationTop + (module.kind === 'slip' ? POSTAL_SLIP_GAP : 0);
    } else {
      y += gap;
    }
    if (module.kind === 'block') drawPaymentBlock(doc, y, notice, module.option);
    else if (module.kind === 'slip') drawPostalSlip(doc, y, notice, module.option);
    else drawInstalmentRow(doc, y, notice, module.rates, options.perRow);
    y += height;
    previous = module.kind;
  }
}
