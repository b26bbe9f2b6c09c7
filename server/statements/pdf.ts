// The PDF of a statement (pdfkit), in the letters' look: letterhead, customer, statement details,
// then the open items with totals and aging, or the postings per currency with opening and closing
// balances; contact last. Reads only the statement view.
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { StatementView } from './view';

// As the letters do: Helvetica while every character is WinAnsi, else a system Unicode font.
const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
] as const;
const fontFiles = FONT_CANDIDATES.find(([regular, bold]) => existsSync(regular) && existsSync(bold));
const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');
function isWinAnsi(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) continue;
    return false;
  }
  return true;
}

const MARGIN = 50;
const RIGHT = 545;
const GREY = '#616161';
const ACCENT = '#0f6cbd';
const DANGER = '#c50f1f';
type Column = { x: number; width: number; align: 'left' | 'right' };
const ITEM_COLUMNS: readonly Column[] = [
  { x: 50, width: 150, align: 'left' },
  { x: 205, width: 75, align: 'left' },
  { x: 285, width: 75, align: 'left' },
  { x: 360, width: 50, align: 'right' },
  { x: 415, width: 130, align: 'right' },
];
const POSTING_COLUMNS: readonly Column[] = [
  { x: 50, width: 75, align: 'left' },
  { x: 130, width: 155, align: 'left' },
  { x: 290, width: 120, align: 'right' },
  { x: 415, width: 130, align: 'right' },
];
const SUMMARY: readonly Column[] = [
  { x: 50, width: 360, align: 'right' },
  { x: 415, width: 130, align: 'right' },
];

export function renderStatementPdf(view: StatementView): Promise<Buffer> {
  const unicode = fontFiles !== undefined && !isWinAnsi(JSON.stringify(view));
  // Fixed dates keep the bytes of one statement the same however often it is rendered.
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: view.subject, Author: view.company.name, CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', unicode ? readFileSync(fontFiles[0]) : 'Helvetica');
  doc.registerFont('bold', unicode ? readFileSync(fontFiles[1]) : 'Helvetica-Bold');
  const { labels } = view;

  const image = view.company.logoPath && existsSync(view.company.logoPath) ? readFileSync(view.company.logoPath) : null;
  const textX = image ? MARGIN + 60 : MARGIN;
  if (image) doc.image(image, MARGIN, MARGIN, { fit: [48, 48] });
  doc.font('bold').fontSize(16).fillColor(ACCENT).text(view.company.name, textX, MARGIN, { width: 280 });
  doc.font('body').fontSize(9).fillColor(GREY);
  for (const line of view.company.addressLines) doc.text(line, textX, undefined, { width: 280 });
  doc.fillColor('black').fontSize(10);
  doc.text(`${labels.statement} ${view.number}`, 345, MARGIN, { width: 200, align: 'right' });
  doc.text(`${labels.asOf} ${view.date}`, 345, undefined, { width: 200, align: 'right' });
  if (view.period) doc.text(`${labels.period} ${view.period}`, 295, undefined, { width: 250, align: 'right' });
  doc.text(`${labels.account} ${view.customer.account}`, 345, undefined, { width: 200, align: 'right' });
  const ruleY = Math.max(110, doc.y + 6);
  doc.moveTo(MARGIN, ruleY).lineTo(RIGHT, ruleY).lineWidth(2).strokeColor(ACCENT).stroke();

  doc.font('bold').fontSize(11).text(view.customer.name, MARGIN, ruleY + 15, { width: 280 });
  doc.font('body').fontSize(10);
  for (const line of view.customer.addressLines) doc.text(line, { width: 280 });
  doc.moveDown(1.5).font('bold').fontSize(13).text(view.title, MARGIN, undefined, { width: 495 });
  doc.moveDown(0.5).font('body').fontSize(10).text(view.intro, { width: 495 }).moveDown(0.6);

  if (view.kind === 'open_items') openItems(doc, view);
  else activity(doc, view);

  doc.moveDown(1).font('body').fontSize(9).fillColor('black').text(`${labels.contact}: ${view.agent.name} · ${view.agent.email}`, MARGIN, undefined, { width: 495 });
  doc.end();
  return done;
}

/** One table row at the current y; breaks the page first when the row would not fit. */
function row(doc: PDFKit.PDFDocument, cells: string[], columns: readonly Column[], colors: Array<string | undefined> = []): void {
  if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
  const y = doc.y;
  let bottom = y;
  cells.forEach((cell, index) => {
    const column = columns[index]!;
    doc.fillColor(colors[index] ?? 'black').text(cell, column.x, y, { width: column.width, align: column.align });
    bottom = Math.max(bottom, doc.y);
  });
  doc.fillColor('black');
  doc.x = MARGIN;
  doc.y = bottom + 2;
}

function rule(doc: PDFKit.PDFDocument, width = 0.5): void {
  doc.moveTo(MARGIN, doc.y).lineTo(RIGHT, doc.y).lineWidth(width).strokeColor('#999999').stroke();
  doc.y += 3;
}

function openItems(doc: PDFKit.PDFDocument, view: StatementView): void {
  const { labels } = view;
  doc.font('bold').fontSize(11).text(labels.openItems, MARGIN, undefined, { width: 495 });
  doc.moveDown(0.3).fontSize(9);
  row(doc, [labels.document, labels.documentDate, labels.dueDate, labels.daysOverdue, labels.openAmount], ITEM_COLUMNS);
  rule(doc);
  doc.font('body');
  for (const item of view.items) {
    row(doc, [`${item.document} · ${item.kind}`, item.documentDate, item.dueDate, item.daysOverdue, item.amount], ITEM_COLUMNS, [
      undefined, undefined, undefined, item.overdue ? DANGER : undefined,
    ]);
  }
  rule(doc);
  doc.font('bold');
  for (const total of view.totals) row(doc, [labels.totalOpen, total], SUMMARY);
  doc.moveDown(0.8).fontSize(10).text(labels.aging, MARGIN, undefined, { width: 495 });
  doc.font('body').fontSize(9);
  for (const bucket of view.aging) row(doc, [bucket.label, bucket.amount], [{ x: 50, width: 200, align: 'left' }, SUMMARY[1]!]);
  doc.font('bold');
  if (view.balance) row(doc, [labels.openBalance, view.balance], [{ x: 50, width: 200, align: 'left' }, SUMMARY[1]!]);
}

function activity(doc: PDFKit.PDFDocument, view: StatementView): void {
  const { labels } = view;
  for (const c of view.currencies) {
    doc.font('bold').fontSize(11).text(`${labels.postings} · ${c.currency}`, MARGIN, undefined, { width: 495 });
    doc.moveDown(0.3).fontSize(9);
    row(doc, [labels.date, labels.document, labels.amount, labels.balance], POSTING_COLUMNS);
    rule(doc);
    row(doc, [labels.openingBalance, c.opening], SUMMARY);
    doc.font('body');
    for (const p of c.postings) row(doc, [p.date, `${p.document} · ${p.kind}`, p.amount, p.balance], POSTING_COLUMNS);
    rule(doc, 1);
    doc.font('bold');
    row(doc, [labels.closingBalance, c.closing], SUMMARY);
    doc.moveDown(0.8);
  }
}
