import { DualMigration } from '../dual-migration.js';

export class Migration20261130232332_surveys extends DualMigration {
  override name = 'Migration20261130232332_surveys';

  protected readonly sqlite = [
    "create table `survey_trigger_event` (`id` text not null primary key, `external_id` text not null, `account_id` text not null, `type` text check (`type` in ('ORDER_DELIVERED', 'CLAIM_CLOSED', 'INVOICE_PAID_LATE', 'CONTRACT_SIGNED', 'SUPPORT_TICKET_CLOSED', 'SPECIFICATION_CHANGED')) not null, `occurred_at` datetime not null, `recorded_at` datetime not null, `workflow_started_at` datetime null, constraint `survey_trigger_event_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`))",
    "create unique index `survey_trigger_event_external_id_unique` on `survey_trigger_event` (`external_id`)",
    "create index `survey_trigger_event_account_id_index` on `survey_trigger_event` (`account_id`)",
    "create index `survey_trigger_event_workflow_started_at_index` on `survey_trigger_event` (`workflow_started_at`)",
    "create table `survey_invitation` (`id` text not null primary key, `campaign_id` text not null, `run_key` text not null, `contact_id` text not null, `account_id` text not null, `trigger_event_id` text null, `channel` text check (`channel` in ('SURVEY', 'MEETING', 'ADVISORY_COUNCIL', 'COMPLAINT', 'NEGOTIATION', 'SUPPORT_TICKET', 'PORTAL_POPUP', 'POST_TRANSACTION_EMAIL', 'FEEDBACK_BUTTON', 'CHAT_BOT', 'MYSTERY_SHOPPING')) not null, `status` text check (`status` in ('SENT', 'HELD', 'ANSWERED')) not null, `held_reason` text null, `notification_id` text null, `feedback_id` text null, `sent_at` datetime null, `answered_at` datetime null, `created_at` datetime not null, constraint `survey_invitation_campaign_id_foreign` foreign key (`campaign_id`) references `survey_campaign` (`id`), constraint `survey_invitation_contact_id_foreign` foreign key (`contact_id`) references `contact` (`id`), constraint `survey_invitation_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`), constraint `survey_invitation_trigger_event_id_foreign` foreign key (`trigger_event_id`) references `survey_trigger_event` (`id`) on delete set null, constraint `survey_invitation_notification_id_foreign` foreign key (`notification_id`) references `client_notification` (`id`) on delete set null, constraint `survey_invitation_feedback_id_foreign` foreign key (`feedback_id`) references `feedback_item` (`id`) on delete set null)",
    "create index `survey_invitation_campaign_id_index` on `survey_invitation` (`campaign_id`)",
    "create index `survey_invitation_contact_id_index` on `survey_invitation` (`contact_id`)",
    "create index `survey_invitation_account_id_index` on `survey_invitation` (`account_id`)",
    "create index `survey_invitation_trigger_event_id_index` on `survey_invitation` (`trigger_event_id`)",
    "create index `survey_invitation_notification_id_index` on `survey_invitation` (`notification_id`)",
    "create index `survey_invitation_feedback_id_index` on `survey_invitation` (`feedback_id`)",
    "create index `survey_invitation_contact_id_sent_at_index` on `survey_invitation` (`contact_id`, `sent_at`)",
    "create unique index `survey_invitation_campaign_id_run_key_contact_id_unique` on `survey_invitation` (`campaign_id`, `run_key`, `contact_id`)",
    "alter table `survey_campaign` add column `schedule_synced_status` text null",
  ];

  protected readonly postgresql = [
    "create table \"survey_trigger_event\" (\"id\" uuid not null, \"external_id\" varchar(200) not null, \"account_id\" uuid not null, \"type\" text not null, \"occurred_at\" timestamptz not null, \"recorded_at\" timestamptz not null, \"workflow_started_at\" timestamptz null, primary key (\"id\"))",
    "alter table \"survey_trigger_event\" add constraint \"survey_trigger_event_external_id_unique\" unique (\"external_id\")",
    "create index \"survey_trigger_event_account_id_index\" on \"survey_trigger_event\" (\"account_id\")",
    "create index \"survey_trigger_event_workflow_started_at_index\" on \"survey_trigger_event\" (\"workflow_started_at\")",
    "create table \"survey_invitation\" (\"id\" uuid not null, \"campaign_id\" uuid not null, \"run_key\" varchar(200) not null, \"contact_id\" uuid not null, \"account_id\" uuid not null, \"trigger_event_id\" uuid null, \"channel\" text not null, \"status\" text not null, \"held_reason\" varchar(500) null, \"notification_id\" uuid null, \"feedback_id\" uuid null, \"sent_at\" timestamptz null, \"answered_at\" timestamptz null, \"created_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"survey_invitation_campaign_id_index\" on \"survey_invitation\" (\"campaign_id\")",
    "create index \"survey_invitation_account_id_index\" on \"survey_invitation\" (\"account_id\")",
    "create index \"survey_invitation_trigger_event_id_index\" on \"survey_invitation\" (\"trigger_event_id\")",
    "create index \"survey_invitation_feedback_id_index\" on \"survey_invitation\" (\"feedback_id\")",
    "create index \"survey_invitation_contact_id_sent_at_index\" on \"survey_invitation\" (\"contact_id\", \"sent_at\")",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_campaign_id_run_key_contact_id_unique\" unique (\"campaign_id\", \"run_key\", \"contact_id\")",
    "alter table \"survey_campaign\" add \"schedule_synced_status\" varchar(16) null",
    "alter table \"survey_trigger_event\" add constraint \"survey_trigger_event_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\")",
    "alter table \"survey_trigger_event\" add constraint \"survey_trigger_event_type_check\" check (\"type\" in ('ORDER_DELIVERED', 'CLAIM_CLOSED', 'INVOICE_PAID_LATE', 'CONTRACT_SIGNED', 'SUPPORT_TICKET_CLOSED', 'SPECIFICATION_CHANGED'))",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_campaign_id_foreign\" foreign key (\"campaign_id\") references \"survey_campaign\" (\"id\")",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_contact_id_foreign\" foreign key (\"contact_id\") references \"contact\" (\"id\")",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\")",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_trigger_event_id_foreign\" foreign key (\"trigger_event_id\") references \"survey_trigger_event\" (\"id\") on delete set null",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_notification_id_foreign\" foreign key (\"notification_id\") references \"client_notification\" (\"id\") on delete set null",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_feedback_id_foreign\" foreign key (\"feedback_id\") references \"feedback_item\" (\"id\") on delete set null",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_channel_check\" check (\"channel\" in ('SURVEY', 'MEETING', 'ADVISORY_COUNCIL', 'COMPLAINT', 'NEGOTIATION', 'SUPPORT_TICKET', 'PORTAL_POPUP', 'POST_TRANSACTION_EMAIL', 'FEEDBACK_BUTTON', 'CHAT_BOT', 'MYSTERY_SHOPPING'))",
    "alter table \"survey_invitation\" add constraint \"survey_invitation_status_check\" check (\"status\" in ('SENT', 'HELD', 'ANSWERED'))",
  ];
}
