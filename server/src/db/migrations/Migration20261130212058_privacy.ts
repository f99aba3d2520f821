import { DualMigration } from '../dual-migration.js';

export class Migration20261130212058_privacy extends DualMigration {
  override name = 'Migration20261130212058_privacy';

  protected readonly sqlite = [
    "pragma foreign_keys = off",
    "create table `audit_event__temp_alter` (`id` text not null primary key, `at` datetime not null, `actor` text not null, `action` text not null, `entity_type` text null, `entity_id` text null, `before` json null, `after` json null)",
    "insert into `audit_event__temp_alter` select `id`, `at`, `actor`, `action`, `entity_type`, `entity_id`, `before`, `after` from `audit_event`",
    "drop table `audit_event`",
    "alter table `audit_event__temp_alter` rename to `audit_event`",
    "create index `audit_event_entity_type_entity_id_index` on `audit_event` (`entity_type`, `entity_id`)",
    "create index `audit_event_at_index` on `audit_event` (`at`)",
    "pragma foreign_keys = on",
    "alter table `contact` add column `erased_at` datetime null",
    "alter table `council_member` add column `ended_at` datetime null",
  ];

  protected readonly postgresql = [
    "alter table \"audit_event\" alter column \"entity_type\" drop not null",
    "alter table \"audit_event\" alter column \"entity_id\" drop not null",
    "alter table \"contact\" add \"erased_at\" timestamptz null",
    "alter table \"council_member\" add \"ended_at\" timestamptz null",
  ];
}
