// German: the customer view around the tabs and customer search.
import type { Translation } from '../core';
import type { Source } from '../en';

export const customer: Translation<Source['customer']> = {
  failed: 'Der Kunde konnte nicht geladen werden',
  tabs: 'Kundendetails',
  tab: { overview: 'Übersicht', transactions: 'Posten', timeline: 'Verlauf', activities: 'Aktivitäten' },
  panel: { overview: 'Übersicht', transactions: 'Posten', timeline: 'Verlauf', activities: 'Aktivitäten' },
};
