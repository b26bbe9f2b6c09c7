// The "as of" date: a native date field to pick a past date, and a banner while one is in force
// (with a reset back to today), so nobody mistakes a past picture for today's.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { DateText } from '../../ui/DateText';

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  field: { flexGrow: 1, minWidth: 0 },
});

/** Today in the agent's own time zone, as 'YYYY-MM-DD'. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function AsOfPicker(props: { asOf: string | undefined; onChange: (date: string | undefined) => void; onClose: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.picker}>
      <Field label="Show the customer as of" className={styles.field}>
        <Input
          type="date"
          value={props.asOf ?? ''}
          max={localToday()}
          onChange={(_, d) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(d.value)) props.onChange(d.value);
            else if (d.value === '') props.onChange(undefined);
          }}
        />
      </Field>
      <Button appearance="subtle" icon={<DismissRegular />} aria-label="Close date picker" onClick={props.onClose} />
    </div>
  );
}

export function AsOfBanner(props: { asOf: string; onReset: () => void }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        As of <DateText date={props.asOf} />
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onReset}>
          Back to today
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
