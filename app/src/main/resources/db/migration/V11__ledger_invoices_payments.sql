-- Monthly close: the ledger's journal lines (posted by approvals and payments), the invoices and
-- credit notes issued by closes, and the payments received. Filled by the "ledger" processor from
-- the events; rebuilt by a replay.
create table ledger_line (
    entry_id    varchar(400) not null,
    line_no     integer      not null,
    contract_id varchar(128) not null,
    period      char(7),
    kind        varchar(16)  not null,
    reference   varchar(400),
    currency    char(3)      not null,
    party       varchar(128) not null,
    account     varchar(16)  not null,
    debit       numeric      not null,
    credit      numeric      not null,
    primary key (entry_id, line_no)
);
create index ix_ledger_line_contract on ledger_line (contract_id, party, account);

create table invoice_view (
    number             varchar(200) primary key,
    book_id            varchar(200) not null,
    sequence           integer      not null,
    draft_key          varchar(600) not null,
    kind               varchar(16)  not null,
    issuer             varchar(128) not null,
    billed_to          varchar(128) not null,
    contract_id        varchar(128) not null,
    period             char(7)      not null,
    corrected_period   char(7),
    references_invoice varchar(200),
    amount             numeric      not null,
    currency           char(3)      not null,
    issued_on          date         not null,
    constraint uk_invoice_view_book unique (book_id, sequence),
    constraint uk_invoice_view_key unique (draft_key)
);
create index ix_invoice_view_period on invoice_view (period, contract_id);

create table payment_view (
    payment_id     varchar(600) primary key,
    reference      varchar(200) not null,
    payer          varchar(128) not null,
    payee          varchar(128) not null,
    amount         numeric      not null,
    currency       char(3)      not null,
    paid_on        date         not null,
    source         text         not null,
    invoice_number varchar(200),
    contract_id    varchar(128)
);
create index ix_payment_view_invoice on payment_view (invoice_number);
