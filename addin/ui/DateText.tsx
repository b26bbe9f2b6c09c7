// A calendar date ('YYYY-MM-DD') formatted for the display language, machine-readable in <time>.
import { formatDate } from './format';
import { useLocale } from './locale';

export function DateText(props: { date: string | null | undefined; empty?: string; short?: boolean }) {
  const locale = useLocale();
  if (!props.date) return <span>{props.empty ?? '—'}</span>;
  // The short form keeps narrow columns narrow; the full date stays available as a tooltip.
  return (
    <time dateTime={props.date} title={props.short ? formatDate(props.date, locale) : undefined}>
      {formatDate(props.date, locale, props.short ? 'short' : 'medium')}
    </time>
  );
}
