-- Failure history per flow, the audit of every diagnosis, and escalation cases.
-- Portable between H2 (embedded default) and PostgreSQL. Text columns hold at least what the request
-- limits (flowdoctor.limits.*) let in.

-- One row per flow: the current incident (failures since the last recovery or within the window).
-- Diagnoses of one flow lock this row, so concurrent failures are counted one by one.
create table flow_state (
    flow_id             varchar(1024) primary key,
    incident_started_at timestamp with time zone,
    incident_failures   integer not null,
    last_failed_at      timestamp with time zone,
    last_recovered_at   timestamp with time zone
);

create table failure_record (
    id           uuid primary key,
    flow_id      varchar(1024) not null,
    run_id       varchar(1024),
    failed_at    timestamp with time zone not null,
    diagnosis_id uuid not null
);
create index failure_record_flow_time on failure_record (flow_id, failed_at);

create table diagnosis_record (
    id                uuid primary key,
    flow_id           varchar(1024) not null,
    flow_name         varchar(1024),
    environment_id    varchar(1024),
    run_id            varchar(1024),
    failed_at         timestamp with time zone not null,
    recorded_at       timestamp with time zone not null,
    failed_action     varchar(1024),
    category          varchar(40) not null,
    escalation_level  varchar(20) not null,
    primary_rule_id   varchar(100),
    rule_set_version  varchar(64) not null,
    locale            varchar(8) not null,
    request_summary   varchar(400000) not null,
    answer            varchar(400000) not null
);
create index diagnosis_record_flow on diagnosis_record (flow_id, recorded_at);
create index diagnosis_record_recorded on diagnosis_record (recorded_at);
create index diagnosis_record_category on diagnosis_record (category);
create index diagnosis_record_escalation on diagnosis_record (escalation_level);

create table diagnosis_rule (
    diagnosis_id uuid not null references diagnosis_record (id),
    rule_id      varchar(100) not null,
    rule_name    varchar(1000) not null,
    rule_file    varchar(500) not null,
    primary key (diagnosis_id, rule_id)
);
create index diagnosis_rule_rule on diagnosis_rule (rule_id);

create table escalation_case (
    id                uuid primary key,
    flow_id           varchar(1024) not null,
    signature         varchar(1000) not null,
    level             varchar(20) not null,
    status            varchar(20) not null,
    reason            varchar(2000),
    opened_at         timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    occurrences       integer not null,
    first_diagnosis_id uuid not null,
    last_diagnosis_id uuid not null
);
create index escalation_case_open on escalation_case (flow_id, signature, status);
create index escalation_case_status on escalation_case (status, updated_at);

create table case_note (
    id         uuid primary key,
    case_id    uuid not null references escalation_case (id),
    written_at timestamp with time zone not null,
    text       varchar(4000) not null
);
create index case_note_case on case_note (case_id, written_at);
