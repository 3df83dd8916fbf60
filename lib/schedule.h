/*
 * schedule.h - a contract's payment schedule in integer cents: its
 * instalments add up to the contract's total exactly, and each payment
 * received is applied to them oldest due first.
 */
#ifndef CRM_SCHEDULE_H
#define CRM_SCHEDULE_H

/* One instalment: what is due and what payments have paid of it. */
struct instalment {
	long long	 amount, paid;	/* cents, 0 <= paid <= amount */
};

/*
 * The sum of the amounts, or -1 when an amount is negative or the sum
 * passes MONEY_MAX_CENTS (no contract total is that large).
 */
long long	 schedule_sum(const struct instalment *, int n);
/*
 * Apply a payment of cents to the instalments in the order given (the
 * caller sorts them oldest due first): each takes what it still owes,
 * out of what is left, and its paid grows by that. Returns what is left
 * over, 0 when the payment fits; more means the payment exceeds what is
 * owed, and the caller refuses it. -1 for a bad input (a payment not
 * above 0, an instalment paid beyond its amount); then nothing changed.
 */
long long	 schedule_apply(struct instalment *, int n, long long payment);

#endif
