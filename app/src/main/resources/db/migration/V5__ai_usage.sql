-- AI usage events reported by vendors; an encounter is AI-assisted when one names it.
create table ai_usage_view (
    event_id      varchar(128) primary key,
    encounter_id  varchar(64)  not null,
    hospital_id   varchar(64)  not null,
    vendor        varchar(128) not null,
    ai_service    varchar(128) not null,
    model_version varchar(128),
    occurred_at   timestamptz  not null,
    kind          varchar(64)
);
create index ix_ai_usage_view_encounter on ai_usage_view (encounter_id);
