/* test-ui-sign-in.c: the sign-in dialog, driven through its real fields
 * and buttons against the sample server over real HTTP.
 *
 * A successful sign-in stores the credentials in the keyring of the test
 * session (tools/test-session sets JD_TEST_KEYRING) and the tests forget
 * them again; without JD_TEST_KEYRING there is no bus, hence no keyring,
 * and the sign-in is not remembered. Set JD_SCREENSHOT_DIR to get PNGs of the dialog.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "jd-credentials.h"
#include "jd-sign-in-dialog.h"
#include "jd-ui-test-a11y.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

typedef struct
{
  JdApplication  *app;
  JdDemoServer   *server;
  JdWindow       *window;
  GSettings      *settings;
  JdSignInDialog *dialog;

  /* What "signed-in" said, as the test heard it. */
  guint           signed_in_count;
  JdClient       *signed_in_client;
  gboolean        remembered;

  /* Stored in the keyring by a test: forgotten on tear-down. */
  char           *stored_server;
  JdAuthKind      stored_kind;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static GtkWidget *
part (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = jd_ui_test_find_by_id (GTK_WIDGET (fixture->dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
on_signed_in_cb (JdSignInDialog *dialog,
                 JdClient       *client,
                 gboolean        remembered,
                 Fixture        *fixture)
{
  fixture->signed_in_count++;
  g_set_object (&fixture->signed_in_client, client);
  fixture->remembered = remembered;
}

static void
open_dialog (Fixture    *fixture,
             const char *server)
{
  jd_window_show_sign_in (fixture->window, server);
  fixture->dialog = JD_SIGN_IN_DIALOG (jd_window_get_sign_in_dialog (fixture->window));
  g_assert_nonnull (fixture->dialog);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "signed-in", G_CALLBACK (on_signed_in_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->settings = g_object_ref (jd_application_get_settings (fixture->app));

  /* The memory backend lives as long as the process: start clean. */
  g_settings_reset (fixture->settings, "server-address");
  g_settings_reset (fixture->settings, "sign-in-kind");
  g_settings_reset (fixture->settings, "allow-insecure");

  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
on_forgotten_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_credentials_forget_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A weak pointer's object gone: a request cancelled with the window may
 * hold it until its callback runs, which a loaded machine may not get to
 * in a fixed 50 ms; one that is never let go still fails the wait. */
static gboolean
released (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->stored_server != NULL)
    {
      gboolean done = FALSE;

      jd_credentials_forget_async (fixture->stored_server, fixture->stored_kind, NULL,
                                   on_forgotten_cb, &done);
      g_assert_true (jd_ui_test_wait_for (flag_set, &done, WAIT_MS));
      g_free (fixture->stored_server);
    }

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* The window destroys its dialog; nothing else may keep it alive. */
  g_assert_true (jd_ui_test_wait_for (released, &fixture->dialog, WAIT_MS));
  g_assert_null (fixture->dialog);

  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->signed_in_client);
  g_clear_object (&fixture->settings);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static void
type_into (Fixture    *fixture,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (fixture, id)), text);
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
click_sign_in (Fixture *fixture)
{
  click (part (fixture, "sign_in_button"));
}

static void
fill_in (Fixture    *fixture,
         const char *server,
         const char *key,
         const char *secret)
{
  type_into (fixture, "server_row", server);
  type_into (fixture, "key_row", key);
  type_into (fixture, "secret_row", secret);
}

static gboolean
dialog_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->dialog == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  Fixture *fixture = data;

  return fixture->dialog == NULL || !jd_sign_in_dialog_get_busy (fixture->dialog);
}

/* Waits for the verification to end, whichever way it ends. */
static void
wait_idle (Fixture *fixture)
{
  g_assert_true (jd_ui_test_wait_for (dialog_idle, fixture, WAIT_MS));
}

static void
wait_closed (Fixture *fixture)
{
  g_assert_true (jd_ui_test_wait_for (dialog_gone, fixture, WAIT_MS));
}

static gboolean
shown (Fixture    *fixture,
       const char *id)
{
  return gtk_widget_get_visible (part (fixture, id));
}

static const char *
label_text (Fixture    *fixture,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (part (fixture, id)));
}

static void
assert_no_error_shown (Fixture *fixture)
{
  g_assert_false (shown (fixture, "server_error_label"));
  g_assert_false (shown (fixture, "api_key_error_label"));
  g_assert_false (shown (fixture, "access_token_error_label"));
}

/* After a refusal: the dialog is open, idle, and the fields usable. */
static void
assert_still_open (Fixture *fixture)
{
  g_assert_nonnull (fixture->dialog);
  g_assert_false (jd_sign_in_dialog_get_busy (fixture->dialog));
  g_assert_true (gtk_widget_is_sensitive (part (fixture, "server_row")));
  g_assert_true (gtk_widget_is_sensitive (part (fixture, "key_row")));
  g_assert_cmpuint (fixture->signed_in_count, ==, 0);
  g_assert_null (jd_application_get_client (fixture->app));
}

static gboolean
keyring_expected (void)
{
  return g_getenv ("JD_TEST_KEYRING") != NULL;
}

static void
remember_stored (Fixture    *fixture,
                 const char *server,
                 JdAuthKind  kind)
{
  if (fixture->remembered)
    {
      fixture->stored_server = g_strdup (server);
      fixture->stored_kind = kind;
    }
}

static gboolean
settings_contain (GSettings  *settings,
                  const char *needle)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A token for the sample Curator, asked for the way Swagger would. The
 * sample server runs in a thread of its own, so a blocking call is fine. */
static char *
fetch_access_token (Fixture *fixture)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (jd_demo_server_get_base_url (fixture->server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new_static ("grant_type=client_credentials&client_id=demo&client_secret=demo",
                                               strlen ("grant_type=client_credentials&client_id=demo&client_secret=demo"));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (object, "access_token"));
  return g_strdup (json_object_get_string_member (object, "access_token"));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_api_key_signs_in (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);
  /* A trailing slash and white space are what people paste. */
  g_autofree char *pasted = g_strdup_printf ("  %s/ ", url);
  JdClient *client;

  open_dialog (fixture, NULL);
  fill_in (fixture, pasted, "demo", "demo");
  click_sign_in (fixture);
  g_assert_true (jd_sign_in_dialog_get_busy (fixture->dialog));
  wait_closed (fixture);

  client = jd_application_get_client (fixture->app);
  g_assert_nonnull (client);
  g_assert_true (client == fixture->signed_in_client);
  g_assert_cmpstr (jd_client_get_base_url (client), ==, url);
  g_assert_cmpint (jd_client_get_auth_kind (client), ==, JD_AUTH_API_KEY);
  g_assert_cmpuint (fixture->signed_in_count, ==, 1);
  g_assert_cmpint (fixture->remembered, ==, keyring_expected ());
  remember_stored (fixture, url, JD_AUTH_API_KEY);

  /* Where and how, for next time; never the secret. */
  {
    g_autofree char *server = g_settings_get_string (fixture->settings, "server-address");

    g_assert_cmpstr (server, ==, url);
    g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_API_KEY);
  }
}

static void
test_enter_in_last_field_signs_in (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);

  open_dialog (fixture, NULL);
  fill_in (fixture, url, "viewer", "viewer");
  g_signal_emit_by_name (part (fixture, "secret_row"), "entry-activated");
  wait_closed (fixture);

  g_assert_nonnull (jd_application_get_client (fixture->app));
  g_assert_cmpstr (jd_client_get_base_url (jd_application_get_client (fixture->app)), ==, url);
  remember_stored (fixture, url, JD_AUTH_API_KEY);
}

static void
test_wrong_secret_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  open_dialog (fixture, NULL);
  fill_in (fixture, jd_demo_server_get_base_url (fixture->server), "demo", "not-the-secret");
  click_sign_in (fixture);
  wait_idle (fixture);

  assert_still_open (fixture);
  g_assert_true (shown (fixture, "api_key_error_label"));
  g_assert_nonnull (strstr (label_text (fixture, "api_key_error_label"), "refused the API key and secret"));
  g_assert_false (shown (fixture, "server_error_label"));
  g_assert_false (gtk_widget_has_css_class (part (fixture, "server_row"), "error"));

  /* Correcting the field clears the refusal; trying again succeeds. */
  type_into (fixture, "secret_row", "demo");
  g_assert_false (shown (fixture, "api_key_error_label"));
  click_sign_in (fixture);
  wait_closed (fixture);
  g_assert_nonnull (jd_application_get_client (fixture->app));
  remember_stored (fixture, jd_demo_server_get_base_url (fixture->server), JD_AUTH_API_KEY);
}

static void
test_unreachable_server (Fixture       *fixture,
                         gconstpointer  data)
{
  open_dialog (fixture, NULL);
  fill_in (fixture, "http://127.0.0.1:1/webapi", "demo", "demo");
  click_sign_in (fixture);
  wait_idle (fixture);

  assert_still_open (fixture);
  g_assert_true (shown (fixture, "server_error_label"));
  g_assert_true (gtk_widget_has_css_class (part (fixture, "server_row"), "error"));
  g_assert_nonnull (strstr (label_text (fixture, "server_error_label"), "127.0.0.1"));
  g_assert_false (shown (fixture, "api_key_error_label"));

  /* Editing the address clears the error. */
  type_into (fixture, "server_row", "http://127.0.0.1:2/webapi");
  g_assert_false (shown (fixture, "server_error_label"));
  g_assert_false (gtk_widget_has_css_class (part (fixture, "server_row"), "error"));
}

static void
test_bare_host_suggests_webapi (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwPreferencesRow *row;

  open_dialog (fixture, NULL);
  g_assert_false (shown (fixture, "suggestion_row"));

  type_into (fixture, "server_row", "ayx.example.com");
  row = ADW_PREFERENCES_ROW (part (fixture, "suggestion_row"));
  g_assert_true (shown (fixture, "suggestion_row"));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Did you mean https://ayx.example.com/webapi?");

  click (part (fixture, "use_suggestion_button"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (fixture, "server_row"))), ==,
                   "https://ayx.example.com/webapi");
  g_assert_false (shown (fixture, "suggestion_row"));

  /* A Gallery link points at the same server's Web API. */
  type_into (fixture, "server_row", "https://ayx.example.com/gallery/app/Sales/5f3a0c9e1b2d4e0012345678");
  g_assert_true (shown (fixture, "suggestion_row"));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Did you mean https://ayx.example.com/webapi?");
}

static void
test_empty_fields_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  guint requests = jd_demo_server_get_request_count (fixture->server);

  open_dialog (fixture, NULL);

  click_sign_in (fixture);
  g_assert_true (shown (fixture, "server_error_label"));
  g_assert_cmpstr (label_text (fixture, "api_key_error_label"), ==, "Enter the API key.");
  g_assert_true (gtk_widget_has_css_class (part (fixture, "key_row"), "error"));

  type_into (fixture, "server_row", jd_demo_server_get_base_url (fixture->server));
  type_into (fixture, "key_row", "demo");
  click_sign_in (fixture);
  g_assert_false (shown (fixture, "server_error_label"));
  g_assert_cmpstr (label_text (fixture, "api_key_error_label"), ==, "Enter the API secret.");
  g_assert_true (gtk_widget_has_css_class (part (fixture, "secret_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (part (fixture, "key_row"), "error"));

  click (part (fixture, "access_token_toggle"));
  click_sign_in (fixture);
  g_assert_true (shown (fixture, "access_token_error_label"));
  g_assert_cmpstr (label_text (fixture, "access_token_error_label"), ==, "Paste an access token.");

  /* Nothing went out. */
  jd_ui_test_spin (50);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  assert_still_open (fixture);
}

static void
test_access_token_signs_in (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);
  g_autofree char *token = fetch_access_token (fixture);
  g_autofree char *pasted = g_strdup_printf ("%s\n", token);

  open_dialog (fixture, NULL);
  g_assert_true (shown (fixture, "api_key_group"));
  g_assert_false (shown (fixture, "access_token_group"));

  click (part (fixture, "access_token_toggle"));
  g_assert_cmpint (jd_sign_in_dialog_get_kind (fixture->dialog), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_false (shown (fixture, "api_key_group"));
  g_assert_true (shown (fixture, "access_token_group"));

  type_into (fixture, "server_row", url);
  type_into (fixture, "token_row", pasted);
  click_sign_in (fixture);
  wait_closed (fixture);

  g_assert_nonnull (jd_application_get_client (fixture->app));
  g_assert_cmpint (jd_client_get_auth_kind (jd_application_get_client (fixture->app)), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_false (settings_contain (fixture->settings, token));
  remember_stored (fixture, url, JD_AUTH_ACCESS_TOKEN);
}

static void
test_invalid_token_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  open_dialog (fixture, NULL);
  click (part (fixture, "access_token_toggle"));
  type_into (fixture, "server_row", jd_demo_server_get_base_url (fixture->server));
  type_into (fixture, "token_row", "not-a-token");
  click_sign_in (fixture);
  wait_idle (fixture);

  assert_still_open (fixture);
  g_assert_true (shown (fixture, "access_token_error_label"));
  g_assert_nonnull (strstr (label_text (fixture, "access_token_error_label"), "access token"));
  g_assert_true (gtk_widget_has_css_class (part (fixture, "token_row"), "error"));
  g_assert_false (shown (fixture, "server_error_label"));
}

static void
test_sample_data (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *server = NULL;
  JdClient *client;

  open_dialog (fixture, NULL);
  click (part (fixture, "demo_button"));
  wait_closed (fixture);

  client = jd_application_get_client (fixture->app);
  g_assert_nonnull (client);
  g_assert_true (jd_session_is_demo_client (jd_application_get_session (fixture->app), client));
  g_assert_true (fixture->signed_in_client == client);
  g_assert_true (fixture->remembered);

  /* The sample sign-in is not one to restore next time. */
  server = g_settings_get_string (fixture->settings, "server-address");
  g_assert_cmpstr (server, ==, "");
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_NONE);
}

static void
test_plain_http_warns_and_refuses (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkSwitch *allow;
  g_auto(GStrv) allowed = NULL;

  open_dialog (fixture, NULL);

  /* Loopback over HTTP is fine: nothing leaves the machine. */
  type_into (fixture, "server_row", jd_demo_server_get_base_url (fixture->server));
  g_assert_false (shown (fixture, "insecure_row"));

  fill_in (fixture, "http://ayx.example.com/webapi", "demo", "demo");
  g_assert_true (shown (fixture, "insecure_row"));
  g_assert_true (shown (fixture, "allow_insecure_row"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (part (fixture, "insecure_row"))), ==,
                   "This address is not encrypted: your key and secret would travel in the clear.");
  allow = GTK_SWITCH (part (fixture, "allow_insecure_switch"));
  g_assert_false (gtk_switch_get_active (allow));

  /* Without the switch the client refuses before sending anything. */
  click_sign_in (fixture);
  wait_idle (fixture);
  assert_still_open (fixture);
  g_assert_true (shown (fixture, "server_error_label"));
  g_assert_nonnull (strstr (label_text (fixture, "server_error_label"), "plain HTTP"));
  g_assert_true (gtk_widget_has_css_class (part (fixture, "server_row"), "error"));

  /* With it, the request goes out (0.0.0.0 is not loopback by name, but
   * reaches this machine, where nothing listens on port 1). */
  type_into (fixture, "server_row", "http://0.0.0.0:1/webapi");
  g_assert_true (shown (fixture, "allow_insecure_row"));
  gtk_switch_set_active (allow, TRUE);
  click_sign_in (fixture);
  wait_idle (fixture);
  assert_still_open (fixture);
  g_assert_true (shown (fixture, "server_error_label"));
  g_assert_null (strstr (label_text (fixture, "server_error_label"), "plain HTTP"));

  /* A failed sign-in allows nothing for next time. */
  allowed = g_settings_get_strv (fixture->settings, "allow-insecure");
  g_assert_cmpuint (g_strv_length (allowed), ==, 0);
}

static void
test_plain_http_allowed_is_remembered (Fixture       *fixture,
                                       gconstpointer  data)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);
  const char *port = strrchr (url, ':');
  g_autofree char *via_any = g_strconcat ("http://0.0.0.0", port, NULL);
  g_auto(GStrv) allowed = NULL;

  open_dialog (fixture, NULL);
  fill_in (fixture, via_any, "demo", "demo");
  g_assert_true (shown (fixture, "allow_insecure_row"));
  gtk_switch_set_active (GTK_SWITCH (part (fixture, "allow_insecure_switch")), TRUE);
  click_sign_in (fixture);
  wait_closed (fixture);

  g_assert_nonnull (jd_application_get_client (fixture->app));
  g_assert_true (jd_client_get_allow_insecure (jd_application_get_client (fixture->app)));
  allowed = g_settings_get_strv (fixture->settings, "allow-insecure");
  g_assert_true (g_strv_contains ((const char * const *) allowed, via_any));
  g_assert_true (jd_servers_get_allow_insecure (jd_application_get_servers (fixture->app), via_any));
  remember_stored (fixture, via_any, JD_AUTH_API_KEY);

  /* Next time the switch starts as the user left it. */
  open_dialog (fixture, via_any);
  g_assert_true (shown (fixture, "allow_insecure_row"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (part (fixture, "allow_insecure_switch"))));
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  wait_closed (fixture);
}

/* A server that takes the connection and never answers. */
static GSocketListener *
silent_listener_new (char **url)
{
  GSocketListener *listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  *url = g_strdup_printf ("http://127.0.0.1:%u/webapi",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return listener;
}

static void
test_cancel_while_verifying (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autoptr(GSocketListener) listener = silent_listener_new (&url);

  open_dialog (fixture, NULL);
  fill_in (fixture, url, "demo", "demo");
  click_sign_in (fixture);
  g_assert_true (jd_sign_in_dialog_get_busy (fixture->dialog));
  g_assert_false (gtk_widget_is_sensitive (part (fixture, "server_row")));
  g_assert_false (gtk_widget_is_sensitive (part (fixture, "secret_row")));

  /* The spinner comes only once the answer is slow. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (fixture, "sign_in_stack"))), ==, "label");
  g_assert_true (jd_ui_test_wait_for_string (part (fixture, "sign_in_stack"), "visible-child-name", "spinner", WAIT_MS));

  /* Cancel stops verifying and leaves the fields to correct... */
  click (part (fixture, "cancel_button"));
  assert_still_open (fixture);
  assert_no_error_shown (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (fixture, "sign_in_stack"))), ==, "label");
  jd_ui_test_spin (100);
  assert_still_open (fixture);

  /* ...and a second Cancel closes the dialog. */
  click (part (fixture, "cancel_button"));
  wait_closed (fixture);
  g_assert_cmpuint (fixture->signed_in_count, ==, 0);
  g_assert_null (jd_application_get_client (fixture->app));
}

static void
test_close_while_verifying (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autoptr(GSocketListener) listener = silent_listener_new (&url);

  open_dialog (fixture, NULL);
  fill_in (fixture, url, "demo", "demo");
  click_sign_in (fixture);
  g_assert_true (jd_sign_in_dialog_get_busy (fixture->dialog));

  gtk_window_close (GTK_WINDOW (fixture->dialog));
  wait_closed (fixture);
  /* The cancelled request's callback comes and goes quietly. */
  jd_ui_test_spin (200);
  g_assert_cmpuint (fixture->signed_in_count, ==, 0);
  g_assert_null (jd_application_get_client (fixture->app));
}

static void
test_prefilled_from_last_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "server-address", "https://ayx.example.com/webapi");
  g_settings_set_enum (fixture->settings, "sign-in-kind", JD_AUTH_ACCESS_TOKEN);

  open_dialog (fixture, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (fixture, "server_row"))), ==,
                   "https://ayx.example.com/webapi");
  g_assert_cmpint (jd_sign_in_dialog_get_kind (fixture->dialog), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (fixture, "access_token_toggle"))));
  g_assert_true (shown (fixture, "access_token_group"));
  g_assert_false (shown (fixture, "suggestion_row"));

  /* `jobdesk --server URL` wins over the remembered address. */
  jd_window_show_sign_in (fixture->window, "https://other.example.com/webapi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (fixture, "server_row"))), ==,
                   "https://other.example.com/webapi");
}

/* ------------------------------------------------------------------ */
/* A restart                                                           */

typedef struct
{
  gboolean done;
  char    *err;
} Exited;

static void
on_jobdesk_exited_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Exited *exited = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, NULL, &exited->err, NULL);
  exited->done = TRUE;
}

typedef struct
{
  JdDemoServer *server;
  guint         tokens_before;
} NewSession;

/* The newest request carried a token issued after tokens_before. */
static gboolean
new_session_used (gpointer data)
{
  NewSession *session = data;
  g_auto(GStrv) tokens = jd_demo_server_dup_issued_tokens (session->server);
  g_autofree char *auth = jd_demo_server_dup_last_header (session->server, "Authorization");
  guint n = g_strv_length (tokens);
  g_autofree char *newest = NULL;

  if (n <= session->tokens_before || auth == NULL)
    return FALSE;
  newest = g_strconcat ("Bearer ", tokens[n - 1], NULL);
  return g_strcmp0 (auth, newest) == 0;
}

/* Signed in once through the dialog, the next start of the real jobdesk
 * (a process of its own, with the same settings) takes the key and secret
 * from the keyring and looks up the job it is given, with no dialog. */
static void
test_remembered_across_restart (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);
  const char *jobdesk = g_getenv ("JD_JOBDESK_PATH");
  g_autofree char *config = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tokens = NULL;
  NewSession session = { fixture->server, 0 };
  Exited exited = { FALSE, NULL };

  if (!keyring_expected ())
    {
      g_test_skip ("no keyring in this session (tools/test-session starts one)");
      return;
    }
  g_assert_nonnull (jobdesk);

  /* The first run: signed in through the dialog. */
  open_dialog (fixture, NULL);
  fill_in (fixture, url, "demo", "demo");
  click_sign_in (fixture);
  wait_closed (fixture);
  g_assert_true (fixture->remembered);
  remember_stored (fixture, url, JD_AUTH_API_KEY);
  jd_ui_test_wait_for_quiet (fixture->server);

  /* What it left in the settings, in a settings file of the second run's
   * own (the tests' settings live in memory). No secret in it. */
  {
    g_autoptr(GVariant) server = g_settings_get_value (fixture->settings, "server-address");
    g_autoptr(GVariant) kind = g_settings_get_value (fixture->settings, "sign-in-kind");
    g_autofree char *printed_server = g_variant_print (server, FALSE);
    g_autofree char *printed_kind = g_variant_print (kind, FALSE);

    contents = g_strdup_printf ("[io/github/jobdesk/JobDesk]\nserver-address=%s\nsign-in-kind=%s\n",
                                printed_server, printed_kind);
  }
  g_assert_null (strstr (contents, "demo'"));
  config = g_build_filename (g_get_user_config_dir (), "second-run", NULL);
  settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_file_set_contents (keyfile, contents, -1, &error);
  g_assert_no_error (error);

  /* The second run. */
  tokens = jd_demo_server_dup_issued_tokens (fixture->server);
  session.tokens_before = g_strv_length (tokens);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  /* The system's data (icons, the MIME database), which the isolated test
   * dirs hide from this process. */
  g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  process = g_subprocess_launcher_spawn (launcher, &error, jobdesk, JD_DEMO_JOB_SUCCESS, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_jobdesk_exited_cb, &exited);

  /* A token for the stored key, and the lookup made with it. */
  g_assert_true (jd_ui_test_wait_for (new_session_used, &session, WAIT_MS));
  g_assert_false (exited.done);

  /* Quit it as the desktop would, through its app.quit action. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, "/io/github/jobdesk/JobDesk",
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  if (!jd_ui_test_wait_for (flag_set, &exited.done, WAIT_MS))
    {
      g_subprocess_force_exit (process);
      g_assert_not_reached ();
    }
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_printerr ("jobdesk said:\n%s\n", exited.err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_free (exited.err);
}

/* The text of the mnemonic label inside widget that labels it, or NULL. */
static const char *
mnemonic_label_text (GtkWidget *widget,
                     GtkWidget *labelled)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && gtk_label_get_mnemonic_widget (GTK_LABEL (child)) == labelled)
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = mnemonic_label_text (child, labelled)) != NULL)
        return text;
    }
  return NULL;
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  const struct { const char *id; const char *name; } parts[] = {
    { "server_row", "Server address" },
    { "key_row", "API key" },
    { "secret_row", "API secret" },
    { "token_row", "Access token" },
    { "sign_in_button", "Sign In" },
    { "cancel_button", "Cancel" },
    { "demo_button", "Try With Sample Data" },
    { "allow_insecure_switch", "Allow unencrypted connection" },
    { "api_key_toggle", "API Key and Secret" },
    { "access_token_toggle", "Access Token" },
  };

  open_dialog (fixture, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *widget = part (fixture, parts[i].id);
      GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
      const char *mnemonic = GTK_IS_BUTTON (widget) ? mnemonic_label_text (widget, widget) : NULL;
      g_autofree char *name = NULL;

      g_test_message ("%s", parts[i].id);
      if (mnemonic != NULL)
        {
          /* Named by its mnemonic label alone: GTK 4.8 would read a label
           * property as well, twice over (jd-accessible.c). */
          g_assert_cmpstr (mnemonic, ==, parts[i].name);
          g_assert_false (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL));
          continue;
        }
      /* as the bus reads it: entry rows and the switch by their title */
      name = jd_ui_test_accessible_name (widget, NULL);
      g_assert_cmpstr (name, ==, parts[i].name);
    }
}

static void
screenshot (Fixture    *fixture,
            const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  /* Let the new layout reach the screen first. */
  jd_ui_test_spin (300);
  jd_ui_test_screenshot (GTK_WIDGET (fixture->dialog), path);
  g_test_message ("Wrote %s", path);
}

/* Not a check: pictures to look at (JD_SCREENSHOT_DIR=/tmp). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("JD_SCREENSHOT_DIR");

  if (dir == NULL)
    {
      g_test_skip ("Set JD_SCREENSHOT_DIR to write screenshots");
      return;
    }

  open_dialog (fixture, NULL);
  screenshot (fixture, dir, "sign-in-fresh.png");

  type_into (fixture, "server_row", "ayx.example.com");
  screenshot (fixture, dir, "sign-in-suggestion.png");

  fill_in (fixture, jd_demo_server_get_base_url (fixture->server), "demo", "not-the-secret");
  click_sign_in (fixture);
  wait_idle (fixture);
  screenshot (fixture, dir, "sign-in-refused.png");

  type_into (fixture, "server_row", "http://127.0.0.1:1/webapi");
  click_sign_in (fixture);
  wait_idle (fixture);
  screenshot (fixture, dir, "sign-in-unreachable.png");

  type_into (fixture, "server_row", "http://ayx.example.com/webapi");
  click_sign_in (fixture);
  wait_idle (fixture);
  screenshot (fixture, dir, "sign-in-unencrypted.png");

  click (part (fixture, "access_token_toggle"));
  type_into (fixture, "server_row", jd_demo_server_get_base_url (fixture->server));
  type_into (fixture, "token_row", "not-a-token");
  click_sign_in (fixture);
  wait_idle (fixture);
  screenshot (fixture, dir, "sign-in-token-refused.png");
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps accessible names readable (the default,
   * none, keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* Only the keyring of a test session: never a developer's own. A bus
   * address that leads nowhere fails at once and starts no bus. */
  if (!keyring_expected ())
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jobdesk-test-no-bus", TRUE);
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/sign-in/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("api-key/signs-in", test_api_key_signs_in);
  ADD ("api-key/enter-in-last-field-signs-in", test_enter_in_last_field_signs_in);
  ADD ("api-key/wrong-secret-refused-next-to-credentials", test_wrong_secret_refused);
  ADD ("address/unreachable-shown-under-address", test_unreachable_server);
  ADD ("address/bare-host-suggests-webapi", test_bare_host_suggests_webapi);
  ADD ("address/plain-http-warns-and-refuses", test_plain_http_warns_and_refuses);
  ADD ("address/plain-http-allowed-is-remembered", test_plain_http_allowed_is_remembered);
  ADD ("empty-fields-refused-before-any-request", test_empty_fields_refused);
  ADD ("access-token/signs-in", test_access_token_signs_in);
  ADD ("access-token/invalid-refused", test_invalid_token_refused);
  ADD ("sample-data/signs-in", test_sample_data);
  ADD ("cancel-while-verifying", test_cancel_while_verifying);
  ADD ("close-while-verifying", test_close_while_verifying);
  ADD ("prefilled-from-last-sign-in", test_prefilled_from_last_sign_in);
  ADD ("api-key/remembered-across-restart", test_remembered_across_restart);
  ADD ("a11y/names", test_accessible_names);
  ADD ("screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
