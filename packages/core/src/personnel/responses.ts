import { Type, type Static } from '@sinclair/typebox';
import { PersonRecordWarning } from '../schemas/person.ts';

/** Response schemas of the personnel routes (people, records, import, export, self-service, corrections); types are Static<> of them. */
export const Bucket = Type.Object({ key: Type.Union([Type.Null(), Type.String()]), count: Type.Number() });
export type Bucket = Static<typeof Bucket>;

export const PersonStatsResponse = Type.Object({
  asOf: Type.String(),
  orgId: Type.Union([Type.Null(), Type.String()]),
  total: Type.Number(),
  byUnit: Type.Array(Type.Object({ orgId: Type.String(), orgName: Type.String(), count: Type.Number() })),
  byRank: Type.Array(Bucket),
  byLevel: Type.Array(Bucket),
  byAge: Type.Array(Bucket),
  byEducation: Type.Array(Bucket),
  byPolitical: Type.Array(Bucket),
  bySex: Type.Array(Bucket),
  byKind: Type.Array(Bucket),
});
export type PersonStatsResponse = Static<typeof PersonStatsResponse>;

export const ListSavedFiltersResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    filter: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.String(), Type.Number()])),
  }),
);
export type ListSavedFiltersResponse = Static<typeof ListSavedFiltersResponse>;

export const SaveFilterResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  filter: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.String(), Type.Number()])),
});
export type SaveFilterResponse = Static<typeof SaveFilterResponse>;

export const PersonStatusSchema = Type.Union([
  Type.Literal('serving'),
  Type.Literal('seconded'),
  Type.Literal('transferred_out'),
  Type.Literal('retired'),
  Type.Literal('resigned'),
  Type.Literal('dismissed'),
  Type.Literal('deceased'),
  Type.Literal('died_on_duty'),
  Type.Literal('contract_ended'),
]);

export const OwnProfileResponse = Type.Object({
  trainingHours: Type.Number(),
  history: Type.Object({
    orgs: Type.Array(
      Type.Object({
        org_name: Type.String(),
        org_id: Type.String(),
        id: Type.String(),
        post: Type.Union([Type.Null(), Type.String()]),
        start_date: Type.String(),
        end_date: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    ranks: Type.Array(
      Type.Object({ id: Type.String(), rank: Type.String(), start_date: Type.String(), note: Type.Union([Type.Null(), Type.String()]) }),
    ),
    levels: Type.Array(
      Type.Object({
        id: Type.String(),
        start_date: Type.String(),
        end_date: Type.Union([Type.Null(), Type.String()]),
        sequence: Type.Union([Type.Literal('officer'), Type.Literal('tech'), Type.Literal('admin')]),
        level: Type.String(),
      }),
    ),
    posts: Type.Array(
      Type.Object({
        id: Type.String(),
        org_id: Type.Union([Type.Null(), Type.String()]),
        post: Type.String(),
        start_date: Type.String(),
        end_date: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    statuses: Type.Array(
      Type.Object({
        id: Type.String(),
        status: PersonStatusSchema,
        start_date: Type.String(),
        note: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    education: Type.Array(
      Type.Object({
        full_time: Type.Boolean(),
        id: Type.String(),
        degree: Type.Union([Type.Null(), Type.String()]),
        start_date: Type.Union([Type.Null(), Type.String()]),
        end_date: Type.Union([Type.Null(), Type.String()]),
        level: Type.String(),
        school: Type.Union([Type.Null(), Type.String()]),
        major: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    family: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        birth_date: Type.Union([Type.Null(), Type.String()]),
        political_status: Type.Union([Type.Null(), Type.String()]),
        relation: Type.String(),
        work_unit: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    resume: Type.Array(
      Type.Object({
        id: Type.String(),
        start_date: Type.String(),
        end_date: Type.Union([Type.Null(), Type.String()]),
        text: Type.String(),
      }),
    ),
    awards: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        level: Type.Union([Type.Null(), Type.String()]),
        date: Type.String(),
        issuer: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    discipline: Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        end_date: Type.Union([Type.Null(), Type.String()]),
        date: Type.String(),
        reason: Type.Union([Type.Null(), Type.String()]),
      }),
    ),
    training: Type.Array(
      Type.Object({
        id: Type.String(),
        date: Type.String(),
        course: Type.String(),
        hours: Type.Number(),
        organizer: Type.Union([Type.Null(), Type.String()]),
        /** 学时 ledger source: training, study or other. */
        source: Type.String(),
      }),
    ),
    /** 年度考核结果 by year. */
    appraisals: Type.Array(Type.Object({ id: Type.String(), year: Type.Integer(), grade: Type.String(), source: Type.String() })),
  }),
  formerNames: Type.Array(Type.String()),
  ethnicity: Type.Union([Type.Null(), Type.String()]),
  partyJoinDate: Type.Union([Type.Null(), Type.String()]),
  nativePlace: Type.Union([Type.Null(), Type.String()]),
  birthplace: Type.Union([Type.Null(), Type.String()]),
  degree: Type.Union([Type.Null(), Type.String()]),
  workStartDate: Type.Union([Type.Null(), Type.String()]),
  rankDate: Type.Union([Type.Null(), Type.String()]),
  levelDate: Type.Union([Type.Null(), Type.String()]),
  postLevel: Type.Union([Type.Null(), Type.String()]),
  techLevel: Type.Union([Type.Null(), Type.String()]),
  auxCategory: Type.Union([Type.Null(), Type.String()]),
  contractEnd: Type.Union([Type.Null(), Type.String()]),
  statusDate: Type.Union([Type.Null(), Type.String()]),
  hasPhoto: Type.Boolean(),
  /** Present only when something is flagged (a 警衔 outside its 职级's band). */
  warnings: Type.Optional(Type.Array(PersonRecordWarning)),
  updatedAt: Type.String(),
  id: Type.String(),
  kind: Type.Union([Type.Literal('officer'), Type.Literal('auxiliary')]),
  name: Type.String(),
  sex: Type.String(),
  education: Type.Union([Type.Null(), Type.String()]),
  post: Type.Union([Type.Null(), Type.String()]),
  rank: Type.Union([Type.Null(), Type.String()]),
  status: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  birthDate: Type.String(),
  age: Type.Number(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.Null(), Type.String()]),
  policeNumber: Type.Union([Type.Null(), Type.String()]),
  officerLevel: Type.Union([Type.Null(), Type.String()]),
  politicalStatus: Type.Union([Type.Null(), Type.String()]),
  policeStartDate: Type.Union([Type.Null(), Type.String()]),
});
export type OwnProfileResponse = Static<typeof OwnProfileResponse>;

export const CorrectionStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
export type CorrectionStatus = Static<typeof CorrectionStatus>;

/** A correction request (信息更正申请) as its requester sees it. */
export const CorrectionRequest = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  /** Field → requested value (codes for code-table fields; former names comma-separated). */
  changes: Type.Record(Type.String(), Type.String()),
  reason: Type.Union([Type.Null(), Type.String()]),
  status: CorrectionStatus,
  decidedAt: Type.Union([Type.Null(), Type.String()]),
  decisionNote: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  /** The workflow case that decides the request (审批流); the approver's buttons act on it. */
  caseId: Type.Union([Type.Null(), Type.String()]),
});
export type CorrectionRequest = Static<typeof CorrectionRequest>;

export const MyCorrectionsResponse = Type.Array(CorrectionRequest);
export type MyCorrectionsResponse = Static<typeof MyCorrectionsResponse>;

/** The new request and the workflow case opened for it (the requester may withdraw through it). */
export const RequestCorrectionResponse = Type.Object({ id: Type.String(), caseId: Type.String() });
export type RequestCorrectionResponse = Static<typeof RequestCorrectionResponse>;

/** A request as the approver sees it. */
export const PendingCorrection = Type.Composite([CorrectionRequest, Type.Object({ personName: Type.String() })]);
export type PendingCorrection = Static<typeof PendingCorrection>;

export const PendingCorrectionsResponse = Type.Array(PendingCorrection);
export type PendingCorrectionsResponse = Static<typeof PendingCorrectionsResponse>;

export const LinkAccountResponse = Type.Object({ personId: Type.String(), userId: Type.Union([Type.Null(), Type.String()]) });
export type LinkAccountResponse = Static<typeof LinkAccountResponse>;

export const AddPersonRecordResponse = Type.Object({ id: Type.String() });
export type AddPersonRecordResponse = Static<typeof AddPersonRecordResponse>;
