/* jd-session.c: who the app is signed in to, and how it got there.
 *
 * As GNOME Text Editor's EditorSession, a plain object the application
 * creates once and hands to its windows: they follow "notify::client" and
 * ask for a sign-in through "sign-in-needed"; none of them reaches back
 * into the application.
 */
#define G_LOG_DOMAIN "jd-session"

#include "config.h"

#include "jd-demo-server.h"
#include "jd-session.h"

struct _JdSession
{
  GObject       parent_instance;

  GSettings    *settings;
  JdServers    *servers;
  SoupSession  *soup_session;
  JdClient     *client;
  JdDemoServer *demo_server;
  GCancellable *cancellable;
  gboolean      restoring;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SERVERS,
  PROP_CLIENT,
  PROP_RESTORING,
  N_PROPS
};

enum {
  SIGN_IN_NEEDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdSession, jd_session, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_restoring (JdSession *self,
               gboolean   restoring)
{
  if (self->restoring == restoring)
    return;

  self->restoring = restoring;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORING]);
}

static void
need_sign_in (JdSession  *self,
              const char *server)
{
  g_signal_emit (self, signals[SIGN_IN_NEEDED], 0, server);
}

/* A client for what the keyring holds, as the user last allowed it. */
static JdClient *
client_for (JdSession           *self,
            const JdCredentials *credentials)
{
  JdClient *client = jd_client_new (self->soup_session, credentials->server);

  if (client == NULL)
    return NULL;

  jd_credentials_apply (credentials, client);
  jd_client_set_allow_insecure (client, jd_servers_get_allow_insecure (self->servers, credentials->server));
  return client;
}

/* ------------------------------------------------------------------ */
/* Restoring the last sign-in                                          */

static void
on_restore_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JdSession) self = user_data;
  g_autoptr(JdCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdClient) client = NULL;

  credentials = jd_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_restoring (self, FALSE);

  if (self->client != NULL)
    return;   /* signed in some other way meanwhile */

  if (credentials == NULL && error != NULL)
    g_debug ("No saved sign-in: %s", error->message);

  if (credentials != NULL)
    client = client_for (self, credentials);

  if (client == NULL)
    {
      need_sign_in (self, NULL);
      return;
    }

  jd_session_set_client (self, client);
}

gboolean
jd_session_restore (JdSession *self)
{
  g_autofree char *server = NULL;
  JdAuthKind kind;

  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  if (self->restoring)
    return TRUE;

  server = jd_session_dup_last_server (self);
  kind = jd_session_get_last_kind (self);
  if (*server == '\0' || kind == JD_AUTH_NONE)
    return FALSE;

  set_restoring (self, TRUE);
  jd_credentials_lookup_async (server, kind, self->cancellable,
                               on_restore_found_cb, g_object_ref (self));
  return TRUE;
}

gboolean
jd_session_get_restoring (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);
  return self->restoring;
}

/* ------------------------------------------------------------------ */
/* Switching servers                                                   */

typedef struct
{
  JdSession  *self;
  char       *server;
  JdAuthKind  kind;
} SwitchData;

static void
switch_data_free (SwitchData *data)
{
  g_object_unref (data->self);
  g_free (data->server);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwitchData, switch_data_free)

static void
on_switch_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SwitchData) data = user_data;
  JdSession *self = data->self;
  g_autoptr(JdCredentials) credentials = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;

  credentials = jd_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (credentials != NULL)
    client = client_for (self, credentials);

  if (client == NULL)
    {
      /* Nothing in the keyring for it (or no keyring): ask. */
      g_settings_set_enum (self->settings, "sign-in-kind", data->kind);
      need_sign_in (self, data->server);
      return;
    }

  g_settings_set_string (self->settings, "server-address", credentials->server);
  g_settings_set_enum (self->settings, "sign-in-kind", credentials->kind);
  jd_session_set_client (self, client);
}

void
jd_session_switch_server (JdSession  *self,
                          const char *server,
                          JdAuthKind  kind)
{
  SwitchData *data;

  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (server != NULL);

  data = g_new0 (SwitchData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;
  data->server = g_strdup (server);
  jd_credentials_lookup_async (data->server, data->kind, self->cancellable,
                               on_switch_found_cb, data);
}

/* ------------------------------------------------------------------ */
/* Signing in and out                                                  */

void
jd_session_sign_in (JdSession           *self,
                    JdClient            *client,
                    const JdCredentials *credentials)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (JD_IS_CLIENT (client));
  g_return_if_fail (credentials != NULL);

  g_settings_set_string (self->settings, "server-address", credentials->server);
  g_settings_set_enum (self->settings, "sign-in-kind", credentials->kind);
  if (jd_client_get_allow_insecure (client))
    jd_servers_set_allow_insecure (self->servers, credentials->server, TRUE);
  jd_servers_remember (self->servers, credentials->server, credentials->kind);

  jd_session_set_client (self, client);
}

static void
on_forgotten_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!jd_credentials_forget_finish (result, &error))
    g_debug ("Could not forget the credentials: %s", error->message);
}

void
jd_session_sign_out (JdSession *self)
{
  g_autofree char *server = NULL;
  JdAuthKind kind;

  g_return_if_fail (JD_IS_SESSION (self));

  server = jd_session_dup_last_server (self);
  kind = jd_session_get_last_kind (self);

  if (self->client != NULL && !jd_session_is_demo_client (self, self->client))
    {
      /* Forget what the keyring holds for this server, then the setting. */
      if (*server != '\0' && kind != JD_AUTH_NONE)
        {
          jd_credentials_forget_async (server, kind, NULL, on_forgotten_cb, NULL);
          jd_servers_forget (self->servers, server, kind);
        }
      g_settings_set_enum (self->settings, "sign-in-kind", JD_AUTH_NONE);
    }

  jd_session_set_client (self, NULL);
  need_sign_in (self, server);
}

/* ------------------------------------------------------------------ */
/* The sample server                                                   */

const char *
jd_session_start_demo_server (JdSession  *self,
                              GError    **error)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  if (self->demo_server == NULL)
    {
      g_autoptr(JdDemoServer) server = jd_demo_server_new ();

      /* In a thread of its own: its 11 MB answers must not stall the UI. */
      if (!jd_demo_server_start_thread (server, 0, error))
        return NULL;

      self->demo_server = g_steal_pointer (&server);
    }

  return jd_demo_server_get_base_url (self->demo_server);
}

gboolean
jd_session_is_demo_client (JdSession *self,
                           JdClient  *client)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return client != NULL && self->demo_server != NULL &&
         g_strcmp0 (jd_client_get_base_url (client), jd_demo_server_get_base_url (self->demo_server)) == 0;
}

gboolean
jd_session_sign_in_demo (JdSession  *self,
                         GError    **error)
{
  g_autoptr(JdClient) client = NULL;
  const char *url;

  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  url = jd_session_start_demo_server (self, error);
  if (url == NULL)
    return FALSE;

  /* Nothing to save: the sample key is built in. */
  client = jd_client_new (self->soup_session, url);
  jd_client_set_api_key (client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_session_set_client (self, client);
  return TRUE;
}

void
jd_session_shutdown (JdSession *self)
{
  g_return_if_fail (JD_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);
  set_restoring (self, FALSE);
  jd_session_set_client (self, NULL);
  if (self->demo_server != NULL)
    jd_demo_server_stop (self->demo_server);
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

JdServers *
jd_session_get_servers (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  return self->servers;
}

SoupSession *
jd_session_get_soup_session (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  return self->soup_session;
}

JdClient *
jd_session_get_client (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  return self->client;
}

void
jd_session_set_client (JdSession *self,
                       JdClient  *client)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

char *
jd_session_dup_last_server (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);
  return g_settings_get_string (self->settings, "server-address");
}

JdAuthKind
jd_session_get_last_kind (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), JD_AUTH_NONE);
  return g_settings_get_enum (self->settings, "sign-in-kind");
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_session_dispose (GObject *object)
{
  JdSession *self = JD_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  if (self->demo_server != NULL)
    jd_demo_server_stop (self->demo_server);

  G_OBJECT_CLASS (jd_session_parent_class)->dispose (object);
}

static void
jd_session_finalize (GObject *object)
{
  JdSession *self = JD_SESSION (object);

  g_clear_object (&self->demo_server);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->soup_session);
  g_clear_object (&self->servers);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_session_parent_class)->finalize (object);
}

static void
jd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JdSession *self = JD_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SERVERS:
      g_value_set_object (value, self->servers);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_RESTORING:
      g_value_set_boolean (value, self->restoring);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JdSession *self = JD_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SERVERS:
      self->servers = g_value_dup_object (value);
      break;

    case PROP_CLIENT:
      jd_session_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_session_class_init (JdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_session_dispose;
  object_class->finalize = jd_session_finalize;
  object_class->get_property = jd_session_get_property;
  object_class->set_property = jd_session_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVERS] =
    g_param_spec_object ("servers", NULL, NULL,
                         JD_TYPE_SERVERS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RESTORING] =
    g_param_spec_boolean ("restoring", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdSession::sign-in-needed:
   * @server: (nullable): the address to fill in, or NULL
   *
   * No sign-in could be restored or switched to, or the user signed out:
   * whoever shows windows should ask for one.
   */
  signals[SIGN_IN_NEEDED] =
    g_signal_new ("sign-in-needed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
jd_session_init (JdSession *self)
{
  self->soup_session = jd_client_session_new ();
  self->cancellable = g_cancellable_new ();
}

JdSession *
jd_session_new (GSettings *settings,
                JdServers *servers)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (JD_IS_SERVERS (servers), NULL);

  return g_object_new (JD_TYPE_SESSION,
                       "settings", settings,
                       "servers", servers,
                       NULL);
}
