-- 009_choice_covering_index.sql - choice lists come from the index alone.
--
-- Most pages read every option in list, sort, id order. With the key of
-- 005 the optimizer still scans the table and sorts it (the key lacks the
-- labels, and a small table is cheaper to sort than to look up row by
-- row); holding the shown columns in the key makes the read index-only and
-- in order. The admin screens read one list through the same key.
ALTER TABLE choice DROP KEY choice_list,
	ADD KEY choice_list (list, sort, id, code, active, label_en, label_zh);
