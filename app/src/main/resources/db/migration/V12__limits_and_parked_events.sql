-- Read-model columns hold everything the limits at the door let in (Limit, docs/limits.md):
-- DIP group codes up to 64 characters in baseline tables, DRG codes of other systems (GB13, 01M01C) beside MS-DRGs.
alter table baseline_entry_view alter column code type varchar(64);
drop view encounter_group_totals;
alter table encounter_view alter column drg type varchar(8);
alter table encounter_fact alter column drg type varchar(8);
create view encounter_group_totals as
select contract_id, hospital_id, period, coalesce(drg, dip_group) as group_code,
       count(*) filter (where state < 3)                       as encounters,
       count(*) filter (where state < 3 and ai_assisted)       as ai_assisted,
       count(*) filter (where state = 0)                       as included,
       count(*) filter (where state = 2)                       as excluded,
       count(*) filter (where state = 1)                       as not_eligible,
       min(weight)                                             as weight,
       coalesce(sum(baseline) filter (where state = 0), 0)     as baseline_total,
       coalesce(sum(actual) filter (where state = 0), 0)       as actual_total,
       coalesce(sum(baseline - actual) filter (where state = 0), 0) as savings
from encounter_fact
group by contract_id, hospital_id, period, coalesce(drg, dip_group);

-- Events a processor could not handle, parked per processing group with the later events of the
-- same aggregate (Axon's sequenced dead-letter queue, JDBC); retried or evicted by an operator.
create table processor_dead_letter (
    dead_letter_id      varchar(255) not null primary key,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index      bigint       not null,
    message_type        varchar(255) not null,
    event_identifier    varchar(255) not null,
    time_stamp          varchar(255) not null,
    payload_type        varchar(255) not null,
    payload_revision    varchar(255),
    payload             bytea        not null,
    meta_data           bytea,
    aggregate_type      varchar(255),
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    token_type          varchar(255),
    token               bytea,
    enqueued_at         varchar(255) not null,
    last_touched        varchar(255),
    processing_started  varchar(255),
    cause_type          varchar(255),
    cause_message       text,
    diagnostics         bytea,
    constraint uk_processor_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_processor_dead_letter_group on processor_dead_letter (processing_group, sequence_identifier);

-- Streams of contracts, baseline tables and usage events stored before each type had its own id
-- namespace (contract:, baseline:, usage:): commands for them still find their bare ids.
create table legacy_stream (
    aggregate_identifier varchar(255) not null,
    type                 varchar(255) not null,
    primary key (aggregate_identifier, type)
);
insert into legacy_stream (aggregate_identifier, type)
select distinct aggregate_identifier, type from domain_event_entry
where sequence_number = 0 and type in ('Contract', 'BaselineTable', 'AiUsageEvent');
