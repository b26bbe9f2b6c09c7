// English or German: the email's language picks the date parser; every other rule reads both.
export type Language = 'en' | 'de';

const GERMAN = /\b(und|wir|die|der|das|ist|nicht|bitte|rechnung|rechnungen|zahlen|zahlung|werden|haben|sie|ihre|ihnen|mit|für|auf|bis|uns)\b/giu;
const ENGLISH = /\b(and|we|the|is|not|please|invoice|invoices|pay|payment|will|have|you|your|with|for|on|by|us)\b/giu;

export function detectLanguage(text: string): Language {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return de > en ? 'de' : 'en';
}
