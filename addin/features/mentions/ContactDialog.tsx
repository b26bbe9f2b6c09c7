// Adds the new address an email announces as a contact of the customer, prefilled from the email;
// nothing is saved before the agent confirms.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Spinner, tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, 100vw)', padding: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ContactDialog(props: {
  api: ApiClient;
  customerId: string;
  email: string;
  name: string;
  why?: ReactNode;
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [email, setEmail] = useState(props.email);
  const [name, setName] = useState(props.name);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // The server takes a name of one character or more: an empty one is asked for, not sent.
  const invalid = !EMAIL.test(email.trim()) || !name.trim();

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await props.api.linkContact(props.customerId, { email: email.trim(), name: name.trim() });
      props.onSaved();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('mentions.contact.title')}>
        <DialogBody>
          <DialogTitle>{t('mentions.contact.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.why}
            <Field label={t('mentions.contact.email')} required validationMessage={EMAIL.test(email.trim()) ? undefined : t('mentions.contact.emailHint')}>
              <Input type="email" value={email} maxLength={320} onChange={(_, d) => setEmail(d.value)} />
            </Field>
            <Field label={t('mentions.contact.name')} required validationMessage={name.trim() ? undefined : t('mentions.contact.nameHint')}>
              <Input value={name} maxLength={200} onChange={(_, d) => setName(d.value)} />
            </Field>
            {failure !== null && <ErrorBar title={t('mentions.contact.failed')} error={failure} onRetry={() => void save()} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving || invalid} onClick={() => void save()} icon={saving ? <Spinner size="tiny" /> : undefined}>
              {saving ? t('mentions.contact.adding') : t('mentions.contact.add')}
            </Button>
            <Button disabled={saving} onClick={props.onClose}>
              {t('forms.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
