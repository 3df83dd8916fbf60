/*
 * money.h - amounts of money: DECIMAL text in the database and in forms,
 * integer cents in C, never floating point.
 */
#ifndef CRM_MONEY_H
#define CRM_MONEY_H

struct arena;

/* The largest amount a DECIMAL(15,2) column holds, in cents. */
#define MONEY_MAX_CENTS	999999999999999LL

/*
 * "1234.5", "1234.50" or "1234" (DECIMAL text, a normalised FT_MONEY
 * value) as cents; -1 for NULL or anything else.
 */
long long	 money_cents(const char *);
/* Cents as "1,234.50", in the arena. */
char		*money_format(struct arena *, long long cents);
/*
 * Whether an amount changed from old to new cents by more than pct
 * percent of old. Any change away from 0 is more.
 */
int		 money_change_over(long long old, long long new, int pct);

#endif
