import { DualMigration } from '../dual-migration.js';

export class Migration20261201061710_formbricks_inbound extends DualMigration {
  override name = 'Migration20261201061710_formbricks_inbound';

  protected readonly sqlite = [
    "create table `inbound_event` (`id` text not null primary key, `source` text check (`source` in ('FORMBRICKS')) not null, `external_id` text not null, `event_type` text not null, `payload` json not null, `reason` text not null, `status` text check (`status` in ('UNRESOLVED', 'RESOLVED')) not null default 'UNRESOLVED', `feedback_item_id` text null, `received_at` datetime not null, `resolved_at` datetime null, `resolved_by` text null, constraint `inbound_event_feedback_item_id_foreign` foreign key (`feedback_item_id`) references `feedback_item` (`id`) on delete set null)",
    "create index `inbound_event_feedback_item_id_index` on `inbound_event` (`feedback_item_id`)",
    "create index `inbound_event_status_received_at_index` on `inbound_event` (`status`, `received_at`)",
    "create unique index `inbound_event_source_external_id_unique` on `inbound_event` (`source`, `external_id`)",
  ];

  protected readonly postgresql = [
    "create table \"inbound_event\" (\"id\" uuid not null, \"source\" text not null, \"external_id\" varchar(200) not null, \"event_type\" varchar(40) not null, \"payload\" jsonb not null, \"reason\" text not null, \"status\" text not null default 'UNRESOLVED', \"feedback_item_id\" uuid null, \"received_at\" timestamptz not null, \"resolved_at\" timestamptz null, \"resolved_by\" varchar(80) null, primary key (\"id\"))",
    "create index \"inbound_event_status_received_at_index\" on \"inbound_event\" (\"status\", \"received_at\")",
    "alter table \"inbound_event\" add constraint \"inbound_event_source_external_id_unique\" unique (\"source\", \"external_id\")",
    "alter table \"inbound_event\" add constraint \"inbound_event_feedback_item_id_foreign\" foreign key (\"feedback_item_id\") references \"feedback_item\" (\"id\") on delete set null",
    "alter table \"inbound_event\" add constraint \"inbound_event_source_check\" check (\"source\" in ('FORMBRICKS'))",
    "alter table \"inbound_event\" add constraint \"inbound_event_status_check\" check (\"status\" in ('UNRESOLVED', 'RESOLVED'))",
  ];
}
