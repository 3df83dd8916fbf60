/*
 * search.c - tokens for the name index and for queries.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "search.h"
#include "sortkey.h"

#define SUFFIX_MIN	3
#define WORD_MAX	32	/* longer Latin words index their first 32 */

/* Length of the UTF-8 sequence starting at s (input is valid UTF-8). */
static size_t
cp_len(const unsigned char *s)
{
	if (*s < 0x80)
		return 1;
	if (*s < 0xe0)
		return 2;
	if (*s < 0xf0)
		return 3;
	return 4;
}

static unsigned long
cp_decode(const unsigned char *s)
{
	switch (cp_len(s)) {
	case 1:
		return s[0];
	case 2:
		return (s[0] & 0x1fUL) << 6 | (s[1] & 0x3f);
	case 3:
		return (s[0] & 0x0fUL) << 12 | (s[1] & 0x3fUL) << 6 |
		    (s[2] & 0x3f);
	default:
		return (s[0] & 0x07UL) << 18 | (s[1] & 0x3fUL) << 12 |
		    (s[2] & 0x3fUL) << 6 | (s[3] & 0x3f);
	}
}

/*
 * Is the code point at s a CJK-like character? Punctuation of the wide
 * ranges (、。（）《》, full-width brackets, dashes) separates words.
 */
static int
is_wide(const unsigned char *s)
{
	unsigned long	cp = cp_decode(s);

	if (cp < 0x2e80)
		return 0;
	if (cp >= 0x3000 && cp <= 0x303f)
		return 0;
	if (cp >= 0xff00 && cp <= 0xffef)
		return (cp >= 0xff10 && cp <= 0xff19) ||
		    (cp >= 0xff21 && cp <= 0xff3a) ||
		    (cp >= 0xff41 && cp <= 0xff5a);
	return 1;
}

enum tok_mode { TOK_INDEX, TOK_QUERY };

static void
emit(struct buf *b, const char *p, size_t n, const char *prefix,
    const char *suffix)
{
	if (b->len)
		buf_putc(b, ' ');
	buf_puts(b, prefix);
	buf_append(b, p, n);
	buf_puts(b, suffix);
}

/* A Latin word, lowercased in w[0..n): all suffixes, or a prefix query. */
static void
latin_word(struct buf *b, const char *w, size_t n, enum tok_mode mode)
{
	size_t	i;

	if (n > WORD_MAX)
		n = WORD_MAX;
	if (mode == TOK_QUERY) {
		emit(b, w, n, "", "*");
		return;
	}
	emit(b, w, n, "", "");
	for (i = 1; n - i >= SUFFIX_MIN; i++)
		emit(b, w + i, n - i, "", "");
}

/* A run of CJK characters: its bigrams; a lone character stands alone. */
static int
cjk_run(struct buf *b, const unsigned char *s, size_t n, enum tok_mode mode)
{
	size_t	a, l1, l2, count = 0;

	for (a = 0; a < n; a += cp_len(s + a))
		count++;
	if (count == 1) {
		if (mode == TOK_QUERY)
			return -1;	/* no unigram tokens: not indexable */
		emit(b, (const char *)s, n, "", "");
		return 0;
	}
	for (a = 0; a < n; a += l1) {
		l1 = cp_len(s + a);
		if (a + l1 >= n)
			break;
		l2 = cp_len(s + a + l1);
		emit(b, (const char *)s + a, l1 + l2, "", "");
	}
	return 0;
}

static char *
tokenize(struct arena *ar, const char *text, enum tok_mode mode)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct buf		 b, word;
	size_t			 start;

	buf_init(&b, ar);
	buf_init(&word, ar);
	while (*s != '\0') {
		if (isalnum(*s)) {
			buf_truncate(&word, 0);
			while (isalnum(*s))
				buf_putc(&word, tolower(*s++));
			latin_word(&b, word.data, word.len, mode);
		} else if (is_wide(s)) {
			start = 0;
			while (s[start] != '\0' && is_wide(s + start))
				start += cp_len(s + start);
			if (cjk_run(&b, s, start, mode) == -1)
				return NULL;
			s += start;
		} else
			s += cp_len(s);	/* punctuation and spaces separate */
	}
	return b.len ? b.data : NULL;
}

static const char sql_tokens_clear[] =
    "DELETE FROM customer_token WHERE customer_id = ?";
static const char sql_token_insert[] =
    "INSERT INTO customer_token (token, name_sort, customer_id)"
    " VALUES (?, ?, ?)";

size_t
search_token_list(struct arena *a, const char *name, char ***out)
{
	char	*s = search_tokens(a, name), *tok, *save = NULL, **v;
	size_t	 max = 1, n = 0, i;

	for (tok = s; *tok != '\0'; tok++)
		max += *tok == ' ';
	v = arena_calloc(a, max, sizeof(*v));
	/* A name can make a token twice ("有限…有限"); the table holds it once. */
	for (tok = strtok_r(s, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < n && strcmp(v[i], tok) != 0; i++)
			continue;
		if (i == n)
			v[n++] = tok;
	}
	*out = v;
	return n;
}

int
search_index(struct db *db, struct arena *a, long long id, const char *name)
{
	struct dbq	 q;
	char		**tok;
	const char	*key;
	size_t		 klen, n, i;

	if (db_exec(db, a, sql_tokens_clear, "i", id) < 0)
		return -1;
	key = sortkey(a, name, &klen);
	n = search_token_list(a, name, &tok);
	for (i = 0; i < n; i++) {
		if (db_prepare(&q, db, a, sql_token_insert) == -1)
			return -1;
		db_bind_text(&q, 0, tok[i]);
		db_bind_blob(&q, 1, key, klen);
		db_bind_int(&q, 2, id);
		db_step(&q);
		if (db_finish(&q) == DB_ERROR)
			return -1;
	}
	return 0;
}

char *
search_tokens(struct arena *a, const char *name)
{
	char	*t = tokenize(a, name, TOK_INDEX);

	return t ? t : arena_strdup(a, "");
}

size_t
search_query(struct arena *a, const char *term, struct search_token *out)
{
	char	*t = tokenize(a, term, TOK_QUERY), *tok, *save = NULL;
	size_t	 n = 0, len, i;

	if (t == NULL)
		return 0;
	for (tok = strtok_r(t, " ", &save); tok != NULL && n <
	    SEARCH_MAX_TOKENS; tok = strtok_r(NULL, " ", &save)) {
		len = strlen(tok);
		out[n].prefix = tok[len - 1] == '*';
		if (out[n].prefix)
			tok[len - 1] = '\0';
		for (i = 0; i < n; i++)
			if (strcmp(out[i].text, tok) == 0)
				break;
		if (i == n)
			out[n++].text = tok;
	}
	return n;
}

static char *
like_pattern(struct arena *a, const char *term, int leading)
{
	struct buf	b;

	buf_init(&b, a);
	if (leading)
		buf_putc(&b, '%');
	for (; *term != '\0'; term++) {
		if (*term == '%' || *term == '_' || *term == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *term);
	}
	buf_putc(&b, '%');
	return b.data;
}

char *
search_like(struct arena *a, const char *term)
{
	return like_pattern(a, term, 1);
}

char *
search_prefix(struct arena *a, const char *term)
{
	return like_pattern(a, term, 0);
}
