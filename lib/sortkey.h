/*
 * sortkey.h - the byte string that orders names the way people expect.
 *
 * Names are sorted by their GB18030 encoding after folding ASCII case: Latin
 * names come first, alphabetically; common Chinese characters (GB2312 level
 * 1) follow in pinyin order. The key is computed here, not by a generated
 * column, because MariaDB in strict mode refuses characters GBK lacks.
 */
#ifndef CRM_SORTKEY_H
#define CRM_SORTKEY_H

#include <stddef.h>

struct arena;

/* Sort key of a valid UTF-8 string; binary, length in *len. */
char	*sortkey(struct arena *, const char *utf8, size_t *len);

#endif
