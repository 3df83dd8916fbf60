/*
 * token.c - random tokens, SHA-256 and hex on top of libgcrypt.
 *
 * Owns the process-wide libgcrypt initialisation. Secure memory stays off:
 * it needs mlock privileges the workers do not have. Password buffers and
 * the field-encryption keys (fieldcrypt.c) are wiped after use instead.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gcrypt.h>

#include "arena.h"
#include "str.h"
#include "token.h"

/* Argon2 appeared in 1.10.0; older libraries lack gcry_kdf_open(). */
#define CRYPTO_MIN_VERSION	"1.10.0"

static const char	 hexdigits[] = "0123456789abcdef";

int
crypto_init(void)
{
	if (gcry_check_version(CRYPTO_MIN_VERSION) == NULL)
		return -1;
	if (gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P))
		return 0;
	if (gcry_control(GCRYCTL_DISABLE_SECMEM, 0) != 0)
		return -1;
	if (gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0) != 0)
		return -1;
	return 0;
}

void
token_random(void *buf, size_t n)
{
	gcry_randomize(buf, n, GCRY_STRONG_RANDOM);
}

char *
token_new(struct arena *a, size_t nbytes)
{
	unsigned char	*raw;

	raw = arena_alloc(a, nbytes);
	token_random(raw, nbytes);
	return token_hex(a, raw, nbytes);
}

void
token_sha256(const void *p, size_t n, unsigned char out[32])
{
	gcry_md_hash_buffer(GCRY_MD_SHA256, out, p, n);
}

char *
token_sha256_hex(struct arena *a, const char *s)
{
	unsigned char	 md[32];

	token_sha256(s, strlen(s), md);
	return token_hex(a, md, sizeof(md));
}

int
token_equal(const void *a, const void *b, size_t n)
{
	/* Volatile reads keep the compiler from stopping at a difference. */
	const volatile unsigned char	*x = a, *y = b;
	unsigned char			 d = 0;
	size_t				 i;

	for (i = 0; i < n; i++)
		d |= x[i] ^ y[i];
	return d == 0;
}

char *
token_hex(struct arena *a, const void *p, size_t n)
{
	const unsigned char	*in = p;
	char			*s;
	size_t			 i;

	if (n > (SIZE_MAX - 1) / 2)
		abort();
	s = arena_alloc(a, 2 * n + 1);
	for (i = 0; i < n; i++) {
		s[2 * i] = hexdigits[in[i] >> 4];
		s[2 * i + 1] = hexdigits[in[i] & 0x0f];
	}
	s[2 * n] = '\0';
	return s;
}

int
token_unhex(const char *hex, void *out, size_t outlen)
{
	unsigned char	*o = out;
	size_t		 i;
	int		 hi, lo;

	if (outlen > (SIZE_MAX - 1) / 2 ||
	    strnlen(hex, 2 * outlen + 1) != 2 * outlen)
		return -1;
	for (i = 0; i < outlen; i++) {
		if ((hi = str_hex_value((unsigned char)hex[2 * i])) == -1 ||
		    (lo = str_hex_value((unsigned char)hex[2 * i + 1])) == -1)
			return -1;
		o[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}
