-- 020_payment_reversal.sql: a payment recorded by mistake is corrected by
-- a reversal, never changed or deleted: a row of the negative amount that
-- names the payment it reverses, with the reason as its note. The unique
-- key allows one reversal per payment, whatever a program does.
ALTER TABLE contract_payment
	ADD reverses_id BIGINT UNSIGNED NULL AFTER contract_id,
	ADD UNIQUE KEY contract_payment_reverses (reverses_id),
	ADD CONSTRAINT contract_payment_reverses_fk FOREIGN KEY (reverses_id)
		REFERENCES contract_payment (id);
