// The chart's series each agent switched off, kept in the browser per signed-in account (so two
// agents sharing a machine keep their own choice). Storage refused (private mode, a full quota)
// just means the choice is not remembered.
export interface HiddenSeries {
  status: string[];
  period: string[];
}

const PREFIX = 'collections.worklist.hiddenSeries.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readHiddenSeries(account: string): HiddenSeries {
  try {
    const parsed = JSON.parse(storage()?.getItem(PREFIX + account) ?? 'null') as Partial<HiddenSeries> | null;
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return { status: list(parsed?.status), period: list(parsed?.period) };
  } catch {
    return { status: [], period: [] };
  }
}

export function writeHiddenSeries(account: string, hidden: HiddenSeries): void {
  try {
    storage()?.setItem(PREFIX + account, JSON.stringify(hidden));
  } catch {
    // Not remembered; the chart still follows the switches for this session.
  }
}
