-- DIP tables: each group's mean cost beside its score; encounters grouped by DIP carry their group.
alter table baseline_entry_view add column mean_cost numeric;
alter table encounter_view add column dip_group varchar(64);
alter table encounter_view alter column drg drop not null;
