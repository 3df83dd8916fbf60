/*
 * db.c - MariaDB through prepared statements cached per connection.
 *
 * The connection and its statement cache are the only things a worker keeps
 * between requests; both hold no request data. A lost connection is
 * detected by error code and re-established at the next request.
 */
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "log.h"

#define DB_CACHE	256	/* a power of two, above the statements we have */

struct cached {
	const char	*sql;
	MYSQL_STMT	*stmt;
};

#define DB_IDLE_PING	60	/* seconds idle before checking the link */

struct db {
	MYSQL		*conn;
	time_t		 last_used;
	int		 lost;
	int		 in_tx;
	unsigned	 last_errno;
	struct cached	 cache[DB_CACHE];
};

static void	db_disconnect(struct db *);

static int
db_connect(struct db *db)
{
	MYSQL	*m;
	my_bool	 off = 0;

	if ((m = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Reconnecting is ours to do: a silent one would lose session state. */
	mysql_options(m, MYSQL_OPT_RECONNECT, &off);
	if (mysql_real_connect(m, "localhost", config.db_user,
	    config.db_password, config.db_name, 0, config.db_socket, 0) ==
	    NULL) {
		log_error(NULL, "db connect: %s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	/* Strict mode: a bad value is an error, never silently truncated. */
	if (mysql_query(m, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
	    "NO_ENGINE_SUBSTITUTION'") != 0) {
		log_error(NULL, "db session: %s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	db->conn = m;
	/* Dates are the company's: "due today" means its today. */
	if (db_exec(db, NULL, "SET time_zone = ?", "s", config.time_zone) < 0) {
		db_disconnect(db);
		return -1;
	}
	db->lost = 0;
	db->in_tx = 0;
	return 0;
}

static void
db_disconnect(struct db *db)
{
	size_t	i;

	for (i = 0; i < DB_CACHE; i++) {
		if (db->cache[i].stmt != NULL)
			mysql_stmt_close(db->cache[i].stmt);
		db->cache[i].stmt = NULL;
		db->cache[i].sql = NULL;
	}
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
}

struct db *
db_open(void)
{
	struct db	*db;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		abort();
	if (db_connect(db) == -1)
		db->lost = 1;
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db);
}

/*
 * A connection idle for a while may have been closed by the server
 * (wait_timeout, a restart): check it then, not on every request.
 */
int
db_ready(struct db *db)
{
	time_t	now = time(NULL);

	if (db->conn != NULL && !db->lost && now - db->last_used >
	    DB_IDLE_PING && mysql_ping(db->conn) != 0)
		db->lost = 1;
	db->last_used = now;
	if (db->conn != NULL && !db->lost)
		return 0;
	db_disconnect(db);
	return db_connect(db);
}

/* Remember the error; a lost connection is re-established next request. */
static void
db_note_error(struct db *db, unsigned err, const char *what, const char *msg,
    const char *sql)
{
	db->last_errno = err;
	if (err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == CR_CONNECTION_ERROR || err == ER_CONNECTION_KILLED)
		db->lost = 1;
	if (err != ER_DUP_ENTRY)
		log_error(NULL, "db %s: %u %s [%s]", what, err, msg, sql);
}

static MYSQL_STMT *
db_stmt(struct db *db, const char *sql)
{
	size_t		 h, i;
	MYSQL_STMT	*st;

	if (db->conn == NULL)
		return NULL;
	h = ((uintptr_t)sql >> 3) & (DB_CACHE - 1);
	for (i = 0; i < DB_CACHE; i++, h = (h + 1) & (DB_CACHE - 1)) {
		if (db->cache[h].sql == sql)
			return db->cache[h].stmt;
		if (db->cache[h].sql == NULL)
			break;
	}
	if (i == DB_CACHE)
		abort();	/* more statements than DB_CACHE: raise it */
	if ((st = mysql_stmt_init(db->conn)) == NULL)
		abort();
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		db_note_error(db, mysql_stmt_errno(st), "prepare",
		    mysql_stmt_error(st), sql);
		mysql_stmt_close(st);
		return NULL;
	}
	db->cache[h].sql = sql;
	db->cache[h].stmt = st;
	return st;
}

int
db_prepare(struct dbq *q, struct db *db, struct arena *a, const char *sql)
{
	memset(q, 0, sizeof(*q));
	q->db = db;
	q->arena = a;
	q->sql = sql;
	if ((q->stmt = db_stmt(db, sql)) == NULL) {
		q->failed = 1;
		return -1;
	}
	q->nparams = mysql_stmt_param_count(q->stmt);
	if (q->nparams > DB_MAX_PARAMS)
		abort();
	return 0;
}

static MYSQL_BIND *
db_param(struct dbq *q, unsigned idx)
{
	if (idx >= q->nparams) {
		/* A programming error: the SQL and the binds disagree. */
		log_error(NULL, "db bind %u out of range [%s]", idx, q->sql);
		q->failed = 1;
		return NULL;
	}
	memset(&q->params[idx], 0, sizeof(q->params[idx]));
	return &q->params[idx];
}

void
db_bind_int(struct dbq *q, unsigned idx, long long v)
{
	MYSQL_BIND	*b;

	if ((b = db_param(q, idx)) == NULL)
		return;
	q->ints[idx] = v;
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = &q->ints[idx];
}

void
db_bind_blob(struct dbq *q, unsigned idx, const void *p, size_t n)
{
	MYSQL_BIND	*b;

	if ((b = db_param(q, idx)) == NULL)
		return;
	q->lens[idx] = n;
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)p;
	b->buffer_length = n;
	b->length = &q->lens[idx];
}

void
db_bind_text(struct dbq *q, unsigned idx, const char *s)
{
	if (s == NULL)
		db_bind_null(q, idx);
	else
		db_bind_blob(q, idx, s, strlen(s));
}

void
db_bind_null(struct dbq *q, unsigned idx)
{
	MYSQL_BIND	*b;

	if ((b = db_param(q, idx)) == NULL)
		return;
	b->buffer_type = MYSQL_TYPE_NULL;
}

void
db_bind_id(struct dbq *q, unsigned idx, long long id)
{
	if (id > 0)
		db_bind_int(q, idx, id);
	else
		db_bind_null(q, idx);
}

/* Bind every result column as text sized from the stored result. */
static int
db_bind_results(struct dbq *q)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*f;
	unsigned	 i;
	size_t		 len;

	if ((meta = mysql_stmt_result_metadata(q->stmt)) == NULL)
		return 0;
	q->ncols = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	q->cols = arena_calloc(q->arena, q->ncols, sizeof(*q->cols));
	for (i = 0; i < q->ncols; i++) {
		len = f[i].max_length + 1;
		q->cols[i].buffer_type = MYSQL_TYPE_STRING;
		q->cols[i].buffer = arena_alloc(q->arena, len);
		q->cols[i].buffer_length = len;
		q->cols[i].length = arena_alloc(q->arena,
		    sizeof(unsigned long));
		q->cols[i].is_null = arena_alloc(q->arena, sizeof(my_bool));
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(q->stmt, q->cols) != 0)
		return -1;
	return 0;
}

static enum db_rc
db_fail(struct dbq *q, const char *what)
{
	db_note_error(q->db, mysql_stmt_errno(q->stmt), what,
	    mysql_stmt_error(q->stmt), q->sql);
	q->failed = 1;
	return DB_ERROR;
}

static enum db_rc
db_execute(struct dbq *q)
{
	my_bool	 on = 1;
	unsigned i;

	q->executed = 1;
	for (i = 0; i < q->nparams; i++)
		if (q->params[i].buffer_type == MYSQL_TYPE_DECIMAL &&
		    q->params[i].buffer == NULL) {
			/* Never bound: memset left type 0. */
			log_error(NULL, "db param %u unbound [%s]", i, q->sql);
			q->failed = 1;
			return DB_ERROR;
		}
	if (q->nparams && mysql_stmt_bind_param(q->stmt, q->params) != 0)
		return db_fail(q, "bind");
	if (mysql_stmt_execute(q->stmt) != 0)
		return db_fail(q, "execute");
	mysql_stmt_attr_set(q->stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_field_count(q->stmt) == 0)
		return DB_DONE;
	if (mysql_stmt_store_result(q->stmt) != 0)
		return db_fail(q, "store");
	if (db_bind_results(q) == -1)
		return db_fail(q, "bind result");
	return DB_ROW;
}

enum db_rc
db_step(struct dbq *q)
{
	int	rc;

	if (q->failed || q->stmt == NULL)
		return DB_ERROR;
	if (!q->executed && db_execute(q) != DB_ROW)
		return q->failed ? DB_ERROR : DB_DONE;
	rc = mysql_stmt_fetch(q->stmt);
	if (rc == 0)
		return DB_ROW;
	if (rc == MYSQL_NO_DATA)
		return DB_DONE;
	if (rc == MYSQL_DATA_TRUNCATED) {
		/* Cannot happen: buffers come from max_length. */
		log_error(NULL, "db truncated [%s]", q->sql);
		q->failed = 1;
		return DB_ERROR;
	}
	return db_fail(q, "fetch");
}

/* The column in the fetch buffer, which the next db_step() overwrites. */
static const char *
db_column(const struct dbq *q, unsigned col)
{
	if (col >= q->ncols || *q->cols[col].is_null)
		return NULL;
	((char *)q->cols[col].buffer)[*q->cols[col].length] = '\0';
	return q->cols[col].buffer;
}

const char *
db_text(const struct dbq *q, unsigned col)
{
	const char	*s = db_column(q, col);

	/* A copy, so a value read from one row survives the next fetch. */
	return s ? arena_strndup(q->arena, s, *q->cols[col].length) : NULL;
}

const void *
db_blob(const struct dbq *q, unsigned col, size_t *len)
{
	const char	*s = db_column(q, col);
	char		*copy;

	*len = s ? *q->cols[col].length : 0;
	if (s == NULL)
		return NULL;
	copy = arena_alloc(q->arena, *len + 1);
	memcpy(copy, s, *len);
	return copy;
}

const char *
db_str(const struct dbq *q, unsigned col)
{
	const char	*s = db_text(q, col);

	return s ? s : "";
}

long long
db_int(const struct dbq *q, unsigned col)
{
	const char	*s = db_column(q, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

int
db_is_null(const struct dbq *q, unsigned col)
{
	return col >= q->ncols || *q->cols[col].is_null;
}

unsigned long
db_len(const struct dbq *q, unsigned col)
{
	return db_is_null(q, col) ? 0 : *q->cols[col].length;
}

long long
db_insert_id(const struct dbq *q)
{
	return (long long)mysql_stmt_insert_id(q->stmt);
}

long long
db_affected(const struct dbq *q)
{
	return (long long)mysql_stmt_affected_rows(q->stmt);
}

int
db_finish(struct dbq *q)
{
	/*
	 * The whole result is in client memory (store_result), so freeing it
	 * is all a re-execution needs. mysql_stmt_reset() would cost a round
	 * trip to the server for every statement.
	 */
	if (q->stmt != NULL)
		mysql_stmt_free_result(q->stmt);
	return q->failed ? DB_ERROR : 0;
}

static void
db_bind_args(struct dbq *q, const char *types, va_list ap)
{
	unsigned	 i;

	for (i = 0; types[i] != '\0'; i++) {
		switch (types[i]) {
		case 'i':
			db_bind_int(q, i, va_arg(ap, long long));
			break;
		case 's':
			db_bind_text(q, i, va_arg(ap, const char *));
			break;
		case 'n':
			db_bind_null(q, i);
			break;
		default:
			abort();
		}
	}
}

long long
db_changes(struct dbq *q)
{
	long long	n = -1;

	if (db_step(q) != DB_ERROR)
		n = db_affected(q);
	if (db_finish(q) != 0)
		return -1;
	return n;
}

long long
db_exec(struct db *db, struct arena *a, const char *sql, const char *types,
    ...)
{
	struct dbq	 q;
	va_list		 ap;

	if (db_prepare(&q, db, a, sql) == -1)
		return -1;
	va_start(ap, types);
	db_bind_args(&q, types, ap);
	va_end(ap);
	return db_changes(&q);
}

long long
db_int_query(struct db *db, struct arena *a, const char *sql, long long def,
    const char *types, ...)
{
	struct dbq	 q;
	va_list		 ap;
	long long	 v = def;

	if (db_prepare(&q, db, a, sql) == -1)
		return def;
	va_start(ap, types);
	db_bind_args(&q, types, ap);
	va_end(ap);
	if (db_step(&q) == DB_ROW && !db_is_null(&q, 0))
		v = db_int(&q, 0);
	db_finish(&q);
	return v;
}

int
db_begin(struct db *db)
{
	if (db->conn == NULL || mysql_query(db->conn, "START TRANSACTION") != 0) {
		if (db->conn != NULL)
			db_note_error(db, mysql_errno(db->conn), "begin",
			    mysql_error(db->conn), "START TRANSACTION");
		return -1;
	}
	db->in_tx = 1;
	return 0;
}

int
db_commit(struct db *db)
{
	db->in_tx = 0;
	if (db->conn == NULL || mysql_commit(db->conn) != 0) {
		if (db->conn != NULL)
			db_note_error(db, mysql_errno(db->conn), "commit",
			    mysql_error(db->conn), "COMMIT");
		return -1;
	}
	return 0;
}

void
db_rollback(struct db *db)
{
	if (!db->in_tx)
		return;
	db->in_tx = 0;
	if (db->conn != NULL && mysql_rollback(db->conn) != 0)
		db_note_error(db, mysql_errno(db->conn), "rollback",
		    mysql_error(db->conn), "ROLLBACK");
}

int
db_in_transaction(const struct db *db)
{
	return db->in_tx;
}

int
db_last_was_duplicate(const struct db *db)
{
	return db->last_errno == ER_DUP_ENTRY;
}
