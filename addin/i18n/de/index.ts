// The German catalog: every key of the English source (a missing or extra key fails the type check).
import type { Translation } from '../core';
import type { Source } from '../en';
import { common } from './common';
import { overview } from './overview';
import { reports } from './reports';
import { resolution } from './resolution';
import { timeline } from './timeline';
import { worklist } from './worklist';
import { activities } from './activities';
import { customer } from './customer';
import { transactions } from './transactions';
import { settlements } from './settlements';
import { letters } from './letters';
import { statements } from './statements';
import { interest } from './interest';
import { header } from './header';
import { mentions } from './mentions';
import { forms } from './forms';
import { frame } from './frame';

export const de: Translation<Source> = { common, resolution, overview, timeline, worklist, reports, activities, customer, transactions, settlements, letters, statements, interest, header, mentions, forms, frame };
