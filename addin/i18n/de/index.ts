// The German catalog: every key of the English source (a missing or extra key fails the type check).
import type { Translation } from '../core';
import type { Source } from '../en';
import { common } from './common';
import { overview } from './overview';
import { reports } from './reports';
import { resolution } from './resolution';
import { timeline } from './timeline';
import { worklist } from './worklist';

export const de: Translation<Source> = { common, resolution, overview, timeline, worklist, reports };
