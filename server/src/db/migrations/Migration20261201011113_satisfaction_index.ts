import { DualMigration } from '../dual-migration.js';

export class Migration20261201011113_satisfaction_index extends DualMigration {
  override name = 'Migration20261201011113_satisfaction_index';

  protected readonly sqlite = [
    "create table `satisfaction_index` (`id` text not null primary key, `weight_set_id` text not null, `account_id` text not null, `segment_id` text not null, `period` text not null, `value` double null, `coverage` double not null, `table_stakes` double null, `functional` double null, `ease_of_doing_business` double null, `individual` double null, `inspirational` double null, `predicted_nps` double null, `measured_nps` double null, `nps_responses` integer not null, `computed_at` datetime not null, constraint `satisfaction_index_weight_set_id_foreign` foreign key (`weight_set_id`) references `weight_set` (`id`), constraint `satisfaction_index_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`), constraint `satisfaction_index_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`))",
    "create index `satisfaction_index_weight_set_id_index` on `satisfaction_index` (`weight_set_id`)",
    "create index `satisfaction_index_account_id_index` on `satisfaction_index` (`account_id`)",
    "create index `satisfaction_index_segment_id_index` on `satisfaction_index` (`segment_id`)",
    "create index `satisfaction_index_weight_set_id_period_index` on `satisfaction_index` (`weight_set_id`, `period`)",
    "create table `index_calibration` (`id` text not null primary key, `weight_set_id` text not null, `segment_id` text not null, `previous_weight_set_id` text null, `round` integer not null, `train_from` text not null, `train_to` text not null, `samples` integer not null, `rmse_before` double not null, `mae_before` double not null, `rmse_after` double not null, `mae_after` double not null, `intercept` double not null, `slope` double not null, `created_at` datetime not null, constraint `index_calibration_weight_set_id_foreign` foreign key (`weight_set_id`) references `weight_set` (`id`), constraint `index_calibration_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`), constraint `index_calibration_previous_weight_set_id_foreign` foreign key (`previous_weight_set_id`) references `weight_set` (`id`) on delete set null)",
    "create index `index_calibration_weight_set_id_index` on `index_calibration` (`weight_set_id`)",
    "create index `index_calibration_segment_id_index` on `index_calibration` (`segment_id`)",
    "create index `index_calibration_previous_weight_set_id_index` on `index_calibration` (`previous_weight_set_id`)",
    "create unique index `index_calibration_weight_set_id_segment_id_unique` on `index_calibration` (`weight_set_id`, `segment_id`)",
  ];

  protected readonly postgresql = [
    "create table \"satisfaction_index\" (\"id\" varchar(100) not null, \"weight_set_id\" uuid not null, \"account_id\" uuid not null, \"segment_id\" uuid not null, \"period\" varchar(7) not null, \"value\" double precision null, \"coverage\" double precision not null, \"table_stakes\" double precision null, \"functional\" double precision null, \"ease_of_doing_business\" double precision null, \"individual\" double precision null, \"inspirational\" double precision null, \"predicted_nps\" double precision null, \"measured_nps\" double precision null, \"nps_responses\" int not null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"satisfaction_index_weight_set_id_index\" on \"satisfaction_index\" (\"weight_set_id\")",
    "create index \"satisfaction_index_account_id_index\" on \"satisfaction_index\" (\"account_id\")",
    "create index \"satisfaction_index_segment_id_index\" on \"satisfaction_index\" (\"segment_id\")",
    "create index \"satisfaction_index_weight_set_id_period_index\" on \"satisfaction_index\" (\"weight_set_id\", \"period\")",
    "create table \"index_calibration\" (\"id\" uuid not null, \"weight_set_id\" uuid not null, \"segment_id\" uuid not null, \"previous_weight_set_id\" uuid null, \"round\" int not null, \"train_from\" varchar(7) not null, \"train_to\" varchar(7) not null, \"samples\" int not null, \"rmse_before\" double precision not null, \"mae_before\" double precision not null, \"rmse_after\" double precision not null, \"mae_after\" double precision not null, \"intercept\" double precision not null, \"slope\" double precision not null, \"created_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"index_calibration_weight_set_id_index\" on \"index_calibration\" (\"weight_set_id\")",
    "create index \"index_calibration_segment_id_index\" on \"index_calibration\" (\"segment_id\")",
    "alter table \"index_calibration\" add constraint \"index_calibration_weight_set_id_segment_id_unique\" unique (\"weight_set_id\", \"segment_id\")",
    "alter table \"satisfaction_index\" add constraint \"satisfaction_index_weight_set_id_foreign\" foreign key (\"weight_set_id\") references \"weight_set\" (\"id\")",
    "alter table \"satisfaction_index\" add constraint \"satisfaction_index_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\")",
    "alter table \"satisfaction_index\" add constraint \"satisfaction_index_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\")",
    "alter table \"index_calibration\" add constraint \"index_calibration_weight_set_id_foreign\" foreign key (\"weight_set_id\") references \"weight_set\" (\"id\")",
    "alter table \"index_calibration\" add constraint \"index_calibration_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\")",
    "alter table \"index_calibration\" add constraint \"index_calibration_previous_weight_set_id_foreign\" foreign key (\"previous_weight_set_id\") references \"weight_set\" (\"id\") on delete set null",
  ];
}
