/*
 * str.c - small string helpers.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "str.h"

char *
str_url_encode(struct arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b;
	unsigned char		 ch;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (; *s != '\0'; s++) {
		ch = (unsigned char)*s;
		if (isalnum(ch) || strchr("-._~/", ch) != NULL)
			buf_putc(&b, ch);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[ch >> 4]);
			buf_putc(&b, hex[ch & 15]);
		}
	}
	return b.data;
}

char *
str_trim(struct arena *a, const char *s)
{
	size_t	n;

	if (s == NULL)
		return arena_strdup(a, "");
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

int
str_blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

long long
str_to_id(const char *s)
{
	long long	v = 0;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	for (; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) ||
		    v > (0x7fffffffffffffffLL - 9) / 10)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
str_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
str_hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
str_is_code(const char *s, size_t min, size_t max)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");

	return s[n] == '\0' && n >= min && n <= max;
}
