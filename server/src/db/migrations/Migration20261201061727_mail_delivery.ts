import { DualMigration } from '../dual-migration.js';

export class Migration20261201061727_mail_delivery extends DualMigration {
  override name = 'Migration20261201061727_mail_delivery';

  protected readonly sqlite = [
    "create table `notification_template` (`id` text not null primary key, `kind` text check (`kind` in ('FEEDBACK_ACKNOWLEDGEMENT', 'INITIATIVE_PROGRESS', 'COUNCIL_REVIEW_REQUEST', 'SURVEY_INVITATION', 'CASE_RESOLUTION')) not null, `locale` text not null, `subject` text not null, `body` text not null, `created_at` datetime not null, `updated_at` datetime not null)",
    "create unique index `notification_template_kind_locale_unique` on `notification_template` (`kind`, `locale`)",
    "create table `mail_opt_out` (`id` text not null primary key, `contact_id` text not null, `source` text check (`source` in ('LINK', 'STAFF')) not null, `opted_out_at` datetime not null, constraint `mail_opt_out_contact_id_foreign` foreign key (`contact_id`) references `contact` (`id`))",
    "create index `mail_opt_out_contact_id_index` on `mail_opt_out` (`contact_id`)",
    "create unique index `mail_opt_out_contact_id_unique` on `mail_opt_out` (`contact_id`)",
    "pragma foreign_keys = off",
    "create table `client_notification__temp_alter` (`id` text not null primary key, `dedupe_key` text not null, `kind` text check (`kind` in ('FEEDBACK_ACKNOWLEDGEMENT', 'INITIATIVE_PROGRESS', 'COUNCIL_REVIEW_REQUEST', 'SURVEY_INVITATION', 'CASE_RESOLUTION')) not null, `account_id` text not null, `contact_id` text null, `feedback_item_id` text null, `initiative_id` text null, `milestone` text check (`milestone` in ('STARTED', 'TASK_DONE', 'MONITORING', 'CLOSED')) null, `council_review_id` text null, `recipient` text null, `locale` text not null default 'en', `subject` text not null, `body` text not null, `status` text check (`status` in ('PENDING', 'SENT', 'FAILED', 'SKIPPED', 'BOUNCED')) not null default 'PENDING', `attempts` integer not null default 0, `last_error` text null, `sent_at` datetime null, `message_id` text null, `server_response` text null, `created_at` datetime not null, `updated_at` datetime not null, constraint `client_notification_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`), constraint `client_notification_contact_id_foreign` foreign key (`contact_id`) references `contact` (`id`) on delete set null, constraint `client_notification_feedback_item_id_foreign` foreign key (`feedback_item_id`) references `feedback_item` (`id`) on delete set null, constraint `client_notification_initiative_id_foreign` foreign key (`initiative_id`) references `initiative` (`id`) on delete set null, constraint `client_notification_council_review_id_foreign` foreign key (`council_review_id`) references `council_review` (`id`) on delete set null)",
    "insert into `client_notification__temp_alter` select `id`, `dedupe_key`, `kind`, `account_id`, `contact_id`, `feedback_item_id`, `initiative_id`, `milestone`, `council_review_id`, `recipient`, `locale`, `subject`, `body`, `status`, `attempts`, `last_error`, `sent_at`, null as `message_id`, null as `server_response`, `created_at`, `updated_at` from `client_notification`",
    "drop table `client_notification`",
    "alter table `client_notification__temp_alter` rename to `client_notification`",
    "create unique index `client_notification_dedupe_key_unique` on `client_notification` (`dedupe_key`)",
    "create index `client_notification_account_id_index` on `client_notification` (`account_id`)",
    "create index `client_notification_contact_id_index` on `client_notification` (`contact_id`)",
    "create index `client_notification_feedback_item_id_index` on `client_notification` (`feedback_item_id`)",
    "create index `client_notification_initiative_id_index` on `client_notification` (`initiative_id`)",
    "create index `client_notification_council_review_id_index` on `client_notification` (`council_review_id`)",
    "create index `client_notification_status_created_at_index` on `client_notification` (`status`, `created_at`)",
    "pragma foreign_keys = on",
  ];

  protected readonly postgresql = [
    "create table \"notification_template\" (\"id\" uuid not null, \"kind\" text not null, \"locale\" varchar(8) not null, \"subject\" varchar(300) not null, \"body\" text not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, primary key (\"id\"))",
    "alter table \"notification_template\" add constraint \"notification_template_kind_locale_unique\" unique (\"kind\", \"locale\")",
    "create table \"mail_opt_out\" (\"id\" uuid not null, \"contact_id\" uuid not null, \"source\" text not null, \"opted_out_at\" timestamptz not null, primary key (\"id\"))",
    "alter table \"mail_opt_out\" add constraint \"mail_opt_out_contact_id_unique\" unique (\"contact_id\")",
    "alter table \"client_notification\" drop constraint \"client_notification_status_check\"",
    "alter table \"client_notification\" add \"message_id\" varchar(300) null, add \"server_response\" varchar(500) null",
    "alter table \"client_notification\" add constraint \"client_notification_status_check\" check (\"status\" in ('PENDING', 'SENT', 'FAILED', 'SKIPPED', 'BOUNCED'))",
    "alter table \"notification_template\" add constraint \"notification_template_kind_check\" check (\"kind\" in ('FEEDBACK_ACKNOWLEDGEMENT', 'INITIATIVE_PROGRESS', 'COUNCIL_REVIEW_REQUEST', 'SURVEY_INVITATION', 'CASE_RESOLUTION'))",
    "alter table \"mail_opt_out\" add constraint \"mail_opt_out_contact_id_foreign\" foreign key (\"contact_id\") references \"contact\" (\"id\")",
    "alter table \"mail_opt_out\" add constraint \"mail_opt_out_source_check\" check (\"source\" in ('LINK', 'STAFF'))",
  ];
}
