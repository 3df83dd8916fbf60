/*
 * money.c - amounts as integer cents.
 */
#include <ctype.h>

#include "arena.h"
#include "buf.h"
#include "money.h"

/*
 * A non-negative decimal with up to places decimals as an integer in
 * units of 10^-places, or -1 for NULL, anything else or above max.
 */
static long long
scaled(const char *s, int places, long long max)
{
	long long	 v = 0;
	int		 digits = 0, decimals = -1;

	if (s == NULL)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || decimals == places)
			return -1;
		if (decimals < 0 && v > max / 10)
			return -1;
		v = v * 10 + (*s - '0');
		if (decimals >= 0)
			decimals++;
		else
			digits++;
	}
	if (digits == 0 || decimals == 0)
		return -1;
	for (decimals = decimals < 0 ? 0 : decimals; decimals < places;
	    decimals++) {
		if (v > max / 10)
			return -1;
		v *= 10;
	}
	return v > max ? -1 : v;
}

long long
money_cents(const char *s)
{
	return scaled(s, 2, MONEY_MAX_CENTS);
}

long long
money_qty(const char *s)
{
	return scaled(s, 3, MONEY_MAX_QTY);
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

char *
money_decimal(struct arena *a, long long cents)
{
	return arena_printf(a, "%s%lld.%02lld", cents < 0 ? "-" : "",
	    (cents < 0 ? -cents : cents) / 100,
	    (cents < 0 ? -cents : cents) % 100);
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

char *
money_qty_format(struct arena *a, long long milli)
{
	long long	frac = milli % 1000;
	int		places = 3;

	if (frac == 0)
		return arena_printf(a, "%lld", milli / 1000);
	for (; frac % 10 == 0; frac /= 10)
		places--;
	return arena_printf(a, "%lld.%0*lld", milli / 1000, places, frac);
}

/* n / d rounded half up; both non-negative. */
static unsigned __int128
div_round(unsigned __int128 n, unsigned __int128 d)
{
	return (n + d / 2) / d;
}

int
money_line(long long qty_milli, long long price_cents, long long discount_bp,
    long long *gross, long long *net)
{
	unsigned __int128	amount, g, t;

	if (qty_milli < 0 || price_cents < 0 || discount_bp < 0 ||
	    discount_bp > 10000)
		return -1;
	/* Below 10^12 * 10^15 * 10^4 = 10^31: far inside 128 bits. */
	amount = (unsigned __int128)qty_milli * (unsigned __int128)price_cents;
	g = div_round(amount, 1000);
	t = div_round(amount * (unsigned __int128)(10000 - discount_bp),
	    1000 * 10000);
	if (g > MONEY_MAX_CENTS)
		return -1;
	*gross = (long long)g;
	*net = (long long)t;
	return 0;
}
