// A small horizontal bar chart in the Fluent look, grouped (a bar per series in each group) or
// stacked (one bar per group, a segment per series). Every bar is a button whose name reads its
// figures ("Disputed: $12,345.67, 8 customers"), the legend switches series on and off, and a
// visually hidden table carries the same numbers for reading by table navigation.
import { createFocusOutlineStyle, makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { Fragment, useId, useState } from 'react';
import { useT } from '../../i18n';
import { formatMoney } from '../format';
import { useLocale } from '../locale';
import { useToneStyles, type ChartTone } from './tones';

export interface ChartSeries {
  id: string;
  label: string;
  tone: ChartTone;
}

/** An amount of integer minor units, and how many it counts (customers, documents) when known. */
export interface ChartValue {
  amount: number;
  count?: number;
}

export interface ChartGroup {
  id: string;
  label: string;
  /** By series id; a series without a value has no bar in this group. */
  values: Readonly<Partial<Record<string, ChartValue>>>;
}

export interface ChartBar {
  groupId: string;
  seriesId: string;
}

export interface BarChartProps {
  /** The chart's heading, and the caption of its table. */
  title: string;
  titleAs?: 'h2' | 'h3';
  currency: string;
  series: readonly ChartSeries[];
  groups: readonly ChartGroup[];
  mode?: 'grouped' | 'stacked';
  /** Ids of the series switched off; uncontrolled (all on at first) when absent. */
  hidden?: readonly string[];
  onHiddenChange?(hidden: string[]): void;
  /** Makes every bar a button; `selected` is the bar pressed (the filter it applied). */
  onSelect?(bar: ChartBar): void;
  selected?: ChartBar | null;
  /** "8 customers"; without it counts are not shown. */
  describeCount?(count: number): string;
  /** Heading of the table's first column, e.g. "Status" or "Month". */
  groupHeader?: string;
}

const useStyles = makeStyles({
  root: { position: 'relative', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: tokens.spacingHorizontalM, height: tokens.spacingVerticalM, borderRadius: tokens.borderRadiusSmall },
  // Switched off: an outline only, so the state shows without relying on colour.
  swatchOff: { backgroundColor: 'transparent', outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}` },
  // Label, bar and figure columns shared by every row (subgrid), so bars of all rows share one scale.
  plot: {
    display: 'grid',
    gridTemplateColumns: 'fit-content(40%) minmax(2em, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  row: {
    display: 'grid',
    gridColumn: '1 / -1',
    gridTemplateColumns: 'subgrid',
    alignItems: 'center',
    minHeight: '28px',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'start',
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  pressed: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupLabel: { gridColumn: '1 / -1', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS },
  label: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  track: { display: 'flex', height: tokens.spacingVerticalM, minWidth: 0 },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall, minWidth: tokens.strokeWidthThick },
  // Stacked segments: a thin gap in the background colour keeps neighbours apart in any theme.
  segment: {
    height: '100%',
    minWidth: tokens.strokeWidthThick,
    padding: 0,
    border: 'none',
    borderInlineEndWidth: tokens.strokeWidthThin,
    borderInlineEndStyle: 'solid',
    borderInlineEndColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ...createFocusOutlineStyle(),
  },
  segmentPressed: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}`, outlineOffset: tokens.strokeWidthThin },
  value: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // On a wrapper: a table's own width never shrinks below its content.
  hiddenTable: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const sameBar = (a: ChartBar | null | undefined, groupId: string, seriesId: string) => !!a && a.groupId === groupId && a.seriesId === seriesId;

/** The share of the scale a bar takes, in percent; credits (negative) draw nothing. */
function widthOf(amount: number, scale: number): number {
  return scale > 0 && amount > 0 ? Math.min(100, (amount / scale) * 100) : 0;
}

export function BarChart(props: BarChartProps) {
  const styles = useStyles();
  const toneStyles = useToneStyles();
  const locale = useLocale();
  const t = useT();
  const titleId = useId();
  const [ownHidden, setOwnHidden] = useState<string[]>([]);
  const hidden = props.hidden ?? ownHidden;
  const mode = props.mode ?? 'grouped';
  const visible = props.series.filter((s) => !hidden.includes(s.id));
  const money = (amount: number) => formatMoney(amount, props.currency, locale);
  const countText = (v: ChartValue) => (v.count !== undefined && props.describeCount ? props.describeCount(v.count) : null);
  const cellText = (v: ChartValue | undefined) => (v ? [money(v.amount), countText(v)].filter(Boolean).join(', ') : '—');
  const nameOf = (label: string, v: ChartValue) => [`${label}: ${money(v.amount)}`, countText(v)].filter(Boolean).join(', ');

  const toggle = (id: string) => {
    const next = hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id];
    setOwnHidden(next);
    props.onHiddenChange?.(next);
  };

  const linesOf = (g: ChartGroup) => visible.flatMap((s) => (g.values[s.id] ? [{ series: s, value: g.values[s.id]! }] : []));
  const totalOf = (g: ChartGroup) => linesOf(g).reduce((sum, l) => sum + Math.max(0, l.value.amount), 0);
  const shown = props.groups.filter((g) => linesOf(g).length > 0);
  const scale =
    mode === 'stacked' ? Math.max(0, ...shown.map(totalOf)) : Math.max(0, ...shown.flatMap((g) => linesOf(g).map((l) => l.value.amount)));

  const rowContent = (label: string, tone: ChartTone, v: ChartValue) => (
    <>
      {/* Spaces between the parts: read as words, not run together ("Disputed$12,345.67"). */}
      <span className={styles.label}>{label}</span>{' '}
      <span className={styles.track} aria-hidden>
        {widthOf(v.amount, scale) > 0 && <span className={mergeClasses(styles.bar, toneStyles[tone])} style={{ width: `${widthOf(v.amount, scale)}%` }} />}
      </span>
      {/* Read in the order of the bar's name: label, amount, count. */}
      <span className={styles.value}>
        <span>{money(v.amount)}</span>{' '}
        {countText(v) && <span className={styles.count}>{countText(v)}</span>}
      </span>
    </>
  );

  const groupedRows = (g: ChartGroup) => {
    const lines = linesOf(g);
    // One bar in the group: the group names it; several: a heading, then one line per series.
    const single = lines.length === 1;
    const bars = lines.map(({ series, value }) => {
      const label = single ? g.label : series.label;
      const name = nameOf(single ? g.label : `${g.label}, ${series.label}`, value);
      if (!props.onSelect) {
        return (
          <div key={series.id} className={styles.row} role="img" aria-label={name}>
            {rowContent(label, series.tone, value)}
          </div>
        );
      }
      const pressed = sameBar(props.selected, g.id, series.id);
      return (
        <button
          key={series.id}
          type="button"
          className={mergeClasses(styles.row, styles.button, pressed && styles.pressed)}
          aria-pressed={pressed}
          aria-label={name}
          onClick={() => props.onSelect?.({ groupId: g.id, seriesId: series.id })}
        >
          {rowContent(label, series.tone, value)}
        </button>
      );
    });
    return single ? (
      <Fragment key={g.id}>{bars}</Fragment>
    ) : (
      <div key={g.id} role="group" aria-label={g.label} style={{ display: 'contents' }}>
        <span className={styles.groupLabel}>{g.label}</span>
        {bars}
      </div>
    );
  };

  const stackedRow = (g: ChartGroup) => {
    const total = totalOf(g);
    return (
      <div key={g.id} className={styles.row} role="group" aria-label={`${g.label}: ${money(total)}`}>
        <span className={styles.label}>{g.label}</span>
        <span className={styles.track}>
          {linesOf(g).map(({ series, value }) => {
            const width = widthOf(value.amount, scale);
            if (width === 0) return null;
            const name = nameOf(`${g.label}, ${series.label}`, value);
            const pressed = sameBar(props.selected, g.id, series.id);
            const className = mergeClasses(styles.segment, toneStyles[series.tone], pressed && styles.segmentPressed);
            return props.onSelect ? (
              <button
                key={series.id}
                type="button"
                className={className}
                style={{ width: `${width}%` }}
                aria-pressed={pressed}
                aria-label={name}
                title={name}
                onClick={() => props.onSelect?.({ groupId: g.id, seriesId: series.id })}
              />
            ) : (
              <span key={series.id} className={className} style={{ width: `${width}%` }} role="img" aria-label={name} title={name} />
            );
          })}
        </span>
        <span className={styles.value}>{money(total)}</span>
      </div>
    );
  };

  // One value per group (a status, a period): a two-column table; otherwise groups × series.
  const flat = props.groups.every((g) => Object.keys(g.values).length <= 1);
  const TitleTag = props.titleAs ?? 'h3';
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <TitleTag id={titleId} className={styles.title}>
        {props.title}
      </TitleTag>
      {props.series.length > 1 && (
        <div className={styles.legend} role="group" aria-label={t('common.chart.series', { title: props.title })}>
          {props.series.map((s) => {
            const on = !hidden.includes(s.id);
            return (
              <ToggleButton
                key={s.id}
                size="small"
                appearance="subtle"
                checked={on}
                onClick={() => toggle(s.id)}
                icon={<span className={mergeClasses(styles.swatch, on ? toneStyles[s.tone] : styles.swatchOff)} />}
              >
                {s.label}
              </ToggleButton>
            );
          })}
        </div>
      )}
      {shown.length === 0 ? (
        <p className={styles.empty}>{visible.length === 0 ? t('common.chart.allOff') : t('common.chart.empty')}</p>
      ) : (
        <div className={styles.plot}>{shown.map((g) => (mode === 'stacked' ? stackedRow(g) : groupedRows(g)))}</div>
      )}
      <div className={styles.hiddenTable}>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.groupHeader ?? t('common.chart.group')}</th>
              {flat ? <th scope="col">{t('common.chart.amount')}</th> : visible.map((s) => <th key={s.id} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => (
              <tr key={g.id}>
                <th scope="row">{g.label}</th>
                {(flat ? linesOf(g).map((l) => l.series) : visible).map((s) => (
                  <td key={s.id}>{cellText(g.values[s.id])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
