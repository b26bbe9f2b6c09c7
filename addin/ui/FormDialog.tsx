// The pane's one dialog shell: title, content, an error bar with Retry, Confirm and Cancel (or Close),
// a busy state that neither closes nor confirms twice; the "This will:" effect list shown before
// anything is saved; and the hook that sends a confirmed form once under an Idempotency-Key.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  narrow: { maxWidth: 'min(480px, 100vw - 16px)' },
  table: { maxWidth: 'min(520px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  effect: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface FormDialogProps {
  title: ReactNode;
  /** The dialog's accessible name when the title says more (a document number, a date); default: the title. */
  label?: string;
  /** 'narrow' (480 px, the default), 'table' (520 px) or 'wide' (Fluent's own width, for a grid of fields). */
  width?: 'narrow' | 'table' | 'wide';
  /** While saving, neither button nor Escape acts. */
  saving?: boolean;
  /** The primary button; none when there is nothing (more) to confirm. */
  confirm?: { label: string; savingLabel?: string; disabled?: boolean; onClick: () => void };
  /** The secondary button, which closes: 'Cancel' unless told. */
  closeLabel?: string;
  onClose: () => void;
  /** A failed request (null: none), shown under the content with Retry (default: confirm again; close when there is no Confirm). */
  failure?: unknown;
  /** The failure's title: 'Not saved' unless told. */
  failureTitle?: string;
  onRetry?: () => void;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const t = useT();
  const saving = props.saving === true;
  const width = props.width ?? 'narrow';
  const label = props.label ?? (typeof props.title === 'string' ? props.title : undefined);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={width === 'wide' ? undefined : styles[width]} aria-label={label}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.children}
            {props.failure != null && (
              <ErrorBar title={props.failureTitle ?? t('forms.notSaved')} error={props.failure} onRetry={props.onRetry ?? props.confirm?.onClick ?? props.onClose} />
            )}
          </DialogContent>
          <DialogActions>
            {props.confirm && (
              <Button appearance="primary" disabled={props.confirm.disabled === true || saving} onClick={props.confirm.onClick}>
                {saving ? (props.confirm.savingLabel ?? t('forms.saving')) : props.confirm.label}
              </Button>
            )}
            <Button disabled={saving} onClick={props.onClose}>
              {props.closeLabel ?? t('forms.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** What confirming will do, one line each, under "This will:". */
export function Effect(props: { lines: readonly string[] }) {
  const styles = useStyles();
  const t = useT();
  return (
    <section aria-label={t('forms.effect')}>
      <Text weight="semibold">{t('forms.thisWill')}</Text>
      <ul className={styles.effect}>
        {props.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Sends a confirmed form: one Idempotency-Key kept across retries until the form changes
 * (`renewKey`), so a retry after a lost answer cannot save twice; `saving` while it runs, the
 * failure to show otherwise.
 */
export function useSubmit() {
  const key = useRef<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (send: (idempotencyKey: string) => Promise<void>) => {
    key.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      await send(key.current);
    } catch (error) {
      setFailure(error);
    }
    setSaving(false);
  };
  const renewKey = () => {
    key.current = null;
  };
  return { saving, failure, submit, renewKey };
}
