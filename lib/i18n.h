/*
 * i18n.h - the response language.
 *
 * The catalogues are HDF files in templates/lang (one per language, same
 * keys); templates read them as L.*, C code through ctx_msg().
 */
#ifndef CRM_I18N_H
#define CRM_I18N_H

struct ctx;

/* The signed-in user's language, else the "lang" cookie, else the
 * browser's Accept-Language, else English. */
const char	*i18n_pick(struct ctx *);

#endif
