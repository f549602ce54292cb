import type { App } from '../../platform/manifest.js';
import type { Platform } from '../../platform/platform.js';
import {
  AddDocument,
  CreateMeeting,
  CreatePlan,
  CreateTask,
  Id,
  IssueNotice,
  MeetingQuery,
  MeetingView,
  NoticePage,
  NoticeQuery,
  NoticeView,
  PlanQuery,
  PlanView,
  ProgressView,
  ReplyNotice,
  ReportProgress,
  ReviewProgress,
  SystemsView,
  TaskDetail,
  TaskPage,
  TaskQuery,
  TaskView,
  TodayQuery,
  UpdateMeeting,
  UpdatePlan,
  UpdateTask,
  VoidBody,
} from './contract.js';
import { DashboardQuery, PlanningDashboard, planningDashboard } from './dashboard.js';
import { planningImportRoutes } from './import.js';
import { escalationLevels, systemCodes, systems, taskStateCodes, taskStates } from './kinds.js';
import { MeetingService } from './meetings.js';
import { NoticeService } from './notices.js';
import { PlanService } from './plans.js';
import { P, PlanningService } from './service.js';

export async function planningRoutes(app: App, platform: Platform) {
  const service = new PlanningService(platform.db, platform.calendar, platform.files);
  const plans = new PlanService(platform.db, platform.files);
  const notices = new NoticeService(platform.db, platform.calendar, platform.files);
  const meetings = new MeetingService(platform.db);
  const tags = ['planning'];
  const read = { permission: P.read };
  const manage = { permission: P.manage };
  const report = { permission: P.report };

  app.get(
    '/api/planning/systems',
    {
      schema: { tags, summary: '任务所属体系、任务状态、督办升级档次', response: { 200: SystemsView } },
      config: read,
    },
    () => ({
      systems: systemCodes.map((code) => ({ code, label: systems[code] })),
      states: taskStateCodes.map((code) => ({ code, label: taskStates[code] })),
      escalation: escalationLevels.map((e) => ({ ...e })),
    }),
  );

  app.get(
    '/api/planning/dashboard',
    {
      schema: {
        tags,
        summary: '工作计划驾驶舱：任务状态分布、牵头单位及体系完成情况、督办单下发回复与升级（均可下钻）',
        querystring: DashboardQuery,
        response: { 200: PlanningDashboard },
      },
      config: read,
    },
    (req) => planningDashboard(platform.db, service, req.actor, req.query),
  );

  // ——— plans ———
  app.get(
    '/api/planning/plans',
    {
      schema: {
        tags,
        summary: '年度工作计划（工作要点、任务清单）',
        querystring: PlanQuery,
        response: { 200: PlanView.array() },
      },
      config: read,
    },
    (req) => plans.listPlans(req.actor, req.query.year),
  );
  app.get(
    '/api/planning/plans/:id',
    {
      schema: { tags, summary: '工作计划详情（含印发文件）', params: Id, response: { 200: PlanView } },
      config: read,
    },
    (req) => plans.getPlan(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/planning/plans',
    {
      schema: { tags, summary: '新建年度工作计划', body: CreatePlan, response: { 200: PlanView } },
      config: manage,
    },
    (req) => plans.createPlan(req.ctx, req.body),
  );
  app.put(
    '/api/planning/plans/:id',
    {
      schema: {
        tags,
        summary: '修改工作计划（名称、预警规则）',
        params: Id,
        body: UpdatePlan,
        response: { 200: PlanView },
      },
      config: manage,
    },
    (req) => plans.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/planning/plans/:id/void',
    {
      schema: {
        tags,
        summary: '作废工作计划（须填原因）',
        params: Id,
        body: VoidBody,
        response: { 200: PlanView },
      },
      config: manage,
    },
    (req) => plans.voidPlan(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/planning/plans/:id/documents',
    {
      schema: {
        tags,
        summary: '登记计划印发文件（附件先上传至 planning.plan:<计划编号>）',
        params: Id,
        body: AddDocument,
        response: { 200: PlanView },
      },
      config: manage,
    },
    (req) => plans.addDocument(req.ctx, req.params.id, req.body),
  );

  // ——— tasks ———
  app.get(
    '/api/planning/tasks',
    {
      schema: {
        tags,
        summary: '任务清单（状态按今天或 today 参数实时计算，可按状态筛选）',
        querystring: TaskQuery,
        response: { 200: TaskPage },
      },
      config: read,
    },
    (req) => service.listTasks(req.actor, req.query),
  );
  app.get(
    '/api/planning/tasks/:id',
    {
      schema: {
        tags,
        summary: '任务详情及进展报送记录',
        params: Id,
        querystring: TodayQuery,
        response: { 200: TaskDetail },
      },
      config: read,
    },
    (req) => service.taskDetail(req.actor, req.params.id, req.query.today),
  );
  app.post(
    '/api/planning/tasks',
    {
      schema: {
        tags,
        summary: '新增任务（序号按计划顺序分配）',
        body: CreateTask,
        response: { 200: TaskView },
      },
      config: manage,
    },
    (req) => service.createTask(req.ctx, req.body),
  );
  app.put(
    '/api/planning/tasks/:id',
    {
      schema: {
        tags,
        summary: '修改任务（整条替换，留痕）',
        params: Id,
        body: UpdateTask,
        response: { 200: TaskView },
      },
      config: manage,
    },
    (req) => service.updateTask(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/planning/tasks/:id/void',
    {
      schema: {
        tags,
        summary: '作废任务（须填原因）',
        params: Id,
        body: VoidBody,
        response: { 200: TaskView },
      },
      config: manage,
    },
    (req) => service.voidTask(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/planning/tasks/:id/progress',
    {
      schema: {
        tags,
        summary:
          '报送任务进展（牵头单位报完成进度，参与单位报承担部分；附件先上传至 planning.taskUnit:<任务编号>:<单位编号>）',
        params: Id,
        body: ReportProgress,
        response: { 200: ProgressView },
      },
      config: report,
    },
    (req) => service.reportProgress(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/planning/progress/:id/review',
    {
      schema: {
        tags,
        summary: '审核进展：采纳，或退回并说明原因',
        params: Id,
        body: ReviewProgress,
        response: { 200: ProgressView },
      },
      config: manage,
    },
    (req) => service.reviewProgress(req.ctx, req.params.id, req.body),
  );

  // ——— supervision notices ———
  app.get(
    '/api/planning/notices',
    {
      schema: {
        tags,
        summary: '督办单（escalated=true：逾期未回复的，附升级档次）',
        querystring: NoticeQuery,
        response: { 200: NoticePage },
      },
      config: read,
    },
    (req) => notices.list(req.actor, req.query),
  );
  app.get(
    '/api/planning/notices/:id',
    {
      schema: {
        tags,
        summary: '督办单详情',
        params: Id,
        querystring: TodayQuery,
        response: { 200: NoticeView },
      },
      config: read,
    },
    (req) => notices.get(platform.db, req.actor, req.params.id, P.read, req.query.today),
  );
  app.post(
    '/api/planning/notices',
    {
      schema: {
        tags,
        summary: '下发督办单（编号按年度连续分配，回复期限按工作日计算）',
        body: IssueNotice,
        response: { 200: NoticeView },
      },
      config: manage,
    },
    (req) => notices.issue(req.ctx, req.body),
  );
  app.post(
    '/api/planning/notices/:id/reply',
    {
      schema: {
        tags,
        summary: '被督办单位回复督办单（附件先上传至 planning.notice:<督办单编号>）',
        params: Id,
        body: ReplyNotice,
        response: { 200: NoticeView },
      },
      config: report,
    },
    (req) => notices.reply(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/planning/notices/:id/void',
    {
      schema: {
        tags,
        summary: '作废督办单（编号保留不重用）',
        params: Id,
        body: VoidBody,
        response: { 200: NoticeView },
      },
      config: manage,
    },
    (req) => notices.void(req.ctx, req.params.id, req.body.reason),
  );

  // ——— committee meetings ———
  app.get(
    '/api/planning/meetings',
    {
      schema: {
        tags,
        summary: '全面依法治县委员会会议',
        querystring: MeetingQuery,
        response: { 200: MeetingView.array() },
      },
      config: read,
    },
    (req) => meetings.list(req.actor, req.query.year),
  );
  app.get(
    '/api/planning/meetings/:id',
    {
      schema: {
        tags,
        summary: '会议详情（议题、出席、议定事项、部署的任务）',
        params: Id,
        response: { 200: MeetingView },
      },
      config: read,
    },
    (req) => meetings.get(platform.db, req.actor, req.params.id),
  );
  app.post(
    '/api/planning/meetings',
    {
      schema: { tags, summary: '登记委员会会议', body: CreateMeeting, response: { 200: MeetingView } },
      config: manage,
    },
    (req) => meetings.create(req.ctx, req.body),
  );
  app.put(
    '/api/planning/meetings/:id',
    {
      schema: {
        tags,
        summary: '修改会议记录（留痕）',
        params: Id,
        body: UpdateMeeting,
        response: { 200: MeetingView },
      },
      config: manage,
    },
    (req) => meetings.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/planning/meetings/:id/void',
    {
      schema: {
        tags,
        summary: '作废会议记录（须填原因）',
        params: Id,
        body: VoidBody,
        response: { 200: MeetingView },
      },
      config: manage,
    },
    (req) => meetings.void(req.ctx, req.params.id, req.body.reason),
  );

  await planningImportRoutes(app, platform, service, plans);
}
