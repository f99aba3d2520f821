import { DualMigration } from '../dual-migration.js';

export class Migration20261130211439_identity extends DualMigration {
  override name = 'Migration20261130211439_identity';

  protected readonly sqlite = [
    "create table `session` (`id` text not null primary key, `token_hash` text not null, `csrf_hash` text not null, `user_id` text not null, `created_at` datetime not null, `last_seen_at` datetime not null, `expires_at` datetime not null, `revoked_at` datetime null, `user_agent` text null, constraint `session_user_id_foreign` foreign key (`user_id`) references `app_user` (`id`))",
    "create unique index `session_token_hash_unique` on `session` (`token_hash`)",
    "create index `session_user_id_index` on `session` (`user_id`)",
    "create table `api_token` (`id` text not null primary key, `name` text not null, `prefix` text not null, `token_hash` text not null, `scopes` json not null, `created_by_id` text null, `created_at` datetime not null, `expires_at` datetime null, `last_used_at` datetime null, `revoked_at` datetime null, constraint `api_token_created_by_id_foreign` foreign key (`created_by_id`) references `app_user` (`id`) on delete set null)",
    "create unique index `api_token_token_hash_unique` on `api_token` (`token_hash`)",
    "create index `api_token_created_by_id_index` on `api_token` (`created_by_id`)",
    "create table `user_credential` (`user_id` text not null primary key, `password_hash` text not null, `password_changed_at` datetime not null, `failed_attempts` integer not null default 0, `locked_until` datetime null, constraint `user_credential_user_id_foreign` foreign key (`user_id`) references `app_user` (`id`) on update cascade on delete cascade)",
  ];

  protected readonly postgresql = [
    "create table \"session\" (\"id\" uuid not null, \"token_hash\" varchar(64) not null, \"csrf_hash\" varchar(64) not null, \"user_id\" uuid not null, \"created_at\" timestamptz not null, \"last_seen_at\" timestamptz not null, \"expires_at\" timestamptz not null, \"revoked_at\" timestamptz null, \"user_agent\" varchar(300) null, primary key (\"id\"))",
    "alter table \"session\" add constraint \"session_token_hash_unique\" unique (\"token_hash\")",
    "create index \"session_user_id_index\" on \"session\" (\"user_id\")",
    "create table \"api_token\" (\"id\" uuid not null, \"name\" varchar(200) not null, \"prefix\" varchar(16) not null, \"token_hash\" varchar(64) not null, \"scopes\" jsonb not null, \"created_by_id\" uuid null, \"created_at\" timestamptz not null, \"expires_at\" timestamptz null, \"last_used_at\" timestamptz null, \"revoked_at\" timestamptz null, primary key (\"id\"))",
    "alter table \"api_token\" add constraint \"api_token_token_hash_unique\" unique (\"token_hash\")",
    "create table \"user_credential\" (\"user_id\" uuid not null, \"password_hash\" varchar(200) not null, \"password_changed_at\" timestamptz not null, \"failed_attempts\" int not null default 0, \"locked_until\" timestamptz null, primary key (\"user_id\"))",
    "alter table \"session\" add constraint \"session_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\")",
    "alter table \"api_token\" add constraint \"api_token_created_by_id_foreign\" foreign key (\"created_by_id\") references \"app_user\" (\"id\") on delete set null",
    "alter table \"user_credential\" add constraint \"user_credential_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade on delete cascade",
  ];
}
