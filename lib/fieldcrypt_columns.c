/*
 * fieldcrypt_columns.c - the columns that hold sealed values.
 *
 * One list for the code that seals and opens these columns and for
 * crmctl key-rotate. Each name is written once: the statements are string
 * literals put together from it at compile time. A value is stale when its
 * first five bytes (format and key version) are not those of the current
 * key; plaintext and malformed values count as stale too, so that the
 * rotation stops at them instead of passing over them.
 */
#include <stddef.h>

#include "fieldcrypt.h"

#define SEALED(table, id, column) {					\
	table, id, column,						\
	"SELECT " id ", " column " FROM " table " WHERE " id " > ?"	\
	" AND " column " IS NOT NULL AND HEX(LEFT(" column ", 5)) <> ?"	\
	" ORDER BY " id " LIMIT ? FOR UPDATE",				\
	"UPDATE " table " SET " column " = ? WHERE " id " = ?" }

const struct fieldcrypt_column fieldcrypt_columns[] = {
	SEALED("customer", "id", "budget_range"),
	SEALED("contact", "id", "preferences"),
	{ NULL, NULL, NULL, NULL, NULL },
};
