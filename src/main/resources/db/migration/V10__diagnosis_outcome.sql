-- What became of a diagnosis' advice (repeated, recovered) moves out of diagnosis_record into a narrow row of its
-- own. Every diagnosis marks the flow's previous one of the same failure as repeated: on diagnosis_record that
-- update read and rewrote a row of several kilobytes of JSON (and the page around it) for one flag, the largest
-- share of the time a diagnosis was recorded in. The audit row is now written once and never changed.
create table diagnosis_outcome (
    diagnosis_id        uuid primary key references diagnosis_record (id),
    flow_id             varchar(1024) not null,
    signature           varchar(1000),
    recorded_at         timestamp with time zone not null,
    repeated            boolean default false not null,
    recovered_at        timestamp with time zone,
    seconds_to_recovery bigint
);
insert into diagnosis_outcome (diagnosis_id, flow_id, signature, recorded_at, repeated, recovered_at, seconds_to_recovery)
    select id, flow_id, signature, recorded_at, repeated, recovered_at, seconds_to_recovery from diagnosis_record;
-- Marking repeats visits only the flow's unmarked diagnoses of the failure; a recovery looks for the flow's latest.
create index diagnosis_outcome_unmarked on diagnosis_outcome (flow_id, signature, repeated);
create index diagnosis_outcome_flow on diagnosis_outcome (flow_id, recorded_at);

drop index diagnosis_record_unmarked;
alter table diagnosis_record drop column repeated;
alter table diagnosis_record drop column recovered_at;
alter table diagnosis_record drop column seconds_to_recovery;
