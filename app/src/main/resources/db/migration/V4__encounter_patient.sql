-- The patient's pseudonym (never the raw id), to count distinct patients for a table msr.
alter table encounter_view add column patient_pseudonym varchar(64);
