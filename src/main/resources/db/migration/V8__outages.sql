-- Outage consolidation: many flows failing with one signature (connector, category, error code) within a
-- window make one outage case that links them all, instead of one escalation case per flow.

-- One row per outage signature ever seen. A diagnosis locks it after the flow's row (flow, then signature),
-- so the flows counted in the window and the one outage case per signature are exact under concurrency.
create table outage_watch (
    signature       varchar(700) primary key,
    open_outage_id  uuid,
    last_resolved_at timestamp with time zone
);

-- The latest failure of each flow with a signature: the window counts these.
create table outage_sighting (
    signature      varchar(700) not null,
    flow_id        varchar(1024) not null,
    last_failed_at timestamp with time zone not null,
    primary key (signature, flow_id)
);
create index outage_sighting_time on outage_sighting (signature, last_failed_at);

create table outage_case (
    id             uuid primary key,
    signature      varchar(700) not null,
    connector      varchar(200),
    category       varchar(40) not null,
    error_code     varchar(200),
    status         varchar(20) not null,
    opened_at      timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    resolved_at    timestamp with time zone,
    flows          integer not null,
    recovered_flows integer not null,
    failures       integer not null,
    note           varchar(2000)
);
create index outage_case_status on outage_case (status, updated_at);

-- The flows an outage links; each owner hears of the outage at most once (owner_notified_at).
create table outage_flow (
    outage_id         uuid not null references outage_case (id),
    flow_id           varchar(1024) not null,
    linked_at         timestamp with time zone not null,
    last_failed_at    timestamp with time zone not null,
    failures          integer not null,
    recovered_at      timestamp with time zone,
    owner_notified_at timestamp with time zone,
    primary key (outage_id, flow_id)
);
create index outage_flow_flow on outage_flow (flow_id);
