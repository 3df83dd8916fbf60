/*
 * utf8.h - UTF-8 validation and counting.
 */
#ifndef CRM_UTF8_H
#define CRM_UTF8_H

#include <stddef.h>

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates or NUL). */
int	 utf8_valid(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t	 utf8_len(const char *s);

#endif
