import { Card, Empty, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictLabel } from '../../../shared/dicts/dict-api';
import { mergeHistory, type TimelineEvent } from '../history-timeline';
import type { PersonHistory } from '../types';

const COLORS: Record<TimelineEvent['kind'], string> = { org: 'blue', post: 'cyan', rank: 'gold', level: 'purple', status: 'gray' };

/** 任职履历: unit, post, rank, grade and status changes on one dated line. */
export function PersonTimeline({ history, label }: { history: PersonHistory; label: DictLabel }) {
  const { t } = useTranslation();
  const events = useMemo(() => mergeHistory(history), [history]);

  const text = (event: TimelineEvent): string => {
    switch (event.kind) {
      case 'org':
        return event.post
          ? t('personnel.timeline.orgWithPost', { org: event.org, post: event.post })
          : t('personnel.timeline.org', { org: event.org });
      case 'post':
        return t('personnel.timeline.post', { post: event.post });
      case 'rank':
        return t('personnel.timeline.rank', { rank: label('police_rank', event.rank) });
      case 'level': {
        const dict = event.sequence === 'tech' ? 'police_tech_level' : 'police_officer_level';
        const level = event.sequence === 'admin' ? event.level : label(dict, event.level);
        return t('personnel.timeline.level', { sequence: t(`personnel.timeline.sequence.${event.sequence}`), level });
      }
      case 'status':
        return t('personnel.timeline.status', { status: t(`personnel.status.${event.status}`) });
    }
  };

  return (
    <Card size="small" title={t('personnel.timeline.title')} styles={{ body: { maxHeight: 560, overflow: 'auto', paddingTop: 16 } }}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personnel.timeline.empty')} />
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: event.key,
            color: COLORS[event.kind],
            children: (
              <>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {event.date}
                </Typography.Text>
                <div>{text(event)}</div>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
