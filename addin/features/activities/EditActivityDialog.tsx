// Edits what an activity says and when it comes back: title, notes, follow-up (and a task's due
// date). Only the changed fields are sent, so an edit made in Outlook meanwhile is not overwritten.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  Textarea, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Activity, UpdateActivityRequest } from '../../../server/http/schemas/activities';
import type { ApiClient } from '../../api/client';
import { ErrorBar } from '../../ui/ErrorBar';
import { localInstant } from './form';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, 100vw)', padding: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // minmax(0, …) and minWidth 0 let the inputs shrink to the pane instead of overflowing it.
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, '& .fui-Input': { minWidth: 0 } },
});

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the agent's local date and time fields. */
function local(instant: string | null): { date: string; time: string } {
  if (!instant) return { date: '', time: '' };
  const d = new Date(instant);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

export function EditActivityDialog(props: { api: ApiClient; activity: Activity; onClose: () => void; onSaved: (a: Activity) => void }) {
  const styles = useStyles();
  const a = props.activity;
  const [purpose, setPurpose] = useState(a.purpose);
  const [notes, setNotes] = useState(a.notes ?? '');
  const [followUp, setFollowUp] = useState(local(a.followUpAt));
  const [due, setDue] = useState(local(a.dueAt));
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const changes = (): UpdateActivityRequest => {
    const body: UpdateActivityRequest = {};
    if (purpose.trim() && purpose.trim() !== a.purpose) body.purpose = purpose.trim();
    if ((notes.trim() || null) !== a.notes) body.notes = notes.trim() || null;
    const nextFollowUp = followUp.date ? localInstant(followUp.date, followUp.time) : null;
    if (nextFollowUp !== (a.followUpAt ? new Date(a.followUpAt).toISOString() : null)) body.followUpAt = nextFollowUp;
    if (a.type === 'task' && due.date) {
      const nextDue = localInstant(due.date, due.time);
      if (nextDue !== (a.dueAt ? new Date(a.dueAt).toISOString() : null)) body.dueAt = nextDue;
    }
    return body;
  };

  const save = async () => {
    const body = changes();
    if (Object.keys(body).length === 0) return props.onClose();
    setSaving(true);
    setFailure(null);
    try {
      props.onSaved(await props.api.updateActivity(a.id, body));
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label="Edit activity">
        <DialogBody>
          <DialogTitle>Edit activity</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label="About" required validationMessage={purpose.trim() ? undefined : 'Say what the activity is about.'}>
              <Input value={purpose} maxLength={200} onChange={(_, d) => setPurpose(d.value)} />
            </Field>
            <Field label="Notes">
              <Textarea value={notes} resize="vertical" onChange={(_, d) => setNotes(d.value)} />
            </Field>
            {a.type === 'task' && (
              <div className={styles.pair}>
                <Field label="Due">
                  <Input type="date" value={due.date} onChange={(_, d) => setDue((v) => ({ ...v, date: d.value }))} />
                </Field>
                <Field label="At">
                  <Input type="time" value={due.time} onChange={(_, d) => setDue((v) => ({ ...v, time: d.value }))} />
                </Field>
              </div>
            )}
            <div className={styles.pair}>
              <Field label="Follow up on">
                <Input type="date" value={followUp.date} onChange={(_, d) => setFollowUp((v) => ({ ...v, date: d.value }))} />
              </Field>
              <Field label="At">
                <Input type="time" value={followUp.time} onChange={(_, d) => setFollowUp((v) => ({ ...v, time: d.value }))} />
              </Field>
            </div>
            {failure !== null && <ErrorBar title="The change was not saved" error={failure} onRetry={() => void save()} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving || !purpose.trim()} onClick={() => void save()}>
              Save
            </Button>
            <Button disabled={saving} onClick={props.onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
