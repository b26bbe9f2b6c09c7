// The English catalog, the source every other language follows: one group of keys per feature.
import { common } from './common';
import { overview } from './overview';
import { reports } from './reports';
import { resolution } from './resolution';
import { timeline } from './timeline';
import { worklist } from './worklist';

export const en = { common, resolution, overview, timeline, worklist, reports } as const;

export type Source = typeof en;
