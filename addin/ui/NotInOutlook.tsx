// What the pane's page shows when opened outside Outlook (a browser tab on the server): where to open
// it, and the way to the preview with demo data.
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { translator } from '../i18n';

/** Outside Outlook there is no Office display language: the browser's says which catalog to use. */
export function NotInOutlook({ locale }: { locale: string }) {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const t = translator(locale);
  const preview = (
    <a href="/preview" target="_top">
      {t('frame.outside.preview')}
    </a>
  );
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{t('frame.outside.title')}</MessageBarTitle>
          {t.rich('frame.outside.body', { preview })}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
