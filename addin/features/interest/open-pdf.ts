// Opens a stored PDF the server serves behind sign-in (an interest note's pdfUrl): fetched with the
// pane's token and shown from a blob URL, so no unsigned link to it ever exists.
import type { ApiClient } from '../../api/client';

export async function openStoredPdf(api: ApiClient, pdfUrl: string): Promise<void> {
  const base64 = await api.letterPdfBase64(pdfUrl);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  window.open(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), '_blank', 'noopener');
}
