import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const applicationStatuses = [
  'submitted',
  'approved',
  'rejected',
  'shortlisted',
  'publicized',
  'hired',
  'withdrawn',
  'medical_passed',
  'dropped',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const fileCategories = ['id_card', 'diploma', 'household', 'other'] as const;
export type FileCategory = (typeof fileCategories)[number];

/** What a post asks of applicants (报考条件); null means "no condition". */
export const PostRequirements = Strict({
  ageMin: Type.Union([Type.Integer({ minimum: 16, maximum: 70 }), Type.Null()]),
  ageMax: Type.Union([Type.Integer({ minimum: 16, maximum: 70 }), Type.Null()]),
  /** The day on which age is counted (e.g. the application deadline); null = the day of applying. */
  ageReferenceDate: Nullable(DateStr),
  sex: Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Null()]),
  /** Lowest GB/T 4658 level accepted, e.g. '30' 大学专科. */
  educationMin: Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Null()]),
  /** GB/T 4762 codes accepted, e.g. ['01','03'] (中共党员, 共青团员). */
  politicalStatus: Type.Union([Type.Array(Type.String({ pattern: '^\\d{2}$' }), { minItems: 1, maxItems: 20 }), Type.Null()]),
  /** GB/T 2260 code prefixes of accepted household registrations, e.g. ['3301'] (杭州市). */
  householdRegions: Type.Union([Type.Array(Type.String({ pattern: '^\\d{2,6}$' }), { minItems: 1, maxItems: 50 }), Type.Null()]),
  other: Type.String({ maxLength: 2000 }),
});
export type PostRequirements = Static<typeof PostRequirements>;

export const noRequirements: PostRequirements = {
  ageMin: null,
  ageMax: null,
  ageReferenceDate: null,
  sex: null,
  educationMin: null,
  politicalStatus: null,
  householdRegions: null,
  other: '',
};

const AnnouncementFields = {
  title: Text(200),
  orgId: Id,
  body: Type.String({ maxLength: 20000 }),
  summary: Type.Optional(Type.String({ maxLength: 500 })),
  applyFrom: DateStr,
  applyUntil: DateStr,
  examAt: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  examPlace: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};
export const CreateAnnouncementBody = Strict(AnnouncementFields);
export type CreateAnnouncementBody = Static<typeof CreateAnnouncementBody>;
export const UpdateAnnouncementBody = Strict({
  title: Type.Optional(AnnouncementFields.title),
  body: Type.Optional(AnnouncementFields.body),
  summary: Type.Optional(Type.String({ maxLength: 500 })),
  applyFrom: Type.Optional(DateStr),
  applyUntil: Type.Optional(DateStr),
  examAt: AnnouncementFields.examAt,
  examPlace: AnnouncementFields.examPlace,
  /** Last day a drop-out may be replaced from the ranking (递补); null: no deadline. */
  replacementUntil: Type.Optional(Nullable(DateStr)),
});
export type UpdateAnnouncementBody = Static<typeof UpdateAnnouncementBody>;

const PostFields = {
  code: Type.String({ pattern: '^[0-9A-Za-z]{1,12}$' }),
  name: Text(100),
  orgId: Id,
  headcount: Type.Integer({ minimum: 1, maximum: 10000 }),
  requirements: PostRequirements,
};
export const CreatePostBody = Strict(PostFields);
export type CreatePostBody = Static<typeof CreatePostBody>;
export const UpdatePostBody = Strict({
  code: Type.Optional(PostFields.code),
  name: Type.Optional(PostFields.name),
  orgId: Type.Optional(Id),
  headcount: Type.Optional(PostFields.headcount),
  requirements: Type.Optional(PostRequirements),
});
export type UpdatePostBody = Static<typeof UpdatePostBody>;

/** The applicant's form (报名表). */
const ApplicationFields = {
  postId: Id,
  name: Type.String({ minLength: 2, maxLength: 50, pattern: '\\S' }),
  idNumber: Type.String({ minLength: 15, maxLength: 30 }),
  phone: Type.String({ pattern: '^1\\d{10}$' }),
  education: Type.String({ pattern: '^\\d{2}$' }),
  politicalStatus: Type.String({ pattern: '^\\d{2}$' }),
  householdRegion: Type.String({ pattern: '^\\d{6}$' }),
  address: Text(200),
  school: Type.Optional(Type.String({ maxLength: 100 })),
  major: Type.Optional(Type.String({ maxLength: 100 })),
  resume: Type.Optional(Type.String({ maxLength: 4000 })),
};
export const ApplicationBody = Strict(ApplicationFields);
export type ApplicationBody = Static<typeof ApplicationBody>;
export const UpdateApplicationBody = Strict({
  postId: Type.Optional(ApplicationFields.postId),
  name: Type.Optional(ApplicationFields.name),
  idNumber: Type.Optional(ApplicationFields.idNumber),
  phone: Type.Optional(ApplicationFields.phone),
  education: Type.Optional(ApplicationFields.education),
  politicalStatus: Type.Optional(ApplicationFields.politicalStatus),
  householdRegion: Type.Optional(ApplicationFields.householdRegion),
  address: Type.Optional(ApplicationFields.address),
  school: ApplicationFields.school,
  major: ApplicationFields.major,
  resume: ApplicationFields.resume,
});
export type UpdateApplicationBody = Partial<ApplicationBody>;

const Phone = Type.String({ pattern: '^1\\d{10}$' });
const CaptchaFields = {
  captchaId: Type.String({ minLength: 1, maxLength: 64 }),
  captchaAnswer: Type.String({ minLength: 1, maxLength: 10 }),
};
export const VerificationCodeBody = Strict({ phone: Phone, ...CaptchaFields });
export const RegisterBody = Strict({
  phone: Phone,
  code: Type.String({ pattern: '^\\d{6}$' }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});
export const PortalLoginBody = Strict({ phone: Phone, password: Type.String({ minLength: 1, maxLength: 128 }), ...CaptchaFields });

export const RejectBody = Strict({ reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) });

const Score = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);
export const RecruitScoresBody = Strict({
  written: Type.Optional(Score),
  interview: Type.Optional(Score),
  physical: Type.Optional(Score),
  background: Type.Optional(Score),
});
export type RecruitScoresBody = Static<typeof RecruitScoresBody>;

const Weight = Type.Integer({ minimum: 0, maximum: 100 });
export const WeightsBody = Strict({
  written: Weight,
  interview: Weight,
  physical: Weight,
  background: Weight,
  physicalGate: Type.Boolean(),
  backgroundGate: Type.Boolean(),
});
export type WeightsBody = Static<typeof WeightsBody>;

export const ShortlistBody = Strict({ applicationIds: Type.Array(Id, { minItems: 1, maxItems: 2000 }) });
export const HireBody = Strict({
  orgId: Id,
  startDate: DateStr,
  contractEnd: Type.Optional(DateStr),
  /** 参加工作时间 from the applicant's dossier (earlier employment counts); absent: left for the clerk, never the hire date. */
  workStartDate: Type.Optional(DateStr),
});
export type HireBody = Static<typeof HireBody>;

export const ApplicationListQuery = Type.Object({
  announcementId: Type.Optional(Id),
  postId: Type.Optional(Id),
  status: Type.Optional(Type.Union(applicationStatuses.map((s) => Type.Literal(s)))),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });

export const medicalResults = ['pass', 'fail', 'recheck'] as const;
export type MedicalResult = (typeof medicalResults)[number];
/** 体检 result of one shortlisted applicant; 不合格 needs the reason, which the applicant sees. */
export const MedicalBody = Strict({
  result: Type.Union(medicalResults.map((r) => Type.Literal(r))),
  date: DateStr,
  institution: Text(100),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type MedicalBody = Static<typeof MedicalBody>;

/** Drop-outs staff record themselves; a failed 体检 and an upheld objection drop through their own steps. */
export const dropKinds = ['withdrew', 'gave_up', 'medical_failed', 'objection_upheld'] as const;
export type DropKind = (typeof dropKinds)[number];
export const DropBody = Strict({ kind: Type.Union([Type.Literal('withdrew'), Type.Literal('gave_up')]), reason: Reason });
export type DropBody = Static<typeof DropBody>;
export const ReplacementBody = Strict({ reason: Reason });
export type ReplacementBody = Static<typeof ReplacementBody>;

/** 异议 during the 公示, as staff receive it: who raised it, what it says, when it came in. */
export const ObjectionBody = Strict({ raisedBy: Text(100), content: Text(2000), receivedOn: DateStr });
export type ObjectionBody = Static<typeof ObjectionBody>;
export const ResolveObjectionBody = Strict({ uphold: Type.Boolean(), resolution: Reason });
export type ResolveObjectionBody = Static<typeof ResolveObjectionBody>;
