-- Encounter facts: each encounter as its contract month prices it, one row per contract and
-- encounter, kept by the "facts" processor (recomputed when the encounter, its AI usage, the
-- contract or the baseline table changes). status: included, not_eligible, the exclusion reason
-- (low_outlier, high_outlier, expert_review, drg_not_in_table, ungroupable, currency_mismatch),
-- voided or denied. Amounts at the currency's scale; baseline_minor/actual_minor the same amounts in
-- minor units (cents) for exact sums. line_sha256: the digest of the line settlement fingerprints.
-- A contract month has a compact key (month_id) so the settlement index stays small.
create table encounter_fact_month (
    month_id    serial       primary key,
    contract_id varchar(128) not null,
    period      char(7)      not null,
    constraint uk_encounter_fact_month unique (contract_id, period)
);

create table encounter_fact (
    encounter_id      uuid         not null,
    contract_id       varchar(128) not null,
    month_id          integer      not null,
    hospital_id       varchar(64)  not null,
    period            char(7)      not null,
    contract_version  integer      not null,
    baseline_table    varchar(128) not null,
    baseline_version  integer      not null,
    claim_id          varchar(64)  not null,
    discharge_date    date         not null,
    drg               char(3),
    dip_group         varchar(64),
    weight            numeric,
    allowed_amount    numeric      not null,
    paid_amount       numeric,
    currency          char(3)      not null,
    ai_assisted       boolean      not null,
    patient_pseudonym varchar(64),
    status            varchar(24)  not null,
    state             smallint     not null,
    adjustment        varchar(16),
    detail            text,
    baseline          numeric,
    actual            numeric,
    baseline_minor    bigint,
    actual_minor      bigint,
    correction_count  integer      not null,
    line_sha256       bytea        not null,
    primary key (encounter_id, contract_id),
    constraint ck_encounter_fact_state check (state between 0 and 3)
);
-- Set-based settlement reads a contract month from this index alone, in encounter id order (uuid
-- order is the order of their text, as Java sorts them). state: 0 included, 1 not eligible,
-- 2 excluded, 3 voided or denied.
create index ix_encounter_fact_settle on encounter_fact (month_id, hospital_id, encounter_id)
    include (state, baseline_minor, actual_minor, line_sha256);
create index ix_encounter_fact_excluded on encounter_fact (month_id) where state = 2;
create index ix_encounter_fact_adjusted on encounter_fact (month_id) where adjustment is not null;

-- Totals per contract x hospital x period x group (DRG or DIP group), over the facts.
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

-- Auditor statistics, stored with the settlement revision they were computed from.
create table period_statistics (
    contract_id      varchar(128) not null,
    period           char(7)      not null,
    revision         integer      not null,
    reference_period char(7)      not null,
    seed             bigint       not null,
    resamples        integer      not null,
    fingerprint      char(64)     not null,
    statistics       text         not null,
    computed_at      timestamptz  not null,
    primary key (contract_id, period, revision, reference_period, seed, resamples)
);
