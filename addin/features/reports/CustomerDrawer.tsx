// A customer of the report opened beside it: the pane's own customer view (header, tabs, actions)
// in a drawer, as of today, with no email selected (nothing to match or reply to).
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import type { MailHost } from '../../office/host';
import { CustomerView } from '../customer/CustomerView';

/** The workspace has no mailbox: a host with no item, in the page's language and theme. */
export function workspaceHost(displayLanguage: string, dark: boolean): MailHost {
  return { displayLanguage, isDarkTheme: () => dark, currentItem: () => null, onItemChanged: () => () => undefined };
}

export function CustomerDrawer(props: { api: ApiClient; host: MailHost; customer: { id: string; name: string } | null; onClose(): void }) {
  const { customer } = props;
  const t = useT();
  return (
    <OverlayDrawer position="end" size="medium" open={customer !== null} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('common.close')} icon={<DismissRegular />} onClick={props.onClose} />}>
          {t('reports.drawer.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {customer && (
          <CustomerView key={customer.id} api={props.api} host={props.host} item={null} customerId={customer.id} onChangeCustomer={props.onClose} />
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
