// A calendar date ('YYYY-MM-DD') formatted for the display language, machine-readable in <time>.
import { formatDate } from './format';
import { useLocale } from './locale';

export function DateText(props: {
  date: string | null | undefined;
  empty?: string;
  /** Numeric date, for narrow columns. */
  short?: boolean;
  /** Day and month only, where a heading already names the month and year. */
  day?: boolean;
  className?: string;
}) {
  const locale = useLocale();
  if (!props.date) return <span className={props.className}>{props.empty ?? '—'}</span>;
  const style = props.day ? 'day' : props.short ? 'short' : 'medium';
  // A shortened date keeps its full form as a tooltip.
  return (
    <time className={props.className} dateTime={props.date} title={style === 'medium' ? undefined : formatDate(props.date, locale)}>
      {formatDate(props.date, locale, style)}
    </time>
  );
}
