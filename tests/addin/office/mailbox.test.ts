// The office.js adapter: what the pane sees of the selected item as the agent moves through the
// mailbox, in read and compose mode, over a fake Office.
import { describe, expect, it, vi } from 'vitest';
import { createOfficeHost, isDark, toRestId } from '../../../addin/office/mailbox';
import { composeItem, createTestOffice, flush, readItem } from './fake-office';

const alice = { displayName: 'Alice Payables', emailAddress: 'ap@contoso.example' };
const bob = { displayName: 'Bob Buyer', emailAddress: 'bob@fabrikam.example' };
const first = readItem({ id: 'AAMk/1+a', from: alice, subject: 'Remittance INV-1042', body: 'We paid INV-1042.' });
const second = readItem({ id: 'AAMk/2+b', from: bob, subject: 'Question', body: 'Which invoices are open?' });

describe('createOfficeHost in read mode', () => {
  it('shows the selected message: sender, subject, body and id', async () => {
    const host = createOfficeHost(createTestOffice({ item: first }).office);
    const item = host.currentItem();
    expect(item).toMatchObject({ mode: 'read', itemId: 'AAMk/1+a', subject: 'Remittance INV-1042', counterparts: [alice] });
    await expect(item!.getBodyText()).resolves.toBe('We paid INV-1042.');
  });

  it('treats nothing selected as a normal state, on open and after the selection is cleared', async () => {
    const fake = createTestOffice({ item: null });
    const host = createOfficeHost(fake.office);
    expect(host.currentItem()).toBeNull();
    fake.select(first);
    await flush();
    expect(host.currentItem()?.counterparts).toEqual([alice]);
    fake.select(null);
    await flush();
    expect(host.currentItem()).toBeNull();
  });

  it('tells every listener when the agent selects another message, with the new item in place', async () => {
    const fake = createTestOffice({ item: first });
    const host = createOfficeHost(fake.office);
    const seen: string[] = [];
    host.onItemChanged(() => seen.push(host.currentItem()!.counterparts[0]!.emailAddress));
    fake.select(second);
    await flush();
    expect(seen).toEqual(['bob@fabrikam.example']);
    await expect(host.currentItem()!.getBodyText()).resolves.toBe('Which invoices are open?');
  });

  it('registers ItemChanged with Outlook once however many listeners come and go', async () => {
    const fake = createTestOffice({ item: first });
    const host = createOfficeHost(fake.office);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = host.onItemChanged(a);
    host.onItemChanged(b);
    stopA();
    fake.select(second);
    await flush();
    expect(fake.handlersFor('olkItemSelectedChanged')).toBe(1);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('does not register ItemChanged on hosts without Mailbox 1.5 (no pinning there)', () => {
    const fake = createTestOffice({ item: first, mailboxMinor: 4 });
    createOfficeHost(fake.office);
    expect(fake.handlersFor('olkItemSelectedChanged')).toBe(0);
  });

  it('opens a reply form with the HTML body in read mode', async () => {
    const item = readItem({ id: 'x', from: alice, subject: 's', body: 'b' });
    const host = createOfficeHost(createTestOffice({ item }).office);
    await expect(host.displayReplyForm!('<p>Reminder</p>')).resolves.toBe(true);
    expect(item.replies).toEqual([{ htmlBody: '<p>Reminder</p>' }]);
  });
});

describe('createOfficeHost in compose mode', () => {
  it('uses the recipients, to then cc, once office.js has answered', async () => {
    const draft = composeItem({ to: [bob], cc: [alice], subject: 'Statement' });
    const host = createOfficeHost(createTestOffice({ item: draft }).office);
    const changed = vi.fn();
    host.onItemChanged(changed);
    await host.ready;
    expect(host.currentItem()).toMatchObject({ mode: 'compose', itemId: null, subject: 'Statement', counterparts: [bob, alice] });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('follows the recipients as the agent edits them', async () => {
    const draft = composeItem({ to: [bob], cc: [], subject: 'Statement' });
    const host = createOfficeHost(createTestOffice({ item: draft }).office);
    await host.ready;
    draft.setTo([alice]);
    await flush();
    expect(host.currentItem()?.counterparts).toEqual([alice]);
  });

  it('shows no counterpart rather than failing when recipients cannot be read', async () => {
    const draft = composeItem({ to: [bob], cc: [], subject: 'x', failRecipients: true });
    const host = createOfficeHost(createTestOffice({ item: draft }).office);
    await host.ready;
    expect(host.currentItem()?.counterparts).toEqual([]);
    await expect(host.displayReplyForm!('<p>x</p>')).resolves.toBe(false);
  });
});

describe('host environment', () => {
  it('converts an EWS id holding / and + to its REST form', () => {
    const { office } = createTestOffice({ item: null });
    expect(toRestId(office, 'AAMkAD/8+xY/z+w==')).toBe('AAMkAD-8_xY-z_w==');
  });

  it('detects a dark Office theme from the body background, and light without a theme', () => {
    expect(createOfficeHost(createTestOffice({ item: null, bodyBackgroundColor: '#1F1F1F' }).office).isDarkTheme()).toBe(true);
    expect(createOfficeHost(createTestOffice({ item: null, bodyBackgroundColor: '#FFFFFF' }).office).isDarkTheme()).toBe(false);
    expect(createOfficeHost(createTestOffice({ item: null }).office).isDarkTheme()).toBe(false);
    expect([isDark('#6e6e6e'), isDark('#767676'), isDark('not a colour')]).toEqual([true, false, false]);
  });

  it('passes the Office display language through for formatting', () => {
    expect(createOfficeHost(createTestOffice({ item: null, displayLanguage: 'de-DE' }).office).displayLanguage).toBe('de-DE');
  });
});
