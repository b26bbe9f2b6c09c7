// CSV and XLSX downloads of the report on screen. The server streams them without a length, so the
// progress is the bytes received so far (read chunk by chunk); a long export can be cancelled.
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../api/client';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { useLocale } from '../../ui/locale';
import type { DownloadFormat, DownloadProgress, ReportQuery, ReportsClient } from './client';
import { formatBytes } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: '240px' },
  bar: { width: '120px' },
});

/** Hands the bytes to the browser as a file download. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the URL over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type State = { kind: 'idle' } | { kind: 'running'; format: DownloadFormat; progress: DownloadProgress } | { kind: 'failed'; error: unknown };

export function DownloadButtons(props: { client: ReportsClient; query: ReportQuery; asOf: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: DownloadFormat) => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', format, progress: { received: 0, total: null } });
    try {
      const blob = await props.client.download(props.query, format, (progress) => setState({ kind: 'running', format, progress }), abort.signal);
      save(blob, `aged-receivables-${props.asOf}.${format}`);
      setState({ kind: 'idle' });
    } catch (error) {
      setState(isAbortError(error) ? { kind: 'idle' } : { kind: 'failed', error });
    }
  };

  const running = state.kind === 'running' ? state : null;
  return (
    <div className={styles.root}>
      <Button icon={<ArrowDownloadRegular />} disabled={running !== null} onClick={() => void start('csv')}>
        {t('reports.download.csv')}
      </Button>
      <Button icon={<ArrowDownloadRegular />} disabled={running !== null} onClick={() => void start('xlsx')}>
        {t('reports.download.excel')}
      </Button>
      {running && (
        <div className={styles.progress} role="status">
          <ProgressBar
            className={styles.bar}
            aria-label={t('reports.download.downloading', { format: running.format.toUpperCase() })}
            value={running.progress.total ? running.progress.received / running.progress.total : undefined}
          />
          <Text size={200}>
            {t('reports.download.received', { format: running.format.toUpperCase(), size: formatBytes(running.progress.received, locale) })}
          </Text>
          <Button appearance="subtle" size="small" icon={<DismissRegular />} aria-label={t('reports.download.cancel')} onClick={() => controller.current?.abort()} />
        </div>
      )}
      {state.kind === 'failed' && <ErrorBar title={t('reports.download.failed')} error={state.error} onRetry={() => setState({ kind: 'idle' })} />}
    </div>
  );
}
