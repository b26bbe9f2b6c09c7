// The worklist's customers, virtualised (only the rows in view are in the page, however long the
// pool), loading the next page as the end comes into view. Each row is a button that opens the
// customer: name and overdue, account, age of the oldest overdue item, last contact, and flags.
import { Badge, Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useT, type Translate } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatMoney } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import type { LoadedRows } from './memory';
import type { WorklistItem } from './types';

/** Every row has the same height (three lines), so a saved offset finds the same row again. */
export const ROW_HEIGHT = 76;
/** Ask for the next page this many rows before the end. */
const AHEAD = 10;

const useStyles = makeStyles({
  scroller: { overflowY: 'auto', minHeight: '240px', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  list: { position: 'relative', margin: 0, padding: 0, listStyleType: 'none', width: '100%' },
  item: { position: 'absolute', top: 0, left: 0, width: '100%', height: `${ROW_HEIGHT}px`, boxSizing: 'border-box' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gridTemplateRows: 'repeat(3, auto)',
    alignContent: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    height: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  opened: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  overdue: { textAlign: 'end', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  meta: { gridColumn: '1 / -1', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  flags: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalXXS, overflow: 'hidden', minHeight: tokens.lineHeightBase200 },
  footer: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalS },
});

function lastContact(at: string | null, t: Translate): string {
  if (!at) return t('worklist.list.noContact');
  return t('worklist.list.lastContact', { date: new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium' }).format(new Date(at)) });
}

function flagLabels(flags: WorklistItem['flags'], t: Translate): string[] {
  return [
    flags.brokenPromise && t('worklist.flags.brokenPromise'),
    flags.disputed && t('worklist.flags.disputed'),
    flags.onHold && t('worklist.flags.onHold'),
    flags.overCreditLimit && t('worklist.flags.overCreditLimit'),
  ].filter((f): f is string => !!f);
}

function Flags(props: { flags: WorklistItem['flags'] }) {
  const t = useT();
  const { flags } = props;
  return (
    <>
      {flags.brokenPromise && (
        <Badge size="small" appearance="filled" color="danger">
          {t('worklist.flags.brokenPromise')}
        </Badge>
      )}{' '}
      {flags.disputed && (
        <Badge size="small" appearance="tint" color="warning">
          {t('worklist.flags.disputed')}
        </Badge>
      )}{' '}
      {flags.onHold && (
        <Badge size="small" appearance="outline" color="informative">
          {t('worklist.flags.onHold')}
        </Badge>
      )}{' '}
      {flags.overCreditLimit && (
        <Badge size="small" appearance="tint" color="severe">
          {t('worklist.flags.overCreditLimit')}
        </Badge>
      )}
    </>
  );
}

export function WorklistList(props: {
  rows: LoadedRows;
  loadingMore: boolean;
  moreError: unknown;
  onLoadMore(): void;
  onOpen(item: WorklistItem, scrollOffset: number): void;
  /** Where the list was left, and the row to focus (the customer opened from it). */
  initialOffset: number;
  focusId: string | null;
  onScroll?(offset: number): void;
  className?: string;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  // Where the list was left, set before the virtualizer first reads the element (rows have one height, so the offset is the row).
  const initialOffset = useRef(props.initialOffset);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = initialOffset.current;
  }, []);
  const { items, nextCursor, currency } = props.rows;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialOffset: initialOffset.current,
    getItemKey: (i) => items[i]?.customer.id ?? i,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (nextCursor && !props.loadingMore && !props.moreError && last >= items.length - AHEAD) props.onLoadMore();
  }, [last, items.length, nextCursor, props]);

  // Back from a customer: the keyboard is where it was, on that customer's row.
  const focusId = useRef(props.focusId);
  useEffect(() => {
    if (!focusId.current) return;
    const rows = scroller.current?.querySelectorAll<HTMLElement>('[data-customer-id]') ?? [];
    const row = [...rows].find((r) => r.dataset.customerId === focusId.current);
    if (row) {
      row.focus({ preventScroll: true });
      focusId.current = null;
    }
  });

  return (
    <div
      ref={scroller}
      className={mergeClasses(styles.scroller, props.className)}
      onScroll={(e) => props.onScroll?.(e.currentTarget.scrollTop)}
    >
      <ul className={styles.list} style={{ height: `${virtualizer.getTotalSize()}px` }} aria-label={t('worklist.list.label')}>
        {virtualRows.map((v) => {
          const item = items[v.index]!;
          const meta = [
            item.customer.account,
            item.oldestOverdueDays === null ? t('worklist.list.nothingOverdue') : t('worklist.list.daysOverdue', { count: item.oldestOverdueDays }),
            lastContact(item.lastActivityAt, t),
          ];
          const overdue = formatMoney(item.overdue, currency, locale);
          return (
            <li
              key={v.key}
              className={styles.item}
              style={{ transform: `translateY(${v.start}px)` }}
              aria-setsize={props.rows.total}
              aria-posinset={v.index + 1}
            >
              <button
                type="button"
                data-customer-id={item.customer.id}
                // The visible text in its order (so speech input finds it), with pauses between the parts.
                aria-label={[item.customer.name, overdue, meta.join(' · '), ...flagLabels(item.flags, t)].join(', ')}
                className={mergeClasses(styles.row, props.focusId === item.customer.id && styles.opened)}
                onClick={() => props.onOpen(item, scroller.current?.scrollTop ?? 0)}
              >
                <span className={styles.name}>{item.customer.name}</span>{' '}
                <span className={styles.overdue} title={t('worklist.list.overdue')}>
                  {overdue}
                </span>{' '}
                <span className={styles.meta}>{meta.join(' · ')}</span>{' '}
                <span className={styles.flags}>
                  <Flags flags={item.flags} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {props.loadingMore && (
        <div className={styles.footer}>
          <Spinner size="tiny" label={t('worklist.list.loadingMore')} />
        </div>
      )}
      {props.moreError !== null && props.moreError !== undefined && (
        <div className={styles.footer}>
          <ErrorBar title={t('worklist.list.moreFailed')} error={props.moreError} onRetry={props.onLoadMore} />
        </div>
      )}
      {!nextCursor && items.length > 0 && (
        <div className={styles.footer}>
          <Text size={200}>{t('worklist.list.end')}</Text>
        </div>
      )}
      {items.length === 0 && (
        <div className={styles.footer}>
          <Text>{t('worklist.list.noMatch')}</Text>
        </div>
      )}
      {nextCursor && !props.loadingMore && !props.moreError && (
        <div className={styles.footer}>
          <Button size="small" appearance="subtle" onClick={props.onLoadMore}>
            {t('worklist.list.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
