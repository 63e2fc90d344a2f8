-- Repair-tips e-mail: the owner's choice per flow, when the incident was last e-mailed, and the outbox
-- that sends e-mails after the diagnosis has committed (retried, recorded, never slowing a diagnosis).
alter table flow_state add column repair_tips_email boolean default true not null;
alter table flow_state add column incident_emailed_at timestamp with time zone;

create table outbox_email (
    id            uuid primary key,
    flow_id       varchar(1024) not null,
    diagnosis_id  uuid not null,
    recipient     varchar(1024) not null,
    subject       varchar(1000) not null,
    html          varchar(400000) not null,
    text          varchar(400000) not null,
    created_at    timestamp with time zone not null,
    send_after    timestamp with time zone not null,
    status        varchar(20) not null,
    attempts      integer not null,
    last_error    varchar(2000),
    sent_at       timestamp with time zone
);
create index outbox_email_due on outbox_email (status, send_after);
create index outbox_email_flow on outbox_email (flow_id, status);
create index outbox_email_diagnosis on outbox_email (diagnosis_id);
