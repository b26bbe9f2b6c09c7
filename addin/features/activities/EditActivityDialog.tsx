// Edits what an activity says and when it comes back: title, notes, follow-up (and a task's due
// date). Only the changed fields are sent, with the version read: when someone else changed the
// activity meanwhile, the server refuses (412) and the dialog shows the current values to review.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  MessageBar, MessageBarBody, Textarea, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Activity, UpdateActivityRequest } from '../../../server/http/schemas/activities';
import { ApiError, type ApiClient } from '../../api/client';
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

/** The activity as it is now, from a 412 refusing an edit of a version someone else changed. */
function currentOf(error: unknown): Activity | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.details as { current?: Activity } | undefined)?.current;
  return current && typeof current === 'object' ? current : null;
}

export function EditActivityDialog(props: { api: ApiClient; activity: Activity; onClose: () => void; onSaved: (a: Activity) => void }) {
  const styles = useStyles();
  // What the edit is based on: the activity as read, or as someone else has changed it since.
  const [a, setBase] = useState(props.activity);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
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
      const saved = a.version === undefined ? await props.api.updateActivity(a.id, body) : await props.api.updateActivity(a.id, body, undefined, a.version);
      props.onSaved(saved);
    } catch (error) {
      const current = currentOf(error);
      if (current) showCurrent(current);
      else setFailure(error);
      setSaving(false);
    }
  };

  const showCurrent = (current: Activity) => {
    setBase(current);
    setPurpose(current.purpose);
    setNotes(current.notes ?? '');
    setFollowUp(local(current.followUpAt));
    setDue(local(current.dueAt));
    setChangedElsewhere(true);
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
            {changedElsewhere && (
              <MessageBar intent="warning">
                <MessageBarBody>Changed by someone else meanwhile: these are its current values. Make your change again and save.</MessageBarBody>
              </MessageBar>
            )}
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
