/* jd-lookup-state.c: the lookup page's states, registered by hand.
 *
 * The nicks are the stack child names of jd-lookup-page.ui, so the enum
 * and the template cannot drift apart unnoticed: the page shows a state
 * by its nick, and GtkStack warns of a child it does not have.
 */
#include "config.h"

#include "jd-lookup-state.h"

static const GEnumValue values[] = {
  { JD_LOOKUP_STATE_EMPTY, "JD_LOOKUP_STATE_EMPTY", "empty" },
  { JD_LOOKUP_STATE_LOADING, "JD_LOOKUP_STATE_LOADING", "loading" },
  { JD_LOOKUP_STATE_ERROR, "JD_LOOKUP_STATE_ERROR", "error" },
  { JD_LOOKUP_STATE_SIGNED_OUT, "JD_LOOKUP_STATE_SIGNED_OUT", "signed-out" },
  { JD_LOOKUP_STATE_JOB, "JD_LOOKUP_STATE_JOB", "job" },
  { 0, NULL, NULL }
};

GType
jd_lookup_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("JdLookupState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const char *
jd_lookup_state_to_child_name (JdLookupState state)
{
  g_return_val_if_fail (state <= JD_LOOKUP_STATE_JOB, "empty");
  return values[state].value_nick;
}
