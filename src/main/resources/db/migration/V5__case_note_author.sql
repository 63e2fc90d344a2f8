-- Who wrote a case note: the API key's name or the user's principal name. Notes written before this column have
-- none. Portable between H2 and PostgreSQL.
alter table case_note add column author varchar(1024);
