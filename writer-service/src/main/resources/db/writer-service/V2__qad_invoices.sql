-- The QAD side: one row per ServiceNow outbound invoice (the idempotency record of the posting and
-- the AWAITING_RECEIPT queue of the receipt gate), its PO lines, and the receipt ledger.
create table qad_invoice (
    tenant             varchar(40)  not null,
    sys_id             varchar(64)  not null,
    invoice_number     varchar(100),
    supplier           varchar(60),
    invoice_reference  varchar(200),
    action             varchar(10)  not null,
    command_hash       varchar(64)  not null,
    -- The command's envelope as read, so later stages (release, recheck) audit under its trace id.
    envelope           bytea        not null,
    kafka_topic        varchar(249),
    kafka_partition    integer,
    kafka_offset       bigint,
    -- RECEIVED, AWAITING_RECEIPT, POSTING (QAD call under way), POSTED, FAILED, REJECTED
    status             varchar(20)  not null,
    reason             text,
    waiting_on         text,
    since              timestamptz  not null default now(),
    last_check         timestamptz,
    voucher            varchar(64),
    qad_status         varchar(20),
    cleared_first_time boolean,
    posted_at          timestamptz,
    -- NONE, PENDING (ServiceNow not told yet), DONE
    write_back         varchar(10)  not null default 'NONE',
    write_back_error   text,
    updated_at         timestamptz  not null default now(),
    primary key (tenant, sys_id)
);
create index qad_invoice_by_status on qad_invoice (status, tenant);
create index qad_invoice_write_back on qad_invoice (write_back) where write_back = 'PENDING';

create table qad_invoice_line (
    tenant    varchar(40)    not null,
    sys_id    varchar(64)    not null,
    line_no   integer        not null,
    po_number varchar(40)    not null,
    po_line   integer        not null,
    quantity  numeric(20, 6) not null,
    primary key (tenant, sys_id, line_no)
);
create index qad_invoice_line_by_po on qad_invoice_line (tenant, po_number, po_line);

-- Received quantity per PO line as QAD reported it (pod_det.pod_qty_rcvd), from events or reads.
create table receipt_ledger (
    tenant        varchar(40)    not null,
    po_number     varchar(40)    not null,
    po_line       integer        not null,
    received      numeric(20, 6) not null,
    qad_modified  timestamptz    not null,
    updated_at    timestamptz    not null default now(),
    primary key (tenant, po_number, po_line)
);

-- Goods receipts (prh_hist) one by one; their sum is a lower bound of what the line received.
create table goods_receipt (
    tenant       varchar(40)    not null,
    receiver     varchar(40)    not null,
    po_number    varchar(40)    not null,
    po_line      integer        not null,
    quantity     numeric(20, 6) not null,
    qad_modified timestamptz    not null,
    primary key (tenant, receiver, po_number, po_line)
);
create index goods_receipt_by_line on goods_receipt (tenant, po_number, po_line);
