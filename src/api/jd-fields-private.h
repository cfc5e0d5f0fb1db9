/* jd-fields-private.h: how the API's models replace a field and say so.
 *
 * Every model notifies only when a value really changes (bindings in the
 * UI would otherwise redraw on every poll); one helper keeps that rule in
 * one place instead of a copy per type.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value and notifies pspec on object, if the
 * value really changes. Returns whether it did. */
static inline gboolean
jd_set_string_field (gpointer     object,
                     char       **field,
                     const char  *value,
                     GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (object), pspec);

  return TRUE;
}

/* The same for a date: equal instants are no change. */
static inline gboolean
jd_set_date_field (gpointer     object,
                   GDateTime  **field,
                   GDateTime   *value,
                   GParamSpec  *pspec)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);

  g_object_notify_by_pspec (G_OBJECT (object), pspec);

  return TRUE;
}

G_END_DECLS
