import { Type, type Static } from '@sinclair/typebox';

/** Response schemas of the talent routes (instructors, pools, courseware); types are Static<> of them. */
export const ListInstructorsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      personId: Type.String(),
      name: Type.String(),
      policeNumber: Type.Union([Type.Null(), Type.String()]),
      orgId: Type.String(),
      orgName: Type.String(),
      grade: Type.Union([Type.Literal('junior'), Type.Literal('intermediate'), Type.Literal('senior')]),
      subjects: Type.Array(Type.String()),
      appointedOn: Type.String(),
      expiresOn: Type.Union([Type.Null(), Type.String()]),
      status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('dismissed'), Type.Literal('expired')]),
      note: Type.Union([Type.Null(), Type.String()]),
      lectures: Type.Number(),
      reviews: Type.Number(),
      averageScore: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  total: Type.Number(),
});
export type ListInstructorsResponse = Static<typeof ListInstructorsResponse>;

export const GetInstructorResponse = Type.Object({
  lectureList: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      title: Type.String(),
      subject: Type.Union([Type.Null(), Type.String()]),
      hours: Type.Number(),
      audience: Type.Union([Type.Null(), Type.String()]),
      averageScore: Type.Union([Type.Null(), Type.Number()]),
      reviews: Type.Array(
        Type.Object({
          id: Type.String(),
          reviewerKind: Type.Union([Type.Literal('trainee'), Type.Literal('supervisor')]),
          reviewerName: Type.Union([Type.Null(), Type.String()]),
          score: Type.Number(),
          comment: Type.Union([Type.Null(), Type.String()]),
          createdAt: Type.String(),
        }),
      ),
    }),
  ),
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  policeNumber: Type.Union([Type.Null(), Type.String()]),
  orgId: Type.String(),
  orgName: Type.String(),
  grade: Type.Union([Type.Literal('junior'), Type.Literal('intermediate'), Type.Literal('senior')]),
  subjects: Type.Array(Type.String()),
  appointedOn: Type.String(),
  expiresOn: Type.Union([Type.Null(), Type.String()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('dismissed'), Type.Literal('expired')]),
  note: Type.Union([Type.Null(), Type.String()]),
  lectures: Type.Number(),
  reviews: Type.Number(),
  averageScore: Type.Union([Type.Null(), Type.Number()]),
});
export type GetInstructorResponse = Static<typeof GetInstructorResponse>;

export const ListCategoriesResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    keywords: Type.Array(Type.String()),
    sortOrder: Type.Number(),
    active: Type.Boolean(),
  }),
);
export type ListCategoriesResponse = Static<typeof ListCategoriesResponse>;

export const AddDefaultCategoriesResponse = Type.Object({ added: Type.Number() });
export type AddDefaultCategoriesResponse = Static<typeof AddDefaultCategoriesResponse>;

export const UpdateCategoryResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  keywords: Type.Array(Type.String()),
  sortOrder: Type.Number(),
  active: Type.Boolean(),
});
export type UpdateCategoryResponse = Static<typeof UpdateCategoryResponse>;

export const ListSuggestionsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      categoryId: Type.String(),
      categoryName: Type.String(),
      proposedGrade: Type.Union([Type.Literal('reserve'), Type.Literal('backbone'), Type.Literal('expert')]),
      evidence: Type.Array(Type.Unknown()),
    }),
  ),
  total: Type.Number(),
});
export type ListSuggestionsResponse = Static<typeof ListSuggestionsResponse>;

export const ListMembersResponse = Type.Object({
  total: Type.Number(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      personId: Type.String(),
      name: Type.String(),
      policeNumber: Type.Union([Type.Null(), Type.String()]),
      orgName: Type.String(),
      categoryId: Type.String(),
      categoryName: Type.String(),
      grade: Type.Union([Type.Literal('reserve'), Type.Literal('backbone'), Type.Literal('expert')]),
      status: Type.Union([Type.Literal('active'), Type.Literal('removed')]),
      source: Type.Union([Type.Literal('suggestion'), Type.Literal('manual')]),
      basis: Type.Array(Type.Unknown()),
      reason: Type.Union([Type.Null(), Type.String()]),
      confirmedAt: Type.String(),
      removedAt: Type.Union([Type.Null(), Type.String()]),
      removedReason: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
});
export type ListMembersResponse = Static<typeof ListMembersResponse>;

export const ListCoursewareResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Union([Type.Literal('courseware'), Type.Literal('micro_course')]),
      title: Type.String(),
      subject: Type.Union([Type.Null(), Type.String()]),
      summary: Type.Union([Type.Null(), Type.String()]),
      authorPersonId: Type.String(),
      authorName: Type.String(),
      orgName: Type.String(),
      status: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')]),
      fileName: Type.Union([Type.Null(), Type.String()]),
      fileType: Type.Union([Type.Null(), Type.String()]),
      fileSize: Type.Union([Type.Null(), Type.Number()]),
      decisionNote: Type.Union([Type.Null(), Type.String()]),
      decidedAt: Type.Union([Type.Null(), Type.String()]),
      createdAt: Type.String(),
      reviews: Type.Number(),
      averageScore: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  total: Type.Number(),
});
export type ListCoursewareResponse = Static<typeof ListCoursewareResponse>;

export const GetCoursewareResponse = Type.Object({
  reviewList: Type.Array(
    Type.Object({
      id: Type.String(),
      reviewerName: Type.String(),
      score: Type.Number(),
      comment: Type.Union([Type.Null(), Type.String()]),
      updatedAt: Type.String(),
    }),
  ),
  id: Type.String(),
  kind: Type.Union([Type.Literal('courseware'), Type.Literal('micro_course')]),
  title: Type.String(),
  subject: Type.Union([Type.Null(), Type.String()]),
  summary: Type.Union([Type.Null(), Type.String()]),
  authorPersonId: Type.String(),
  authorName: Type.String(),
  orgName: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')]),
  fileName: Type.Union([Type.Null(), Type.String()]),
  fileType: Type.Union([Type.Null(), Type.String()]),
  fileSize: Type.Union([Type.Null(), Type.Number()]),
  decisionNote: Type.Union([Type.Null(), Type.String()]),
  decidedAt: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  reviews: Type.Number(),
  averageScore: Type.Union([Type.Null(), Type.Number()]),
  /** The workflow case deciding a submitted piece (ADR 010); null for drafts never submitted. */
  caseId: Type.Union([Type.Null(), Type.String()]),
});
export type GetCoursewareResponse = Static<typeof GetCoursewareResponse>;

export const CreateInstructorResponse = Type.Object({
  lectureList: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      title: Type.String(),
      subject: Type.Union([Type.Null(), Type.String()]),
      hours: Type.Number(),
      audience: Type.Union([Type.Null(), Type.String()]),
      averageScore: Type.Union([Type.Null(), Type.Number()]),
      reviews: Type.Array(
        Type.Object({
          id: Type.String(),
          reviewerKind: Type.Union([Type.Literal('trainee'), Type.Literal('supervisor')]),
          reviewerName: Type.Union([Type.Null(), Type.String()]),
          score: Type.Number(),
          comment: Type.Union([Type.Null(), Type.String()]),
          createdAt: Type.String(),
        }),
      ),
    }),
  ),
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  policeNumber: Type.Union([Type.Null(), Type.String()]),
  orgId: Type.String(),
  orgName: Type.String(),
  grade: Type.Union([Type.Literal('junior'), Type.Literal('intermediate'), Type.Literal('senior')]),
  subjects: Type.Array(Type.String()),
  appointedOn: Type.String(),
  expiresOn: Type.Union([Type.Null(), Type.String()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('dismissed'), Type.Literal('expired')]),
  note: Type.Union([Type.Null(), Type.String()]),
  lectures: Type.Number(),
  reviews: Type.Number(),
  averageScore: Type.Union([Type.Null(), Type.Number()]),
});
export type CreateInstructorResponse = Static<typeof CreateInstructorResponse>;

export const AddLectureResponse = Type.Object({ id: Type.String() });
export type AddLectureResponse = Static<typeof AddLectureResponse>;

/** A new piece is answered as it would be read back. */
export const CreateCoursewareResponse = GetCoursewareResponse;
export type CreateCoursewareResponse = Static<typeof CreateCoursewareResponse>;
