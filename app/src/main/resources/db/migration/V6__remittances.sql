-- The payer's word from remittances (X12 835): covered (allowed) and paid amounts, and denials.
alter table encounter_view add column payer_allowed numeric;
alter table encounter_view add column payer_paid numeric;
alter table encounter_view add column denied boolean not null default false;
