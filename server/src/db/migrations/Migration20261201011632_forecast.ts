import { DualMigration } from '../dual-migration.js';

export class Migration20261201011632_forecast extends DualMigration {
  override name = 'Migration20261201011632_forecast';

  protected readonly sqlite = [
    "create table `account_forecast` (`id` text not null primary key, `account_id` text not null, `segment_id` text not null, `base_period` text not null, `period` text not null, `predicted_nps` double not null, `churn_risk` double not null, `model_version` text not null, `nps_signals` json not null, `churn_signals` json not null, `computed_at` datetime not null, constraint `account_forecast_account_id_foreign` foreign key (`account_id`) references `client_account` (`id`), constraint `account_forecast_segment_id_foreign` foreign key (`segment_id`) references `segment` (`id`))",
    "create index `account_forecast_account_id_index` on `account_forecast` (`account_id`)",
    "create index `account_forecast_segment_id_index` on `account_forecast` (`segment_id`)",
    "create index `account_forecast_period_churn_risk_index` on `account_forecast` (`period`, `churn_risk`)",
  ];

  protected readonly postgresql = [
    "create table \"account_forecast\" (\"id\" varchar(60) not null, \"account_id\" uuid not null, \"segment_id\" uuid not null, \"base_period\" varchar(7) not null, \"period\" varchar(7) not null, \"predicted_nps\" double precision not null, \"churn_risk\" double precision not null, \"model_version\" varchar(120) not null, \"nps_signals\" jsonb not null, \"churn_signals\" jsonb not null, \"computed_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"account_forecast_account_id_index\" on \"account_forecast\" (\"account_id\")",
    "create index \"account_forecast_segment_id_index\" on \"account_forecast\" (\"segment_id\")",
    "create index \"account_forecast_period_churn_risk_index\" on \"account_forecast\" (\"period\", \"churn_risk\")",
    "alter table \"account_forecast\" add constraint \"account_forecast_account_id_foreign\" foreign key (\"account_id\") references \"client_account\" (\"id\")",
    "alter table \"account_forecast\" add constraint \"account_forecast_segment_id_foreign\" foreign key (\"segment_id\") references \"segment\" (\"id\")",
  ];
}
