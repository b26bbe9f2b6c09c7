// The chart palette: Fluent palette tokens (so light, dark and high-contrast themes follow), named
// by meaning. The ages warm from the brand colour to dark red, as the customer view's aging bars do.
import { makeStyles, tokens } from '@fluentui/react-components';

export const CHART_TONES = [
  'neutral',
  'brand',
  'informative',
  'warning',
  'danger',
  'success',
  'age0',
  'age1',
  'age2',
  'age3',
  'age4',
  'age5',
] as const;
export type ChartTone = (typeof CHART_TONES)[number];

export const useToneStyles = makeStyles({
  // Accessible stroke colours: at least 3:1 against the pane's background in both themes.
  neutral: { backgroundColor: tokens.colorNeutralStrokeAccessible },
  brand: { backgroundColor: tokens.colorBrandBackground },
  informative: { backgroundColor: tokens.colorPaletteCornflowerBorderActive },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBorderActive },
  danger: { backgroundColor: tokens.colorPaletteRedBorderActive },
  success: { backgroundColor: tokens.colorPaletteGreenBorderActive },
  age0: { backgroundColor: tokens.colorBrandBackground },
  age1: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  age2: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  age3: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  age4: { backgroundColor: tokens.colorPaletteRedBackground3 },
  age5: { backgroundColor: tokens.colorPaletteDarkRedBorderActive },
});

/** The age tone of the i-th aging period (the last tone for every period beyond it). */
export function ageTone(index: number): ChartTone {
  return (['age0', 'age1', 'age2', 'age3', 'age4', 'age5'] as const)[Math.min(index, 5)]!;
}
