import { Type, type Static } from '@sinclair/typebox';

/** Response schemas of the staff recruitment routes; types are Static<> of them. */
export const ListAnnouncementsResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
    applyFrom: Type.String(),
    applyUntil: Type.String(),
    publishedAt: Type.Union([Type.Null(), Type.String()]),
    postCount: Type.Number(),
    applied: Type.Number(),
  }),
);
export type ListAnnouncementsResponse = Static<typeof ListAnnouncementsResponse>;

export const CreateAnnouncementResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  orgId: Type.String(),
  orgName: Type.Union([Type.Null(), Type.String()]),
  body: Type.String(),
  summary: Type.String(),
  applyFrom: Type.String(),
  applyUntil: Type.String(),
  examAt: Type.Union([Type.Null(), Type.String()]),
  examPlace: Type.Union([Type.Null(), Type.String()]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  publishedAt: Type.Union([Type.Null(), Type.String()]),
  weights: Type.Object({
    written: Type.Number(),
    interview: Type.Number(),
    physical: Type.Number(),
    background: Type.Number(),
    physicalGate: Type.Boolean(),
    backgroundGate: Type.Boolean(),
  }),
  scoresPublishedAt: Type.Union([Type.Null(), Type.String()]),
  publicity: Type.Union([Type.Null(), Type.Object({ from: Type.String(), until: Type.Union([Type.Null(), Type.String()]) })]),
  replacementUntil: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  posts: Type.Array(
    Type.Object({
      id: Type.String(),
      announcementId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      orgId: Type.String(),
      orgName: Type.Union([Type.Null(), Type.String()]),
      headcount: Type.Number(),
      requirements: Type.Unknown(),
    }),
  ),
});
export type CreateAnnouncementResponse = Static<typeof CreateAnnouncementResponse>;

export const CreatePostResponse = Type.Object({
  id: Type.String(),
  announcementId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  orgId: Type.String(),
  orgName: Type.Union([Type.Null(), Type.String()]),
  headcount: Type.Number(),
  requirements: Type.Unknown(),
});
export type CreatePostResponse = Static<typeof CreatePostResponse>;

export const CountsByPostResponse = Type.Array(
  Type.Object({
    postId: Type.String(),
    postCode: Type.String(),
    postName: Type.String(),
    headcount: Type.Number(),
    applied: Type.Number(),
    approved: Type.Number(),
    rejected: Type.Number(),
    ratio: Type.Number(),
  }),
);
export type CountsByPostResponse = Static<typeof CountsByPostResponse>;

export const ListApplicationsResponse = Type.Object({
  total: Type.Number(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      announcementId: Type.String(),
      postId: Type.String(),
      postName: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
      phoneMasked: Type.String(),
      sex: Type.String(),
      age: Type.Number(),
      education: Type.String(),
      status: Type.String(),
      submittedAt: Type.String(),
      reviewedAt: Type.Union([Type.Null(), Type.String()]),
      rejectReason: Type.Union([Type.Null(), Type.String()]),
      ticketNumber: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
});
export type ListApplicationsResponse = Static<typeof ListApplicationsResponse>;

export const RecruitScoresSchema = Type.Object({
  written: Type.Union([Type.Null(), Type.Number()]),
  interview: Type.Union([Type.Null(), Type.Number()]),
  physical: Type.Union([Type.Null(), Type.Number()]),
  background: Type.Union([Type.Null(), Type.Number()]),
});

export const FileView = Type.Object({
  id: Type.String(),
  category: Type.String(),
  name: Type.String(),
  size: Type.Number(),
  type: Type.String(),
  uploadedAt: Type.String(),
});
export type FileView = Static<typeof FileView>;

export const ViewApplicationResponse = Type.Union([
  Type.Object({
    scores: RecruitScoresSchema,
    personId: Type.Union([Type.Null(), Type.String()]),
    events: Type.Array(Type.Object({ kind: Type.String(), actor: Type.String(), detail: Type.Unknown(), at: Type.String() })),
    sex: Type.String(),
    birthDate: Type.String(),
    age: Type.Number(),
    education: Type.String(),
    politicalStatus: Type.String(),
    householdRegion: Type.String(),
    address: Type.String(),
    school: Type.Union([Type.Null(), Type.String()]),
    major: Type.Union([Type.Null(), Type.String()]),
    resume: Type.Union([Type.Null(), Type.String()]),
    rejectReason: Type.Union([Type.Null(), Type.String()]),
    submittedAt: Type.String(),
    reviewedAt: Type.Union([Type.Null(), Type.String()]),
    updatedAt: Type.String(),
    ticketNumber: Type.Union([Type.Null(), Type.String()]),
    hasPhoto: Type.Boolean(),
    files: Type.Array(FileView),
    idNumber: Type.String(),
    phone: Type.String(),
    id: Type.String(),
    announcementId: Type.String(),
    announcementTitle: Type.String(),
    postId: Type.String(),
    postName: Type.String(),
    status: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String(),
  }),
  Type.Object({
    scores: RecruitScoresSchema,
    personId: Type.Union([Type.Null(), Type.String()]),
    events: Type.Array(Type.Object({ kind: Type.String(), actor: Type.String(), detail: Type.Unknown(), at: Type.String() })),
    sex: Type.String(),
    birthDate: Type.String(),
    age: Type.Number(),
    education: Type.String(),
    politicalStatus: Type.String(),
    householdRegion: Type.String(),
    address: Type.String(),
    school: Type.Union([Type.Null(), Type.String()]),
    major: Type.Union([Type.Null(), Type.String()]),
    resume: Type.Union([Type.Null(), Type.String()]),
    rejectReason: Type.Union([Type.Null(), Type.String()]),
    submittedAt: Type.String(),
    reviewedAt: Type.Union([Type.Null(), Type.String()]),
    updatedAt: Type.String(),
    ticketNumber: Type.Union([Type.Null(), Type.String()]),
    hasPhoto: Type.Boolean(),
    files: Type.Array(FileView),
    phoneMasked: Type.String(),
    id: Type.String(),
    announcementId: Type.String(),
    announcementTitle: Type.String(),
    postId: Type.String(),
    postName: Type.String(),
    status: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String(),
  }),
]);
export type ViewApplicationResponse = Static<typeof ViewApplicationResponse>;

export const IssueTicketsResponse = Type.Object({ issued: Type.Number() });
export type IssueTicketsResponse = Static<typeof IssueTicketsResponse>;

export const SetWeightsResponse = Type.Object({
  written: Type.Number(),
  interview: Type.Number(),
  physical: Type.Number(),
  background: Type.Number(),
  physicalGate: Type.Boolean(),
  backgroundGate: Type.Boolean(),
});
export type SetWeightsResponse = Static<typeof SetWeightsResponse>;

export const ImportScoresResponse = Type.Object({ imported: Type.Number(), dryRun: Type.Boolean() });
export type ImportScoresResponse = Static<typeof ImportScoresResponse>;

export const PublishScoresResponse = Type.Object({ scoresPublishedAt: Type.String() });
export type PublishScoresResponse = Static<typeof PublishScoresResponse>;

export const RankingResponse = Type.Object({
  weights: Type.Object({
    written: Type.Number(),
    interview: Type.Number(),
    physical: Type.Number(),
    background: Type.Number(),
    physicalGate: Type.Boolean(),
    backgroundGate: Type.Boolean(),
  }),
  gatePass: Type.Number(),
  posts: Type.Array(
    Type.Object({
      postId: Type.String(),
      postCode: Type.String(),
      postName: Type.String(),
      headcount: Type.Number(),
      entries: Type.Array(
        Type.Object({
          total: Type.Union([Type.Null(), Type.Number()]),
          eligible: Type.Boolean(),
          status: Type.String(),
          written: Type.Union([Type.Null(), Type.Number()]),
          interview: Type.Union([Type.Null(), Type.Number()]),
          physical: Type.Union([Type.Null(), Type.Number()]),
          background: Type.Union([Type.Null(), Type.Number()]),
          rank: Type.Union([Type.Null(), Type.Number()]),
          applicationId: Type.String(),
          name: Type.String(),
          ticketNumber: Type.Union([Type.Null(), Type.String()]),
        }),
      ),
    }),
  ),
});
export type RankingResponse = Static<typeof RankingResponse>;

export const ShortlistResponse = Type.Object({ shortlisted: Type.Number() });
export type ShortlistResponse = Static<typeof ShortlistResponse>;

export const OpenPublicityResponse = Type.Object({ publicized: Type.Number() });
export type OpenPublicityResponse = Static<typeof OpenPublicityResponse>;

export const HireResponse = Type.Object({
  application: Type.Union([
    Type.Object({
      scores: RecruitScoresSchema,
      personId: Type.Union([Type.Null(), Type.String()]),
      events: Type.Array(Type.Object({ kind: Type.String(), actor: Type.String(), detail: Type.Unknown(), at: Type.String() })),
      sex: Type.String(),
      birthDate: Type.String(),
      age: Type.Number(),
      education: Type.String(),
      politicalStatus: Type.String(),
      householdRegion: Type.String(),
      address: Type.String(),
      school: Type.Union([Type.Null(), Type.String()]),
      major: Type.Union([Type.Null(), Type.String()]),
      resume: Type.Union([Type.Null(), Type.String()]),
      rejectReason: Type.Union([Type.Null(), Type.String()]),
      submittedAt: Type.String(),
      reviewedAt: Type.Union([Type.Null(), Type.String()]),
      updatedAt: Type.String(),
      ticketNumber: Type.Union([Type.Null(), Type.String()]),
      hasPhoto: Type.Boolean(),
      files: Type.Array(FileView),
      idNumber: Type.String(),
      phone: Type.String(),
      id: Type.String(),
      announcementId: Type.String(),
      announcementTitle: Type.String(),
      postId: Type.String(),
      postName: Type.String(),
      status: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
    }),
    Type.Object({
      scores: RecruitScoresSchema,
      personId: Type.Union([Type.Null(), Type.String()]),
      events: Type.Array(Type.Object({ kind: Type.String(), actor: Type.String(), detail: Type.Unknown(), at: Type.String() })),
      sex: Type.String(),
      birthDate: Type.String(),
      age: Type.Number(),
      education: Type.String(),
      politicalStatus: Type.String(),
      householdRegion: Type.String(),
      address: Type.String(),
      school: Type.Union([Type.Null(), Type.String()]),
      major: Type.Union([Type.Null(), Type.String()]),
      resume: Type.Union([Type.Null(), Type.String()]),
      rejectReason: Type.Union([Type.Null(), Type.String()]),
      submittedAt: Type.String(),
      reviewedAt: Type.Union([Type.Null(), Type.String()]),
      updatedAt: Type.String(),
      ticketNumber: Type.Union([Type.Null(), Type.String()]),
      hasPhoto: Type.Boolean(),
      files: Type.Array(FileView),
      phoneMasked: Type.String(),
      id: Type.String(),
      announcementId: Type.String(),
      announcementTitle: Type.String(),
      postId: Type.String(),
      postName: Type.String(),
      status: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
    }),
  ]),
  personId: Type.String(),
});
export type HireResponse = Static<typeof HireResponse>;

const NullableString = Type.Union([Type.Null(), Type.String()]);

/** The stages after the ranking of one application: 体检, drop-out, 递补 and its 公示 with objections. */
export const ApplicationStagesResponse = Type.Object({
  status: Type.String(),
  medical: Type.Union([
    Type.Null(),
    Type.Object({ result: Type.String(), date: NullableString, institution: NullableString, note: NullableString }),
  ]),
  drop: Type.Union([Type.Null(), Type.Object({ kind: Type.String(), reason: Type.String(), at: Type.String() })]),
  replaces: Type.Union([Type.Null(), Type.Object({ applicationId: Type.String(), name: Type.String(), reason: Type.String() })]),
  replacedBy: Type.Union([Type.Null(), Type.Object({ applicationId: Type.String(), name: Type.String() })]),
  publicity: Type.Union([
    Type.Null(),
    Type.Object({
      caseId: Type.String(),
      status: Type.String(),
      noticeEndsOn: NullableString,
      /** What the caller may do now (the workflow decides: not the one who opened the 公示, the step's permission in scope). */
      canObject: Type.Boolean(),
      canResolve: Type.Boolean(),
      objections: Type.Array(
        Type.Object({
          id: Type.String(),
          text: Type.String(),
          status: Type.String(),
          resolution: NullableString,
          raisedAt: Type.String(),
          resolvedAt: NullableString,
        }),
      ),
    }),
  ]),
});
export type ApplicationStagesResponse = Static<typeof ApplicationStagesResponse>;

export const ReplacementResponse = Type.Object({
  applicationId: Type.String(),
  name: Type.String(),
  rank: Type.Union([Type.Null(), Type.Number()]),
});
export type ReplacementResponse = Static<typeof ReplacementResponse>;
