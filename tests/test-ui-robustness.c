/* test-ui-robustness.c: what the window says when the server misbehaves.
 *
 * The real window looks up a job on a JdBrokenServer playing one scenario,
 * and the test reads the lookup page's error state: the headline the UI
 * gives the error's code, and a description that is a whole sentence in
 * plain words (no bare code, no "HTTP") that says what to do.
 */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-error-text.h"
#include "jd-lookup-page.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
#define WAIT_MS 20000

typedef struct
{
  const char   *name;       /* /ui/robustness/<name> */
  const char   *scenario;   /* NULL: a server with an untrusted certificate */
  JdClientError code;
  guint         timeout;    /* the client's deadline, seconds */
} UiCase;

typedef struct
{
  JdApplication  *app;
  JdBrokenServer *server;
  JdClient       *client;
  JdWindow       *window;
  JdLookupPage   *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const UiCase *ui_case = data;

  if (ui_case->scenario != NULL)
    {
      fixture->server = jd_broken_server_new (NULL);
      jd_broken_server_set_scenario (fixture->server, ui_case->scenario);
    }
  else
    {
      g_autoptr(GTlsCertificate) certificate = jd_broken_server_load_test_certificate ();

      fixture->server = jd_broken_server_new_tls (NULL, certificate);
    }

  fixture->client = jd_client_new (NULL, jd_broken_server_get_base_url (fixture->server));
  jd_client_set_access_token (fixture->client, "t0ken");
  jd_client_set_timeout (fixture->client, ui_case->timeout);

  fixture->app = jd_ui_test_app_new ();
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_broken_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static gboolean
page_failed (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (jd_lookup_page_get_state (fixture->page), "error") == 0;
}

/* What a user can act on, in the words our sentences use. */
static gboolean
says_what_to_do (const char *text)
{
  const char * const hints[] = {
    "try again", "Try again", "check", "Check", "ask ", "Ask ", "tell ", "Tell ",
    "sign in", "Sign in", "install", "Get a new", "paste", NULL
  };

  for (guint i = 0; hints[i] != NULL; i++)
    {
      if (strstr (text, hints[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
assert_sentence (const char *text)
{
  gsize length;

  g_assert_nonnull (text);
  length = strlen (text);
  g_assert_cmpuint (length, >, 40);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_unichar_isupper (g_utf8_get_char (text)));
  g_assert_true (text[length - 1] == '.' || g_str_has_suffix (text, ".”"));
  /* words, not protocol or code */
  g_assert_null (strstr (text, "HTTP"));
  g_assert_null (strstr (text, "quark"));
  g_assert_null (strstr (text, "(null)"));
  g_assert_true (says_what_to_do (text));
}

static void
test_error_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  const UiCase *ui_case = data;
  g_autoptr(GError) expected = g_error_new_literal (JD_CLIENT_ERROR, ui_case->code, "");
  GtkEditable *entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "job_entry"));
  AdwStatusPage *status = ADW_STATUS_PAGE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "error_page"));
  const char *title;
  const char *description;

  g_assert_nonnull (entry);
  g_assert_nonnull (status);

  gtk_editable_set_text (entry, JOB_ID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
  g_assert_true (jd_ui_test_wait_for (page_failed, fixture, WAIT_MS));

  title = adw_status_page_get_title (status);
  description = adw_status_page_get_description (status);
  g_test_message ("%s: “%s” — %s", ui_case->name, title, description);

  if (ui_case->code == JD_CLIENT_ERROR_NOT_FOUND)
    g_assert_cmpstr (title, ==, "Job Not Found");
  else
    g_assert_cmpstr (title, ==, jd_error_title (expected));
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, jd_error_icon_name (expected));
  assert_sentence (description);

  if (g_getenv ("JD_UI_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *file = g_strdelimit (g_strconcat (ui_case->name, ".png", NULL), "/", '-');
      g_autofree char *path = g_build_filename (g_getenv ("JD_UI_SCREENSHOT_DIR"), file, NULL);

      /* let the status page reach the screen first */
      jd_ui_test_spin (300);
      jd_ui_test_screenshot (GTK_WIDGET (fixture->window), path);
    }
}

/* Deadlines are generous (sanitizer builds are slow) except where the
 * deadline is the point. */
static const UiCase ui_cases[] = {
  { "html-502",           "html-502",      JD_CLIENT_ERROR_SERVER,        15 },
  { "404",                "status-404",    JD_CLIENT_ERROR_NOT_FOUND,     15 },
  { "403",                "status-403",    JD_CLIENT_ERROR_FORBIDDEN,     15 },
  { "429",                "rate-limited",  JD_CLIENT_ERROR_RATE_LIMITED,  15 },
  { "timeout",            "never-answers", JD_CLIENT_ERROR_TIMEOUT,        2 },
  { "tls-untrusted",      NULL,            JD_CLIENT_ERROR_TLS,           15 },
  { "malformed",          "malformed",     JD_CLIENT_ERROR_BAD_RESPONSE,  15 },
  { "connection-reset",   "reset",         JD_CLIENT_ERROR_NETWORK,       15 },
};

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (ui_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/ui/robustness/", ui_cases[i].name, NULL);

      g_test_add (path, Fixture, &ui_cases[i], fixture_set_up, test_error_shown, fixture_tear_down);
    }

  return g_test_run ();
}
