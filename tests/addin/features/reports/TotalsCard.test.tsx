// The pane's receivables card: the totals alone (never every customer's line) and a link that
// opens the full report.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { TotalsCard } from '../../../../addin/features/reports/TotalsCard';
import { fakeReports, sampleReport } from './fakes';

it('shows balance, overdue and each period, and opens the full report', async () => {
  const client = fakeReports(sampleReport());
  const onOpenReport = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <TotalsCard client={client} onOpenReport={onOpenReport} />
    </FluentProvider>,
  );
  expect(await screen.findByRole('heading', { name: 'Receivables as of Nov 30, 2026' })).toBeTruthy();
  expect(client.report).toHaveBeenCalledWith({ customers: 'none' }, expect.any(AbortSignal));
  const terms = screen.getAllByRole('term').map((t) => t.textContent);
  const amounts = screen.getAllByRole('definition').map((d) => d.textContent);
  expect(terms).toEqual(['Balance', 'Overdue', 'Current', '1–30', '31–60', '61–90', '91–120', 'Over 120']);
  expect(amounts).toEqual(['$1,085.00', '$960.00', '$125.00', '$50.00', '$10.00', '$0.00', '$0.00', '$900.00']);
  await userEvent.click(screen.getByRole('button', { name: 'Open the full report' }));
  expect(onOpenReport).toHaveBeenCalled();
});
