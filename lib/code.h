/*
 * code.h - the codes records are named by (SPEC 2): a prefix, the period
 * (year, or year and month) and a serial that restarts each period, is
 * zero-padded to three digits and grows past 999 when needed.
 */
#ifndef CRM_CODE_H
#define CRM_CODE_H

struct arena;
struct db;

enum code_period {
	CODE_YEARLY,	/* CRM2024001 */
	CODE_MONTHLY	/* SO202403001 */
};

/* "<prefix><period><serial>", in the arena. */
char	*code_format(struct arena *, const char *prefix, const char *period,
	    long long serial);
/*
 * The next code of prefix for the current period, or NULL. Call inside
 * the transaction that stores the record: the serial's row stays locked
 * until it ends, so two simultaneous creates never share a code, and a
 * rolled-back create gives its serial back.
 */
char	*code_next(struct db *, struct arena *, const char *prefix,
	    enum code_period);

#endif
