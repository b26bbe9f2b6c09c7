// The reply form over office.js: the letter's HTML and PDF; the PDF by content where the host can
// take it (Mailbox 1.15: the file URL needs the pane's sign-in), else by URL.
import { describe, expect, it, vi } from 'vitest';
import { displayReplyForm } from '../../../../addin/office/reply';

function office(opts: { minor: number; async?: boolean; compose?: boolean }) {
  const forms: unknown[] = [];
  const item = {
    to: opts.compose ? { getAsync: vi.fn() } : [],
    displayReplyForm: (form: unknown) => forms.push({ sync: form }),
    ...(opts.async
      ? { displayReplyFormAsync: (form: unknown, callback: (r: { status: number }) => void) => (forms.push({ async: form }), callback({ status: 0 })) }
      : {}),
  };
  const fake = {
    context: { mailbox: { item }, requirements: { isSetSupported: (_name: string, v: string) => Number(v.split('.')[1]) <= opts.minor } },
    AsyncResultStatus: { Succeeded: 0, Failed: 1 },
  };
  return { office: fake as unknown as typeof Office, forms };
}

const pdf = { name: 'CL-1.pdf', url: 'https://collections.example/api/letters/1.pdf', base64: 'JVBERi0=' };

describe('displayReplyForm', () => {
  it('attaches the PDF by content on Mailbox 1.15, through displayReplyFormAsync', async () => {
    const { office: o, forms } = office({ minor: 15, async: true });
    await expect(displayReplyForm(o, '<p>Letter</p>', [pdf])).resolves.toBe(true);
    expect(forms).toEqual([{ async: { htmlBody: '<p>Letter</p>', attachments: [{ type: 'base64', name: 'CL-1.pdf', base64file: 'JVBERi0=' }] } }]);
  });

  it('attaches the PDF by URL on older hosts, and uses displayReplyForm before Mailbox 1.9', async () => {
    const { office: o, forms } = office({ minor: 8 });
    await expect(displayReplyForm(o, '<p>Letter</p>', [pdf])).resolves.toBe(true);
    expect(forms).toEqual([{ sync: { htmlBody: '<p>Letter</p>', attachments: [{ type: 'file', name: 'CL-1.pdf', url: pdf.url }] } }]);
  });

  it('opens nothing while the agent is writing a message', async () => {
    const { office: o, forms } = office({ minor: 15, async: true, compose: true });
    await expect(displayReplyForm(o, '<p>Letter</p>', [pdf])).resolves.toBe(false);
    expect(forms).toEqual([]);
  });
});
