-- Dead letters are replayed after a fix: what replays them, and what became of each replay.
alter table claim_dead_letter
    add column replay_format       varchar(16),
    add column replay_payload      text,
    add column status              varchar(16)  not null default 'open',
    add column attempts            integer      not null default 0,
    add column last_attempt_reason text,
    add column last_attempt_at     timestamptz,
    add column replayed_at         timestamptz,
    add column replay_outcome      varchar(32),
    add constraint ck_dead_letter_status check (status in ('open', 'replayed'));

create index ix_dead_letter_open on claim_dead_letter (id) where status = 'open';
