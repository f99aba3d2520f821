import { DualMigration } from '../dual-migration.js';

export class Migration20261201061713_webhooks extends DualMigration {
  override name = 'Migration20261201061713_webhooks';

  protected readonly sqlite = [
    "create table `webhook_subscription` (`id` text not null primary key, `url` text not null, `description` text null, `event_types` json not null, `secret` text not null, `status` text check (`status` in ('ACTIVE', 'PAUSED')) not null default 'ACTIVE', `consecutive_failures` integer not null default 0, `paused_at` datetime null, `paused_reason` text null, `owner_id` text null, `created_at` datetime not null, `updated_at` datetime not null, constraint `webhook_subscription_owner_id_foreign` foreign key (`owner_id`) references `app_user` (`id`) on delete set null)",
    "create index `webhook_subscription_owner_id_index` on `webhook_subscription` (`owner_id`)",
    "create table `webhook_delivery` (`id` text not null primary key, `subscription_id` text not null, `event_id` text not null, `event_type` text not null, `occurred_at` datetime not null, `data` json not null, `status` text check (`status` in ('PENDING', 'DELIVERED', 'FAILED', 'HELD')) not null default 'PENDING', `round` integer not null default 0, `attempts` json not null, `delivered_at` datetime null, `created_at` datetime not null, `updated_at` datetime not null, constraint `webhook_delivery_subscription_id_foreign` foreign key (`subscription_id`) references `webhook_subscription` (`id`))",
    "create index `webhook_delivery_subscription_id_index` on `webhook_delivery` (`subscription_id`)",
    "create index `webhook_delivery_status_created_at_index` on `webhook_delivery` (`status`, `created_at`)",
    "create unique index `webhook_delivery_subscription_id_event_id_unique` on `webhook_delivery` (`subscription_id`, `event_id`)",
    "pragma foreign_keys = off",
    "create table `inbox_entry__temp_alter` (`id` text not null primary key, `dedupe_key` text not null, `kind` text check (`kind` in ('OWNER_ASSIGNED', 'TASK_ASSIGNED', 'TASK_DUE_SOON', 'TASK_OVERDUE', 'TASK_ESCALATED', 'TASK_REJECTED', 'COUNCIL_DECIDED', 'COUNCIL_NOT_CONCERNED', 'COUNCIL_REVIEW_OVERDUE', 'MONITOR_ALERT', 'CASE_OPENED', 'CASE_DUE_SOON', 'CASE_ESCALATED', 'WEBHOOK_PAUSED')) not null, `recipient_user_id` text null, `recipient_department_id` text null, `initiative_id` text null, `task_id` text null, `council_review_id` text null, `subject` text not null, `body` text not null, `created_at` datetime not null, `read_at` datetime null, constraint `inbox_entry_recipient_user_id_foreign` foreign key (`recipient_user_id`) references `app_user` (`id`) on delete set null, constraint `inbox_entry_recipient_department_id_foreign` foreign key (`recipient_department_id`) references `department` (`id`) on delete set null, constraint `inbox_entry_initiative_id_foreign` foreign key (`initiative_id`) references `initiative` (`id`) on delete set null, constraint `inbox_entry_task_id_foreign` foreign key (`task_id`) references `initiative_task` (`id`) on delete set null, constraint `inbox_entry_council_review_id_foreign` foreign key (`council_review_id`) references `council_review` (`id`) on delete set null)",
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
    "create table \"webhook_subscription\" (\"id\" uuid not null, \"url\" varchar(2000) not null, \"description\" varchar(500) null, \"event_types\" jsonb not null, \"secret\" varchar(100) not null, \"status\" text not null default 'ACTIVE', \"consecutive_failures\" int not null default 0, \"paused_at\" timestamptz null, \"paused_reason\" varchar(500) null, \"owner_id\" uuid null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"webhook_subscription_owner_id_index\" on \"webhook_subscription\" (\"owner_id\")",
    "create table \"webhook_delivery\" (\"id\" uuid not null, \"subscription_id\" uuid not null, \"event_id\" varchar(64) not null, \"event_type\" varchar(64) not null, \"occurred_at\" timestamptz not null, \"data\" jsonb not null, \"status\" text not null default 'PENDING', \"round\" int not null default 0, \"attempts\" jsonb not null, \"delivered_at\" timestamptz null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"webhook_delivery_status_created_at_index\" on \"webhook_delivery\" (\"status\", \"created_at\")",
    "alter table \"webhook_delivery\" add constraint \"webhook_delivery_subscription_id_event_id_unique\" unique (\"subscription_id\", \"event_id\")",
    "alter table \"inbox_entry\" drop constraint \"inbox_entry_kind_check\"",
    "alter table \"inbox_entry\" add constraint \"inbox_entry_kind_check\" check (\"kind\" in ('OWNER_ASSIGNED', 'TASK_ASSIGNED', 'TASK_DUE_SOON', 'TASK_OVERDUE', 'TASK_ESCALATED', 'TASK_REJECTED', 'COUNCIL_DECIDED', 'COUNCIL_NOT_CONCERNED', 'COUNCIL_REVIEW_OVERDUE', 'MONITOR_ALERT', 'CASE_OPENED', 'CASE_DUE_SOON', 'CASE_ESCALATED', 'WEBHOOK_PAUSED'))",
    "alter table \"webhook_subscription\" add constraint \"webhook_subscription_owner_id_foreign\" foreign key (\"owner_id\") references \"app_user\" (\"id\") on delete set null",
    "alter table \"webhook_subscription\" add constraint \"webhook_subscription_status_check\" check (\"status\" in ('ACTIVE', 'PAUSED'))",
    "alter table \"webhook_delivery\" add constraint \"webhook_delivery_subscription_id_foreign\" foreign key (\"subscription_id\") references \"webhook_subscription\" (\"id\")",
    "alter table \"webhook_delivery\" add constraint \"webhook_delivery_status_check\" check (\"status\" in ('PENDING', 'DELIVERED', 'FAILED', 'HELD'))",
  ];
}
