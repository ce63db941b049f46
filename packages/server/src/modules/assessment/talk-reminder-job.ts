import type { FastifyInstance } from 'fastify';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { talkReminders } from './daily-service.ts';

export const TALK_REMINDER_JOB = 'assessment.talk-reminders';

/**
 * Mondays are not special: daily at 08:00 Beijing time, each unit's holders of assessment:daily
 * hear how many of their people nobody has talked with for the configured interval.
 */
export function registerTalkReminders(app: FastifyInstance): void {
  app.jobs.define({
    name: TALK_REMINDER_JOB,
    schedule: { kind: 'daily', at: '08:00' },
    handler: async (ctx) => {
      const found = await talkReminders(ctx, { all: true });
      const byOrg = new Map<string, { orgName: string; count: number }>();
      for (const i of found.items) {
        const o = byOrg.get(i.orgId) ?? { orgName: i.orgName, count: 0 };
        o.count += 1;
        byOrg.set(i.orgId, o);
      }
      let notified = 0;
      for (const [orgId, o] of byOrg) {
        const users = await holdersInScope(ctx.db, 'assessment:daily', orgId);
        await notify(
          ctx.db,
          ctx,
          users.map((userId) => ({
            userId,
            kind: 'assessment.talk-reminder',
            title: `${o.orgName}有 ${o.count} 人超过 ${found.days} 天未开展谈心谈话`,
            link: `/assessment/daily?tab=reminders`,
            caseId: null,
          })),
        );
        notified += users.length;
      }
      return { days: found.days, people: found.items.length, units: byOrg.size, notified };
    },
  });
}
