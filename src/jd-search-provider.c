/* jd-search-provider.c: Job Desk in GNOME Shell's search.
 *
 * The Shell asks every provider as the user types and shows what comes
 * back within its own time limit, so nothing here may block: result sets
 * come from the text and the history alone, and the metas (status and
 * disposition) from the server are answered asynchronously, after at
 * most a couple of seconds, with what the history knows for any job the
 * server has not answered for yet. A lookup still running then goes on
 * and updates the history, so the next keystroke finds the newer status.
 */
#define G_LOG_DOMAIN "jd-search-provider"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-object-id.h"
#include "jd-search-provider.h"

#define INTERFACE_NAME "org.gnome.Shell.SearchProvider2"

struct _JdSearchProvider
{
  GObject                     parent_instance;

  JdHistory                  *history;
  JdSearchProviderClientFunc  get_client;
  gpointer                    user_data;
  GDBusConnection            *connection;
  guint                       registration_id;
  GCancellable               *cancellable;
  GHashTable                 *workflow_names;   /* workflow ID → name */
  GPtrArray                  *waiting;          /* MetasRequest waiting for a sign-in */
  guint                       metas_timeout_ms;
};

enum {
  ACTIVATE_JOB,
  LAUNCH_SEARCH,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdSearchProvider, jd_search_provider, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Finding results                                                     */

static gboolean
is_hex_prefix (const char *term)
{
  gsize length = strlen (term);

  if (length < JD_SEARCH_PROVIDER_MIN_PREFIX || length > JD_OBJECT_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (term[i]))
      return FALSE;

  return TRUE;
}

static void
add_result (GPtrArray  *results,
            const char *id)
{
  if (results->len >= JD_SEARCH_PROVIDER_MAX_RESULTS)
    return;

  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (results->pdata[i], id))
      return;

  g_ptr_array_add (results, g_strdup (id));
}

char **
jd_search_provider_find (JdSearchProvider   *self,
                         const char * const *terms)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  guint n_items;

  g_return_val_if_fail (JD_IS_SEARCH_PROVIDER (self), NULL);

  if (terms == NULL || terms[0] == NULL)
    return g_new0 (char *, 1);

  /* The Shell splits what was typed at spaces; an ID inside a pasted
   * sentence is found in the whole of it. */
  text = g_strjoinv (" ", (char **) terms);
  id = jd_object_id_extract (text, JD_OBJECT_ID_JOB, NULL);
  if (id != NULL)
    add_result (results, id);

  for (guint i = 0; terms[i] != NULL; i++)
    if (is_hex_prefix (terms[i]))
      g_ptr_array_add (prefixes, g_ascii_strdown (terms[i], -1));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  for (guint i = 0; i < n_items && prefixes->len > 0; i++)
    {
      g_autoptr(JdHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->history), i);
      const char *job_id = jd_history_item_get_job_id (item);

      for (guint j = 0; j < prefixes->len; j++)
        if (g_str_has_prefix (job_id, prefixes->pdata[j]))
          {
            add_result (results, job_id);
            break;
          }
    }

  g_ptr_array_add (results, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&results), FALSE);
}

static JdHistoryItem *
find_in_history (JdSearchProvider *self,
                 const char       *job_id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JdHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->history), i);

      if (g_strcmp0 (jd_history_item_get_job_id (item), job_id) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Metas: looked up on the server, answered in time                    */

typedef struct
{
  char   *id;
  JdJob  *job;          /* the server's answer, or NULL */
  char   *error;        /* why there is none, when the server said */
  char   *workflow_id;
} Result;

typedef struct
{
  gatomicrefcount        ref_count;
  JdSearchProvider      *self;
  GDBusMethodInvocation *invocation;   /* NULL once answered */
  GArray                *results;      /* Result */
  guint                  pending;
  guint                  timeout_id;
  gboolean               signed_in;
} MetasRequest;

typedef struct
{
  MetasRequest *request;
  guint         index;
} Lookup;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->id, g_free);
  g_clear_object (&result->job);
  g_clear_pointer (&result->error, g_free);
  g_clear_pointer (&result->workflow_id, g_free);
}

static MetasRequest *
metas_request_ref (MetasRequest *request)
{
  g_atomic_ref_count_inc (&request->ref_count);
  return request;
}

static void
metas_request_unref (MetasRequest *request)
{
  if (!g_atomic_ref_count_dec (&request->ref_count))
    return;

  g_assert (request->invocation == NULL);
  g_clear_handle_id (&request->timeout_id, g_source_remove);
  g_array_unref (request->results);
  g_object_unref (request->self);
  g_free (request);

  /* Held while the request was open, so a service-mode app does not quit
   * under it. */
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
}

static const char *
icon_name_for (JdJob *job)
{
  if (job == NULL)
    return "system-search-symbolic";

  if (!jd_job_summary_is_finished (JD_JOB_SUMMARY (job)))
    return jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_RUNNING ? "media-playback-start-symbolic" : "content-loading-symbolic";

  switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)))
    {
    case JD_DISPOSITION_SUCCESS:
      return "emblem-ok-symbolic";
    case JD_DISPOSITION_WARNING:
      return "dialog-warning-symbolic";
    case JD_DISPOSITION_ERROR:
      return "dialog-error-symbolic";
    case JD_DISPOSITION_CANCELLED:
      return "process-stop-symbolic";
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_UNKNOWN:
    default:
      return jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_ERROR ? "dialog-error-symbolic" : "emblem-ok-symbolic";
    }
}

/* The status the server gave, else what the history last saw, else why
 * neither is known. */
static char *
describe (MetasRequest *request,
          Result       *result)
{
  g_autoptr(JdHistoryItem) item = NULL;
  const char *known;

  if (result->job != NULL)
    {
      g_autofree char *status = jd_history_describe_job (result->job);

      if (*status != '\0')
        return g_steal_pointer (&status);
    }

  item = find_in_history (request->self, result->id);
  known = item != NULL ? jd_history_item_get_status (item) : NULL;
  if (known != NULL && *known != '\0')
    return g_strdup (known);

  if (result->error != NULL)
    return g_strdup (result->error);
  if (!request->signed_in)
    return g_strdup (_("Sign in to Job Desk to see its status."));

  return g_strdup (_("Status not known yet: open the job to look it up."));
}

static GVariant *
build_meta (JdSearchProvider *self,
            MetasRequest     *request,
            Result           *result)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autofree char *status = describe (request, result);
  g_autoptr(GIcon) icon = g_themed_icon_new (icon_name_for (result->job));
  g_autofree char *icon_text = g_icon_to_string (icon);
  const char *workflow_name = NULL;

  if (result->workflow_id != NULL)
    workflow_name = g_hash_table_lookup (self->workflow_names, result->workflow_id);

  g_variant_dict_insert (&dict, "id", "s", result->id);
  if (workflow_name != NULL && *workflow_name != '\0')
    {
      /* "Completed · Success — job 66ebd18d…": the ID still tells jobs
       * of one workflow apart. */
      g_autofree char *description = g_strdup_printf (_("%s — job %s"), status, result->id);

      g_variant_dict_insert (&dict, "name", "s", workflow_name);
      g_variant_dict_insert (&dict, "description", "s", description);
    }
  else
    {
      g_variant_dict_insert (&dict, "name", "s", result->id);
      g_variant_dict_insert (&dict, "description", "s", status);
    }
  g_variant_dict_insert (&dict, "gicon", "s", icon_text);

  return g_variant_dict_end (&dict);
}

static void
metas_request_answer (MetasRequest *request)
{
  GVariantBuilder builder;

  if (request->invocation == NULL)
    return;

  g_clear_handle_id (&request->timeout_id, g_source_remove);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < request->results->len; i++)
    g_variant_builder_add_value (&builder, build_meta (request->self, request,
                                                       &g_array_index (request->results, Result, i)));

  g_dbus_method_invocation_return_value (g_steal_pointer (&request->invocation),
                                         g_variant_new ("(aa{sv})", &builder));
}

static gboolean
on_metas_timeout_cb (gpointer user_data)
{
  MetasRequest *request = user_data;

  request->timeout_id = 0;
  g_debug ("The server did not answer in time: metas from the history");
  metas_request_answer (request);
  return G_SOURCE_REMOVE;
}

static void
lookup_done (Lookup *lookup)
{
  MetasRequest *request = lookup->request;

  if (--request->pending == 0)
    metas_request_answer (request);

  metas_request_unref (request);
  g_free (lookup);
}

static void
on_workflow_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Lookup *lookup = user_data;
  JdSearchProvider *self = lookup->request->self;
  Result *item = &g_array_index (lookup->request->results, Result, lookup->index);
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  workflow = jd_client_get_workflow_finish (JD_CLIENT (source), result, &error);
  if (workflow != NULL)
    g_hash_table_replace (self->workflow_names, g_strdup (item->workflow_id),
                          g_strdup (jd_workflow_get_name (workflow) != NULL ? jd_workflow_get_name (workflow) : ""));
  else if (!jd_client_error_is_cancelled (error))
    {
      /* Not allowed to see it, or gone: the job ID names the result. */
      g_debug ("No name for workflow %s: %s", item->workflow_id, error->message);
      g_hash_table_replace (self->workflow_names, g_strdup (item->workflow_id), g_strdup (""));
    }

  lookup_done (lookup);
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  MetasRequest *request = lookup->request;
  JdSearchProvider *self = request->self;
  Result *item = &g_array_index (request->results, Result, lookup->index);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  const char *workflow_id;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);
  if (job == NULL)
    {
      if (!jd_client_error_is_cancelled (error))
        item->error = g_strdup (error->message);
      lookup_done (lookup);
      return;
    }

  item->job = g_object_ref (job);
  jd_history_update_job (self->history, job);

  /* The workflow's name is the friendlier title, if there is time. */
  workflow_id = jd_job_get_app_id (job);
  if (workflow_id != NULL && jd_object_id_is_valid (workflow_id) && request->invocation != NULL)
    {
      item->workflow_id = g_ascii_strdown (workflow_id, -1);
      if (!g_hash_table_contains (self->workflow_names, item->workflow_id))
        {
          jd_client_get_workflow_async (JD_CLIENT (source), item->workflow_id, self->cancellable,
                                        on_workflow_cb, lookup);
          return;
        }
    }

  lookup_done (lookup);
}

static void
start_lookups (MetasRequest *request,
               JdClient     *client)
{
  JdSearchProvider *self = request->self;

  request->signed_in = TRUE;

  /* One more than the lookups, so that none of them answers before all
   * have started. */
  request->pending++;
  for (guint i = 0; i < request->results->len; i++)
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      lookup->request = metas_request_ref (request);
      lookup->index = i;
      request->pending++;
      jd_client_get_job_async (client, g_array_index (request->results, Result, i).id, FALSE,
                               self->cancellable, on_job_cb, lookup);
    }

  if (--request->pending == 0)
    metas_request_answer (request);
}

static void
get_result_metas (JdSearchProvider      *self,
                  const char * const    *ids,
                  GDBusMethodInvocation *invocation)
{
  gboolean pending = FALSE;
  JdClient *client = self->get_client != NULL ? self->get_client (self->user_data, &pending) : NULL;
  MetasRequest *request;

  request = g_new0 (MetasRequest, 1);
  g_atomic_ref_count_init (&request->ref_count);
  request->self = g_object_ref (self);
  request->invocation = invocation;
  request->results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_array_set_clear_func (request->results, (GDestroyNotify) result_clear);
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Result result = { 0 };

      /* Only what we handed out is ours to describe. */
      if (!jd_object_id_is_valid (ids[i]))
        continue;

      result.id = g_ascii_strdown (ids[i], -1);
      g_array_append_val (request->results, result);
    }

  if (request->results->len == 0)
    metas_request_answer (request);
  else if (client != NULL)
    start_lookups (request, client);
  else if (pending)
    {
      /* Started by the Shell just now: the saved sign-in is on its way
       * from the keyring. */
      g_ptr_array_add (self->waiting, metas_request_ref (request));
    }
  else
    metas_request_answer (request);

  if (request->invocation == NULL)
    {
      metas_request_unref (request);
      return;
    }

  /* The timeout needs the request alive until it answers. */
  request->timeout_id = g_timeout_add (self->metas_timeout_ms, on_metas_timeout_cb, request);
  g_object_set_data_full (G_OBJECT (invocation), "jd-metas-request", request,
                          (GDestroyNotify) metas_request_unref);
}

void
jd_search_provider_client_changed (JdSearchProvider *self)
{
  g_autoptr(GPtrArray) waiting = NULL;
  gboolean pending = FALSE;
  JdClient *client;

  g_return_if_fail (JD_IS_SEARCH_PROVIDER (self));

  if (self->waiting->len == 0)
    return;

  client = self->get_client != NULL ? self->get_client (self->user_data, &pending) : NULL;
  if (client == NULL && pending)
    return;

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) metas_request_unref);

  for (guint i = 0; i < waiting->len; i++)
    {
      MetasRequest *request = waiting->pdata[i];

      /* Answered from the history meanwhile: nothing left to wait for. */
      if (request->invocation == NULL)
        continue;

      if (client != NULL)
        start_lookups (request, client);
      else
        metas_request_answer (request);
    }
}

/* ------------------------------------------------------------------ */
/* D-Bus                                                               */

static char *
join_terms (GVariant *terms)
{
  g_autofree const char **strv = g_variant_get_strv (terms, NULL);

  return g_strjoinv (" ", (char **) strv);
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  JdSearchProvider *self = user_data;
  GApplication *application = g_application_get_default ();

  g_debug ("%s from %s", method_name, sender);

  /* Started by the Shell just to search, the app lives on its inactivity
   * timeout: each call starts that anew. */
  if (application != NULL)
    {
      g_application_hold (application);
      g_application_release (application);
    }

  if (g_str_equal (method_name, "GetInitialResultSet") ||
      g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* A subsearch could narrow the previous results, but the history
       * may have changed since: finding again is as cheap. */
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, g_str_equal (method_name, "GetInitialResultSet") ? 0 : 1);
      g_autofree const char **strv = g_variant_get_strv (terms, NULL);
      g_auto(GStrv) results = jd_search_provider_find (self, strv);

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", results));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      get_result_metas (self, ids, invocation);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      if (!jd_object_id_is_valid (id))
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                                 "Not a job ID: %s", id);
          return;
        }
      g_signal_emit (self, signals[ACTIVATE_JOB], 0, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      g_autofree char *text = join_terms (terms);
      guint32 timestamp;

      g_variant_get_child (parameters, 1, "u", &timestamp);
      g_signal_emit (self, signals[LAUNCH_SEARCH], 0, text, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

gboolean
jd_search_provider_register (JdSearchProvider  *self,
                             GDBusConnection   *connection,
                             const char        *object_path,
                             GError           **error)
{
  static GDBusNodeInfo *info;

  g_return_val_if_fail (JD_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (g_variant_is_object_path (object_path), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (info == NULL)
    {
      g_autoptr(GBytes) xml = g_resources_lookup_data ("/io/github/jobdesk/JobDesk/org.gnome.Shell.SearchProvider2.xml",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert (xml != NULL);
      info = g_dbus_node_info_new_for_xml (g_bytes_get_data (xml, NULL), NULL);
      g_assert (info != NULL);
    }

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             g_dbus_node_info_lookup_interface (info, INTERFACE_NAME),
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  g_set_object (&self->connection, connection);
  return TRUE;
}

void
jd_search_provider_unregister (JdSearchProvider *self)
{
  g_return_if_fail (JD_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
  g_cancellable_cancel (self->cancellable);
  /* A new one for the next registration (g_set_object would keep a
   * second reference to it). */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < self->waiting->len; i++)
    metas_request_answer (self->waiting->pdata[i]);
  g_ptr_array_set_size (self->waiting, 0);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_search_provider_dispose (GObject *object)
{
  JdSearchProvider *self = JD_SEARCH_PROVIDER (object);

  jd_search_provider_unregister (self);

  G_OBJECT_CLASS (jd_search_provider_parent_class)->dispose (object);
}

static void
jd_search_provider_finalize (GObject *object)
{
  JdSearchProvider *self = JD_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->workflow_names, g_hash_table_unref);

  G_OBJECT_CLASS (jd_search_provider_parent_class)->finalize (object);
}

static void
jd_search_provider_class_init (JdSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_search_provider_dispose;
  object_class->finalize = jd_search_provider_finalize;

  /* The Shell's ActivateResult: open this job (ID in lower case). */
  signals[ACTIVATE_JOB] =
    g_signal_new ("activate-job",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  /* The Shell's LaunchSearch: show the app with this text to look up. */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
jd_search_provider_init (JdSearchProvider *self)
{
  self->cancellable = g_cancellable_new ();
  self->workflow_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) metas_request_unref);
  self->metas_timeout_ms = JD_SEARCH_PROVIDER_METAS_TIMEOUT_MS;
}

JdSearchProvider *
jd_search_provider_new (JdHistory                  *history,
                        JdSearchProviderClientFunc  get_client,
                        gpointer                    user_data)
{
  JdSearchProvider *self;

  g_return_val_if_fail (JD_IS_HISTORY (history), NULL);

  self = g_object_new (JD_TYPE_SEARCH_PROVIDER, NULL);
  self->history = g_object_ref (history);
  self->get_client = get_client;
  self->user_data = user_data;
  return self;
}

void
jd_search_provider_set_metas_timeout (JdSearchProvider *self,
                                      guint             milliseconds)
{
  g_return_if_fail (JD_IS_SEARCH_PROVIDER (self));
  self->metas_timeout_ms = milliseconds > 0 ? milliseconds : JD_SEARCH_PROVIDER_METAS_TIMEOUT_MS;
}
