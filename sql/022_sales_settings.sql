-- 022_sales_settings.sql: settings of the sales pipeline as a whole, in
-- one row, set on the stage settings page. quote_free_discount is the
-- discount, in percent of its subtotal, a quote may give without a
-- director's approval; 0, the default, keeps every discount to them.
CREATE TABLE sales_setting (
	id			TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	quote_free_discount	TINYINT UNSIGNED NOT NULL DEFAULT 0,
	CONSTRAINT sales_setting_one CHECK (id = 1),
	CONSTRAINT sales_setting_pct CHECK (quote_free_discount <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO sales_setting (id) VALUES (1);
