/*
 * dbtest.c - the tests' own database connection, as MariaDB root.
 */
#include <check.h>
#include <pwd.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "dbtest.h"
#include "keep.h"

#define TDB_MAX_PARAMS	16
#define TZ_DEFAULT	"+08:00"	/* lib/config.c's default */

/*
 * Check's assertions report progress even when they pass, which is an
 * error outside a test (the clean-up at the end of the run): only a
 * failure may reach Check here.
 */
#define TDB_CHECK(cond, ...)						\
	do {								\
		if (!(cond))						\
			ck_abort_msg(__VA_ARGS__);			\
	} while (0)

/* Column 0 of the rows a statement returned. */
struct rows {
	struct arena	*arena;
	char		**vals;		/* NULL for SQL NULL */
	size_t		 max, n;
	long long	 affected;
};

static MYSQL	*conn;
static pid_t	 conn_pid;
static MYSQL	*inherited;	/* the parent's: kept, never used */

/*
 * The application's time zone (time_zone= in $CRM_VAR/crm.conf), so that
 * NOW() and CURDATE() here mean what they mean to the programs.
 */
static void
app_time_zone(char *tz, size_t size)
{
	const char	*var = getenv("CRM_VAR");
	char		 path[4096], line[256];
	FILE		*f;

	snprintf(tz, size, "%s", TZ_DEFAULT);
	if (var == NULL)
		return;
	snprintf(path, sizeof(path), "%s/crm.conf", var);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "time_zone=", 10) == 0)
			snprintf(tz, size, "%.*s", (int)strcspn(line + 10,
			    "\r\n"), line + 10);
	fclose(f);
}

/*
 * The administrator account: as scripts/lib.sh sets it up, root when run
 * as root and the login's own account otherwise; CRM_TEST_DB_USER wins.
 */
static const char *
admin_user(void)
{
	const char	*user = getenv("CRM_TEST_DB_USER");
	struct passwd	*pw;

	if (user != NULL)
		return user;
	if (getuid() != 0 && (pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	return "root";
}

static MYSQL *
tdb_conn(void)
{
	const char	*sock = getenv("CRM_TEST_DB_SOCKET");
	const char	*user = admin_user();
	char		 tz[64];

	/* A connection inherited from the parent is neither used nor closed:
	 * closing it would end the parent's session. */
	if (conn != NULL && conn_pid == getpid())
		return conn;
	if (conn != NULL)
		inherited = conn;
	TDB_CHECK(sock != NULL, "CRM_TEST_DB_SOCKET is not set");
	conn = mysql_init(NULL);
	TDB_CHECK(conn != NULL, "mysql_init failed");
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	TDB_CHECK(mysql_real_connect(conn, NULL, user, NULL, "crm", 0, sock,
	    0) != NULL, "connecting to %s as %s: %s", sock, user,
	    mysql_error(conn));
	conn_pid = getpid();
	app_time_zone(tz, sizeof(tz));
	tdb_exec("SET time_zone = ?", "s", tz);
	return conn;
}

void
tdb_close(void)
{
	if (conn != NULL && conn_pid == getpid())
		mysql_close(conn);
	conn = NULL;
}

static void
bind_args(MYSQL_BIND *b, long long *ints, unsigned long *lens,
    const char *types, va_list ap)
{
	const char	*s;
	size_t		 i;

	for (i = 0; types[i] != '\0'; i++) {
		memset(&b[i], 0, sizeof(b[i]));
		switch (types[i]) {
		case 'i':
			ints[i] = va_arg(ap, long long);
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &ints[i];
			break;
		case 's':
			if ((s = va_arg(ap, const char *)) == NULL) {
				b[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			lens[i] = strlen(s);
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)s;
			b[i].buffer_length = lens[i];
			b[i].length = &lens[i];
			break;
		case 'n':
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		default:
			ck_abort_msg("bad type '%c'", types[i]);
		}
	}
}

/* Fetch every row, keeping column 0 of the first rs->max. */
static void
fetch_rows(MYSQL_STMT *st, struct rows *rs, const char *sql)
{
	MYSQL_BIND	 col;
	unsigned long	 len = 0;
	my_bool		 isnull = 0;
	char		*v;
	int		 rc;

	memset(&col, 0, sizeof(col));
	col.buffer_type = MYSQL_TYPE_STRING;
	col.length = &len;
	col.is_null = &isnull;
	TDB_CHECK(mysql_stmt_bind_result(st, &col) == 0 &&
	    mysql_stmt_store_result(st) == 0, "%s: %s", sql,
	    mysql_stmt_error(st));
	while ((rc = mysql_stmt_fetch(st)) == 0 ||
	    rc == MYSQL_DATA_TRUNCATED) {
		v = NULL;
		if (!isnull) {
			v = arena_alloc(rs->arena, len + 1);
			col.buffer = v;
			col.buffer_length = len;
			if (len > 0)
				mysql_stmt_fetch_column(st, &col, 0, 0);
			col.buffer = NULL;
			col.buffer_length = 0;
		}
		if (rs->n < rs->max)
			rs->vals[rs->n++] = v;
	}
	TDB_CHECK(rc == MYSQL_NO_DATA, "%s: %s", sql,
	    mysql_stmt_error(st));
}

static void
tdb_run(struct rows *rs, const char *sql, const char *types, va_list ap)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 params[TDB_MAX_PARAMS];
	long long	 ints[TDB_MAX_PARAMS];
	unsigned long	 lens[TDB_MAX_PARAMS];

	TDB_CHECK(strlen(types) <= TDB_MAX_PARAMS, "too many parameters");
	st = mysql_stmt_init(tdb_conn());
	TDB_CHECK(st != NULL, "mysql_stmt_init failed");
	TDB_CHECK(mysql_stmt_prepare(st, sql, strlen(sql)) == 0,
	    "%s: %s", sql, mysql_stmt_error(st));
	TDB_CHECK(mysql_stmt_param_count(st) == strlen(types),
	    "%s: %lu parameters, %zu types", sql,
	    mysql_stmt_param_count(st), strlen(types));
	bind_args(params, ints, lens, types, ap);
	TDB_CHECK((types[0] == '\0' ||
	    mysql_stmt_bind_param(st, params) == 0) &&
	    mysql_stmt_execute(st) == 0, "%s: %s", sql, mysql_stmt_error(st));
	rs->affected = (long long)mysql_stmt_affected_rows(st);
	if (mysql_stmt_field_count(st) > 0)
		fetch_rows(st, rs, sql);
	mysql_stmt_close(st);
}

static void
rows_init(struct rows *rs, struct arena *a, char **vals, size_t max)
{
	memset(rs, 0, sizeof(*rs));
	rs->arena = a;
	rs->vals = vals;
	rs->max = max;
}

long long
tdb_exec(const char *sql, const char *types, ...)
{
	struct arena	*a = tarena_new();
	struct rows	 rs;
	va_list		 ap;

	rows_init(&rs, a, NULL, 0);
	va_start(ap, types);
	tdb_run(&rs, sql, types, ap);
	va_end(ap);
	tarena_free(a);
	return rs.affected;
}

char *
tdb_str(struct arena *a, const char *sql, const char *types, ...)
{
	struct rows	 rs;
	char		*v = NULL;
	va_list		 ap;

	rows_init(&rs, a, &v, 1);
	va_start(ap, types);
	tdb_run(&rs, sql, types, ap);
	va_end(ap);
	return v;
}

long long
tdb_int(long long def, const char *sql, const char *types, ...)
{
	struct arena	*a = tarena_new();
	struct rows	 rs;
	char		*v = NULL;
	long long	 n;
	va_list		 ap;

	rows_init(&rs, a, &v, 1);
	va_start(ap, types);
	tdb_run(&rs, sql, types, ap);
	va_end(ap);
	n = v == NULL ? def : strtoll(v, NULL, 10);
	tarena_free(a);
	return n;
}

size_t
tdb_ints(long long *out, size_t max, const char *sql, const char *types,
    ...)
{
	struct arena	*a = tarena_new();
	struct rows	 rs;
	char		**vals = arena_calloc(a, max ? max : 1, sizeof(*vals));
	size_t		 i;
	va_list		 ap;

	rows_init(&rs, a, vals, max);
	va_start(ap, types);
	tdb_run(&rs, sql, types, ap);
	va_end(ap);
	for (i = 0; i < rs.n; i++)
		out[i] = vals[i] ? strtoll(vals[i], NULL, 10) : 0;
	tarena_free(a);
	return rs.n;
}
