/*
 * sealed.c - the sealed columns: their registry, and writing and reading
 * them through the database.
 *
 * Each name is written once: the statements are string literals put
 * together from it at compile time. A value is stale when its first five
 * bytes (format and key version) are not those of the current key;
 * plaintext from before sealing and malformed values count as stale too,
 * so that key-reseal stops at them instead of passing over them.
 */
#include <string.h>

#include "db.h"
#include "fieldcrypt.h"
#include "log.h"
#include "sealed.h"

#define SEALED(table, id, column) {					\
	table, id, column,						\
	"SELECT " id ", " column " FROM " table " WHERE " id " > ?"	\
	" AND " column " IS NOT NULL AND HEX(LEFT(" column ", 5)) <> ?"	\
	" ORDER BY " id " LIMIT ? FOR UPDATE",				\
	"UPDATE " table " SET " column " = ? WHERE " id " = ?" }

const struct sealed_def sealed_columns[SEALED__MAX] = {
	[SEALED_CUSTOMER_BUDGET] = SEALED("customer", "id", "budget_range"),
	[SEALED_CONTACT_PREFERENCES] = SEALED("contact", "id", "preferences"),
	[SEALED_CUSTOMER_CUSTOM] = SEALED("customer_custom", "customer_id", "s1"),
	[SEALED_CUSTOMER_CUSTOM + 1] =
	    SEALED("customer_custom", "customer_id", "s2"),
	[SEALED_CUSTOMER_CUSTOM + 2] =
	    SEALED("customer_custom", "customer_id", "s3"),
	[SEALED_CUSTOMER_CUSTOM + 3] =
	    SEALED("customer_custom", "customer_id", "s4"),
};

int
sealed_write(struct db *db, struct arena *a, enum sealed_column col,
    long long id, const char *plain)
{
	const struct sealed_def	*d = &sealed_columns[col];
	struct dbq		 q;
	unsigned char		*v;
	size_t			 len;

	if (db_prepare(&q, db, a, d->sql_update) == -1)
		return -1;
	if (plain == NULL || plain[0] == '\0')
		db_bind_null(&q, 0);
	else if (fieldcrypt_seal(a, d->table, d->column, id, plain,
	    strlen(plain), &v, &len) == 0)
		db_bind_blob(&q, 0, v, len);
	else {
		db_finish(&q);
		return -1;
	}
	db_bind_int(&q, 1, id);
	db_step(&q);
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
sealed_update(struct db *db, struct arena *a, enum sealed_column col,
    long long id, const char *shown, const char *plain)
{
	if (strcmp(shown ? shown : "", plain ? plain : "") == 0)
		return 0;
	return sealed_write(db, a, col, id, plain);
}

const char *
sealed_read(struct arena *a, enum sealed_column col, long long id,
    const struct dbq *q, unsigned n)
{
	const struct sealed_def	*d = &sealed_columns[col];
	const unsigned char	*v;
	char			*plain;
	size_t			 len, plainlen;

	if ((v = db_blob(q, n, &len)) == NULL)
		return NULL;
	if (fieldcrypt_open(a, d->table, d->column, id, v, len, &plain,
	    &plainlen) == -1) {
		log_error(NULL, "%s.%s of %s %lld does not open", d->table,
		    d->column, d->id, id);
		return NULL;
	}
	return plain;
}

int
sealed_is_legacy(const unsigned char *v, size_t len)
{
	return len == 0 || v[0] != FIELDCRYPT_FORMAT;
}
