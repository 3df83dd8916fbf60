/*
 * i18n.c - choosing the language of a response.
 */
#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "i18n.h"
#include "tmpl.h"

/* Does Accept-Language prefer Chinese over English? Only its order counts. */
static int
prefers_chinese(const char *al)
{
	const char	*zh, *en;

	if (al == NULL || (zh = strcasestr(al, "zh")) == NULL)
		return 0;
	en = strcasestr(al, "en");
	return en == NULL || zh < en;
}

const char *
i18n_pick(struct ctx *c)
{
	const char	*cookie;

	if (c->user != NULL && tmpl_lang_known(c->user->lang))
		return c->user->lang;
	cookie = req_cookie(&c->req, "lang");
	if (tmpl_lang_known(cookie))
		return cookie;
	return prefers_chinese(c->req.accept_language) ? "zh-CN" : "en";
}
