-- Rejected claim records with the reason; the same rejection stored twice stays one row.
create table claim_dead_letter (
    id          bigserial     primary key,
    source_file varchar(1024) not null,
    line        bigint        not null,
    field       varchar(128)  not null,
    reason      text          not null,
    raw_record  text          not null,
    raw_sha256  char(64)      not null,
    rejected_at timestamptz   not null,
    constraint uk_dead_letter unique (source_file, line, raw_sha256, reason)
);

-- Read models, projected from the event store by tracking processors; rebuilt by a replay.
create table encounter_view (
    encounter_id      varchar(64)  primary key,
    hospital_id       varchar(64)  not null,
    original_claim_id varchar(64)  not null,
    current_claim_id  varchar(64)  not null,
    admit_date        date         not null,
    discharge_date    date         not null,
    drg               char(3)      not null,
    allowed_amount    numeric      not null,
    currency          char(3)      not null,
    ai_service        varchar(128),
    ai_assisted       boolean      not null,
    voided            boolean      not null
);
create index ix_encounter_view_discharge on encounter_view (discharge_date, hospital_id);

create table contract_version_view (
    contract_id    varchar(128) not null,
    version        integer      not null,
    effective_from date         not null,
    effective_to   date,
    currency       char(3)      not null,
    definition     text         not null,
    primary key (contract_id, version)
);

create table baseline_table_view (
    table_id       varchar(128) not null,
    version        integer      not null,
    kind           varchar(64)  not null,
    effective_from date         not null,
    source         text         not null,
    content_sha256 char(64)     not null,
    entries        integer      not null,
    primary key (table_id, version)
);

create table baseline_entry_view (
    table_id varchar(128) not null,
    version  integer      not null,
    code     varchar(16)  not null,
    weight   numeric      not null,
    title    text         not null,
    primary key (table_id, version, code)
);
