-- 021_approval_notices.sql: a quote or a contract submitted for approval
-- is told to those who may decide on it (notify_approvers, lib/notify.c).
-- Such a notification names its record; its opportunity, the link of
-- every notification, is the quote's or the one the contract was made
-- from. A draft contract may be deleted, and its notices with it.
ALTER TABLE notification
	MODIFY kind ENUM('stage', 'stale', 'approval') NOT NULL,
	MODIFY to_stage VARCHAR(32) NULL,
	ADD quote_id BIGINT UNSIGNED NULL AFTER opportunity_id,
	ADD contract_id BIGINT UNSIGNED NULL AFTER quote_id,
	ADD CONSTRAINT notification_quote_fk FOREIGN KEY (quote_id)
		REFERENCES quote (id) ON DELETE CASCADE,
	ADD CONSTRAINT notification_contract_fk FOREIGN KEY (contract_id)
		REFERENCES contract (id) ON DELETE CASCADE;
