import { Type, type Static } from '@sinclair/typebox';

/** Response schemas of the public recruitment portal routes; types are Static<> of them. */
export const ListPublishedResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    publishedAt: Type.Union([Type.Null(), Type.String()]),
    applyFrom: Type.String(),
    applyUntil: Type.String(),
    postCount: Type.Number(),
    summary: Type.String(),
  }),
);
export type ListPublishedResponse = Static<typeof ListPublishedResponse>;

export const GetPublishedResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  summary: Type.String(),
  publishedAt: Type.Union([Type.Null(), Type.String()]),
  applyFrom: Type.String(),
  applyUntil: Type.String(),
  examAt: Type.Union([Type.Null(), Type.String()]),
  examPlace: Type.Union([Type.Null(), Type.String()]),
  orgName: Type.String(),
  posts: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      headcount: Type.Number(),
      requirements: Type.Object({
        ageMin: Type.Union([Type.Null(), Type.Number()]),
        ageMax: Type.Union([Type.Null(), Type.Number()]),
        ageReferenceDate: Type.Union([Type.Null(), Type.String()]),
        sex: Type.Union([Type.Null(), Type.Literal('1'), Type.Literal('2')]),
        educationMin: Type.Union([Type.Null(), Type.String()]),
        politicalStatus: Type.Union([Type.Null(), Type.Array(Type.String())]),
        householdRegions: Type.Union([Type.Null(), Type.Array(Type.String())]),
        other: Type.String(),
      }),
    }),
  ),
});
export type GetPublishedResponse = Static<typeof GetPublishedResponse>;

export const PublicityListResponse = Type.Object({
  from: Type.String(),
  until: Type.Union([Type.Null(), Type.String()]),
  entries: Type.Array(Type.Object({ nameMasked: Type.String(), postName: Type.String(), total: Type.Union([Type.Null(), Type.Number()]) })),
});
export type PublicityListResponse = Static<typeof PublicityListResponse>;

export const IssueCaptchaResponse = Type.Object({ captchaId: Type.String(), svg: Type.String() });
export type IssueCaptchaResponse = Static<typeof IssueCaptchaResponse>;

export const ApplicantView = Type.Object({ id: Type.String(), phoneMasked: Type.String() });
export type ApplicantView = Static<typeof ApplicantView>;

export const RegisterResponse = Type.Object({ applicant: ApplicantView, csrf: Type.String() });
export type RegisterResponse = Static<typeof RegisterResponse>;

export const LoginResponse = Type.Object({
  applicant: Type.Object({ id: Type.String(), phoneMasked: Type.String() }),
  csrf: Type.String(),
});
export type LoginResponse = Static<typeof LoginResponse>;

export const ApplicantViewResponse = Type.Object({ applicant: ApplicantView, csrf: Type.Union([Type.Null(), Type.String()]) });
export type ApplicantViewResponse = Static<typeof ApplicantViewResponse>;

export const ListOwnApplicationsResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    announcementId: Type.String(),
    announcementTitle: Type.String(),
    postId: Type.String(),
    postName: Type.String(),
    status: Type.String(),
    rejectReason: Type.Union([Type.Null(), Type.String()]),
    submittedAt: Type.String(),
    reviewedAt: Type.Union([Type.Null(), Type.String()]),
    updatedAt: Type.String(),
    ticketNumber: Type.Union([Type.Null(), Type.String()]),
  }),
);
export type ListOwnApplicationsResponse = Static<typeof ListOwnApplicationsResponse>;

export const FileViewSchema = Type.Object({
  id: Type.String(),
  category: Type.String(),
  name: Type.String(),
  size: Type.Number(),
  type: Type.String(),
  uploadedAt: Type.String(),
});

export const SubmitApplicationResponse = Type.Union([
  Type.Object({
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
    files: Type.Array(FileViewSchema),
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
    files: Type.Array(FileViewSchema),
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
export type SubmitApplicationResponse = Static<typeof SubmitApplicationResponse>;

/** A stored document's media type, as the upload intake identified it from the bytes (JPEG, PNG or PDF for portal documents). */
export const SniffedTypeSchema = Type.String();

export const ApplicantOfResponse = Type.Object({
  id: Type.String(),
  category: Type.Union([Type.Literal('other'), Type.Literal('id_card'), Type.Literal('diploma'), Type.Literal('household')]),
  name: Type.String(),
  size: Type.Number(),
  type: SniffedTypeSchema,
  uploadedAt: Type.String(),
});
export type ApplicantOfResponse = Static<typeof ApplicantOfResponse>;

export const OwnScoresResponse = Type.Object({
  physicalGate: Type.Union([Type.Boolean(), Type.Null()]),
  backgroundGate: Type.Union([Type.Boolean(), Type.Null()]),
  total: Type.Union([Type.Null(), Type.Number()]),
  rank: Type.Union([Type.Null(), Type.Number()]),
  publishedAt: Type.String(),
  written: Type.Union([Type.Null(), Type.Number()]),
  interview: Type.Union([Type.Null(), Type.Number()]),
  physical: Type.Union([Type.Null(), Type.Number()]),
  background: Type.Union([Type.Null(), Type.Number()]),
});
export type OwnScoresResponse = Static<typeof OwnScoresResponse>;
