/*
 * money.c - amounts as integer cents.
 */
#include <ctype.h>

#include "arena.h"
#include "buf.h"
#include "money.h"

long long
money_cents(const char *s)
{
	long long	 cents = 0;
	int		 digits = 0, decimals = -1;

	if (s == NULL)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || decimals == 2)
			return -1;
		if (decimals < 0 && cents > MONEY_MAX_CENTS / 10)
			return -1;
		cents = cents * 10 + (*s - '0');
		if (decimals >= 0)
			decimals++;
		else
			digits++;
	}
	if (digits == 0 || decimals == 0)
		return -1;
	for (decimals = decimals < 0 ? 0 : decimals; decimals < 2; decimals++)
		cents *= 10;
	return cents > MONEY_MAX_CENTS ? -1 : cents;
}

char *
money_format(struct arena *a, long long cents)
{
	char		 digits[24];
	struct buf	 b;
	int		 n = 0, i;
	long long	 units = (cents < 0 ? -cents : cents) / 100;

	do {
		digits[n++] = (char)('0' + units % 10);
		units /= 10;
	} while (units > 0);
	buf_init(&b, a);
	if (cents < 0)
		buf_putc(&b, '-');
	for (i = n - 1; i >= 0; i--) {
		buf_putc(&b, digits[i]);
		if (i > 0 && i % 3 == 0)
			buf_putc(&b, ',');
	}
	buf_printf(&b, ".%02lld", (cents < 0 ? -cents : cents) % 100);
	return b.data;
}

int
money_change_over(long long old, long long new, int pct)
{
	long long	diff = new > old ? new - old : old - new;

	if (old <= 0)
		return diff != 0;
	/* diff / old > pct / 100, in integers: amounts stay below 2^50. */
	return diff * 100 > old * pct;
}
