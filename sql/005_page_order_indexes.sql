-- 005_page_order_indexes.sql - indexes that deliver rows in the order the
-- pages show them, so that no page view sorts (filesort) on the server.

-- Choice lists are read on most pages, in list, sort, id order.
ALTER TABLE choice DROP KEY choice_list, ADD KEY choice_list (list, sort, id);

-- A customer's contacts: the key decision maker first, then in the order
-- they were added.
ALTER TABLE contact DROP KEY contact_customer,
	ADD KEY contact_customer (customer_id, is_key DESC, id);
