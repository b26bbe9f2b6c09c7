// The full report opened from the pane: an Office dialog in Outlook (a window when the host refuses
// one), a new window in the preview or outside Office.
import { afterEach, expect, it, vi } from 'vitest';
import { openLargeView } from '../../../../addin/office/dialog';

const URL_ = 'https://collections.example/workspace';

function fakeWindow(): Window & { open: ReturnType<typeof vi.fn> } {
  const win = { open: vi.fn() } as unknown as Window & { open: ReturnType<typeof vi.fn> };
  // Not framed: not the preview.
  (win as unknown as { parent: Window }).parent = win;
  return win;
}

function fakeOffice(status: 'succeeded' | 'failed') {
  const displayDialogAsync = vi.fn((_url: string, _options: unknown, callback: (result: { status: string }) => void) => callback({ status }));
  vi.stubGlobal('Office', { context: { ui: { displayDialogAsync } }, AsyncResultStatus: { Failed: 'failed', Succeeded: 'succeeded' } });
  return displayDialogAsync;
}

afterEach(() => vi.unstubAllGlobals());

it('opens an Office dialog of most of the window in Outlook', () => {
  const display = fakeOffice('succeeded');
  const win = fakeWindow();
  openLargeView(URL_, win);
  expect(display).toHaveBeenCalledWith(URL_, { height: 90, width: 90 }, expect.any(Function));
  expect(win.open).not.toHaveBeenCalled();
});

it('falls back to a window when the host refuses the dialog', () => {
  fakeOffice('failed');
  const win = fakeWindow();
  openLargeView(URL_, win);
  expect(win.open).toHaveBeenCalledWith(URL_, '_blank', 'noopener');
});

it('opens a window outside Office', () => {
  const win = fakeWindow();
  openLargeView(URL_, win);
  expect(win.open).toHaveBeenCalledWith(URL_, '_blank', 'noopener');
});
