/*
 * fieldcrypt.h - sensitive fields sealed with AES-256-GCM (encryption at rest).
 *
 * A sealed value is binary, stored in a VARBINARY or BLOB column:
 *
 *	format (1) | key version (4, big-endian) | nonce (12) |
 *	ciphertext (as long as the plaintext) | GCM tag (16)
 *
 * Its associated data is "table\0column\0row id", so a value moved to
 * another row or column does not open. The keys are in a file outside the
 * database and the web root, mode 0600, one "<version> <64 hex digits>" per
 * line ('#' comments; a line of 64 hex digits alone is version 1). The
 * highest version seals; every version listed opens.
 *
 * Call crypto_init() (token.h) and fieldcrypt_load() once per process,
 * before fork. Outputs live in the arena passed in. Failures are logged.
 */
#ifndef CRM_FIELDCRYPT_H
#define CRM_FIELDCRYPT_H

#include <stddef.h>

/* The first byte of every sealed value; no text starts with it. */
#define FIELDCRYPT_FORMAT	0x01

struct arena;

/* Read the key file and remember its path; 0, or -1 (old keys kept). */
int	 fieldcrypt_load(const char *path);
/*
 * Append a fresh random key, one version above the highest, by writing a
 * new file beside path and renaming it over; then reload. 0 or -1.
 */
int	 fieldcrypt_add_key(const char *path);
/* The version new values are sealed with; 0 before a key is loaded. */
int	 fieldcrypt_current_version(void);

/*
 * Seal plain[0..len) for table.column of row row_id under the current key
 * (reloaded first if the key file changed). 0, or -1.
 */
int	 fieldcrypt_seal(struct arena *, const char *table, const char *column,
	    long long row_id, const char *plain, size_t len,
	    unsigned char **out, size_t *outlen);
/*
 * Open a sealed value of table.column of row row_id into *plain (with a
 * NUL after its *plainlen bytes). -1, and nothing in *plain, if the value
 * was changed, belongs elsewhere, or its key is unknown even after
 * reading the key file again.
 */
int	 fieldcrypt_open(struct arena *, const char *table, const char *column,
	    long long row_id, const unsigned char *sealed, size_t len,
	    char **plain, size_t *plainlen);
/* Open and seal again under the current key, for key rotation. 0 or -1. */
int	 fieldcrypt_reseal(struct arena *, const char *table,
	    const char *column, long long row_id, const unsigned char *sealed,
	    size_t len, unsigned char **out, size_t *outlen);
/* The key version a sealed value names, or -1 if it is not one. */
int	 fieldcrypt_version(const unsigned char *sealed, size_t len);
/*
 * What SQL's HEX(LEFT(column, 5)) gives for a value sealed under the
 * current key; key-reseal's statements (sealed.h) find older values
 * with it.
 */
char	*fieldcrypt_current_prefix(struct arena *);

#endif
