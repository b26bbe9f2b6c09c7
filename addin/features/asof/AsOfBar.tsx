// The "as of" date: a native date field to pick a past date (opening on the date in force), and a
// chip while one is in force (a click goes back to today), so nobody mistakes a past picture for today's.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarRegular, DismissRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  field: { flexGrow: 1, minWidth: 0 },
  chipRow: { display: 'flex', paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
  chip: { minWidth: 0, fontWeight: tokens.fontWeightRegular, backgroundColor: tokens.colorBrandBackground2 },
});

/** Today in the agent's own time zone, as 'YYYY-MM-DD'. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function AsOfPicker(props: {
  asOf: string | undefined;
  /** The date the figures are for now (the summary's): the field opens on it. */
  inForce: string;
  onChange: (date: string | undefined) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.picker}>
      <Field label={t('overview.asOf.field')} className={styles.field}>
        <Input
          type="date"
          autoFocus
          value={props.asOf ?? props.inForce}
          max={localToday()}
          onChange={(_, d) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(d.value)) props.onChange(d.value);
            else if (d.value === '') props.onChange(undefined);
          }}
        />
      </Field>
      <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('overview.asOf.closePicker')} onClick={props.onClose} />
    </div>
  );
}

/** While a past date is in force: "As of <date>", a click back to today. */
export function AsOfChip(props: { asOf: string; onReset: () => void }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  return (
    <div className={styles.chipRow}>
      <Button
        className={styles.chip}
        size="small"
        shape="circular"
        icon={<CalendarRegular />}
        title={t('overview.asOf.backToToday')}
        aria-label={t('overview.asOf.chipLabel', { date: formatDate(props.asOf, locale) })}
        onClick={props.onReset}
      >
        {t.rich('overview.asOf.chip', { date: <DateText date={props.asOf} /> })}
        <DismissRegular aria-hidden />
      </Button>
    </div>
  );
}
