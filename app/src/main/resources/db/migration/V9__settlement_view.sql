-- Settlement history: every recorded revision of every contract month, with its totals, its
-- fingerprint and the whole result (trace included) as JSON. Filled from the event store by the
-- "settlements" processor, including the revisions recorded before this table existed.
create table settlement_view (
    contract_id    varchar(128) not null,
    period         char(7)      not null,
    revision       integer      not null,
    fingerprint    char(64)     not null,
    currency       char(3)      not null,
    encounters     integer      not null,
    excluded       integer      not null,
    baseline_total numeric      not null,
    actual_total   numeric      not null,
    savings        numeric      not null,
    savings_rate   numeric,
    pool           numeric      not null,
    insurer        numeric      not null,
    hospital       numeric      not null,
    vendor         numeric      not null,
    result         text         not null,
    primary key (contract_id, period, revision)
);
