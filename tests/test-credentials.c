/* test-credentials.c: JdCredentials in a real Secret Service.
 *
 * The keyring tests need one: tools/test-session starts an unlocked
 * gnome-keyring in a private D-Bus session and sets JD_TEST_KEYRING (the
 * libsecret file backend, SECRET_BACKEND=file, works as well). Without it
 * they skip; the "no keyring" behaviour is tested everywhere.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "jd-credentials.h"
#include "jd-test-util.h"

#define WAIT_MS 20000

/* Where the keyring daemon keeps its files, read before the test dirs are
 * isolated (the daemon runs with the environment we were started with). */
static char *outer_data_home;

typedef struct
{
  char *server_a;
  char *server_b;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gboolean
keyring_available (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  if (g_getenv ("JD_TEST_KEYRING") == NULL)
    {
      g_test_skip ("JD_TEST_KEYRING is not set: run under tools/test-session for a Secret Service");
      return FALSE;
    }

  if (g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0)
    return TRUE;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No D-Bus session bus");
      return FALSE;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus", "NameHasOwner",
                                         g_variant_new ("(s)", "org.freedesktop.secrets"),
                                         G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                         5000, NULL, &error);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  if (!has_owner)
    {
      g_test_skip ("No org.freedesktop.secrets on the session bus");
      return FALSE;
    }

  return TRUE;
}

/* A fresh secret per call, so a search for it finds only this run's. */
static char *
new_secret (const char *what)
{
  return g_strdup_printf ("jd-test-%s-%08x%08x", what, g_random_int (), g_random_int ());
}

static void
store (const char *server,
       JdAuthKind  kind,
       const char *key,
       const char *secret)
{
  g_autoptr(JdCredentials) credentials = jd_credentials_new (server, kind, key, secret);
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_credentials_store_async (credentials, NULL, jd_test_async_ready_cb, &async);
  g_assert_true (jd_credentials_store_finish (jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_no_error (error);
  jd_test_async_clear (&async);
}

static JdCredentials *
look_up (const char *server,
         JdAuthKind  kind)
{
  JdCredentials *credentials;
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_credentials_lookup_async (server, kind, NULL, jd_test_async_ready_cb, &async);
  credentials = jd_credentials_lookup_finish (jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
  return credentials;
}

static void
forget (const char *server,
        JdAuthKind  kind)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_credentials_forget_async (server, kind, NULL, jd_test_async_ready_cb, &async);
  g_assert_true (jd_credentials_forget_finish (jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_no_error (error);
  jd_test_async_clear (&async);
}

static void
assert_credentials (const JdCredentials *credentials,
                    const char          *server,
                    JdAuthKind           kind,
                    const char          *key,
                    const char          *secret)
{
  g_assert_nonnull (credentials);
  g_assert_cmpstr (credentials->server, ==, server);
  g_assert_cmpint (credentials->kind, ==, kind);
  g_assert_cmpstr (credentials->key, ==, key);
  g_assert_cmpstr (credentials->secret, ==, secret);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* Binary files hold NULs: no str* functions here. */
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* Counts the regular files below dir that hold needle (symbolic links are
 * not followed); *searched counts the files read. */
static guint
count_files_containing (const char *dir,
                        const char *needle,
                        guint      *searched)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint found = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return 0;

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          found += count_files_containing (path, needle, searched);
        }
      else
        {
          (*searched)++;
          if (file_contains (path, needle))
            {
              g_test_message ("Found in %s", path);
              found++;
            }
        }
    }

  return found;
}

static void
assert_not_in_settings (const char *needle)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) keys = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  if (schema == NULL)
    {
      g_test_message ("The app's settings schema is not installed here; not searched");
      return;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, needle));
    }
}

/* Every folder the test process or the keyring may write to. */
static guint
count_traces (const char *secret,
              guint      *searched)
{
  const char *file_keyring = g_getenv ("SECRET_FILE_TEST_PATH");
  guint found = 0;

  found += count_files_containing (g_get_home_dir (), secret, searched);
  found += count_files_containing (g_get_user_data_dir (), secret, searched);
  found += count_files_containing (g_get_user_config_dir (), secret, searched);
  found += count_files_containing (g_get_user_cache_dir (), secret, searched);
  found += count_files_containing (g_get_user_runtime_dir (), secret, searched);

  /* The keyring's own files are encrypted: not even there in clear. */
  if (outer_data_home != NULL)
    {
      g_autofree char *keyrings = g_build_filename (outer_data_home, "keyrings", NULL);

      found += count_files_containing (keyrings, secret, searched);
    }
  if (file_keyring != NULL && g_file_test (file_keyring, G_FILE_TEST_IS_REGULAR))
    {
      (*searched)++;
      found += file_contains (file_keyring, secret) ? 1 : 0;
    }

  return found;
}

/* The secret may live in the keyring and nowhere else. */
static void
assert_secret_left_no_trace (const char *secret)
{
  guint searched = 0;

  assert_not_in_settings (secret);
  g_assert_cmpuint (count_traces (secret, &searched), ==, 0);
  g_test_message ("Searched %u files", searched);
}

/* ------------------------------------------------------------------ */
/* Fixture                                                             */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Addresses of this run only: items left by an earlier, failed run
   * cannot answer for ours. */
  guint32 run = g_random_int ();

  fixture->server_a = g_strdup_printf ("https://a-%08x.example.com/webapi", run);
  fixture->server_b = g_strdup_printf ("https://b-%08x.example.com/webapi", run);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->server_a);
  g_free (fixture->server_b);
}

/* Forgets everything a test may have stored under this run's addresses. */
static void
forget_all (Fixture *fixture)
{
  forget (fixture->server_a, JD_AUTH_API_KEY);
  forget (fixture->server_a, JD_AUTH_ACCESS_TOKEN);
  forget (fixture->server_b, JD_AUTH_API_KEY);
  forget (fixture->server_b, JD_AUTH_ACCESS_TOKEN);
}

/* ------------------------------------------------------------------ */
/* Tests without a keyring                                             */

static void
test_new_copy_free (void)
{
  g_autoptr(JdCredentials) key = jd_credentials_new ("https://s/webapi", JD_AUTH_API_KEY, "k", "s");
  g_autoptr(JdCredentials) token = jd_credentials_new ("https://s/webapi", JD_AUTH_ACCESS_TOKEN, "ignored", "t");
  g_autoptr(JdCredentials) copy = jd_credentials_copy (key);

  assert_credentials (copy, "https://s/webapi", JD_AUTH_API_KEY, "k", "s");
  g_assert_true (copy->secret != key->secret);
  /* A token names no account. */
  assert_credentials (token, "https://s/webapi", JD_AUTH_ACCESS_TOKEN, NULL, "t");
}

static void
test_apply (void)
{
  g_autoptr(JdCredentials) key = jd_credentials_new ("https://s/webapi", JD_AUTH_API_KEY, "k", "s");
  g_autoptr(JdCredentials) token = jd_credentials_new ("https://s/webapi", JD_AUTH_ACCESS_TOKEN, NULL, "t");
  g_autoptr(JdClient) client = jd_client_new (NULL, "https://s/webapi");

  jd_credentials_apply (key, client);
  g_assert_cmpint (jd_client_get_auth_kind (client), ==, JD_AUTH_API_KEY);
  jd_credentials_apply (token, client);
  g_assert_cmpint (jd_client_get_auth_kind (client), ==, JD_AUTH_ACCESS_TOKEN);
}

static void
test_no_session_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(JdCredentials) credentials = jd_credentials_new ("https://s/webapi", JD_AUTH_API_KEY, "k", "s");
      JdTestAsync async = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();

      /* Safe here: a subprocess of its own, before any thread starts. */
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_unsetenv ("SECRET_BACKEND");

      jd_credentials_store_async (credentials, NULL, jd_test_async_ready_cb, &async);
      g_assert_false (jd_credentials_store_finish (jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_clear_error (&error);
      jd_test_async_clear (&async);

      jd_credentials_lookup_async ("https://s/webapi", JD_AUTH_API_KEY, NULL, jd_test_async_ready_cb, &async);
      g_assert_null (jd_credentials_lookup_finish (jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_clear_error (&error);
      jd_test_async_clear (&async);

      jd_credentials_forget_async ("https://s/webapi", JD_AUTH_API_KEY, NULL, jd_test_async_ready_cb, &async);
      g_assert_false (jd_credentials_forget_finish (jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      jd_test_async_clear (&async);

      /* "Quickly": no bus autolaunch, no D-Bus timeout. 1 s on an idle
       * machine, more when slow or loaded, but always well short of the
       * 25 s a D-Bus call waits by default. */
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL) * G_USEC_PER_SEC, <, jd_test_bound_us (1000, 15000));
      return;
    }

  /* The isolated XDG_RUNTIME_DIR holds no bus socket. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The trace search itself must find a secret that is there, or its
 * silence after forgetting would mean nothing. */
static void
test_trace_search_finds_planted_secret (void)
{
  g_autofree char *secret = new_secret ("planted");
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "planted", NULL);
  g_autofree char *path = g_build_filename (dir, "file.bin", NULL);
  g_autofree char *contents = g_strdup_printf ("%c%c%s%c", 0, 1, secret, 0);
  g_autoptr(GError) error = NULL;
  guint searched = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, strlen (secret) + 3, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_traces (secret, &searched), >=, 1);
  g_assert_cmpuint (searched, >=, 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpuint (count_traces (secret, &searched), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Tests with a keyring                                                */

static void
test_store_and_look_up (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *secret = new_secret ("secret");
  g_autoptr(JdCredentials) found = NULL;

  if (!keyring_available ())
    return;

  store (fixture->server_a, JD_AUTH_API_KEY, "alice", secret);
  found = look_up (fixture->server_a, JD_AUTH_API_KEY);
  assert_credentials (found, fixture->server_a, JD_AUTH_API_KEY, "alice", secret);

  forget_all (fixture);
}

static void
test_store_access_token (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = new_secret ("token");
  g_autoptr(JdCredentials) found = NULL;

  if (!keyring_available ())
    return;

  store (fixture->server_a, JD_AUTH_ACCESS_TOKEN, NULL, token);
  found = look_up (fixture->server_a, JD_AUTH_ACCESS_TOKEN);
  assert_credentials (found, fixture->server_a, JD_AUTH_ACCESS_TOKEN, NULL, token);

  forget_all (fixture);
}

static void
test_nothing_stored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JdCredentials) found = NULL;

  if (!keyring_available ())
    return;

  /* NULL without an error: not signed in before, not a failure. */
  found = look_up (fixture->server_a, JD_AUTH_API_KEY);
  g_assert_null (found);
  /* Forgetting nothing is not an error either. */
  forget (fixture->server_a, JD_AUTH_API_KEY);
}

static void
test_store_replaces_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *old_secret = new_secret ("old");
  g_autofree char *new_secret_text = new_secret ("new");
  g_autoptr(JdCredentials) found = NULL;
  g_autoptr(JdCredentials) after_forget = NULL;

  if (!keyring_available ())
    return;

  /* A new key for the same server replaces the old item, key and all. */
  store (fixture->server_a, JD_AUTH_API_KEY, "old-key", old_secret);
  store (fixture->server_a, JD_AUTH_API_KEY, "new-key", new_secret_text);
  found = look_up (fixture->server_a, JD_AUTH_API_KEY);
  assert_credentials (found, fixture->server_a, JD_AUTH_API_KEY, "new-key", new_secret_text);

  /* One forget removes it all: nothing of the old key survives. */
  forget (fixture->server_a, JD_AUTH_API_KEY);
  after_forget = look_up (fixture->server_a, JD_AUTH_API_KEY);
  g_assert_null (after_forget);
}

static void
test_forget (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *secret = new_secret ("forgotten");
  g_autoptr(JdCredentials) before = NULL;
  g_autoptr(JdCredentials) after = NULL;

  if (!keyring_available ())
    return;

  store (fixture->server_a, JD_AUTH_API_KEY, "alice", secret);
  before = look_up (fixture->server_a, JD_AUTH_API_KEY);
  g_assert_nonnull (before);

  forget (fixture->server_a, JD_AUTH_API_KEY);
  after = look_up (fixture->server_a, JD_AUTH_API_KEY);
  g_assert_null (after);

  assert_secret_left_no_trace (secret);
}

static void
test_servers_kept_apart (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *secret_a = new_secret ("a");
  g_autofree char *secret_b = new_secret ("b");
  g_autoptr(JdCredentials) found_a = NULL;
  g_autoptr(JdCredentials) found_b = NULL;
  g_autoptr(JdCredentials) gone_a = NULL;
  g_autoptr(JdCredentials) still_b = NULL;

  if (!keyring_available ())
    return;

  store (fixture->server_a, JD_AUTH_API_KEY, "alice", secret_a);
  store (fixture->server_b, JD_AUTH_API_KEY, "bob", secret_b);

  found_a = look_up (fixture->server_a, JD_AUTH_API_KEY);
  found_b = look_up (fixture->server_b, JD_AUTH_API_KEY);
  assert_credentials (found_a, fixture->server_a, JD_AUTH_API_KEY, "alice", secret_a);
  assert_credentials (found_b, fixture->server_b, JD_AUTH_API_KEY, "bob", secret_b);

  forget (fixture->server_a, JD_AUTH_API_KEY);
  gone_a = look_up (fixture->server_a, JD_AUTH_API_KEY);
  still_b = look_up (fixture->server_b, JD_AUTH_API_KEY);
  g_assert_null (gone_a);
  assert_credentials (still_b, fixture->server_b, JD_AUTH_API_KEY, "bob", secret_b);

  forget_all (fixture);
}

static void
test_kinds_kept_apart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *secret = new_secret ("secret");
  g_autofree char *token = new_secret ("token");
  g_autoptr(JdCredentials) found_key = NULL;
  g_autoptr(JdCredentials) found_token = NULL;
  g_autoptr(JdCredentials) gone_token = NULL;
  g_autoptr(JdCredentials) still_key = NULL;

  if (!keyring_available ())
    return;

  store (fixture->server_a, JD_AUTH_API_KEY, "alice", secret);
  store (fixture->server_a, JD_AUTH_ACCESS_TOKEN, NULL, token);

  found_key = look_up (fixture->server_a, JD_AUTH_API_KEY);
  found_token = look_up (fixture->server_a, JD_AUTH_ACCESS_TOKEN);
  assert_credentials (found_key, fixture->server_a, JD_AUTH_API_KEY, "alice", secret);
  assert_credentials (found_token, fixture->server_a, JD_AUTH_ACCESS_TOKEN, NULL, token);

  forget (fixture->server_a, JD_AUTH_ACCESS_TOKEN);
  gone_token = look_up (fixture->server_a, JD_AUTH_ACCESS_TOKEN);
  still_key = look_up (fixture->server_a, JD_AUTH_API_KEY);
  g_assert_null (gone_token);
  assert_credentials (still_key, fixture->server_a, JD_AUTH_API_KEY, "alice", secret);

  forget_all (fixture);
  assert_secret_left_no_trace (secret);
  assert_secret_left_no_trace (token);
}

int
main (int   argc,
      char *argv[])
{
  outer_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/credentials/new-copy-free", test_new_copy_free);
  g_test_add_func ("/api/credentials/apply-to-client", test_apply);
  g_test_add_func ("/api/credentials/no-session-bus-fails-quickly", test_no_session_bus);
  g_test_add_func ("/api/credentials/trace-search-finds-planted-secret", test_trace_search_finds_planted_secret);

#define ADD(path, func) \
  g_test_add ("/api/credentials/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keyring/store-and-look-up", test_store_and_look_up);
  ADD ("keyring/access-token", test_store_access_token);
  ADD ("keyring/nothing-stored", test_nothing_stored);
  ADD ("keyring/new-key-replaces-old", test_store_replaces_key);
  ADD ("keyring/forget-leaves-no-trace", test_forget);
  ADD ("keyring/servers-kept-apart", test_servers_kept_apart);
  ADD ("keyring/kinds-kept-apart", test_kinds_kept_apart);
#undef ADD

  return g_test_run ();
}
