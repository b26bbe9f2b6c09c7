// A failed request shown as an error MessageBar with a Retry action.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useT } from '../i18n';

export function ErrorBar(props: { title: string; error: unknown; onRetry: () => void }) {
  const t = useT();
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onRetry}>
          {t('common.retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
