/*
 * sealed.h - the columns that hold sensitive values, sealed at rest.
 *
 * One registry names every sealed column (SPEC 2.1: a customer's budget
 * range, a contact's preferences; the sealed slots of custom fields) for
 * the programs that write and read them and for crmctl key-reseal, which
 * walks them. The value of a sealed
 * column is written by its own statement once the row has its id, because
 * the id is part of what the seal covers (fieldcrypt.h).
 */
#ifndef CRM_SEALED_H
#define CRM_SEALED_H

#include <stddef.h>

struct arena;
struct db;
struct dbq;

enum sealed_column {
	SEALED_CUSTOMER_BUDGET,
	SEALED_CONTACT_PREFERENCES,
	/*
	 * The sealed slots of customer custom fields (custom_field.h), in
	 * slot order. A slot belongs to one field for good, so the column
	 * in the associated data names the field.
	 */
	SEALED_CUSTOMER_CUSTOM,
	SEALED_CUSTOMER_CUSTOM_LAST = SEALED_CUSTOMER_CUSTOM + 3,
	SEALED__MAX
};

struct sealed_def {
	const char	*table;
	const char	*id;		/* its row id, part of the AAD */
	const char	*column;
	/* id, value of rows after id ?, not under prefix ?, LIMIT ?, locked */
	const char	*sql_stale;
	/* set the value ? of row id ? */
	const char	*sql_update;
};

extern const struct sealed_def	 sealed_columns[SEALED__MAX];

/*
 * Seal plain for column col of row id and store it; NULL or "" stores
 * NULL. 0, or -1 (logged).
 */
int		 sealed_write(struct db *, struct arena *, enum sealed_column,
		    long long id, const char *plain);
/*
 * Write plain as sealed_write does, unless it is the value shown, so that
 * a value that did not open is kept until someone really replaces it.
 */
int		 sealed_update(struct db *, struct arena *, enum sealed_column,
		    long long id, const char *shown, const char *plain);
/*
 * The plaintext of result column n of q, a value of col of row id: NULL
 * when the column is NULL or its value does not open (logged).
 */
const char	*sealed_read(struct arena *, enum sealed_column, long long id,
		    const struct dbq *q, unsigned n);
/*
 * Is this stored value plaintext from before the column was sealed (an
 * empty string included)? The sealed format starts with a byte no text
 * starts with.
 */
int		 sealed_is_legacy(const unsigned char *, size_t);

#endif
