/*
 * db.h - the one way to talk to MariaDB.
 *
 * Each worker holds one connection. Every statement is a string literal with
 * '?' placeholders, prepared once per connection and cached by the address of
 * its text, so no SQL can ever be assembled from input. Results are fetched
 * as text into the request arena; db_int() converts.
 *
 *	struct dbq q;
 *	db_prepare(&q, db, a, "SELECT name FROM customer WHERE id = ?");
 *	db_bind_int(&q, 0, id);
 *	while (db_step(&q) == DB_ROW)
 *		use(db_text(&q, 0));
 *	db_finish(&q);
 */
#ifndef CRM_DB_H
#define CRM_DB_H

#include <mysql.h>
#include <stdint.h>

struct arena;
struct db;

enum db_rc {
	DB_ERROR = -1,
	DB_DONE = 0,	/* statement done, no (more) rows */
	DB_ROW = 1	/* a row is available */
};

#define DB_MAX_PARAMS	32

struct dbq {
	struct db	*db;
	struct arena	*arena;
	const char	*sql;
	MYSQL_STMT	*stmt;
	unsigned	 nparams;
	MYSQL_BIND	 params[DB_MAX_PARAMS];
	long long	 ints[DB_MAX_PARAMS];
	unsigned long	 lens[DB_MAX_PARAMS];
	unsigned	 ncols;
	MYSQL_BIND	*cols;
	char		 executed;
	char		 failed;
};

/* Connect using the configuration; NULL (logged) on failure. */
struct db	*db_open(void);
void		 db_close(struct db *);
/* At the start of a request: reconnect if the connection was lost. */
int		 db_ready(struct db *);

int		 db_prepare(struct dbq *, struct db *, struct arena *,
		    const char *sql);
void		 db_bind_int(struct dbq *, unsigned idx, long long);
/* Bind text; NULL binds SQL NULL. */
void		 db_bind_text(struct dbq *, unsigned idx, const char *);
void		 db_bind_blob(struct dbq *, unsigned idx, const void *, size_t);
void		 db_bind_null(struct dbq *, unsigned idx);
/* Bind an id, or NULL for 0 (none): an optional filter. */
void		 db_bind_id(struct dbq *, unsigned idx, long long id);
/* Execute on the first call; then one row per call. */
enum db_rc	 db_step(struct dbq *);
/* Column value as text, NULL for SQL NULL; a copy in the request arena. */
const char	*db_text(const struct dbq *, unsigned col);
/* Column value as bytes (NUL bytes kept), NULL for SQL NULL; a copy in
 * the request arena, with its length in *len and a NUL after it. */
const void	*db_blob(const struct dbq *, unsigned col, size_t *len);
/* Column value as text, "" for SQL NULL. */
const char	*db_str(const struct dbq *, unsigned col);
long long	 db_int(const struct dbq *, unsigned col);
int		 db_is_null(const struct dbq *, unsigned col);
unsigned long	 db_len(const struct dbq *, unsigned col);
long long	 db_insert_id(const struct dbq *);
long long	 db_affected(const struct dbq *);
/* Release the result so the cached statement can run again; returns
 * DB_ERROR if any step failed. */
int		 db_finish(struct dbq *);

/* Run a bound statement that returns no rows: affected rows, or -1. */
long long	 db_changes(struct dbq *);
/*
 * One-shot execution: types names each argument ('i' long long, 's' const
 * char *, 'n' NULL, no argument); returns affected rows or -1.
 */
long long	 db_exec(struct db *, struct arena *, const char *sql,
		    const char *types, ...);
/* Like db_exec for a query of one integer; def when there is no row. */
long long	 db_int_query(struct db *, struct arena *, const char *sql,
		    long long def, const char *types, ...);

int		 db_begin(struct db *);
int		 db_commit(struct db *);
void		 db_rollback(struct db *);
int		 db_in_transaction(const struct db *);
/* 1 if the last failure was a duplicate key. */
int		 db_last_was_duplicate(const struct db *);

#endif
