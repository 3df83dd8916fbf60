/*
 * code.c - record codes from the per-period serials of code_serial.
 */
#include <time.h>

#include "arena.h"
#include "code.h"
#include "db.h"

static const char sql_serial_next[] =
    "INSERT INTO code_serial (prefix, period, last) VALUES (?, ?, 1)"
    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)";

char *
code_format(struct arena *a, const char *prefix, const char *period,
    long long serial)
{
	return arena_printf(a, "%s%s%03lld", prefix, period, serial);
}

char *
code_next(struct db *db, struct arena *a, const char *prefix,
    enum code_period per)
{
	struct dbq	 q;
	char		 period[8];
	time_t		 now = time(NULL);
	struct tm	 tm;
	long long	 serial;

	localtime_r(&now, &tm);
	strftime(period, sizeof(period), per == CODE_MONTHLY ? "%Y%m" : "%Y",
	    &tm);
	if (db_prepare(&q, db, a, sql_serial_next) == -1)
		return NULL;
	db_bind_text(&q, 0, prefix);
	db_bind_text(&q, 1, period);
	if (db_step(&q) == DB_ERROR) {
		db_finish(&q);
		return NULL;
	}
	/* One row inserted: the period's first; else the updated value. */
	serial = db_affected(&q) == 1 ? 1 : db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR)
		return NULL;
	return code_format(a, prefix, period, serial);
}
