/*
 * dbtest.h - the tests' own database connection, as the administrator.
 *
 * Tests set up fixtures and check rows behind the application's back:
 * MariaDB root (CRM_TEST_DB_USER to override) through CRM_TEST_DB_SOCKET,
 * database crm, utf8mb4, in the programs' time zone (time_zone in
 * $CRM_VAR/crm.conf, else lib/config.c's default), so that NOW() and
 * CURDATE() agree with theirs. Every value goes through a prepared
 * statement: types names each argument as in lib/db.h ('i' long long,
 * 's' const char *, 'n' NULL with no argument). A database error fails
 * the running test with the server's message.
 *
 * Check runs each test in a forked child: the connection belongs to the
 * process that opened it, and a child opens its own.
 */
#ifndef IT_DBTEST_H
#define IT_DBTEST_H

#include <stddef.h>

struct arena;

/* Run a statement; the number of affected rows. */
long long	 tdb_exec(const char *sql, const char *types, ...);
/* Column 0 of the first row as an integer; def if no row or NULL. */
long long	 tdb_int(long long def, const char *sql, const char *types, ...);
/* Column 0 of the first row, in the arena; NULL without a row or on NULL. */
char		*tdb_str(struct arena *, const char *sql, const char *types,
		    ...);
/* Column 0 of up to max rows as integers; the number of rows read. */
size_t		 tdb_ints(long long *out, size_t max, const char *sql,
		    const char *types, ...);
/* Close this process's connection, if it has one. */
void		 tdb_close(void);

#endif
