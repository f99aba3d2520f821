import { DualMigration } from '../dual-migration.js';

export class Migration20261130232854_monitor extends DualMigration {
  override name = 'Migration20261130232854_monitor';

  protected readonly sqlite = [
    "create table `period_figure` (`id` text not null primary key, `period` text not null, `account_id` text null, `segment_id` text null, `responses` integer not null, `nps_responses` integer not null, `nps_promoters` integer not null, `nps_detractors` integer not null, `nps` double null, `csi_responses` integer not null, `csi` double null, `revenue` double null, `gross_margin` double null, `avg_days_late` double null, `computed_at` datetime not null, constraint `period_figure_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`) on delete set null, constraint `period_figure_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`) on delete set null)",
    "create index `period_figure_account_id_index` on `period_figure` (`account_id`)",
    "create index `period_figure_segment_id_index` on `period_figure` (`segment_id`)",
    "create index `period_figure_period_index` on `period_figure` (`period`)",
    "create table `monitor_alert` (`id` text not null primary key, `dedupe_key` text not null, `kind` text check (`kind` in ('DIVERGENCE', 'COVERAGE_GAP', 'KEY_CONTACT_SILENT')) not null, `status` text check (`status` in ('OPEN', 'CLOSED')) not null default 'OPEN', `account_id` text not null, `contact_id` text null, `owner_id` text null, `period` text not null, `figures` json not null, `raised_at` datetime not null, `closed_at` datetime null, `closed_by_id` text null, `close_note` text null, constraint `monitor_alert_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`), constraint `monitor_alert_contact_id_foreign` foreign key (`contact_id`) references `contact` (`id`) on delete set null, constraint `monitor_alert_owner_id_foreign` foreign key (`owner_id`) references `app_user` (`id`) on delete set null, constraint `monitor_alert_closed_by_id_foreign` foreign key (`closed_by_id`) references `app_user` (`id`) on delete set null)",
    "create unique index `monitor_alert_dedupe_key_unique` on `monitor_alert` (`dedupe_key`)",
    "create index `monitor_alert_account_id_index` on `monitor_alert` (`account_id`)",
    "create index `monitor_alert_contact_id_index` on `monitor_alert` (`contact_id`)",
    "create index `monitor_alert_owner_id_index` on `monitor_alert` (`owner_id`)",
    "create index `monitor_alert_closed_by_id_index` on `monitor_alert` (`closed_by_id`)",
    "create index `monitor_alert_status_raised_at_index` on `monitor_alert` (`status`, `raised_at`)",
    "create index `monitor_alert_kind_raised_at_index` on `monitor_alert` (`kind`, `raised_at`)",
    "alter table `contact` add column `is_key` integer not null default false",
    "pragma foreign_keys = off",
    "create table `inbox_entry__temp_alter` (`id` text not null primary key, `dedupe_key` text not null, `kind` text check (`kind` in ('OWNER_ASSIGNED', 'TASK_ASSIGNED', 'TASK_DUE_SOON', 'TASK_OVERDUE', 'TASK_ESCALATED', 'TASK_REJECTED', 'COUNCIL_DECIDED', 'COUNCIL_NOT_CONCERNED', 'COUNCIL_REVIEW_OVERDUE', 'MONITOR_ALERT')) not null, `recipient_user_id` text null, `recipient_department_id` text null, `initiative_id` text null, `task_id` text null, `council_review_id` text null, `subject` text not null, `body` text not null, `created_at` datetime not null, `read_at` datetime null, constraint `inbox_entry_recipient_user_id_foreign` foreign key (`recipient_user_id`) references `app_user` (`id`) on delete set null, constraint `inbox_entry_recipient_department_id_foreign` foreign key (`recipient_department_id`) references `department` (`id`) on delete set null, constraint `inbox_entry_initiative_id_foreign` foreign key (`initiative_id`) references `initiative` (`id`) on delete set null, constraint `inbox_entry_task_id_foreign` foreign key (`task_id`) references `initiative_task` (`id`) on delete set null, constraint `inbox_entry_council_review_id_foreign` foreign key (`council_review_id`) references `council_review` (`id`) on delete set null)",
    "insert into `inbox_entry__temp_alter` select `id`, `dedupe_key`, `kind`, `recipient_user_id`, `recipient_department_id`, `initiative_id`, `task_id`, `council_review_id`, `subject`, `body`, `created_at`, `read_at` from `inbox_entry`",
    "drop table `inbox_entry`",
    "alter table `inbox_entry__temp_alter` rename to `inbox_entry`",
    "create unique index `inbox_entry_dedupe_key_unique` on `inbox_entry` (`dedupe_key`)",
    "create index `inbox_entry_recipient_user_id_index` on `inbox_entry` (`recipient_user_id`)",
    "create index `inbox_entry_recipient_department_id_index` on `inbox_entry` (`recipient_department_id`)",
    "create index `inbox_entry_initiative_id_index` on `inbox_entry` (`initiative_id`)",
    "create index `inbox_entry_task_id_index` on `inbox_entry` (`task_id`)",
    "create index `inbox_entry_council_review_id_index` on `inbox_entry` (`council_review_id`)",
    "create index `inbox_entry_recipient_user_id_created_at_index` on `inbox_entry` (`recipient_user_id`, `created_at`)",
    "create index `inbox_entry_recipient_department_id_created_at_index` on `inbox_entry` (`recipient_department_id`, `created_at`)",
    "pragma foreign_keys = on",
  ];

  protected readonly postgresql = [
    "create table \"period_figure\" (\"id\" varchar(60) not null, \"period\" varchar(7) not null, \"account_id\" uuid null, \"segment_id\" uuid null, \"responses\" int not null, \"nps_responses\" int not null, \"nps_promoters\" int not null, \"nps_detractors\" int not null, \"nps\" double precision null, \"csi_responses\" int not null, \"csi\" double precision null, \"revenue\" double precision null, \"gross_margin\" double precision null, \"avg_days_late\" double precision null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"period_figure_account_id_index\" on \"period_figure\" (\"account_id\")",
    "create index \"period_figure_segment_id_index\" on \"period_figure\" (\"segment_id\")",
    "create index \"period_figure_period_index\" on \"period_figure\" (\"period\")",
    "create table \"monitor_alert\" (\"id\" uuid not null, \"dedupe_key\" varchar(200) not null, \"kind\" text not null, \"status\" text not null default 'OPEN', \"account_id\" uuid not null, \"contact_id\" uuid null, \"owner_id\" uuid null, \"period\" varchar(7) not null, \"figures\" jsonb not null, \"raised_at\" timestamptz not null, \"closed_at\" timestamptz null, \"closed_by_id\" uuid null, \"close_note\" text null, primary key (\"id\"))",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_dedupe_key_unique\" unique (\"dedupe_key\")",
    "create index \"monitor_alert_account_id_index\" on \"monitor_alert\" (\"account_id\")",
    "create index \"monitor_alert_owner_id_index\" on \"monitor_alert\" (\"owner_id\")",
    "create index \"monitor_alert_status_raised_at_index\" on \"monitor_alert\" (\"status\", \"raised_at\")",
    "create index \"monitor_alert_kind_raised_at_index\" on \"monitor_alert\" (\"kind\", \"raised_at\")",
    "alter table \"contact\" add \"is_key\" boolean not null default false",
    "alter table \"inbox_entry\" drop constraint \"inbox_entry_kind_check\"",
    "alter table \"inbox_entry\" add constraint \"inbox_entry_kind_check\" check (\"kind\" in ('OWNER_ASSIGNED', 'TASK_ASSIGNED', 'TASK_DUE_SOON', 'TASK_OVERDUE', 'TASK_ESCALATED', 'TASK_REJECTED', 'COUNCIL_DECIDED', 'COUNCIL_NOT_CONCERNED', 'COUNCIL_REVIEW_OVERDUE', 'MONITOR_ALERT'))",
    "alter table \"period_figure\" add constraint \"period_figure_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\") on delete set null",
    "alter table \"period_figure\" add constraint \"period_figure_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\") on delete set null",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\")",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_contact_id_foreign\" foreign key (\"contact_id\") references \"contact\" (\"id\") on delete set null",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_owner_id_foreign\" foreign key (\"owner_id\") references \"app_user\" (\"id\") on delete set null",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_closed_by_id_foreign\" foreign key (\"closed_by_id\") references \"app_user\" (\"id\") on delete set null",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_kind_check\" check (\"kind\" in ('DIVERGENCE', 'COVERAGE_GAP', 'KEY_CONTACT_SILENT'))",
    "alter table \"monitor_alert\" add constraint \"monitor_alert_status_check\" check (\"status\" in ('OPEN', 'CLOSED'))",
  ];
}
