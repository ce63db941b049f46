import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ActivityDetail,
  ActivityList,
  ActivityQuery,
  CreateActivityBody,
  CreateEssayContestBody,
  CreateSelectionCampaignBody,
  EssayContestDetail,
  EssayContestList,
  EssayEntryBody,
  EssayScoresBody,
  MeetingFileList,
  MeetingFileParams,
  MeetingFileView,
  NoContent,
  SelectionCampaignList,
  SelectionCampaignView,
  AdvanceBody,
  ArrearsList,
  ArrearsQuery,
  ComplianceView,
  CreateMeetingBody,
  CreateMemberBody,
  CreatePartyOrgBody,
  CreateSelectionBody,
  DuesPaymentBody,
  DuesPaymentView,
  DuesSheetView,
  ExtendBody,
  FileDownload,
  IdParams,
  MeetingAttendanceBody,
  MeetingDetail,
  MeetingList,
  MeetingQuery,
  MeetingSignInBody,
  MemberDetail,
  MemberList,
  MinutesBody,
  MonthQuery,
  MyDuesView,
  MyMeetingList,
  MySignInView,
  PartyMemberQuery,
  PartyOrgList,
  PartyOrgView,
  PartyRuleBody,
  PartyRuleParams,
  PartyRuleView,
  PipelineDueList,
  QuarterQuery,
  SelectionList,
  SelectionView,
  SignInCodeView,
  SignInOpenBody,
  TransferBody,
  UpdatePartyOrgBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { today } from '../../platform/clock.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { arrears, duesSheet, duesXlsx, recordPayment } from './dues-service.ts';
import {
  cancelMeeting,
  compliance,
  createMeeting,
  getMeeting,
  listMeetings,
  markAttendance,
  openMeetingSignIn,
  saveMinutes,
} from './meeting-service.ts';
import { advanceMember, createMember, extendProbation, getMember, listMembers, pipelineDue, transferMember } from './member-service.ts';
import { myDues, myMeetings, signInToMeeting } from './my-party-service.ts';
import { createPartyOrg, getPartyOrg, listPartyOrgs, updatePartyOrg } from './org-service.ts';
import { addPartyRule, listPartyRule } from './party-rules.ts';
import { registerPartyReminders } from './reminders-job.ts';
import { completeActivity, createActivity, getActivity, listActivities } from './activity-service.ts';
import { createEssayContest, getEssayContest, listEssayContests, publishEssayContest, scoreEssays, submitEssay } from './essay-service.ts';
import { addMeetingFile, listMeetingFiles, MAX_MEETING_FILE_BYTES, readMeetingFile, removeMeetingFile } from './meeting-files.ts';
import { createSelection, createSelectionCampaign, listSelectionCampaigns, listSelections } from './selection-service.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, utf8: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** Routes of party building (基层党建), mounted at /api/v1/party. */
export async function partyRoutes(app: FastifyInstance): Promise<void> {
  registerPartyReminders(app);
  // Scoped to this plugin: only the minutes attachment upload reads multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_MEETING_FILE_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['party'];
  const read = { permission: 'party:read' };
  const write = { permission: 'party:write' };
  const dues = { permission: 'party:dues' };
  const self = { permission: 'party:self' };
  const ctx = () => app.ctx;

  r.get('/orgs', {
    schema: { tags, response: { 200: PartyOrgList } },
    config: read,
    handler: async (req) => listPartyOrgs(ctx(), await scopeOf(req)),
  });
  r.post('/orgs', {
    schema: { tags, body: CreatePartyOrgBody, response: { 201: PartyOrgView } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createPartyOrg(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/orgs/:id', {
    schema: { tags, params: IdParams, response: { 200: PartyOrgView } },
    config: read,
    handler: async (req) => getPartyOrg(ctx(), await scopeOf(req), req.params.id),
  });
  r.patch('/orgs/:id', {
    schema: { tags, params: IdParams, body: UpdatePartyOrgBody, response: { 200: PartyOrgView } },
    config: write,
    handler: async (req) => updatePartyOrg(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/orgs/:id/compliance', {
    schema: { tags, params: IdParams, querystring: QuarterQuery, response: { 200: ComplianceView } },
    config: read,
    handler: async (req) => compliance(ctx(), await scopeOf(req), req.params.id, req.query.quarter),
  });
  r.get('/orgs/:id/dues', {
    schema: { tags, params: IdParams, querystring: MonthQuery, response: { 200: DuesSheetView } },
    config: dues,
    handler: async (req) => duesSheet(ctx(), await scopeOf(req), req.params.id, req.query.month),
  });
  r.get('/orgs/:id/dues/export.xlsx', {
    schema: { tags, params: IdParams, querystring: MonthQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...dues, sensitive: true },
    handler: async (req, reply) => {
      const file = await duesXlsx(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.query.month);
      return reply.type(XLSX_MIME).header('content-disposition', attachment('party-dues.xlsx', file.name)).send(file.body);
    },
  });

  r.get('/members', {
    schema: { tags, querystring: PartyMemberQuery, response: { 200: MemberList } },
    config: read,
    handler: async (req) => listMembers(ctx(), await scopeOf(req), req.query),
  });
  r.post('/members', {
    schema: { tags, body: CreateMemberBody, response: { 201: MemberDetail } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createMember(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/members/:id', {
    schema: { tags, params: IdParams, response: { 200: MemberDetail } },
    config: read,
    handler: async (req) => getMember(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/members/:id/steps', {
    schema: { tags, params: IdParams, body: AdvanceBody, response: { 200: MemberDetail } },
    config: write,
    handler: async (req) => advanceMember(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/members/:id/extension', {
    schema: { tags, params: IdParams, body: ExtendBody, response: { 200: MemberDetail } },
    config: write,
    handler: async (req) => extendProbation(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/members/:id/transfer', {
    schema: { tags, params: IdParams, body: TransferBody, response: { 200: MemberDetail } },
    config: write,
    handler: async (req) => transferMember(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/pipeline/due', {
    schema: { tags, response: { 200: PipelineDueList } },
    config: read,
    handler: async (req) => pipelineDue(ctx(), await scopeOf(req)),
  });
  r.get('/pipeline/due/count', {
    schema: { tags, response: { 200: Type.Object({ count: Type.Number(), overdue: Type.Number() }) } },
    config: read,
    handler: async (req) => {
      const due = await pipelineDue(ctx(), await scopeOf(req));
      return { count: due.items.length, overdue: due.items.filter((i) => i.next?.overdue).length };
    },
  });

  r.get('/meetings', {
    schema: { tags, querystring: MeetingQuery, response: { 200: MeetingList } },
    config: read,
    handler: async (req) => listMeetings(ctx(), await scopeOf(req), req.query),
  });
  r.post('/meetings', {
    schema: { tags, body: CreateMeetingBody, response: { 201: MeetingDetail } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createMeeting(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/meetings/:id', {
    schema: { tags, params: IdParams, response: { 200: MeetingDetail } },
    config: read,
    handler: async (req) => getMeeting(ctx(), await scopeOf(req), req.params.id),
  });
  r.put('/meetings/:id/minutes', {
    schema: { tags, params: IdParams, body: MinutesBody, response: { 200: MeetingDetail } },
    config: write,
    handler: async (req) => saveMinutes(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/meetings/:id/cancel', {
    schema: { tags, params: IdParams, response: { 200: MeetingDetail } },
    config: { ...write, noBody: true },
    handler: async (req) => cancelMeeting(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/meetings/:id/sign-in-code', {
    schema: { tags, params: IdParams, body: SignInOpenBody, response: { 200: SignInCodeView } },
    config: write,
    handler: async (req) => openMeetingSignIn(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.minutes),
  });
  r.put('/meetings/:id/attendance', {
    schema: { tags, params: IdParams, body: MeetingAttendanceBody, response: { 200: MeetingDetail } },
    config: write,
    handler: async (req) => markAttendance(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/dues/payments', {
    schema: { tags, body: DuesPaymentBody, response: { 200: DuesPaymentView } },
    config: dues,
    handler: async (req) => recordPayment(ctx(), await scopeOf(req), actorOf(req), req.body),
  });
  r.get('/dues/arrears', {
    schema: { tags, querystring: ArrearsQuery, response: { 200: ArrearsList } },
    config: dues,
    handler: async (req) => arrears(ctx(), await scopeOf(req), req.query.month, req.query.partyOrgId),
  });

  r.get('/meetings/:id/files', {
    schema: { tags, params: IdParams, response: { 200: MeetingFileList } },
    config: read,
    handler: async (req) => listMeetingFiles(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/meetings/:id/files', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: MeetingFileView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addMeetingFile(ctx(), await scopeOf(req), actorOf(req), req.params.id, req)),
  });
  r.get('/meetings/:id/files/:fileId', {
    schema: { tags, params: MeetingFileParams, response: { 200: FileDownload } },
    config: { ...read, auditView: { eventType: 'party.meeting.file.download', objectType: 'party_meeting' } },
    handler: async (req, reply) => {
      const file = await readMeetingFile(ctx(), await scopeOf(req), req.params.id, req.params.fileId);
      return reply.type(file.type).header('content-disposition', attachment('minutes-attachment', file.name)).send(file.body);
    },
  });
  r.delete('/meetings/:id/files/:fileId', {
    schema: { tags, params: MeetingFileParams, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await removeMeetingFile(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  });

  r.get('/selection-campaigns', {
    schema: { tags, response: { 200: SelectionCampaignList } },
    config: read,
    handler: async (req) => listSelectionCampaigns(ctx(), await scopeOf(req), principalOf(req)),
  });
  r.post('/selection-campaigns', {
    schema: { tags, body: CreateSelectionCampaignBody, response: { 201: SelectionCampaignView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await createSelectionCampaign(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.body)),
  });
  r.get('/selections', {
    schema: { tags, response: { 200: SelectionList } },
    config: read,
    handler: async (req) => listSelections(ctx(), await scopeOf(req), principalOf(req)),
  });
  r.post('/selections', {
    schema: { tags, body: CreateSelectionBody, response: { 201: SelectionView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await createSelection(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.body)),
  });

  r.get('/activities', {
    schema: { tags, querystring: ActivityQuery, response: { 200: ActivityList } },
    config: read,
    handler: async (req) => listActivities(ctx(), await scopeOf(req), req.query),
  });
  r.post('/activities', {
    schema: { tags, body: CreateActivityBody, response: { 201: ActivityDetail } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createActivity(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/activities/:id', {
    schema: { tags, params: IdParams, response: { 200: ActivityDetail } },
    config: read,
    handler: async (req) => getActivity(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/activities/:id/complete', {
    schema: { tags, params: IdParams, response: { 200: ActivityDetail } },
    config: { ...write, noBody: true },
    handler: async (req) => completeActivity(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });

  r.get('/essay-contests', {
    schema: { tags, response: { 200: EssayContestList } },
    config: read,
    handler: async (req) => listEssayContests(ctx(), await scopeOf(req)),
  });
  r.post('/essay-contests', {
    schema: { tags, body: CreateEssayContestBody, response: { 201: EssayContestDetail } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createEssayContest(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/essay-contests/:id', {
    schema: { tags, params: IdParams, response: { 200: EssayContestDetail } },
    config: read,
    handler: async (req) => getEssayContest(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/essay-contests/:id/essays', {
    schema: { tags, params: IdParams, body: EssayEntryBody, response: { 201: EssayContestDetail } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await submitEssay(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.put('/essay-contests/:id/scores', {
    schema: { tags, params: IdParams, body: EssayScoresBody, response: { 200: EssayContestDetail } },
    config: write,
    handler: async (req) => scoreEssays(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/essay-contests/:id/publish', {
    schema: { tags, params: IdParams, response: { 200: EssayContestDetail } },
    config: { ...write, noBody: true },
    handler: async (req) => publishEssayContest(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });

  r.get('/rules/:set', {
    schema: { tags, params: PartyRuleParams, response: { 200: PartyRuleView } },
    config: read,
    handler: async (req) => listPartyRule(ctx(), req.params.set, today(ctx().clock)),
  });
  r.post('/rules/:set', {
    schema: { tags, params: PartyRuleParams, body: PartyRuleBody, response: { 201: PartyRuleView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addPartyRule(ctx(), await scopeOf(req), actorOf(req), req.params.set, req.body)),
  });

  r.get('/my/meetings', {
    schema: { tags, response: { 200: MyMeetingList } },
    config: self,
    handler: async (req) => myMeetings(ctx(), principalOf(req)),
  });
  r.post('/my/meetings/:id/sign-in', {
    schema: { tags, params: IdParams, body: MeetingSignInBody, response: { 200: MySignInView } },
    config: self,
    handler: async (req) => signInToMeeting(ctx(), principalOf(req), actorOf(req), req.params.id, req.body.code),
  });
  r.get('/my/dues', {
    schema: { tags, response: { 200: MyDuesView } },
    config: self,
    handler: async (req) => myDues(ctx(), principalOf(req)),
  });
}
