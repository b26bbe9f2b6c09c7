// The PDF statement of a letter (pdfkit): letterhead with logo, customer, the overdue items, totals,
// fee, aging of the open balance, how to pay and contact. Reads only the letter view.
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { LetterView } from './view';

// Helvetica (a PDF standard font: nothing to embed, fast) when every character is in its WinAnsi
// encoding; otherwise a Unicode TrueType font when the system has one, so names in other scripts
// print. Embedding a TrueType subset costs about 15 ms per letter, hence not by default.
const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
] as const;
const fontFiles = FONT_CANDIDATES.find(([regular, bold]) => existsSync(regular) && existsSync(bold));
const fonts = fontFiles ? { regular: readFileSync(fontFiles[0]), bold: readFileSync(fontFiles[1]) } : null;

// Neither embedded font has emoji glyphs; drop them rather than print missing-glyph boxes.
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;
function printable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(EMOJI, '').replace(/ {2,}/g, ' ') as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'logoPath' ? v : printable(v)])) as T;
  }
  return value;
}

const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');
function isWinAnsi(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) continue;
    return false;
  }
  return true;
}

const logos = new Map<string, Buffer | null>();
function logo(path: string | null): Buffer | null {
  if (!path) return null;
  if (!logos.has(path)) logos.set(path, existsSync(path) ? readFileSync(path) : null);
  return logos.get(path) ?? null;
}

const MARGIN = 50;
const GREY = '#616161';
const ACCENT = '#0f6cbd';
// Column x positions and widths of the items table (A4: 595 pt wide, 495 between the margins).
const COLUMNS = [
  { x: 50, width: 130, align: 'left' },
  { x: 185, width: 80, align: 'left' },
  { x: 270, width: 80, align: 'left' },
  { x: 350, width: 60, align: 'right' },
  { x: 415, width: 130, align: 'right' },
] as const;

export function renderLetterPdf(letter: LetterView): Promise<Buffer> {
  // JSON.stringify writes line breaks as '\\n', so only the letter's own characters are tested.
  const unicode = fonts !== null && !isWinAnsi(JSON.stringify(letter));
  const view = unicode ? printable(letter) : letter;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: view.subject, Author: view.company.name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (unicode && fonts) {
    doc.registerFont('body', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  const { labels } = view;

  // Letterhead: logo on the left, company name and address beside it, letter details on the right.
  const image = logo(view.company.logoPath);
  const textX = image ? MARGIN + 60 : MARGIN;
  if (image) doc.image(image, MARGIN, MARGIN, { fit: [48, 48] });
  doc.font('bold').fontSize(16).fillColor(ACCENT).text(view.company.name, textX, MARGIN, { width: 280 });
  doc.font('body').fontSize(9).fillColor(GREY);
  for (const line of view.company.addressLines) doc.text(line, textX, undefined, { width: 280 });
  doc.fillColor('black').fontSize(10);
  doc.text(`${labels.letter} ${view.number}`, 345, MARGIN, { width: 200, align: 'right' });
  doc.text(`${labels.date} ${view.date}`, 345, undefined, { width: 200, align: 'right' });
  doc.text(`${labels.account} ${view.customer.account}`, 345, undefined, { width: 200, align: 'right' });
  doc.moveTo(MARGIN, 110).lineTo(545, 110).lineWidth(2).strokeColor(ACCENT).stroke();

  doc.font('bold').fontSize(11).text(view.customer.name, MARGIN, 125, { width: 280 });
  doc.font('body').fontSize(10);
  for (const line of view.customer.addressLines) doc.text(line, { width: 280 });

  doc.moveDown(1.5).font('bold').fontSize(13).text(view.subject, MARGIN, undefined, { width: 495 });
  doc.moveDown(0.5).font('body').fontSize(10);
  for (const paragraph of view.body) doc.text(paragraph.join('\n'), { width: 495 }).moveDown(0.6);

  itemsTable(doc, view);

  doc.moveDown(0.8).font('bold').fontSize(10).text(`${labels.payBy} ${view.payBy}`, MARGIN, undefined, { width: 495 });
  doc.moveDown(0.8).text(labels.aging);
  doc.font('body').fontSize(9);
  for (const bucket of view.aging) row(doc, [bucket.label, bucket.amount], [{ x: 50, width: 200, align: 'left' }, COLUMNS[4]]);

  doc.moveDown(0.8).font('bold').fontSize(10).text(labels.howToPay, MARGIN, undefined, { width: 495 });
  doc.font('body').fontSize(9);
  for (const paragraph of view.payment) doc.text(paragraph.join('\n'), { width: 495 }).moveDown(0.4);
  doc.moveDown(0.4).text(`${labels.contact}: ${view.agent.name} · ${view.agent.email}`, { width: 495 });
  doc.end();
  return done;
}

type Column = { x: number; width: number; align: 'left' | 'right' };

/** One table row at the current y; breaks the page first when the row would not fit. */
function row(doc: PDFKit.PDFDocument, cells: string[], columns: readonly Column[]): void {
  if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
  const y = doc.y;
  let bottom = y;
  cells.forEach((cell, index) => {
    const column = columns[index]!;
    doc.text(cell, column.x, y, { width: column.width, align: column.align });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = MARGIN;
  doc.y = bottom + 2;
}

function itemsTable(doc: PDFKit.PDFDocument, view: LetterView): void {
  const { labels } = view;
  doc.moveDown(0.4).font('bold').fontSize(11).text(labels.overdueItems, MARGIN, undefined, { width: 495 });
  doc.moveDown(0.3).fontSize(9);
  row(doc, [labels.document, labels.documentDate, labels.dueDate, labels.daysOverdue, labels.openAmount], COLUMNS);
  doc.moveTo(MARGIN, doc.y).lineTo(545, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.y += 3;
  doc.font('body');
  for (const line of view.lines) row(doc, [line.document, line.documentDate, line.dueDate, line.daysOverdue, line.amount], COLUMNS);
  doc.moveTo(MARGIN, doc.y).lineTo(545, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.y += 3;
  const summary = [{ x: 50, width: 360, align: 'right' }, { x: 415, width: 130, align: 'right' }] as const;
  doc.font('bold');
  for (const total of view.totals) row(doc, [labels.totalOverdue, total], summary);
  doc.font('body');
  if (view.fee) row(doc, [labels.fee, view.fee], summary);
  doc.font('bold');
  for (const total of view.totalDue) row(doc, [labels.totalDue, total], summary);
}
