CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"division_code" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"credit_code" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"voided_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"phone_enc" text,
	"email" text,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"voided_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"subtree" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"permissions" text[] NOT NULL,
	"defaults_applied" text[] NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"diff" jsonb,
	"ip" text,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"purged_through" bigint DEFAULT 0 NOT NULL,
	"purged_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sm3" text NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"name" text NOT NULL,
	"owner_entity" text NOT NULL,
	"owner_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_reason" text
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_code" text,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"assumption" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_code" text,
	"year" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"entity" text,
	"entity_id" text,
	"once" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"organiser_unit_id" integer NOT NULL,
	"language" text NOT NULL,
	"participants" integer,
	"sessions" integer,
	"quantity" integer,
	"laws" text[] DEFAULT '{}'::text[] NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_participants_ck" CHECK ("activities"."participants" is null or "activities"."participants" >= 0),
	CONSTRAINT "activities_sessions_ck" CHECK ("activities"."sessions" is null or "activities"."sessions" >= 1),
	CONSTRAINT "activities_quantity_ck" CHECK ("activities"."quantity" is null or "activities"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "activity_attendance" (
	"activity_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "activity_attendance_activity_id_unit_id_pk" PRIMARY KEY("activity_id","unit_id"),
	CONSTRAINT "activity_attendance_count_ck" CHECK ("activity_attendance"."count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "activity_materials" (
	"activity_id" uuid NOT NULL,
	"material_kind" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "activity_materials_activity_id_material_kind_pk" PRIMARY KEY("activity_id","material_kind"),
	CONSTRAINT "activity_materials_quantity_ck" CHECK ("activity_materials"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "planning_counters" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "planning_counters_unit_id_year_kind_pk" PRIMARY KEY("unit_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "planning_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"issued_on" date,
	"file_id" uuid,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"agenda" text[] NOT NULL,
	"attendees" jsonb NOT NULL,
	"decisions" text[] NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_notice_tasks" (
	"notice_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "planning_notice_tasks_notice_id_task_id_pk" PRIMARY KEY("notice_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "planning_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"target_unit_id" integer NOT NULL,
	"issued_on" date NOT NULL,
	"subject" text NOT NULL,
	"requirements" text NOT NULL,
	"reply_workdays" integer NOT NULL,
	"reply_due" date NOT NULL,
	"reply_due_rule" jsonb NOT NULL,
	"reply" text,
	"replied_on" date,
	"reply_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"replied_by" uuid,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"risk_workdays" integer DEFAULT 10 NOT NULL,
	"risk_threshold" integer DEFAULT 80 NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_plans_risk_ck" CHECK ("planning_plans"."risk_workdays" between 1 and 60),
	CONSTRAINT "planning_plans_threshold_ck" CHECK ("planning_plans"."risk_threshold" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "planning_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"reported_on" date NOT NULL,
	"content" text NOT NULL,
	"percent" integer,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_progress_percent_ck" CHECK ("planning_progress"."percent" is null or "planning_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "planning_task_units" (
	"task_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "planning_task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "planning_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"targets" text,
	"steps" text,
	"lead_unit_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"system" text,
	"meeting_id" uuid,
	"note" text,
	"accepted_percent" integer,
	"accepted_on" date,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"source_module" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"severity" text NOT NULL,
	"found_on" date NOT NULL,
	"due_on" date NOT NULL,
	"measures" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_due_ck" CHECK ("findings"."due_on" >= "findings"."found_on")
);
--> statement-breakpoint
CREATE TABLE "inspection_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"method" text NOT NULL,
	"participants" text NOT NULL,
	"target_unit_id" integer NOT NULL,
	"feedback_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"notes" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_actions_feedback_ck" CHECK (("inspection_actions"."kind" = 'followUp') = (cardinality("inspection_actions"."feedback_item_ids") > 0))
);
--> statement-breakpoint
CREATE TABLE "inspection_feedback_aspects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"description" text NOT NULL,
	"responsible_unit_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"finding_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"reference" text,
	"received_on" date NOT NULL,
	"title" text NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"follow_up_of_id" uuid,
	"target_unit_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"methods" text[] NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_rounds_follow_up_ck" CHECK (("inspection_rounds"."kind" = 'followUp') = ("inspection_rounds"."follow_up_of_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "law_duty_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_duty_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"post_type" text NOT NULL,
	"items" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_duty_reporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"person_name" text NOT NULL,
	"post" text NOT NULL,
	"post_type" text NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_duty_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reporter_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"format" text NOT NULL,
	"submitted_on" date NOT NULL,
	"performance" text NOT NULL,
	"problems" text NOT NULL,
	"plans" text NOT NULL,
	"document_file_id" uuid,
	"submitted_by" uuid,
	"rating" text,
	"review_comment" text,
	"reviewed_on" date,
	"reviewed_by" uuid,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"points" numeric(6, 1) NOT NULL,
	"scoring_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_indicators_points_ck" CHECK ("assessment_indicators"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_round_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"self_submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"division_code" text NOT NULL,
	"system_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"published_on" date,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_unit_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"self_score" numeric(6, 1),
	"self_note" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"self_evaluated_at" timestamp with time zone,
	"score" numeric(6, 1),
	"method" text,
	"deduction_reason" text,
	"scored_on" date,
	"scored_by" uuid,
	"finding_id" uuid,
	CONSTRAINT "assessment_scores_score_ck" CHECK ("assessment_scores"."score" is null or "assessment_scores"."score" >= 0),
	CONSTRAINT "assessment_scores_self_ck" CHECK ("assessment_scores"."self_score" is null or "assessment_scores"."self_score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "public"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organiser_unit_id_org_units_id_fk" FOREIGN KEY ("organiser_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_materials" ADD CONSTRAINT "activity_materials_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_counters" ADD CONSTRAINT "planning_counters_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_documents" ADD CONSTRAINT "planning_documents_plan_id_planning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."planning_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_documents" ADD CONSTRAINT "planning_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notice_tasks" ADD CONSTRAINT "planning_notice_tasks_notice_id_planning_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."planning_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notice_tasks" ADD CONSTRAINT "planning_notice_tasks_task_id_planning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."planning_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notices" ADD CONSTRAINT "planning_notices_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notices" ADD CONSTRAINT "planning_notices_target_unit_id_org_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notices" ADD CONSTRAINT "planning_notices_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_notices" ADD CONSTRAINT "planning_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plans" ADD CONSTRAINT "planning_plans_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plans" ADD CONSTRAINT "planning_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_progress" ADD CONSTRAINT "planning_progress_task_id_planning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."planning_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_progress" ADD CONSTRAINT "planning_progress_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_progress" ADD CONSTRAINT "planning_progress_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_progress" ADD CONSTRAINT "planning_progress_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_task_units" ADD CONSTRAINT "planning_task_units_task_id_planning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."planning_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_task_units" ADD CONSTRAINT "planning_task_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_tasks" ADD CONSTRAINT "planning_tasks_plan_id_planning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."planning_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_tasks" ADD CONSTRAINT "planning_tasks_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_tasks" ADD CONSTRAINT "planning_tasks_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_tasks" ADD CONSTRAINT "planning_tasks_meeting_id_planning_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."planning_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_tasks" ADD CONSTRAINT "planning_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_actions" ADD CONSTRAINT "inspection_actions_round_id_inspection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."inspection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_actions" ADD CONSTRAINT "inspection_actions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_actions" ADD CONSTRAINT "inspection_actions_target_unit_id_org_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_actions" ADD CONSTRAINT "inspection_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_aspects" ADD CONSTRAINT "inspection_feedback_aspects_item_id_inspection_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_aspects" ADD CONSTRAINT "inspection_feedback_aspects_responsible_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_items" ADD CONSTRAINT "inspection_feedback_items_round_id_inspection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."inspection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_items" ADD CONSTRAINT "inspection_feedback_items_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_feedback_items" ADD CONSTRAINT "inspection_feedback_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rounds" ADD CONSTRAINT "inspection_rounds_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rounds" ADD CONSTRAINT "inspection_rounds_follow_up_of_id_inspection_rounds_id_fk" FOREIGN KEY ("follow_up_of_id") REFERENCES "public"."inspection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rounds" ADD CONSTRAINT "inspection_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_campaigns" ADD CONSTRAINT "law_duty_campaigns_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_campaigns" ADD CONSTRAINT "law_duty_campaigns_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_campaigns" ADD CONSTRAINT "law_duty_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_lists" ADD CONSTRAINT "law_duty_lists_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_lists" ADD CONSTRAINT "law_duty_lists_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_lists" ADD CONSTRAINT "law_duty_lists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reporters" ADD CONSTRAINT "law_duty_reporters_campaign_id_law_duty_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."law_duty_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reporters" ADD CONSTRAINT "law_duty_reporters_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reports" ADD CONSTRAINT "law_duty_reports_reporter_id_law_duty_reporters_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."law_duty_reporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reports" ADD CONSTRAINT "law_duty_reports_campaign_id_law_duty_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."law_duty_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reports" ADD CONSTRAINT "law_duty_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reports" ADD CONSTRAINT "law_duty_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_duty_reports" ADD CONSTRAINT "law_duty_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_indicators" ADD CONSTRAINT "assessment_indicators_system_id_assessment_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."assessment_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_units" ADD CONSTRAINT "assessment_round_units_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_units" ADD CONSTRAINT "assessment_round_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_system_id_assessment_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."assessment_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_round_unit_id_assessment_round_units_id_fk" FOREIGN KEY ("round_unit_id") REFERENCES "public"."assessment_round_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_indicator_id_assessment_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."assessment_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_systems" ADD CONSTRAINT "assessment_systems_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_systems" ADD CONSTRAINT "assessment_systems_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_systems" ADD CONSTRAINT "assessment_systems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "divisions_path_idx" ON "divisions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_path_uq" ON "org_units" USING btree ("path");--> statement-breakpoint
CREATE INDEX "org_units_path_pattern_idx" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_division_idx" ON "org_units" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_parent_name_uq" ON "org_units" USING btree ("parent_id","name") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_unit_idx" ON "users" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "users_username_trgm_idx" ON "users" USING gin ("username" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_display_name_trgm_idx" ON "users" USING gin ("display_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_at_idx" ON "audit_events" USING btree ("entity","at");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_entity","owner_id");--> statement-breakpoint
CREATE INDEX "files_sm3_idx" ON "files" USING btree ("sm3");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_days_division_day_uq" ON "calendar_days" USING btree (coalesce("division_code", ''),"day");--> statement-breakpoint
CREATE INDEX "calendar_days_day_idx" ON "calendar_days" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_years_division_year_uq" ON "calendar_years" USING btree (coalesce("division_code", ''),"year");--> statement-breakpoint
CREATE INDEX "notifications_user_read_created_idx" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("kind","entity_id","user_id") WHERE once;--> statement-breakpoint
CREATE INDEX "notifications_unmailed_idx" ON "notifications" USING btree ("created_at") WHERE emailed_at is null and read_at is null;--> statement-breakpoint
CREATE INDEX "activities_date_idx" ON "activities" USING btree ("date");--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "activities_kind_date_idx" ON "activities" USING btree ("kind","date");--> statement-breakpoint
CREATE INDEX "activity_attendance_unit_idx" ON "activity_attendance" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "planning_documents_plan_idx" ON "planning_documents" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "planning_meetings_unit_held_idx" ON "planning_meetings" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "planning_notice_tasks_task_idx" ON "planning_notice_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_notices_number_uq" ON "planning_notices" USING btree ("unit_id","year","seq");--> statement-breakpoint
CREATE INDEX "planning_notices_target_idx" ON "planning_notices" USING btree ("target_unit_id");--> statement-breakpoint
CREATE INDEX "planning_notices_due_idx" ON "planning_notices" USING btree ("reply_due");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_plans_unit_year_uq" ON "planning_plans" USING btree ("unit_id","year") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "planning_progress_task_idx" ON "planning_progress" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE INDEX "planning_progress_accepted_idx" ON "planning_progress" USING btree ("task_id","reported_on" DESC NULLS LAST,"created_at" DESC NULLS LAST) WHERE role = 'lead' and status = 'accepted';--> statement-breakpoint
CREATE INDEX "planning_task_units_unit_idx" ON "planning_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_tasks_plan_seq_uq" ON "planning_tasks" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "planning_tasks_plan_deadline_idx" ON "planning_tasks" USING btree ("plan_id","deadline");--> statement-breakpoint
CREATE INDEX "planning_tasks_lead_idx" ON "planning_tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "planning_tasks_deadline_idx" ON "planning_tasks" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "planning_tasks_meeting_idx" ON "planning_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finding_events_finding_seq_uq" ON "finding_events" USING btree ("finding_id","seq");--> statement-breakpoint
CREATE INDEX "finding_events_state_on_idx" ON "finding_events" USING btree ("state","on");--> statement-breakpoint
CREATE INDEX "findings_unit_idx" ON "findings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "findings_found_idx" ON "findings" USING btree ("found_on");--> statement-breakpoint
CREATE INDEX "findings_source_idx" ON "findings" USING btree ("source_module","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "inspection_actions_round_idx" ON "inspection_actions" USING btree ("round_id","date");--> statement-breakpoint
CREATE INDEX "inspection_actions_target_idx" ON "inspection_actions" USING btree ("target_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_feedback_aspects_item_seq_uq" ON "inspection_feedback_aspects" USING btree ("item_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_feedback_items_round_seq_uq" ON "inspection_feedback_items" USING btree ("round_id","seq");--> statement-breakpoint
CREATE INDEX "inspection_rounds_unit_year_idx" ON "inspection_rounds" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "law_duty_campaigns_division_year_uq" ON "law_duty_campaigns" USING btree ("division_code","year") WHERE voided_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "law_duty_lists_division_post_uq" ON "law_duty_lists" USING btree ("division_code","post_type");--> statement-breakpoint
CREATE UNIQUE INDEX "law_duty_reporters_post_uq" ON "law_duty_reporters" USING btree ("campaign_id","unit_id","post_type") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "law_duty_reporters_unit_idx" ON "law_duty_reporters" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_duty_reports_reporter_uq" ON "law_duty_reports" USING btree ("reporter_id") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "law_duty_reports_unit_date_idx" ON "law_duty_reports" USING btree ("unit_id","submitted_on");--> statement-breakpoint
CREATE INDEX "law_duty_reports_campaign_idx" ON "law_duty_reports" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_indicators_code_uq" ON "assessment_indicators" USING btree ("system_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_round_units_uq" ON "assessment_round_units" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "assessment_round_units_unit_idx" ON "assessment_round_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scores_uq" ON "assessment_scores" USING btree ("round_unit_id","indicator_id");--> statement-breakpoint
CREATE INDEX "assessment_scores_unit_idx" ON "assessment_scores" USING btree ("unit_id");