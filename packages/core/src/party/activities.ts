import { Type, type Static } from '@sinclair/typebox';
import { PersonSet } from '../personnel/person-set.ts';
import { Id, Strict } from '../schemas/common.ts';
import { PartyDate } from './schemas.ts';

/**
 * Party activities (党建活动): minutes attachments, 好党员 / 优秀案例 selections on the exemplar
 * machinery, essay contests (征文) on the competitions machinery, and red-education visits and
 * base-level cadre classes as activity records with participants.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** A minutes attachment (会议纪要附件): docx, pdf or an image, through the platform file intake. */
export const MeetingFileView = Type.Object({
  id: Str,
  fileName: Str,
  mime: Str,
  size: Type.Number(),
  uploadedAt: Str,
});
export type MeetingFileView = Static<typeof MeetingFileView>;
export const MeetingFileList = Type.Object({ items: Type.Array(MeetingFileView) });
export const MeetingFileParams = Strict({ id: Id, fileId: Id });

/** Selection campaigns of the party (好党员, 优秀案例) are exemplar campaigns of these kinds. */
export const partySelectionCampaignKinds = { good_member: '好党员', best_case: '优秀案例' } as const;
export const CreateSelectionCampaignBody = Strict({
  kind: Type.Union([Type.Literal('good_member'), Type.Literal('best_case')]),
  title: Text(200),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  criteria: Text(5000),
  /** The org-tree unit that runs the campaign (usually the party committee's unit). */
  orgId: Id,
  quotaPerUnit: Type.Integer({ minimum: 1, maximum: 100 }),
  maxChoices: Type.Integer({ minimum: 1, maximum: 50 }),
});
export type CreateSelectionCampaignBody = Static<typeof CreateSelectionCampaignBody>;
export const SelectionCampaignView = Type.Object({
  id: Str,
  kind: Type.Union([Type.Literal('good_member'), Type.Literal('best_case')]),
  title: Str,
  year: Type.Number(),
  status: Str,
  quotaPerUnit: Type.Number(),
  candidates: Type.Number(),
  ballots: Type.Number(),
});
export type SelectionCampaignView = Static<typeof SelectionCampaignView>;
export const SelectionCampaignList = Type.Object({ items: Type.Array(SelectionCampaignView) });

/** Activity kinds: 红色教育 / 参观学习 and 基层党组织书记 / 党务干部培训班. */
export const activityKinds = ['red_visit', 'cadre_class'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const ActivityKindSchema = Type.Union(activityKinds.map((k) => Type.Literal(k)));
export const activityKindLabels: Record<ActivityKind, string> = { red_visit: '红色教育', cadre_class: '基层干部培训班' };

export const ActivityQuery = Type.Object({
  partyOrgId: Type.Optional(Id),
  kind: Type.Optional(ActivityKindSchema),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type ActivityQuery = Static<typeof ActivityQuery>;
export const CreateActivityBody = Strict({
  partyOrgId: Id,
  kind: ActivityKindSchema,
  title: Text(200),
  date: PartyDate,
  endDate: Type.Optional(Type.Union([PartyDate, Type.Null()])),
  place: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  /** Class hours (学时) each participant earns when the record is completed; 0 for a visit without hours. */
  hours: Type.Number({ minimum: 0, maximum: 200, multipleOf: 0.5 }),
  /** Who took part: a person set, resolved within the caller's scope when the record is made. */
  participants: PersonSet,
});
export type CreateActivityBody = Static<typeof CreateActivityBody>;
export const ActivityView = Type.Object({
  id: Str,
  partyOrgId: Str,
  partyOrgName: Str,
  kind: ActivityKindSchema,
  title: Str,
  date: Str,
  endDate: Nullable(Str),
  place: Nullable(Str),
  description: Nullable(Str),
  hours: Type.Number(),
  status: Type.Union([Type.Literal('planned'), Type.Literal('completed')]),
  participants: Type.Number(),
});
export type ActivityView = Static<typeof ActivityView>;
export const ActivityList = Type.Object({ items: Type.Array(ActivityView), total: Type.Number() });
export const ActivityDetail = Type.Object({
  ...ActivityView.properties,
  people: Type.Array(Type.Object({ personId: Str, name: Str, orgName: Str, hoursCredited: Type.Boolean() })),
});
export type ActivityDetail = Static<typeof ActivityDetail>;

/** An essay contest (征文比赛): an event of the competitions module with one individual item. */
export const CreateEssayContestBody = Strict({
  partyOrgId: Id,
  title: Text(200),
  theme: Text(2000),
  startDate: PartyDate,
  endDate: PartyDate,
});
export type CreateEssayContestBody = Static<typeof CreateEssayContestBody>;
export const EssayEntryBody = Strict({ personId: Id, title: Text(200) });
export type EssayEntryBody = Static<typeof EssayEntryBody>;
export const EssayScoresBody = Strict({
  scores: Type.Array(Strict({ essayId: Id, score: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]) }), {
    minItems: 1,
    maxItems: 500,
  }),
});
export type EssayScoresBody = Static<typeof EssayScoresBody>;
export const EssayContestView = Type.Object({
  id: Str,
  partyOrgId: Str,
  partyOrgName: Str,
  eventId: Str,
  title: Str,
  theme: Str,
  startDate: Str,
  endDate: Str,
  status: Type.Union([Type.Literal('open'), Type.Literal('published')]),
  entries: Type.Number(),
});
export type EssayContestView = Static<typeof EssayContestView>;
export const EssayContestList = Type.Object({ items: Type.Array(EssayContestView) });
export const EssayContestDetail = Type.Object({
  ...EssayContestView.properties,
  essays: Type.Array(
    Type.Object({
      id: Str,
      personId: Str,
      name: Str,
      orgName: Str,
      title: Str,
      score: Nullable(Type.Number()),
      rank: Nullable(Type.Number()),
    }),
  ),
});
export type EssayContestDetail = Static<typeof EssayContestDetail>;
