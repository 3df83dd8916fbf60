-- 018_outbox_give_up.sql: a mail the scheduler gives up on (a bad
-- address, or every attempt failed) has no next attempt. The column was
-- declared NOT NULL, so giving up failed in strict mode and the mail was
-- claimed again on every pass; NULL is what tools/scheduler.c writes.
ALTER TABLE outbox MODIFY next_attempt_at DATETIME NULL
	DEFAULT CURRENT_TIMESTAMP;
