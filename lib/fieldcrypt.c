/*
 * fieldcrypt.c - AES-256-GCM for sensitive fields, and the key file.
 *
 * Owns the process-wide key ring. It is read before fork and replaced
 * whole when the file changes: crmctl key-rotate appends a key while the
 * workers run, and from then on no worker may seal with an older key (the
 * rotation would have to find those values again) nor fail to open a
 * value sealed with the new one. Secure memory is off (token.c), so the
 * keys sit in a static ring that is wiped whenever it is replaced.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gcrypt.h>

#include "arena.h"
#include "fieldcrypt.h"
#include "log.h"
#include "token.h"

#define FC_KEYLEN	32
#define FC_NONCE	12
#define FC_TAGLEN	16
#define FC_HEAD		(1 + 4 + FC_NONCE)
#define FC_MAXKEYS	256
#define FC_FILEMAX	65536	/* far above FC_MAXKEYS lines */
#define FC_LINEMAX	128	/* a key line: "2147483647 " and 64 digits */

struct fc_key {
	int		 version;
	unsigned char	 key[FC_KEYLEN];
};

struct keyring {
	struct fc_key	 keys[FC_MAXKEYS];
	size_t		 n;
	size_t		 current;	/* the highest version */
};

static struct keyring	 ring;
static char		*ring_path;
static struct stat	 ring_st;	/* the file the ring was read from */

/*
 * The bytes of the key file, NUL-terminated in *text (malloc'd: wipe and
 * free it), and its identity. A file other users can read or replace is
 * refused: anyone who can read it can read every sealed field.
 */
static int
keyfile_read(const char *path, char **text, size_t *len, struct stat *st)
{
	char	*buf = NULL;
	size_t	 got = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error(NULL, "key file %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, st) == -1) {
		log_error(NULL, "key file %s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		log_error(NULL, "key file %s: not a regular file", path);
		goto fail;
	}
	if (st->st_mode & 077) {
		log_error(NULL, "key file %s has mode %04o: other users could "
		    "read or replace the keys; it must be 0600", path,
		    (unsigned)(st->st_mode & 07777));
		goto fail;
	}
	if ((buf = malloc(FC_FILEMAX + 1)) == NULL)
		abort();
	while (got <= FC_FILEMAX &&
	    (n = read(fd, buf + got, FC_FILEMAX + 1 - got)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			log_error(NULL, "key file %s: %s", path,
			    strerror(errno));
			goto fail;
		}
		got += (size_t)n;
	}
	if (got > FC_FILEMAX || memchr(buf, '\0', got) != NULL) {
		log_error(NULL, "key file %s: not a key file (too large or "
		    "binary)", path);
		goto fail;
	}
	buf[got] = '\0';
	close(fd);
	*text = buf;
	*len = got;
	return 0;
fail:
	if (buf != NULL) {
		explicit_bzero(buf, got);
		free(buf);
	}
	close(fd);
	return -1;
}

/* Parse one key line (trimmed, not empty) into k; 0, or -1 logged. */
static int
keyline_parse(const char *path, int lineno, char *line, struct fc_key *k)
{
	char	*hex, *end;
	size_t	 n;
	long	 v;

	if ((n = strcspn(line, " \t")) == strlen(line)) {
		/* A key alone: the file as it was before versions. */
		v = 1;
		hex = line;
	} else {
		errno = 0;
		v = strtol(line, &end, 10);
		if (!isdigit((unsigned char)line[0]) || errno != 0 ||
		    end != line + n || v < 1 || v > INT32_MAX) {
			log_error(NULL, "key file %s:%d: expected <version> "
			    "<64 hex digits>, the version a positive number",
			    path, lineno);
			return -1;
		}
		hex = end + strspn(end, " \t");
	}
	if (token_unhex(hex, k->key, FC_KEYLEN) == -1) {
		log_error(NULL, "key file %s:%d: a key is 64 hex digits", path,
		    lineno);
		return -1;
	}
	k->version = (int)v;
	return 0;
}

/* The key file's text as a ring; 0, or -1 with the line at fault logged. */
static int
keyring_parse(const char *path, const char *text, struct keyring *r)
{
	char		 line[FC_LINEMAX];
	const char	*s, *e;
	size_t		 n, i;
	int		 lineno = 0, rc = -1;

	memset(r, 0, sizeof(*r));
	for (s = text; *s != '\0'; s = *e == '\n' ? e + 1 : e) {
		lineno++;
		e = s + strcspn(s, "\n");
		s += strspn(s, " \t\r");
		if (s >= e || *s == '#')
			continue;
		if ((n = (size_t)(e - s)) >= sizeof(line)) {
			log_error(NULL, "key file %s:%d: line too long", path,
			    lineno);
			goto out;
		}
		memcpy(line, s, n);
		while (n > 0 && strchr(" \t\r", line[n - 1]) != NULL)
			n--;
		line[n] = '\0';
		if (r->n == FC_MAXKEYS) {
			log_error(NULL, "key file %s: more than %d keys; "
			    "remove those no value uses any more", path,
			    FC_MAXKEYS);
			goto out;
		}
		if (keyline_parse(path, lineno, line, &r->keys[r->n]) == -1)
			goto out;
		for (i = 0; i < r->n; i++)
			if (r->keys[i].version == r->keys[r->n].version) {
				log_error(NULL, "key file %s:%d: version %d "
				    "appears twice", path, lineno,
				    r->keys[i].version);
				goto out;
			}
		if (r->keys[r->n].version > r->keys[r->current].version)
			r->current = r->n;
		r->n++;
	}
	if (r->n == 0) {
		log_error(NULL, "key file %s: no key", path);
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(line, sizeof(line));
	return rc;
}

int
fieldcrypt_load(const char *path)
{
	struct keyring	 r;
	struct stat	 st;
	char		*text, *copy;
	size_t		 len;
	int		 rc;

	if (keyfile_read(path, &text, &len, &st) == -1)
		return -1;
	rc = keyring_parse(path, text, &r);
	explicit_bzero(text, len);
	free(text);
	if (rc == 0) {
		if (ring_path == NULL || strcmp(ring_path, path) != 0) {
			if ((copy = strdup(path)) == NULL)
				abort();
			free(ring_path);
			ring_path = copy;
		}
		explicit_bzero(&ring, sizeof(ring));
		ring = r;
		ring_st = st;
	}
	explicit_bzero(&r, sizeof(r));
	return rc;
}

/* Reload the ring if the key file is no longer the one it was read from. */
static int
keyring_fresh(void)
{
	struct stat	 st;

	if (ring_path == NULL) {
		log_error(NULL, "no field-encryption key loaded");
		return -1;
	}
	if (stat(ring_path, &st) == -1) {
		log_error(NULL, "key file %s: %s", ring_path, strerror(errno));
		return -1;
	}
	if (st.st_dev == ring_st.st_dev && st.st_ino == ring_st.st_ino &&
	    st.st_size == ring_st.st_size &&
	    st.st_mtim.tv_sec == ring_st.st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == ring_st.st_mtim.tv_nsec)
		return 0;
	return fieldcrypt_load(ring_path);
}

static const struct fc_key *
keyring_find(int version)
{
	size_t	 i;

	for (i = 0; i < ring.n; i++)
		if (ring.keys[i].version == version)
			return &ring.keys[i];
	return NULL;
}

int
fieldcrypt_current_version(void)
{
	return ring.n > 0 ? ring.keys[ring.current].version : 0;
}

char *
fieldcrypt_current_prefix(struct arena *a)
{
	return arena_printf(a, "%02X%08X", (unsigned)FIELDCRYPT_FORMAT,
	    (unsigned)fieldcrypt_current_version());
}

int
fieldcrypt_version(const unsigned char *s, size_t len)
{
	uint32_t	 v;

	if (len < FC_HEAD + FC_TAGLEN || s[0] != FIELDCRYPT_FORMAT)
		return -1;
	v = (uint32_t)s[1] << 24 | (uint32_t)s[2] << 16 |
	    (uint32_t)s[3] << 8 | s[4];
	return v >= 1 && v <= INT32_MAX ? (int)v : -1;
}

/* "table\0column\0id": names hold no NUL, so no two places encode alike. */
static char *
aad_make(struct arena *a, const char *table, const char *column,
    long long row_id, size_t *len)
{
	size_t	 tl = strlen(table), cl = strlen(column);
	char	*s;

	s = arena_printf(a, "%s %s %lld", table, column, row_id);
	*len = strlen(s);
	s[tl] = s[tl + 1 + cl] = '\0';
	return s;
}

/* A GCM handle keyed, with its nonce and associated data; NULL on error. */
static gcry_cipher_hd_t
gcm_start(struct arena *a, const struct fc_key *k, const unsigned char *nonce,
    const char *table, const char *column, long long row_id)
{
	gcry_cipher_hd_t	 h;
	const char		*aad;
	size_t			 aadlen;

	aad = aad_make(a, table, column, row_id, &aadlen);
	if (gcry_cipher_open(&h, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM,
	    GCRY_CIPHER_SECURE) != 0)
		return NULL;
	if (gcry_cipher_setkey(h, k->key, FC_KEYLEN) != 0 ||
	    gcry_cipher_setiv(h, nonce, FC_NONCE) != 0 ||
	    gcry_cipher_authenticate(h, aad, aadlen) != 0) {
		gcry_cipher_close(h);
		return NULL;
	}
	return h;
}

int
fieldcrypt_seal(struct arena *a, const char *table, const char *column,
    long long row_id, const char *plain, size_t len, unsigned char **out,
    size_t *outlen)
{
	const struct fc_key	*k;
	gcry_cipher_hd_t	 h;
	unsigned char		*s;
	gcry_error_t		 e;

	if (keyring_fresh() == -1)
		return -1;
	if (len > SIZE_MAX - FC_HEAD - FC_TAGLEN)
		return -1;
	k = &ring.keys[ring.current];
	s = arena_alloc(a, FC_HEAD + len + FC_TAGLEN);
	s[0] = FIELDCRYPT_FORMAT;
	s[1] = (unsigned char)(k->version >> 24);
	s[2] = (unsigned char)(k->version >> 16);
	s[3] = (unsigned char)(k->version >> 8);
	s[4] = (unsigned char)k->version;
	token_random(s + 5, FC_NONCE);
	if ((h = gcm_start(a, k, s + 5, table, column, row_id)) == NULL)
		return -1;
	e = gcry_cipher_encrypt(h, s + FC_HEAD, len, plain, len);
	if (e == 0)
		e = gcry_cipher_gettag(h, s + FC_HEAD + len, FC_TAGLEN);
	gcry_cipher_close(h);
	if (e != 0)
		return -1;
	*out = s;
	*outlen = FC_HEAD + len + FC_TAGLEN;
	return 0;
}

int
fieldcrypt_open(struct arena *a, const char *table, const char *column,
    long long row_id, const unsigned char *s, size_t len, char **plain,
    size_t *plainlen)
{
	const struct fc_key	*k;
	gcry_cipher_hd_t	 h;
	gcry_error_t		 e;
	size_t			 n;
	char			*p;
	int			 v;

	if ((v = fieldcrypt_version(s, len)) == -1)
		return -1;
	/* Sealed by a worker that has seen a key added since we read ours. */
	if ((k = keyring_find(v)) == NULL && ring_path != NULL &&
	    fieldcrypt_load(ring_path) == 0)
		k = keyring_find(v);
	if (k == NULL) {
		log_error(NULL, "%s.%s of %lld: sealed with key version %d, "
		    "which the key file lacks", table, column, row_id, v);
		return -1;
	}
	n = len - FC_HEAD - FC_TAGLEN;
	p = arena_alloc(a, n + 1);
	if ((h = gcm_start(a, k, s + 5, table, column, row_id)) == NULL)
		return -1;
	e = gcry_cipher_decrypt(h, p, n, s + FC_HEAD, n);
	if (e == 0)
		e = gcry_cipher_checktag(h, s + FC_HEAD + n, FC_TAGLEN);
	gcry_cipher_close(h);
	if (e != 0) {
		explicit_bzero(p, n);
		return -1;
	}
	*plain = p;
	*plainlen = n;
	return 0;
}

int
fieldcrypt_reseal(struct arena *a, const char *table, const char *column,
    long long row_id, const unsigned char *sealed, size_t len,
    unsigned char **out, size_t *outlen)
{
	char	*p;
	size_t	 n;
	int	 rc;

	if (fieldcrypt_open(a, table, column, row_id, sealed, len, &p,
	    &n) == -1)
		return -1;
	rc = fieldcrypt_seal(a, table, column, row_id, p, n, out, outlen);
	explicit_bzero(p, n);
	return rc;
}

/* All of p[0..n) to fd; 0 or -1. */
static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Write text and then a line for key under version into a new file beside
 * real, with the old file's owner (the programs may run as another user
 * than the operator), and rename it over real. Without stdio, so that no
 * buffer we cannot wipe holds a key. 0, or -1 logged.
 */
static int
keyfile_replace(struct arena *a, const char *real, int dirfd,
    const struct stat *st, const char *text, size_t len, int version,
    const unsigned char *key)
{
	char	 line[FC_LINEMAX], *tmp, *hex;
	int	 fd, n, bad;

	tmp = arena_printf(a, "%s.XXXXXX", real);
	if ((fd = mkstemp(tmp)) == -1) {
		log_error(NULL, "key file %s: %s", tmp, strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) == -1 ||
	    fchown(fd, st->st_uid, st->st_gid) == -1) {
		log_error(NULL, "key file %s: cannot give the new file the "
		    "owner and mode of the old one: %s", real, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	hex = token_hex(a, key, FC_KEYLEN);
	n = snprintf(line, sizeof(line), "%s%d %s\n",
	    len > 0 && text[len - 1] != '\n' ? "\n" : "", version, hex);
	bad = write_all(fd, text, len) == -1 ||
	    write_all(fd, line, (size_t)n) == -1 || fsync(fd) == -1;
	explicit_bzero(hex, strlen(hex));
	explicit_bzero(line, sizeof(line));
	if (close(fd) == -1 || bad) {
		log_error(NULL, "key file %s: write failed", tmp);
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, real) == -1) {
		log_error(NULL, "key file %s: %s", real, strerror(errno));
		unlink(tmp);
		return -1;
	}
	/* The rename itself must survive a crash, or the new key is lost. */
	fsync(dirfd);
	return 0;
}

int
fieldcrypt_add_key(const char *path)
{
	struct keyring	 r;
	struct stat	 st;
	struct arena	*a;
	unsigned char	 key[FC_KEYLEN];
	char		*real, *slash, *text = NULL;
	size_t		 len = 0;
	int		 dirfd = -1, version, rc = -1;

	/* Replace the file a symbolic link names, not the link. */
	if ((real = realpath(path, NULL)) == NULL) {
		log_error(NULL, "key file %s: %s", path, strerror(errno));
		return -1;
	}
	a = arena_new();
	slash = strrchr(real, '/');
	/* One addition at a time: two would both write the same version. */
	if ((dirfd = open(slash == real ? "/" :
	    arena_strndup(a, real, (size_t)(slash - real)),
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    flock(dirfd, LOCK_EX) == -1) {
		log_error(NULL, "key file %s: cannot lock its directory: %s",
		    real, strerror(errno));
		goto out;
	}
	if (keyfile_read(real, &text, &len, &st) == -1 ||
	    keyring_parse(real, text, &r) == -1)
		goto out;
	if ((version = r.keys[r.current].version) == INT32_MAX) {
		log_error(NULL, "key file %s: no version left", real);
		goto out;
	}
	gcry_randomize(key, sizeof(key), GCRY_VERY_STRONG_RANDOM);
	rc = keyfile_replace(a, real, dirfd, &st, text, len, version + 1, key);
out:
	explicit_bzero(key, sizeof(key));
	explicit_bzero(&r, sizeof(r));
	if (text != NULL) {
		explicit_bzero(text, len);
		free(text);
	}
	if (dirfd != -1)
		close(dirfd);
	arena_free(a);
	free(real);
	return rc == 0 ? fieldcrypt_load(path) : -1;
}
