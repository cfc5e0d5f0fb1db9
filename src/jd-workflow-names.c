/* jd-workflow-names.c: the names of workflows, by Server and ID.
 *
 * Used from the main thread only. The key joins the Server's base URL and
 * the ID with a character neither can hold, so two Servers never share a
 * name. The queue keeps insertion order: when the cache is full the
 * oldest answer goes, so it stays small however many workflows pass.
 */
#define G_LOG_DOMAIN "jd-workflow-names"

#include "config.h"

#include "jd-workflow-names.h"

/* What a refusal is stored as; never a real name (names have no NUL). */
static const char refused[] = "";

static GHashTable *names;   /* key -> name, or refused */
static GQueue order = G_QUEUE_INIT;

static char *
make_key (const char *base_url,
          const char *workflow_id)
{
  return g_strconcat (base_url, "\n", workflow_id, NULL);
}

static void
free_value (gpointer value)
{
  if (value != refused)
    g_free (value);
}

gboolean
jd_workflow_names_lookup (const char  *base_url,
                          const char  *workflow_id,
                          const char **name)
{
  g_autofree char *key = NULL;
  const char *value;

  g_return_val_if_fail (base_url != NULL, FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (name != NULL)
    *name = NULL;
  if (names == NULL)
    return FALSE;

  key = make_key (base_url, workflow_id);
  value = g_hash_table_lookup (names, key);
  if (value == NULL)
    return FALSE;

  if (name != NULL)
    *name = value == refused ? NULL : value;
  return TRUE;
}

void
jd_workflow_names_store (const char *base_url,
                         const char *workflow_id,
                         const char *name)
{
  char *key;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (workflow_id != NULL);

  if (names == NULL)
    names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);

  key = make_key (base_url, workflow_id);
  if (!g_hash_table_contains (names, key))
    {
      while (g_queue_get_length (&order) >= JD_WORKFLOW_NAMES_MAX)
        {
          char *oldest = g_queue_pop_head (&order);

          /* The table owns the key: removing it frees it. */
          g_hash_table_remove (names, oldest);
        }
      g_queue_push_tail (&order, key);
    }
  else
    {
      char *old_key = NULL;
      gpointer old_value = NULL;

      /* The queue holds the table's key: keep that one. */
      g_hash_table_lookup_extended (names, key, (gpointer *) &old_key, &old_value);
      g_free (key);
      key = old_key;
      g_hash_table_steal (names, key);
      free_value (old_value);
    }

  g_hash_table_insert (names, key, name != NULL ? g_strdup (name) : (gpointer) refused);
}

guint
jd_workflow_names_get_size (void)
{
  return names != NULL ? g_hash_table_size (names) : 0;
}

void
jd_workflow_names_clear (void)
{
  g_queue_clear (&order);
  g_clear_pointer (&names, g_hash_table_unref);
}
