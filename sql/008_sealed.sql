-- 008_sealed.sql - sensitive columns hold sealed values (lib/sealed.h).
--
-- AES-256-GCM output is binary: 33 bytes around the plaintext. A budget
-- range is a choice code of at most 32 characters; preferences are text
-- of at most 2,000 characters (6,000 bytes of UTF-8). The values stored
-- before stay plaintext until crmctl key-reseal seals them, which
-- scripts/run.sh does right after the migrations.
ALTER TABLE customer MODIFY budget_range VARBINARY(96) NULL;
ALTER TABLE contact MODIFY preferences BLOB NULL;
