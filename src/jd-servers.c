/* jd-servers.c: the saved servers and the allow-insecure list.
 *
 * Both live in GSettings ("profiles", "allow-insecure"); the secrets are in
 * the keyring, one entry per server and kind. The menu follows the
 * "profiles" key, so every window's menu shows a change at once.
 */
#define G_LOG_DOMAIN "jd-servers"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-servers.h"

struct _JdServers
{
  GObject     parent_instance;

  GSettings  *settings;
  GMenu      *menu;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdServers, jd_servers, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
kind_nick (JdAuthKind kind)
{
  return kind == JD_AUTH_ACCESS_TOKEN ? "access-token" : "api-key";
}

static JdAuthKind
kind_from_nick (const char *nick)
{
  return g_strcmp0 (nick, "access-token") == 0 ? JD_AUTH_ACCESS_TOKEN : JD_AUTH_API_KEY;
}

char *
jd_servers_make_target (const char *server,
                        JdAuthKind  kind)
{
  g_return_val_if_fail (server != NULL, NULL);
  return g_strconcat (kind_nick (kind), " ", server, NULL);
}

gboolean
jd_servers_parse_target (const char  *target,
                         char       **server,
                         JdAuthKind  *kind)
{
  const char *space = target != NULL ? strchr (target, ' ') : NULL;

  if (space == NULL || space[1] == '\0')
    return FALSE;

  *kind = g_str_has_prefix (target, "access-token ") ? JD_AUTH_ACCESS_TOKEN : JD_AUTH_API_KEY;
  *server = g_strdup (space + 1);
  return TRUE;
}

char *
jd_servers_describe (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (base_url);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

  return g_strdup (g_uri_get_host (uri));
}

static void
rebuild_menu (JdServers *self)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (self->settings, "profiles");
  GVariantIter iter;
  const char *server, *nick;

  g_menu_remove_all (self->menu);

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s)", &server, &nick))
    {
      JdAuthKind kind = kind_from_nick (nick);
      g_autofree char *host = jd_servers_describe (server);
      g_autofree char *label = NULL;
      g_autofree char *target = jd_servers_make_target (server, kind);
      g_autoptr(GMenuItem) item = NULL;

      /* "ayx.example.com (API key)" */
      label = g_strdup_printf (kind == JD_AUTH_ACCESS_TOKEN ? _("%s (access token)") : _("%s (API key)"), host);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.server", g_variant_new_string (target));
      g_menu_append_item (self->menu, item);
    }
}

/* Every saved server but this one, then written back with first (if
 * given) at the top. */
static void
write_profiles (JdServers  *self,
                const char *server,
                JdAuthKind  kind,
                gboolean    first)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (self->settings, "profiles");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *saved, *nick;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  if (first)
    g_variant_builder_add (&builder, "(ss)", server, kind_nick (kind));

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s)", &saved, &nick))
    if (g_strcmp0 (saved, server) != 0 || kind_from_nick (nick) != kind)
      g_variant_builder_add (&builder, "(ss)", saved, nick);

  g_settings_set_value (self->settings, "profiles", g_variant_builder_end (&builder));
}

void
jd_servers_remember (JdServers  *self,
                     const char *server,
                     JdAuthKind  kind)
{
  g_return_if_fail (JD_IS_SERVERS (self));
  g_return_if_fail (server != NULL);

  write_profiles (self, server, kind, TRUE);
}

void
jd_servers_forget (JdServers  *self,
                   const char *server,
                   JdAuthKind  kind)
{
  g_return_if_fail (JD_IS_SERVERS (self));
  g_return_if_fail (server != NULL);

  write_profiles (self, server, kind, FALSE);
}

GMenuModel *
jd_servers_get_menu (JdServers *self)
{
  g_return_val_if_fail (JD_IS_SERVERS (self), NULL);
  return G_MENU_MODEL (self->menu);
}

gboolean
jd_servers_get_allow_insecure (JdServers  *self,
                               const char *server)
{
  g_auto(GStrv) allowed = NULL;

  g_return_val_if_fail (JD_IS_SERVERS (self), FALSE);

  if (server == NULL)
    return FALSE;

  allowed = g_settings_get_strv (self->settings, "allow-insecure");
  return g_strv_contains ((const char * const *) allowed, server);
}

void
jd_servers_set_allow_insecure (JdServers  *self,
                               const char *server,
                               gboolean    allow)
{
  g_auto(GStrv) allowed = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (JD_IS_SERVERS (self));
  g_return_if_fail (server != NULL);

  allowed = g_settings_get_strv (self->settings, "allow-insecure");
  builder = g_strv_builder_new ();
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (allowed[i], server) != 0)
      g_strv_builder_add (builder, allowed[i]);
  if (allow)
    g_strv_builder_add (builder, server);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "allow-insecure", (const char * const *) updated);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_servers_constructed (GObject *object)
{
  JdServers *self = JD_SERVERS (object);

  G_OBJECT_CLASS (jd_servers_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_signal_connect_object (self->settings, "changed::profiles", G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
}

static void
jd_servers_finalize (GObject *object)
{
  JdServers *self = JD_SERVERS (object);

  g_clear_object (&self->menu);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_servers_parent_class)->finalize (object);
}

static void
jd_servers_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JdServers *self = JD_SERVERS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_servers_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JdServers *self = JD_SERVERS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_servers_class_init (JdServersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jd_servers_constructed;
  object_class->finalize = jd_servers_finalize;
  object_class->set_property = jd_servers_set_property;
  object_class->get_property = jd_servers_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_servers_init (JdServers *self)
{
  self->menu = g_menu_new ();
}

JdServers *
jd_servers_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (JD_TYPE_SERVERS, "settings", settings, NULL);
}
