// The preview's stand-in Office behaves like Outlook for the pane's adapter: selecting an email in
// the simulated mailbox reaches the pane through the same createOfficeHost and ItemChanged path.
import { describe, expect, it, vi } from 'vitest';
import type { PreviewEmail } from '../../../server/http/schemas/preview';
import { createOfficeHost, toRestId } from '../../../addin/office/mailbox';
import { findPreviewOffice, publishPreviewOffice } from '../../../addin/office/preview-bridge';
import { createPreviewOffice, ewsIdFor } from '../../../addin/preview/fake-office';
import { flush } from './fake-office';

const email = (id: string, address: string, body = 'Hello'): PreviewEmail => ({
  id,
  from: { displayName: `Sender ${id}`, emailAddress: address },
  to: [{ displayName: 'Collections', emailAddress: 'ar@contoso.example' }],
  subject: `Subject ${id}`,
  body,
  receivedAt: '2025-03-01T09:00:00Z',
});

describe('the preview stand-in through the office.js adapter', () => {
  it('starts with nothing selected, then follows each selection like a pinned pane', async () => {
    const preview = createPreviewOffice({ displayLanguage: 'en-GB', dark: false, onReplyForm: vi.fn() });
    const host = createOfficeHost(preview.office);
    const senders: Array<string | null> = [];
    host.onItemChanged(() => senders.push(host.currentItem()?.counterparts[0]?.emailAddress ?? null));
    expect(host.currentItem()).toBeNull();

    preview.select(email('1', 'ap@contoso.example', 'We paid INV-1042'));
    await flush();
    preview.select(email('2', 'jane@gmail.com'));
    await flush();
    preview.select(null);
    await flush();

    expect(senders).toEqual(['ap@contoso.example', 'jane@gmail.com', null]);
    expect(host.displayLanguage).toBe('en-GB');
  });

  it('gives the body and an EWS-style id whose REST form has no / or +', async () => {
    const preview = createPreviewOffice({ displayLanguage: 'en-US', dark: true, onReplyForm: vi.fn() });
    const host = createOfficeHost(preview.office);
    const mail = email('7', 'ap@contoso.example', 'Remittance for INV-1042');
    preview.select(mail);
    await flush();
    const item = host.currentItem()!;
    expect(item.itemId).toBe(ewsIdFor(mail));
    expect(item.itemId).toMatch(/[/+]/);
    expect(toRestId(preview.office, item.itemId!)).not.toMatch(/[/+]/);
    await expect(item.getBodyText()).resolves.toBe('Remittance for INV-1042');
    expect(host.isDarkTheme()).toBe(true);
  });

  it('shows the reply the pane asked for, since the preview has no compose window', async () => {
    const onReplyForm = vi.fn();
    const preview = createPreviewOffice({ displayLanguage: 'en-US', dark: false, onReplyForm });
    const host = createOfficeHost(preview.office);
    preview.select(email('1', 'ap@contoso.example'));
    await flush();
    await host.displayReplyForm!('<p>Statement attached</p>');
    expect(onReplyForm).toHaveBeenCalledWith('<p>Statement attached</p>');
  });

  it('is found by a pane framed by the preview, not by a top-level page or under a foreign parent', () => {
    const preview = createPreviewOffice({ displayLanguage: 'en-US', dark: false, onReplyForm: vi.fn() });
    const previewPage = {} as Window & { parent: Window };
    previewPage.parent = previewPage;
    publishPreviewOffice(previewPage, preview.office);
    const foreign = new Proxy({}, { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });

    expect(findPreviewOffice({ parent: previewPage } as unknown as Window)).toBe(preview.office);
    expect(findPreviewOffice(previewPage)).toBeNull();
    expect(findPreviewOffice({ parent: foreign } as unknown as Window)).toBeNull();
  });
});
