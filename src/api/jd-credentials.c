/* jd-credentials.c: credentials in the Secret Service (libsecret).
 *
 * One keyring item per server address and sign-in kind: the attributes say
 * which server, which kind and (for a key) which API key; the secret is the
 * API secret or the access token. Everything is asynchronous, so a keyring
 * that asks the user to unlock it never blocks the main loop. Secrets stay
 * in memory and in the keyring: never in GSettings, files or logs.
 */
#define G_LOG_DOMAIN "jd-credentials"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "jd-credentials.h"

#define ATTRIBUTE_SERVER "server"
#define ATTRIBUTE_KIND   "kind"
#define ATTRIBUTE_KEY    "key"

static const SecretSchema credentials_schema = {
  "io.github.jobdesk.JobDesk.Credentials",
  SECRET_SCHEMA_NONE,
  {
    { ATTRIBUTE_SERVER, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTRIBUTE_KIND, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTRIBUTE_KEY, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Overwrites a secret before its memory goes back to the allocator, so it
 * does not linger in freed heap (the volatile keeps the writes). */
static void
wipe_and_free (char *text)
{
  if (text == NULL)
    return;

  for (volatile char *p = text; *p != '\0'; p++)
    *p = '\0';
  g_free (text);
}

static const char *
kind_to_string (JdAuthKind kind)
{
  switch (kind)
    {
    case JD_AUTH_API_KEY:
      return "api-key";
    case JD_AUTH_ACCESS_TOKEN:
      return "access-token";
    case JD_AUTH_NONE:
    default:
      return NULL;
    }
}

/* Attributes that name one server's item of one kind. */
static GHashTable *
attributes_new (const char *server,
                JdAuthKind  kind)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_SERVER, g_strdup (server));
  g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_KIND, g_strdup (kind_to_string (kind)));
  return attributes;
}

/* libsecret talks D-Bus to the Secret Service (or, with SECRET_BACKEND=file
 * and in a Flatpak, to a file and the Secret portal). Without any session
 * bus, GDBus would try to autolaunch one, which can take long or start a
 * stray bus: refuse at once instead. */
static gboolean
check_available (GError **error)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autofree char *socket = NULL;

  if (g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0)
    return TRUE;

  if (address != NULL && *address != '\0')
    return TRUE;

  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  if (g_file_test (socket, G_FILE_TEST_EXISTS))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("No keyring is available in this session, so the sign-in cannot be remembered."));
  return FALSE;
}

static gboolean
check_arguments (const char  *server,
                 JdAuthKind   kind,
                 GError     **error)
{
  if (server == NULL || *server == '\0' || kind_to_string (kind) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A keyring item needs a server address and a sign-in kind");
      return FALSE;
    }

  return check_available (error);
}

/* ------------------------------------------------------------------ */
/* JdCredentials                                                       */

JdCredentials *
jd_credentials_new (const char *server,
                    JdAuthKind  kind,
                    const char *key,
                    const char *secret)
{
  JdCredentials *credentials;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  credentials = g_new0 (JdCredentials, 1);
  credentials->server = g_strdup (server);
  credentials->kind = kind;
  /* A token names no account: keep its key NULL, never "". */
  credentials->key = kind == JD_AUTH_API_KEY ? g_strdup (key) : NULL;
  credentials->secret = g_strdup (secret);
  return credentials;
}

JdCredentials *
jd_credentials_copy (const JdCredentials *credentials)
{
  g_return_val_if_fail (credentials != NULL, NULL);

  return jd_credentials_new (credentials->server, credentials->kind,
                             credentials->key, credentials->secret);
}

void
jd_credentials_free (JdCredentials *credentials)
{
  if (credentials == NULL)
    return;

  g_free (credentials->server);
  g_free (credentials->key);
  wipe_and_free (credentials->secret);
  g_free (credentials);
}

void
jd_credentials_apply (const JdCredentials *credentials,
                      JdClient            *client)
{
  g_return_if_fail (credentials != NULL);
  g_return_if_fail (JD_IS_CLIENT (client));

  switch (credentials->kind)
    {
    case JD_AUTH_API_KEY:
      jd_client_set_api_key (client, credentials->key, credentials->secret);
      break;

    case JD_AUTH_ACCESS_TOKEN:
      jd_client_set_access_token (client, credentials->secret);
      break;

    case JD_AUTH_NONE:
    default:
      jd_client_sign_out (client);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Storing                                                             */

/* A new key for the same server replaces the old one, but the key is an
 * attribute: an item with the old key would survive a plain store. So
 * clear the server's item of this kind first, then store. */

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_cleared_before_store_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const JdCredentials *credentials = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  attributes = attributes_new (credentials->server, credentials->kind);
  g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_KEY,
                       g_strdup (credentials->key != NULL ? credentials->key : ""));

  /* The label is what keyring managers such as Passwords and Keys show. */
  if (credentials->kind == JD_AUTH_API_KEY)
    /* Translators: a keyring item's name; %s is the server's address */
    label = g_strdup_printf (_("Job Desk: API key for %s"), credentials->server);
  else
    /* Translators: a keyring item's name; %s is the server's address */
    label = g_strdup_printf (_("Job Desk: access token for %s"), credentials->server);

  secret_password_storev (&credentials_schema, attributes, SECRET_COLLECTION_DEFAULT,
                          label, credentials->secret,
                          g_task_get_cancellable (task),
                          on_stored_cb, g_object_ref (task));
}

void
jd_credentials_store_async (const JdCredentials *credentials,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;

  g_return_if_fail (credentials != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_credentials_store_async);

  if (!check_arguments (credentials->server, credentials->kind, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (credentials->kind == JD_AUTH_API_KEY &&
      (credentials->key == NULL || *credentials->key == '\0'))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "An API key item needs the key");
      return;
    }

  g_task_set_task_data (task, jd_credentials_copy (credentials),
                        (GDestroyNotify) jd_credentials_free);

  attributes = attributes_new (credentials->server, credentials->kind);
  secret_password_clearv (&credentials_schema, attributes, cancellable,
                          on_cleared_before_store_cb, g_object_ref (task));
}

gboolean
jd_credentials_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_credentials_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Looking up                                                          */

typedef struct
{
  char       *server;
  JdAuthKind  kind;
  char       *key;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->server);
  g_free (data->key);
  g_free (data);
}

static void
on_secret_retrieved_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  SecretValue *value;
  const char *secret;
  GError *error = NULL;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &error);
  if (value == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }

  secret = secret_value_get_text (value);
  if (secret == NULL || *secret == '\0')
    {
      /* Not text, or empty: nothing Job Desk could have stored. */
      g_debug ("Ignoring a keyring item without a usable secret");
      g_task_return_pointer (task, NULL, NULL);
    }
  else
    {
      g_task_return_pointer (task,
                             jd_credentials_new (data->server, data->kind, data->key, secret),
                             (GDestroyNotify) jd_credentials_free);
    }

  secret_value_unref (value);
}

static void
on_searched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  GList *items;
  SecretRetrievable *item;
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  item = items->data;
  attributes = secret_retrievable_get_attributes (item);
  data->key = g_strdup (g_hash_table_lookup (attributes, ATTRIBUTE_KEY));

  if (data->kind == JD_AUTH_API_KEY && (data->key == NULL || *data->key == '\0'))
    {
      g_debug ("Ignoring an API key item without a key");
      g_task_return_pointer (task, NULL, NULL);
    }
  else
    {
      secret_retrievable_retrieve_secret (item, g_task_get_cancellable (task),
                                          on_secret_retrieved_cb, g_object_ref (task));
    }

  g_list_free_full (items, g_object_unref);
}

void
jd_credentials_lookup_async (const char          *server,
                             JdAuthKind           kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  LookupData *data;
  GError *error = NULL;

  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_credentials_lookup_async);

  if (!check_arguments (server, kind, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (LookupData, 1);
  data->server = g_strdup (server);
  data->kind = kind;
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);

  /* Without SECRET_SEARCH_ALL the search returns the first match only;
   * storing keeps at most one per server and kind anyway. */
  attributes = attributes_new (server, kind);
  secret_password_searchv (&credentials_schema, attributes,
                           SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                           cancellable, on_searched_cb, g_object_ref (task));
}

JdCredentials *
jd_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_credentials_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Forgetting                                                          */

static void
on_forgotten_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to forget: fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
jd_credentials_forget_async (const char          *server,
                             JdAuthKind           kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;

  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_credentials_forget_async);

  if (!check_arguments (server, kind, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  attributes = attributes_new (server, kind);
  secret_password_clearv (&credentials_schema, attributes, cancellable,
                          on_forgotten_cb, g_object_ref (task));
}

gboolean
jd_credentials_forget_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jd_credentials_forget_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
