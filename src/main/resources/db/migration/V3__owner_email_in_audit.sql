-- The owner's address as the request gave it, so that an e-mail preview never reads it back out of the
-- stored request summary. Diagnoses recorded before this column have none.
alter table diagnosis_record add column owner_email varchar(1024);
