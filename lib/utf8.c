/*
 * utf8.c - UTF-8 validation and counting.
 *
 * Validation follows the well-formed byte sequences of Unicode 15, table
 * 3-7: restricting the second byte is what rules out overlongs, surrogates
 * and code points above U+10FFFF without decoding anything.
 */
#include <stddef.h>

#include "utf8.h"

/* Length of the well-formed sequence at p[0..n), or 0 if there is none. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 len, i;

	if (p[0] == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] < 0xc2)
		return 0;	/* stray continuation or overlong lead */
	if (p[0] < 0xe0)
		len = 2;
	else if (p[0] < 0xf0) {
		len = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] < 0xf5) {
		len = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 k;

	while (n > 0) {
		if ((k = utf8_seq(p, n)) == 0)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

size_t
utf8_len(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = 0;

	/* Every code point has exactly one byte that is not a continuation. */
	for (; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80)
			n++;
	return n;
}
