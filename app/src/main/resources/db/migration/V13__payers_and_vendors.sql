-- Parties in the data (issue 18): each claim names its payer, each remittance the payer that
-- remits; each encounter fact the payer and the vendor whose AI it counts for under its contract.
alter table encounter_view add column payer_id varchar(128);
alter table encounter_view add column remitted_payer_id varchar(128);
alter table encounter_fact add column payer_id varchar(128);
alter table encounter_fact add column ai_vendor varchar(128);
