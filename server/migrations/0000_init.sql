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
CREATE TABLE "intake_spent_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"payload" text NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lookup_code" text NOT NULL,
	"factor_salt" text NOT NULL,
	"factor_hash" text NOT NULL,
	"client_ip_hash" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"record_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone
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
CREATE TABLE "planning_plan_units" (
	"plan_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "planning_plan_units_plan_id_unit_id_pk" PRIMARY KEY("plan_id","unit_id")
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
CREATE TABLE "reconsideration_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organ_unit_id" integer NOT NULL,
	"division_code" text NOT NULL,
	"stage" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"submission_id" text,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_phone_enc" text,
	"applicant_address" text,
	"applicant_representative" text,
	"respondent_name" text NOT NULL,
	"respondent_unit_id" integer,
	"respondent_superior" text,
	"act_description" text NOT NULL,
	"act_number" text,
	"act_date" date,
	"request" text NOT NULL,
	"facts_and_reasons" text NOT NULL,
	"learned_on" date NOT NULL,
	"rights_learned_on" date,
	"late_reason" text,
	"oral_record" text,
	"amount_fen" integer,
	"major" boolean DEFAULT false NOT NULL,
	"officers" text[] DEFAULT '{}'::text[] NOT NULL,
	"attachment_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"review_due_on" date,
	"correction_notice_on" date,
	"correction_items" text[],
	"correction_served_on" date,
	"correction_extended_to" date,
	"correction_received_on" date,
	"abandoned_on" date,
	"refused_on" date,
	"refusal_reason" text,
	"proper_organ" text,
	"accepted_on" date,
	"acceptance_deemed" boolean DEFAULT false NOT NULL,
	"case_year" integer,
	"case_seq" integer,
	"case_number" text,
	"procedure" text,
	"simple_ground" text,
	"procedure_switched_on" date,
	"copy_sent_on" date,
	"copy_received_on" date,
	"reply_received_on" date,
	"committee_consulted_on" date,
	"committee_opinion" text,
	"extension_days" integer,
	"extended_on" date,
	"extension_approved_by" text,
	"extension_reason" text,
	"decision_type" text,
	"decided_on" date,
	"decision_findings" text,
	"decision_reasoning" text,
	"decision_order" text,
	"closed_on" date,
	"termination_ground" text,
	"closing_note" text,
	"published_on" date,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_counters" (
	"organ_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "reconsideration_counters_organ_unit_id_year_pk" PRIMARY KEY("organ_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "reconsideration_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"detail" jsonb,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_hearings" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"notice_on" date NOT NULL,
	"hearing_on" date NOT NULL,
	"place" text NOT NULL,
	"matters" text NOT NULL,
	"presiding" text NOT NULL,
	"members" text[] NOT NULL,
	"clerk" text NOT NULL,
	"record" text,
	"held_on" date
);
--> statement-breakpoint
CREATE TABLE "reconsideration_settings" (
	"organ_unit_id" integer PRIMARY KEY NOT NULL,
	"number_prefix" text NOT NULL,
	"corrective_types" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_suspensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"ground" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mediation_case_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"parts" text[] NOT NULL,
	"grade" text NOT NULL,
	"exclusion" text,
	"amount_fen" integer NOT NULL,
	"mediator_id" uuid,
	"comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_case_mediators" (
	"case_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "mediation_case_mediators_case_id_mediator_id_pk" PRIMARY KEY("case_id","mediator_id")
);
--> statement-breakpoint
CREATE TABLE "mediation_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"received_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"received_on" date NOT NULL,
	"source" text NOT NULL,
	"dispute_type_code" text NOT NULL,
	"grade" text NOT NULL,
	"division_code" text NOT NULL,
	"summary" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"mediation_kind" text DEFAULT 'people' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"closed_on" date,
	"outcome_note" text,
	"agreement_form" text,
	"agreement_facts" text,
	"agreement_terms" text[],
	"agreement_terms_bo" text[],
	"performance_method" text,
	"performance_due" date,
	"agreement_effective_on" date,
	"performance" text,
	"submission_id" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_centres" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"established_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_committee_profiles" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"multi_ethnic" boolean DEFAULT false NOT NULL,
	"majority_ethnicity" text DEFAULT '藏族' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"applied_on" date NOT NULL,
	"court" text NOT NULL,
	"window_end" date NOT NULL,
	"window_rule" jsonb NOT NULL,
	"ruling" text,
	"ruled_on" date,
	"ruling_number" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_counters" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "mediation_counters_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "mediation_dispute_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"rates" jsonb NOT NULL,
	"paid_on" date,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"performance" text NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"ethnicity" text,
	"id_number_enc" text,
	"phone_enc" text,
	"address" text,
	"representative" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"asker_name" text,
	"phone_enc" text,
	"division_code" text,
	"language" text DEFAULT 'zh' NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" uuid,
	"submission_id" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"record" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_name" text NOT NULL,
	"phone_enc" text,
	"persons" integer DEFAULT 1 NOT NULL,
	"division_code" text,
	"dispute_type_code" text,
	"matter" text NOT NULL,
	"handling" text DEFAULT 'pending' NOT NULL,
	"handling_note" text,
	"case_id" uuid,
	"closed_on" date,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_trainings" (
	"id" serial PRIMARY KEY NOT NULL,
	"mediator_id" uuid NOT NULL,
	"activity_id" uuid,
	"trained_on" date NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"employment" text NOT NULL,
	"appointment" text NOT NULL,
	"appointed_on" date NOT NULL,
	"committee_role" text,
	"phone_enc" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"division_code" text NOT NULL,
	"subject_unit_id" integer,
	"unit_id" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"outline" jsonb NOT NULL,
	"comment_round" integer DEFAULT 0 NOT NULL,
	"comment_due_on" date,
	"published_version_id" uuid,
	"published_on" date,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"version_seq" integer NOT NULL,
	"section_id" text,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_secrecy_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_seq" integer NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text NOT NULL,
	"result" text NOT NULL,
	"note" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_seq" integer NOT NULL,
	"user_id" uuid,
	"user_name" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"outline" jsonb NOT NULL,
	"figure_values" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"unowned" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
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
ALTER TABLE "intake_submissions" ADD CONSTRAINT "intake_submissions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "planning_plan_units" ADD CONSTRAINT "planning_plan_units_plan_id_planning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."planning_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plan_units" ADD CONSTRAINT "planning_plan_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_organ_unit_id_org_units_id_fk" FOREIGN KEY ("organ_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_respondent_unit_id_org_units_id_fk" FOREIGN KEY ("respondent_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_cases" ADD CONSTRAINT "reconsideration_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_counters" ADD CONSTRAINT "reconsideration_counters_organ_unit_id_org_units_id_fk" FOREIGN KEY ("organ_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_events" ADD CONSTRAINT "reconsideration_events_case_id_reconsideration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reconsideration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_events" ADD CONSTRAINT "reconsideration_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_hearings" ADD CONSTRAINT "reconsideration_hearings_case_id_reconsideration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reconsideration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_settings" ADD CONSTRAINT "reconsideration_settings_organ_unit_id_org_units_id_fk" FOREIGN KEY ("organ_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_settings" ADD CONSTRAINT "reconsideration_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_suspensions" ADD CONSTRAINT "reconsideration_suspensions_case_id_reconsideration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reconsideration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_evaluations" ADD CONSTRAINT "mediation_case_evaluations_round_id_mediation_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."mediation_evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_evaluations" ADD CONSTRAINT "mediation_case_evaluations_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_evaluations" ADD CONSTRAINT "mediation_case_evaluations_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_evaluations" ADD CONSTRAINT "mediation_case_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_mediators" ADD CONSTRAINT "mediation_case_mediators_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_case_mediators" ADD CONSTRAINT "mediation_case_mediators_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_received_unit_id_org_units_id_fk" FOREIGN KEY ("received_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_dispute_type_code_mediation_dispute_types_code_fk" FOREIGN KEY ("dispute_type_code") REFERENCES "public"."mediation_dispute_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_centres" ADD CONSTRAINT "mediation_centres_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_committee_profiles" ADD CONSTRAINT "mediation_committee_profiles_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_confirmations" ADD CONSTRAINT "mediation_confirmations_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_confirmations" ADD CONSTRAINT "mediation_confirmations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_counters" ADD CONSTRAINT "mediation_counters_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_evaluation_rounds" ADD CONSTRAINT "mediation_evaluation_rounds_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_evaluation_rounds" ADD CONSTRAINT "mediation_evaluation_rounds_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_evaluation_rounds" ADD CONSTRAINT "mediation_evaluation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_follow_ups" ADD CONSTRAINT "mediation_follow_ups_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_follow_ups" ADD CONSTRAINT "mediation_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_parties" ADD CONSTRAINT "mediation_parties_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_questions" ADD CONSTRAINT "mediation_questions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_questions" ADD CONSTRAINT "mediation_questions_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_questions" ADD CONSTRAINT "mediation_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_questions" ADD CONSTRAINT "mediation_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_visits" ADD CONSTRAINT "mediation_visits_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_visits" ADD CONSTRAINT "mediation_visits_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_visits" ADD CONSTRAINT "mediation_visits_dispute_type_code_mediation_dispute_types_code_fk" FOREIGN KEY ("dispute_type_code") REFERENCES "public"."mediation_dispute_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_visits" ADD CONSTRAINT "mediation_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_trainings" ADD CONSTRAINT "mediator_trainings_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_trainings" ADD CONSTRAINT "mediator_trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_subject_unit_id_org_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_secrecy_reviews" ADD CONSTRAINT "report_secrecy_reviews_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_secrecy_reviews" ADD CONSTRAINT "report_secrecy_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signoffs" ADD CONSTRAINT "report_signoffs_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signoffs" ADD CONSTRAINT "report_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "intake_spent_challenges_expires_idx" ON "intake_spent_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_submissions_code_idx" ON "intake_submissions" USING btree ("lookup_code");--> statement-breakpoint
CREATE INDEX "intake_submissions_pending_idx" ON "intake_submissions" USING btree ("received_at") WHERE processed_at is null;--> statement-breakpoint
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
CREATE INDEX "planning_tasks_state_idx" ON "planning_tasks" USING btree ("plan_id","deadline","accepted_percent","accepted_on","lead_unit_id","system","seq","id") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "planning_tasks_open_idx" ON "planning_tasks" USING btree ("plan_id","deadline","accepted_percent","lead_unit_id","system","seq","id") WHERE voided_at is null and coalesce(accepted_percent, 0) < 100;--> statement-breakpoint
CREATE INDEX "planning_tasks_accepted_on_idx" ON "planning_tasks" USING btree ("accepted_on");--> statement-breakpoint
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
CREATE INDEX "assessment_scores_unit_idx" ON "assessment_scores" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconsideration_cases_number_uq" ON "reconsideration_cases" USING btree ("organ_unit_id","case_year","case_seq") WHERE case_seq is not null;--> statement-breakpoint
CREATE INDEX "reconsideration_cases_organ_received_idx" ON "reconsideration_cases" USING btree ("organ_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "reconsideration_cases_stage_idx" ON "reconsideration_cases" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "reconsideration_cases_list_idx" ON "reconsideration_cases" USING btree ("received_on","created_at") WHERE "reconsideration_cases"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "reconsideration_events_case_idx" ON "reconsideration_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "reconsideration_hearings_case_idx" ON "reconsideration_hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reconsideration_suspensions_case_idx" ON "reconsideration_suspensions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_evaluations_case_uq" ON "mediation_case_evaluations" USING btree ("round_id","case_id");--> statement-breakpoint
CREATE INDEX "mediation_evaluations_case_idx" ON "mediation_case_evaluations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mcm_mediator_idx" ON "mediation_case_mediators" USING btree ("mediator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_cases_number_uq" ON "mediation_cases" USING btree ("received_unit_id","year","seq");--> statement-breakpoint
CREATE INDEX "mediation_cases_list_idx" ON "mediation_cases" USING btree ("received_on","number") WHERE "mediation_cases"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "mediation_cases_unit_idx" ON "mediation_cases" USING btree ("unit_id","received_on","number") WHERE "mediation_cases"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "mediation_cases_status_idx" ON "mediation_cases" USING btree ("status","received_on","number") WHERE "mediation_cases"."voided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_confirmations_case_uq" ON "mediation_confirmations" USING btree ("case_id") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "mediation_rounds_division_idx" ON "mediation_evaluation_rounds" USING btree ("division_code","year");--> statement-breakpoint
CREATE INDEX "mediation_follow_ups_case_idx" ON "mediation_follow_ups" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_parties_case_idx" ON "mediation_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_questions_unit_date_idx" ON "mediation_questions" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "mediation_sessions_case_idx" ON "mediation_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_visits_unit_date_idx" ON "mediation_visits" USING btree ("unit_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mediator_trainings_activity_uq" ON "mediator_trainings" USING btree ("mediator_id","activity_id") WHERE activity_id is not null;--> statement-breakpoint
CREATE INDEX "mediators_unit_idx" ON "mediators" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_division_year_uq" ON "annual_reports" USING btree ("division_code","year") WHERE voided_at is null and subject_kind = 'division';--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_unit_year_uq" ON "annual_reports" USING btree ("subject_unit_id","year") WHERE voided_at is null and subject_kind = 'unit';--> statement-breakpoint
CREATE INDEX "annual_reports_unit_idx" ON "annual_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "annual_reports_published_idx" ON "annual_reports" USING btree ("published_on") WHERE published_version_id is not null;--> statement-breakpoint
CREATE INDEX "report_comments_report_idx" ON "report_comments" USING btree ("report_id","round");--> statement-breakpoint
CREATE INDEX "report_secrecy_reviews_report_idx" ON "report_secrecy_reviews" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_signoffs_report_idx" ON "report_signoffs" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_seq_uq" ON "report_versions" USING btree ("report_id","seq");