/*
 * str.h - small string helpers that allocate in the request arena.
 */
#ifndef CRM_STR_H
#define CRM_STR_H

#include <stddef.h>

struct arena;

/* Percent-encode for a URL query value (RFC 3986 unreserved kept). */
char	*str_url_encode(struct arena *, const char *);
/* Copy without leading and trailing ASCII white space. */
char	*str_trim(struct arena *, const char *);
/* 1 if s is NULL or only white space. */
int	 str_blank(const char *);
/* Parse a positive decimal id; 0 if s is not one. */
long long str_to_id(const char *);
/* The value of a hex digit, or -1. */
int	 str_hex_value(int c);
/* 1 if s starts with prefix. */
int	 str_prefix(const char *s, const char *prefix);
/*
 * Is s a code: min to max of [a-z0-9_]? Codes are safe in any URL, HDF
 * name, log line or grant.
 */
int	 str_is_code(const char *s, size_t min, size_t max);

#endif
