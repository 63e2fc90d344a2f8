-- The knowledge loop: what a diagnosis read, so that another rule base can diagnose it again; what became
-- of its advice; and the knowledge gaps, failures the rules could not explain, clustered by signature.

-- replay_input: JSON of the run as the rules saw it (trimmed, without the owner) and its failure history.
-- signature: what makes two failures of one flow the same failure (category, primary rule, step, codes).
-- recovered_at: the flow recovered within the effectiveness window after this diagnosis, and was credited.
-- repeated: the same failure came again after this diagnosis: its advice did not help.
alter table diagnosis_record add column replay_input varchar(1000000);
alter table diagnosis_record add column signature varchar(1000);
alter table diagnosis_record add column recovered_at timestamp with time zone;
alter table diagnosis_record add column seconds_to_recovery bigint;
alter table diagnosis_record add column repeated boolean default false not null;
create index diagnosis_record_flow_signature on diagnosis_record (flow_id, signature);

-- The tips a diagnosis gave, as diagnosis_rule holds the rules that fired in it.
create table diagnosis_tip (
    diagnosis_id uuid not null references diagnosis_record (id),
    tip_id       varchar(200) not null,
    primary key (diagnosis_id, tip_id)
);
create index diagnosis_tip_tip on diagnosis_tip (tip_id);

-- One row per failure signature: connector, operation, error code and the message as a template with
-- ids, numbers, addresses, links, quoted names and dates masked. signature_hash is sha-256 hex of them.
create table knowledge_gap (
    id                 uuid primary key,
    signature_hash     varchar(64) not null,
    connector          varchar(1024) not null,
    operation          varchar(1024) not null,
    error_code         varchar(1024) not null,
    template           varchar(2000) not null,
    occurrences        bigint not null,
    flows              integer not null,
    first_seen         timestamp with time zone not null,
    last_seen          timestamp with time zone not null,
    status             varchar(20) not null,
    note               varchar(4000),
    covered_by_rule    varchar(100),
    covered_in_version varchar(64),
    covered_at         timestamp with time zone,
    constraint knowledge_gap_signature unique (signature_hash)
);
create index knowledge_gap_status on knowledge_gap (status, occurrences);

create table knowledge_gap_flow (
    gap_id  uuid not null references knowledge_gap (id),
    flow_id varchar(1024) not null,
    primary key (gap_id, flow_id)
);

-- The latest few audited diagnoses of a gap, to read and to diagnose again when the rules change.
create table knowledge_gap_example (
    gap_id       uuid not null references knowledge_gap (id),
    diagnosis_id uuid not null references diagnosis_record (id),
    recorded_at  timestamp with time zone not null,
    primary key (gap_id, diagnosis_id)
);
create index knowledge_gap_example_diagnosis on knowledge_gap_example (diagnosis_id);
