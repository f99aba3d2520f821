import { DualMigration } from '../dual-migration.js';

export class Migration20261201011149_finance_linkage extends DualMigration {
  override name = 'Migration20261201011149_finance_linkage';

  protected readonly sqlite = [
    "create table `finance_linkage` (`id` text not null primary key, `period_from` text not null, `period_to` text not null, `satisfaction_metric` text check (`satisfaction_metric` in ('CSI', 'NPS')) not null, `segment_id` text null, `measure` text check (`measure` in ('GROSS_MARGIN_RATE', 'DAYS_LATE', 'SHARE_OF_WALLET')) not null, `n` integer not null, `r` double not null, `r_low` double not null, `r_high` double not null, `slope` double not null, `slope_se` double not null, `slope_low` double not null, `slope_high` double not null, `t` double null, `p_value` double not null, `intercept` double null, `intercept_se` double null, `r_squared` double not null, `standardised_slope` double not null, `mean_satisfaction` double not null, `mean_measure` double not null, `reliability` double null, `corrected_slope` double null, `corrected_slope_low` double null, `corrected_slope_high` double null, `computed_at` datetime not null, constraint `finance_linkage_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`) on delete cascade)",
    "create index `finance_linkage_segment_id_index` on `finance_linkage` (`segment_id`)",
    "create table `computable_share` (`id` text not null primary key, `period` text not null, `segment_id` text not null, `stage` text check (`stage` in ('AWARENESS', 'EVALUATION_AND_DEAL', 'USAGE', 'POST_SALE')) null, `computable_observations` integer not null, `trigger_observations` integer not null, `computable_metrics` integer not null, `trigger_metrics` integer not null, `computed_at` datetime not null, constraint `computable_share_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`) on delete cascade)",
    "create index `computable_share_segment_id_index` on `computable_share` (`segment_id`)",
    "create index `computable_share_period_index` on `computable_share` (`period`)",
  ];

  protected readonly postgresql = [
    "create table \"finance_linkage\" (\"id\" varchar(80) not null, \"period_from\" varchar(7) not null, \"period_to\" varchar(7) not null, \"satisfaction_metric\" text not null, \"segment_id\" uuid null, \"measure\" text not null, \"n\" int not null, \"r\" double precision not null, \"r_low\" double precision not null, \"r_high\" double precision not null, \"slope\" double precision not null, \"slope_se\" double precision not null, \"slope_low\" double precision not null, \"slope_high\" double precision not null, \"t\" double precision null, \"p_value\" double precision not null, \"intercept\" double precision null, \"intercept_se\" double precision null, \"r_squared\" double precision not null, \"standardised_slope\" double precision not null, \"mean_satisfaction\" double precision not null, \"mean_measure\" double precision not null, \"reliability\" double precision null, \"corrected_slope\" double precision null, \"corrected_slope_low\" double precision null, \"corrected_slope_high\" double precision null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"finance_linkage_segment_id_index\" on \"finance_linkage\" (\"segment_id\")",
    "create table \"computable_share\" (\"id\" varchar(80) not null, \"period\" varchar(7) not null, \"segment_id\" uuid not null, \"stage\" text null, \"computable_observations\" int not null, \"trigger_observations\" int not null, \"computable_metrics\" int not null, \"trigger_metrics\" int not null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"computable_share_segment_id_index\" on \"computable_share\" (\"segment_id\")",
    "create index \"computable_share_period_index\" on \"computable_share\" (\"period\")",
    "alter table \"finance_linkage\" add constraint \"finance_linkage_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\") on delete cascade",
    "alter table \"finance_linkage\" add constraint \"finance_linkage_satisfaction_metric_check\" check (\"satisfaction_metric\" in ('CSI', 'NPS'))",
    "alter table \"finance_linkage\" add constraint \"finance_linkage_measure_check\" check (\"measure\" in ('GROSS_MARGIN_RATE', 'DAYS_LATE', 'SHARE_OF_WALLET'))",
    "alter table \"computable_share\" add constraint \"computable_share_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\") on delete cascade",
    "alter table \"computable_share\" add constraint \"computable_share_stage_check\" check (\"stage\" in ('AWARENESS', 'EVALUATION_AND_DEAL', 'USAGE', 'POST_SALE'))",
  ];
}
