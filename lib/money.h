/*
 * money.h - amounts of money: DECIMAL text in the database and in forms,
 * integer cents in C, never floating point.
 */
#ifndef CRM_MONEY_H
#define CRM_MONEY_H

struct arena;

/* The largest amount a DECIMAL(15,2) column holds, in cents. */
#define MONEY_MAX_CENTS	999999999999999LL
/* The largest quantity a DECIMAL(12,3) column holds, in thousandths. */
#define MONEY_MAX_QTY	999999999999LL

/*
 * "1234.5", "1234.50" or "1234" (DECIMAL text, a normalised FT_MONEY
 * value) as cents; -1 for NULL or anything else.
 */
long long	 money_cents(const char *);
/*
 * A quantity, "2.5" or "3" (up to 3 decimals, >= 0), in thousandths;
 * -1 for NULL or anything else.
 */
long long	 money_qty(const char *);
/* Thousandths as "2.5" or "3", in the arena. */
char		*money_qty_format(struct arena *, long long milli);
/* Cents as "1,234.50", in the arena. */
char		*money_format(struct arena *, long long cents);
/* Cents as DECIMAL text, "1234.50", in the arena. */
char		*money_decimal(struct arena *, long long cents);
/*
 * Whether an amount changed from old to new cents by more than pct
 * percent of old. Any change away from 0 is more.
 */
int		 money_change_over(long long old, long long new, int pct);

/*
 * A quote line (quantity in thousandths, unit price in cents, discount
 * in hundredths of a percent, 0..10000): its amount before discount,
 * qty x price, and after it, qty x price x (1 - discount / 100), each
 * rounded once, half up, to the cent from the exact product, in
 * integers. 0, or -1 for a bad input or an amount beyond
 * MONEY_MAX_CENTS.
 */
int		 money_line(long long qty_milli, long long price_cents,
		    long long discount_bp, long long *gross, long long *net);

#endif
