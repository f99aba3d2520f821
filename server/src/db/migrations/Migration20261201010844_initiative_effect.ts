import { DualMigration } from '../dual-migration.js';

export class Migration20261201010844_initiative_effect extends DualMigration {
  override name = 'Migration20261201010844_initiative_effect';

  protected readonly sqlite = [
    "create table `initiative_effect` (`id` text not null primary key, `initiative_id` text not null, `measure` text not null, `metric_id` text null, `targeted` integer not null default false, `baseline` double null, `target_value` double null, `expected_delta` double null, `started_at` datetime not null, `before_from` text not null, `before_to` text not null, `after_from` text not null, `after_to` text not null, `status` text check (`status` in ('ESTIMATED', 'NO_INTERVAL', 'NO_POST_PERIOD', 'NO_TREATED_DATA', 'NO_CONTROL')) not null, `treated_n` integer not null, `control_n` integer not null, `treated_before` double null, `treated_after` double null, `control_before` double null, `control_after` double null, `did` double null, `standard_error` double null, `df` double null, `p_value` double null, `ci_low` double null, `ci_high` double null, `computed_at` datetime not null, constraint `initiative_effect_initiative_id_foreign` foreign key (`initiative_id`) references `initiative` (`id`))",
    "create index `initiative_effect_initiative_id_index` on `initiative_effect` (`initiative_id`)",
    "create unique index `initiative_effect_initiative_id_measure_unique` on `initiative_effect` (`initiative_id`, `measure`)",
  ];

  protected readonly postgresql = [
    "create table \"initiative_effect\" (\"id\" uuid not null, \"initiative_id\" uuid not null, \"measure\" varchar(64) not null, \"metric_id\" uuid null, \"targeted\" boolean not null default false, \"baseline\" double precision null, \"target_value\" double precision null, \"expected_delta\" double precision null, \"started_at\" timestamptz not null, \"before_from\" varchar(7) not null, \"before_to\" varchar(7) not null, \"after_from\" varchar(7) not null, \"after_to\" varchar(7) not null, \"status\" text not null, \"treated_n\" int not null, \"control_n\" int not null, \"treated_before\" double precision null, \"treated_after\" double precision null, \"control_before\" double precision null, \"control_after\" double precision null, \"did\" double precision null, \"standard_error\" double precision null, \"df\" double precision null, \"p_value\" double precision null, \"ci_low\" double precision null, \"ci_high\" double precision null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"initiative_effect_initiative_id_index\" on \"initiative_effect\" (\"initiative_id\")",
    "alter table \"initiative_effect\" add constraint \"initiative_effect_initiative_id_measure_unique\" unique (\"initiative_id\", \"measure\")",
    "alter table \"initiative_effect\" add constraint \"initiative_effect_initiative_id_foreign\" foreign key (\"initiative_id\") references \"initiative\" (\"id\")",
    "alter table \"initiative_effect\" add constraint \"initiative_effect_status_check\" check (\"status\" in ('ESTIMATED', 'NO_INTERVAL', 'NO_POST_PERIOD', 'NO_TREATED_DATA', 'NO_CONTROL'))",
  ];
}
