/*
 * token.h - random tokens, SHA-256 and hex for sessions and CSRF.
 *
 * The only place that talks to libgcrypt besides password.c. A session
 * token leaves the server once, in its cookie; the database keeps only
 * token_sha256_hex() of it, so a leaked table does not log anyone in.
 * Strings returned here live in the arena passed in.
 */
#ifndef CRM_TOKEN_H
#define CRM_TOKEN_H

#include <stddef.h>

struct arena;

/* Initialise libgcrypt once per process, before fork; 0 ok, -1 error. */
int	 crypto_init(void);

/* Fill buf with n bytes from the strong random generator. */
void	 token_random(void *buf, size_t n);
/* nbytes random bytes as 2 * nbytes lowercase hex digits. */
char	*token_new(struct arena *, size_t nbytes);
/* SHA-256 of p[0..n). */
void	 token_sha256(const void *p, size_t n, unsigned char out[32]);
/* Lowercase hex of the SHA-256 of the string s (64 digits). */
char	*token_sha256_hex(struct arena *, const char *s);
/* 1 if a[0..n) equals b[0..n), in time independent of the contents. */
int	 token_equal(const void *a, const void *b, size_t n);
/* p[0..n) as lowercase hex. */
char	*token_hex(struct arena *, const void *p, size_t n);
/* Decode exactly 2 * outlen hex digits (either case); 0 ok, -1 malformed. */
int	 token_unhex(const char *hex, void *out, size_t outlen);

#endif
