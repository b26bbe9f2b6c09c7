// An amount of integer minor units in its currency, formatted for the display language.
import { formatMoney } from './format';
import { useLocale } from './locale';

export function Money(props: { minor: number | bigint; currency: string; signed?: boolean; className?: string }) {
  const locale = useLocale();
  return (
    <span className={props.className} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(props.minor, props.currency, locale, { signed: props.signed })}
    </span>
  );
}
