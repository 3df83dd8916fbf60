/*
 * sortkey.c - GB18030 collation keys through iconv.
 */
#include <ctype.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sortkey.h"

char *
sortkey(struct arena *a, const char *s, size_t *len)
{
	static iconv_t	 cd = (iconv_t)-1;
	size_t		 n = strlen(s), inleft, outleft, i;
	char		*in, *out, *key, *folded;

	/* Opened once per process; iconv state is reset on every call. */
	if (cd == (iconv_t)-1 &&
	    (cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		abort();
	folded = arena_strndup(a, s, n);
	for (i = 0; i < n; i++)
		folded[i] = (char)tolower((unsigned char)folded[i]);
	/* GB18030 needs at most 4 bytes per code point, UTF-8 at least 1. */
	key = arena_alloc(a, n * 4 + 1);
	in = folded;
	out = key;
	inleft = n;
	outleft = n * 4;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (inleft > 0 &&
	    iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		/* Invalid input cannot reach here; skip a byte if it does. */
		in++;
		inleft--;
	}
	*len = (size_t)(out - key);
	return key;
}
