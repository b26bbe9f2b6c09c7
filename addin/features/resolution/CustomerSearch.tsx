// Finds a customer by name, account or email; when an address is given, links it to the chosen
// customer as a contact so the next email from it resolves by itself.
import { Button, makeStyles, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CustomerListItem, CustomerSearchResponse } from '../../../server/http/schemas/customers';
import { isAbortError, type ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import type { MailAddress } from '../../office/host';
import { useRequest } from '../../api/useRequest';
import { AccountStatusBadge } from '../../ui/StatusBadge';
import { ErrorBar } from '../../ui/ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  form: { display: 'flex', gap: tokens.spacingHorizontalS },
  box: { flexGrow: 1, minWidth: 0, maxWidth: 'none' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  account: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface PickedCustomer {
  id: string;
  name: string;
  account: string;
}

export function CustomerSearch(props: {
  api: ApiClient;
  /** The address the agent may link (the sender, or the first recipient). */
  address: MailAddress | null;
  onPick: (c: PickedCustomer) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [linking, setLinking] = useState<{ id: string; error?: unknown } | null>(null);
  // Linking outlives no item: leaving this view (another email selected) cancels it.
  const linkAbort = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    linkAbort.current = controller;
    return () => controller.abort();
  }, []);
  const { state, retry } = useRequest<CustomerSearchResponse>(query, (signal) => props.api.search(query ?? '', signal));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) setQuery(text.trim());
  };

  const link = async (c: CustomerListItem) => {
    if (!props.address) return;
    setLinking({ id: c.id });
    try {
      const signal = linkAbort.current.signal;
      await props.api.linkContact(c.id, { email: props.address.emailAddress, name: props.address.displayName }, signal);
      if (!signal.aborted) props.onPick(c);
    } catch (error) {
      if (!isAbortError(error)) setLinking({ id: c.id, error });
    }
  };

  return (
    <section className={styles.root} aria-label={t('resolution.search.region')}>
      <form className={styles.form} onSubmit={submit} role="search">
        <SearchBox
          className={styles.box}
          aria-label={t('resolution.search.box')}
          placeholder={t('resolution.search.placeholder')}
          value={text}
          onChange={(_, d) => setText(d.value)}
        />
        <Button type="submit" appearance="primary">
          {t('resolution.search.submit')}
        </Button>
      </form>
      {linking?.error !== undefined && (
        <ErrorBar title={t('resolution.search.linkFailed')} error={linking.error} onRetry={() => setLinking(null)} />
      )}
      {query !== null && state.status === 'loading' && <Spinner size="tiny" label={t('resolution.search.searching')} />}
      {query !== null && state.status === 'error' && <ErrorBar title={t('resolution.search.failed')} error={state.error} onRetry={retry} />}
      {query !== null && state.status === 'done' && state.data.items.length === 0 && <Text>{t('resolution.search.noMatch', { query })}</Text>}
      {state.status === 'done' && state.data.items.length > 0 && (
        <>
        {props.address && (
          <Text size={200} className={styles.hint}>
            {t.rich('resolution.search.linkHint', { address: <strong>{props.address.emailAddress}</strong> })}
          </Text>
        )}
        <ul className={styles.list} aria-label={t('resolution.search.results')}>
          {state.data.items.map((c) => (
            <li key={c.id} className={styles.item}>
              <span className={styles.line}>
                <Text weight="semibold" className={styles.name}>
                  {c.name}
                </Text>
                <Text size={200} className={styles.account}>
                  {c.account}
                </Text>
                <AccountStatusBadge status={c.status} />
              </span>
              <span className={styles.actions}>
                {props.address && (
                  <Button
                    size="small"
                    appearance="primary"
                    aria-label={t('resolution.search.linkLabel', { address: props.address.emailAddress, name: c.name })}
                    disabled={linking?.id === c.id && linking.error === undefined}
                    onClick={() => void link(c)}
                  >
                    {t('resolution.search.link')}
                  </Button>
                )}
                <Button size="small" aria-label={t('resolution.search.showLabel', { name: c.name })} onClick={() => props.onPick(c)}>
                  {t('resolution.search.show')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
        </>
      )}
    </section>
  );
}
