-- A document the file holds and skips for its status or type (FileSlot.skippedDocuments).
insert into skipped_documents (source_file_id, document_number, customer_name, reason) values (?, ?, ?, ?);
