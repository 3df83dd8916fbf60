/*
 * choice.h - admin-editable option lists (industries, grades, ...).
 *
 * choice_load() puts every list into the page data once per request:
 * Choices.<list>.<code> = label (for showing any stored value, active or
 * not) and ChoiceList.<list>.N.{code,label} (active options, in order, for
 * select boxes). Labels are in the response language. Options are never
 * deleted, only deactivated: an inactive code keeps its label for the
 * records and the history that hold it, but forms and filters neither
 * offer nor accept it.
 */
#ifndef CRM_CHOICE_H
#define CRM_CHOICE_H

#include <stddef.h>

struct ctx;

/* The lists an administrator edits (choice_lists.c), in their order. */
struct choice_list {
	const char	*name;
	int		 required;	/* a form needs an option */
};
extern const struct choice_list	choice_lists[];
extern const size_t		choice_nlists;

/* 1 if code may name an option: [a-z0-9_]{1,32}. */
int		 choice_code_ok(const char *code);

int		 choice_load(struct ctx *);
/* 1 if code is an active code of list (after choice_load). */
int		 choice_valid(struct ctx *, const char *list, const char *code);
/* The label of code in list, active or not, or the code itself. */
const char	*choice_label(struct ctx *, const char *list, const char *code);
/*
 * Offer the nth option (from 0) of a list that is not stored as choices
 * (teams, roles): select boxes show it and FT_CHOICE/FT_MULTI fields of
 * that list accept it, as for any choice list. Call after choice_load(),
 * which does nothing once the page data holds choices.
 */
void		 choice_option(struct ctx *, const char *list, int n,
		    const char *code, const char *label);
/*
 * A record keeps an option deactivated after it was chosen: for this
 * request, offer code (last) and accept it again, so that editing the
 * record neither fails on it nor drops it. Call after choice_load().
 */
void		 choice_keep(struct ctx *, const char *list, const char *code);

#endif
