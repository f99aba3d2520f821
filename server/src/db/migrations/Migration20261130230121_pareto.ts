import { DualMigration } from '../dual-migration.js';

export class Migration20261130230121_pareto extends DualMigration {
  override name = 'Migration20261130230121_pareto';

  protected readonly sqlite = [
    "alter table `analysis` add column `inputs` json null",
    "alter table `analysis` add column `run_key` text null",
    "create unique index `analysis_run_key_unique` on `analysis` (`run_key`)",
  ];

  protected readonly postgresql = [
    "alter table \"analysis\" add \"inputs\" jsonb null, add \"run_key\" varchar(64) null",
    "alter table \"analysis\" add constraint \"analysis_run_key_unique\" unique (\"run_key\")",
  ];
}
