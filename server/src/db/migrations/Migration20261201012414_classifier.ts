import { DualMigration } from '../dual-migration.js';

export class Migration20261201012414_classifier extends DualMigration {
  override name = 'Migration20261201012414_classifier';

  protected readonly sqlite = [
    "create table `classifier_model` (`id` text not null primary key, `number` integer not null, `trained_at` datetime not null, `trained_by` text not null, `training_size` integer not null, `corrections_used` integer not null, `correction_ids` json not null, `parameters` json not null, `held_out` json not null, `baseline` json not null, `current` integer not null default false)",
    "create unique index `classifier_model_number_unique` on `classifier_model` (`number`)",
    "create table `classifier_review` (`version` text not null primary key, `reviewed` integer not null, `kept` integer not null, `computed_at` datetime not null)",
    "create table `classification_correction` (`id` text not null primary key, `feedback_item_id` text not null, `class_corrected` integer not null, `class_before` text check (`class_before` in ('DELIVERY_DISCIPLINE', 'QUALITY', 'SERVICE', 'DETERIORATION')) null, `class_source_before` text check (`class_source_before` in ('CLIENT', 'STAFF', 'CLASSIFIER', 'IMPORT')) null, `class_after` text check (`class_after` in ('DELIVERY_DISCIPLINE', 'QUALITY', 'SERVICE', 'DETERIORATION')) null, `sentiment_corrected` integer not null, `sentiment_before` text check (`sentiment_before` in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')) null, `sentiment_after` text check (`sentiment_after` in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')) null, `model_version` text null, `corrected_by` text not null, `corrected_at` datetime not null, constraint `classification_correction_feedback_item_id_foreign` foreign key (`feedback_item_id`) references `feedback_item` (`id`))",
    "create index `classification_correction_feedback_item_id_index` on `classification_correction` (`feedback_item_id`)",
    "create index `classification_correction_feedback_item_id_corrected_at_index` on `classification_correction` (`feedback_item_id`, `corrected_at`)",
    "alter table `feedback_item` add column `classifier_version` text null",
  ];

  protected readonly postgresql = [
    "create table \"classifier_model\" (\"id\" uuid not null, \"number\" int not null, \"trained_at\" timestamptz not null, \"trained_by\" varchar(200) not null, \"training_size\" int not null, \"corrections_used\" int not null, \"correction_ids\" jsonb not null, \"parameters\" jsonb not null, \"held_out\" jsonb not null, \"baseline\" jsonb not null, \"current\" boolean not null default false, primary key (\"id\"))",
    "alter table \"classifier_model\" add constraint \"classifier_model_number_unique\" unique (\"number\")",
    "create table \"classifier_review\" (\"version\" varchar(40) not null, \"reviewed\" int not null, \"kept\" int not null, \"computed_at\" timestamptz not null, primary key (\"version\"))",
    "create table \"classification_correction\" (\"id\" uuid not null, \"feedback_item_id\" uuid not null, \"class_corrected\" boolean not null, \"class_before\" text null, \"class_source_before\" text null, \"class_after\" text null, \"sentiment_corrected\" boolean not null, \"sentiment_before\" text null, \"sentiment_after\" text null, \"model_version\" varchar(40) null, \"corrected_by\" varchar(200) not null, \"corrected_at\" timestamptz not null, primary key (\"id\"))",
    "create index \"classification_correction_feedback_item_id_corrected_at_index\" on \"classification_correction\" (\"feedback_item_id\", \"corrected_at\")",
    "alter table \"feedback_item\" add \"classifier_version\" varchar(40) null",
    "alter table \"classification_correction\" add constraint \"classification_correction_feedback_item_id_foreign\" foreign key (\"feedback_item_id\") references \"feedback_item\" (\"id\")",
    "alter table \"classification_correction\" add constraint \"classification_correction_class_before_check\" check (\"class_before\" in ('DELIVERY_DISCIPLINE', 'QUALITY', 'SERVICE', 'DETERIORATION'))",
    "alter table \"classification_correction\" add constraint \"classification_correction_class_source_before_check\" check (\"class_source_before\" in ('CLIENT', 'STAFF', 'CLASSIFIER', 'IMPORT'))",
    "alter table \"classification_correction\" add constraint \"classification_correction_class_after_check\" check (\"class_after\" in ('DELIVERY_DISCIPLINE', 'QUALITY', 'SERVICE', 'DETERIORATION'))",
    "alter table \"classification_correction\" add constraint \"classification_correction_sentiment_before_check\" check (\"sentiment_before\" in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'))",
    "alter table \"classification_correction\" add constraint \"classification_correction_sentiment_after_check\" check (\"sentiment_after\" in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'))",
  ];
}
