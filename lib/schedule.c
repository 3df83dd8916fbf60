/*
 * schedule.c - payment schedule arithmetic, in integer cents.
 */
#include "money.h"
#include "schedule.h"

long long
schedule_sum(const struct instalment *in, int n)
{
	long long	sum = 0;
	int		i;

	for (i = 0; i < n; i++) {
		if (in[i].amount < 0 || in[i].amount > MONEY_MAX_CENTS - sum)
			return -1;
		sum += in[i].amount;
	}
	return sum;
}

long long
schedule_apply(struct instalment *in, int n, long long payment)
{
	long long	owed;
	int		i;

	if (payment <= 0)
		return -1;
	for (i = 0; i < n; i++)
		if (in[i].paid < 0 || in[i].paid > in[i].amount)
			return -1;
	for (i = 0; i < n && payment > 0; i++) {
		owed = in[i].amount - in[i].paid;
		if (owed > payment)
			owed = payment;
		in[i].paid += owed;
		payment -= owed;
	}
	return payment;
}
