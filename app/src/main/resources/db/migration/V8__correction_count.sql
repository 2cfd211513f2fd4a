-- Encounter facts: how many corrections an encounter has had. Existing rows are counted from the
-- event store: one ClaimCorrected event each.
alter table encounter_view add column correction_count integer not null default 0;
update encounter_view v set correction_count = c.n
from (select aggregate_identifier, count(*) as n from domain_event_entry
      where payload_type like '%ClaimCorrected' group by aggregate_identifier) c
where c.aggregate_identifier = v.encounter_id;
