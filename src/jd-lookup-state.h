/* jd-lookup-state.h: what a lookup page shows, as an enum. Each value's
 * nick is the name of the page's stack child that shows it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  JD_LOOKUP_STATE_EMPTY,        /* "empty": nothing looked up yet */
  JD_LOOKUP_STATE_LOADING,      /* "loading" */
  JD_LOOKUP_STATE_ERROR,        /* "error": why it failed */
  JD_LOOKUP_STATE_SIGNED_OUT,   /* "signed-out": sign in to look it up */
  JD_LOOKUP_STATE_JOB,          /* "job": the job itself */
} JdLookupState;

#define JD_TYPE_LOOKUP_STATE (jd_lookup_state_get_type ())
GType       jd_lookup_state_get_type      (void) G_GNUC_CONST;
/* The stack child's name: the value's nick. */
const char *jd_lookup_state_to_child_name (JdLookupState state);

G_END_DECLS
