import { formatInZone, timelineHeadline, timelineView } from '@/components/core/ban/ban-status';
import { milestoneDate } from '@/components/core/ban/timeline';
import { useI18n } from './I18n';

export interface TimelineSectionProps {
  now: Date;
}

/** The three milestones with their status for `now`, and how long ago updates ended (or a countdown). */
export function TimelineSection({ now }: TimelineSectionProps) {
  const { t, locale } = useI18n();
  const headline = timelineHeadline(now, locale);
  const milestones = timelineView(now, locale);
  return (
    <section aria-labelledby="timeline-heading" data-testid="timeline">
      <h2 id="timeline-heading">{t('timeline_heading')}</h2>
      <p class="headline" data-testid="timeline-headline">
        {t(headline.key, [headline.distance])}
      </p>
      <ol class="timeline">
        {milestones.map(milestone => (
          <li key={milestone.id} class={`milestone ${milestone.status}`} data-milestone={milestone.id} data-status={milestone.status}>
            <span class="marker" aria-hidden="true" />
            <span class="milestone-text">
              <time class="when" dateTime={milestone.at.toISOString()}>
                {milestone.time ? t('timeline_date_time', [milestone.date, milestone.time, milestone.utcTime ?? '']) : milestone.date}
              </time>
              <span class="what">{t(`timeline_${milestone.id.replace(/-/g, '_')}`)}</span>
              <span class="status small">
                {milestone.status === 'past' ? t('timeline_ago', [milestone.distance]) : t('timeline_in', [milestone.distance])}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <p class="small muted">{t('timeline_pacific_note', [formatInZone(milestoneDate('no-updates'), locale, 'America/Los_Angeles')])}</p>
    </section>
  );
}
