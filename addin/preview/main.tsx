// The preview page's entry: creates the stand-in Office, publishes it for the framed task pane
// (before the frame loads), and renders the simulated mailbox.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { publishPreviewOffice } from '../office/preview-bridge';
import { createPreviewOffice } from './fake-office';
import { PreviewApp, type ReplyListener } from './PreviewApp';

const DEFAULT_LANGUAGE = 'en-US';
const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

// The reply form is shown by the page; the stand-in only reports it, whenever the pane asks.
let showReply: ReplyListener = () => undefined;
const preview = createPreviewOffice({
  displayLanguage: DEFAULT_LANGUAGE,
  dark: prefersDark,
  onReplyForm: (html) => showReply(html),
});
publishPreviewOffice(window, preview.office);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PreviewApp
      preview={preview}
      initialDark={prefersDark}
      initialLanguage={DEFAULT_LANGUAGE}
      onReplyListener={(listener) => {
        showReply = listener;
      }}
    />
  </StrictMode>,
);
