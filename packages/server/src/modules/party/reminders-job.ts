import { meetingKindLabels, meetingsDue, partyStageLabels } from '@zhenggong/core';
import { addDays, daysBetween } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { today } from '../../platform/clock.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { pipelineDue } from './member-service.ts';
import { partyRuleOn } from './party-rules.ts';

export const PARTY_REMINDER_JOB = 'party.reminders';
const ELECTION_NOTICE_DAYS = 90;

/**
 * Daily at 07:40 Beijing time, three kinds of to-do on the bell of those who hold party:write for
 * the unit: a member's pipeline step overdue or due within a week; a 三会一课 kind still owed as
 * its month or quarter ends; a committee term ending within 90 days (换届). Each is announced once
 * (the link names the step, period or term).
 */
export async function sendPartyReminders(ctx: AppContext): Promise<{ steps: number; meetings: number; elections: number }> {
  const on = today(ctx.clock);
  const sent = { steps: 0, meetings: 0, elections: 0 };
  const recipients = new Map<string, string[]>();
  const send = async (kind: string, orgId: string, title: string, link: string) => {
    const seen = await ctx.db.selectFrom('notification').select('id').where('kind', '=', kind).where('link', '=', link).executeTakeFirst();
    if (seen) return false;
    let users = recipients.get(orgId);
    if (!users) {
      users = await holdersInScope(ctx.db, 'party:write', orgId);
      recipients.set(orgId, users);
    }
    await notify(
      ctx.db,
      ctx,
      users.map((userId) => ({ userId, kind, title, link, caseId: null })),
    );
    return true;
  };

  const due = await pipelineDue(ctx, { all: true }, 7);
  const orgOf = new Map(
    (
      await ctx.db
        .selectFrom('party_member as m')
        .innerJoin('party_org as g', 'g.id', 'm.party_org_id')
        .select(['m.id', 'g.org_id'])
        .where('m.id', 'in', due.items.length ? due.items.map((i) => i.id) : [''])
        .execute()
    ).map((r) => [r.id, r.org_id]),
  );
  for (const m of due.items) {
    if (!m.next) continue;
    const title = `党员发展${m.next.overdue ? '已超期' : '即将到期'}：${m.name}（${partyStageLabels[m.stage]}），${m.next.dueLabel}，期限 ${m.next.due}`;
    if (await send('party.pipeline-due', orgOf.get(m.id)!, title, `/party/members?member=${m.id}&due=${m.next.due}`)) sent.steps += 1;
  }

  const rules = (await partyRuleOn(ctx, ctx.db, 'meetings', on)).value;
  const branches = await ctx.db.selectFrom('party_org').select(['id', 'org_id', 'name']).where('kind', '=', 'branch').execute();
  for (const b of branches) {
    const held = await ctx.db
      .selectFrom('party_meeting')
      .select(['kind', 'held_on'])
      .where('party_org_id', '=', b.id)
      .where('status', '=', 'held')
      .where('held_on', '>=', addDays(on, -400))
      .execute();
    for (const d of meetingsDue(
      rules,
      held.map((h) => ({ kind: h.kind, heldOn: h.held_on ?? '' })),
      on,
    )) {
      const title = `${b.name}：${d.period} 尚未召开${meetingKindLabels[d.kind]}，请于 ${d.dueBy} 前召开`;
      if (await send('party.meeting-due', b.org_id, title, `/party/meetings?org=${b.id}&kind=${d.kind}&period=${d.period}`))
        sent.meetings += 1;
    }
  }

  const terms = await ctx.db
    .selectFrom('party_org')
    .select(['id', 'org_id', 'name', 'term_end'])
    .where('term_end', 'is not', null)
    .where('term_end', '<=', addDays(on, ELECTION_NOTICE_DAYS))
    .execute();
  for (const t of terms) {
    const left = daysBetween(on, t.term_end!);
    const title =
      left < 0
        ? `${t.name} 任期已于 ${t.term_end} 届满，请及时换届`
        : `${t.name} 任期将于 ${t.term_end} 届满（剩 ${left} 天），请筹备换届选举`;
    if (await send('party.election-due', t.org_id, title, `/party?org=${t.id}&term=${t.term_end}`)) sent.elections += 1;
  }
  return sent;
}

export function registerPartyReminders(app: FastifyInstance): void {
  app.jobs.define({
    name: PARTY_REMINDER_JOB,
    schedule: { kind: 'daily', at: '07:40' },
    handler: async (ctx) => sendPartyReminders(ctx),
    backoffMs: 10 * 60_000,
  });
}
