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
#include "jd-demo-server.h"
#include "jd-error-text.h"
#include "jd-lookup-page.h"
#include "jd-test-util.h"
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

  return jd_lookup_page_get_state (fixture->page) == JD_LOOKUP_STATE_ERROR;
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

/* ------------------------------------------------------------------ */
/* Restored tabs cannot block a start                                  */

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdWindow      *window;
  gboolean       painted;
  gboolean       idle;
} Start;

static gboolean
on_start_idle_cb (gpointer data)
{
  ((Start *) data)->idle = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_start_painted_cb (GdkFrameClock *clock,
                     Start         *start)
{
  if (start->painted)
    return;

  start->painted = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, on_start_idle_cb, start, NULL);
}

static gboolean
start_settled (gpointer data)
{
  return ((Start *) data)->idle;
}

static gboolean
first_tab_shows_job (gpointer data)
{
  Start *start = data;
  JdLookupPage *page = jd_window_get_lookup_page (start->window);

  return jd_lookup_page_get_state (page) == JD_LOOKUP_STATE_JOB;
}

/* Starts a window as a start does, and waits until it painted a frame and
 * got back to idle; returns the requests it sent until all was quiet. */
static guint
start_window (Start      *start,
              gboolean    expect_job)
{
  guint before;
  gint64 shown;
  GdkFrameClock *clock;
  gulong id;

  jd_ui_test_wait_for_quiet (start->server);
  before = jd_demo_server_get_request_count (start->server);
  start->painted = start->idle = FALSE;

  start->window = jd_application_new_window (start->app);
  gtk_widget_realize (GTK_WIDGET (start->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (start->window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_start_painted_cb), start);
  shown = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (start->window));

  /* interactive: a frame, then idle, within a couple of seconds */
  g_assert_true (jd_ui_test_wait_for (start_settled, start, WAIT_MS));
  /* 5 s on an idle machine, stretched for slow and loaded runs */
  g_assert_cmpint (g_get_monotonic_time () - shown, <, jd_test_bound_us (5000, 0));
  g_signal_handler_disconnect (clock, id);

  if (expect_job)
    g_assert_true (jd_ui_test_wait_for (first_tab_shows_job, start, WAIT_MS));
  jd_ui_test_wait_for_quiet (start->server);
  return jd_demo_server_get_request_count (start->server) - before;
}

/* The sample server's 11 MB job (100,000 messages) stands for a job that
 * takes long to lay out. Unselected at start, its tab sends nothing and
 * the window is interactive at once; marked as not laid out in time last
 * time, it is not reopened at all. */
static void
test_start_with_restored_freezing_job (void)
{
  const char *one[] = { JD_DEMO_JOB_SUCCESS, NULL };
  const char *two[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_HUGE, NULL };
  const char *frozen[] = { JD_DEMO_JOB_HUGE, NULL };
  g_autoptr(JdClient) client = NULL;
  AdwTabView *view;
  JdLookupPage *huge;
  GSettings *settings;
  Start start = { 0 };
  guint alone, with_huge, after_freeze;

  start.app = jd_ui_test_app_new ();
  start.server = jd_ui_test_demo_server_new ();
  client = jd_ui_test_demo_client_new (start.server, FALSE);
  jd_application_set_client (start.app, client);
  settings = jd_application_get_settings (start.app);

  /* what a start with one tab sends (the first start also fetches a
   * token, which the others reuse) */
  g_settings_set_strv (settings, "open-tabs", one);
  start_window (&start, TRUE);
  gtk_window_destroy (GTK_WINDOW (start.window));
  alone = start_window (&start, TRUE);
  gtk_window_destroy (GTK_WINDOW (start.window));

  /* the same with the huge job in a second tab: not one request more */
  g_settings_set_strv (settings, "open-tabs", two);
  with_huge = start_window (&start, TRUE);
  g_assert_cmpuint (with_huge, ==, alone);
  view = jd_window_get_tab_view (start.window);
  g_assert_cmpuint (adw_tab_view_get_n_pages (view), ==, 2);
  huge = JD_LOOKUP_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (view, 1)));
  g_assert_cmpstr (jd_lookup_page_get_job_id (huge), ==, JD_DEMO_JOB_HUGE);
  g_assert_false (jd_lookup_page_get_looked_up (huge));
  g_assert_null (jd_lookup_page_get_job (huge));
  gtk_window_destroy (GTK_WINDOW (start.window));

  /* it froze the last start before it was laid out: not reopened, and
   * the window says so instead of asking for it */
  g_settings_set_strv (settings, "open-tabs", frozen);
  g_settings_set_strv (settings, "unsettled-tabs", frozen);
  after_freeze = start_window (&start, FALSE);
  g_assert_cmpuint (after_freeze, <, alone);
  view = jd_window_get_tab_view (start.window);
  g_assert_cmpuint (adw_tab_view_get_n_pages (view), ==, 1);
  g_assert_true (jd_lookup_page_is_blank (jd_window_get_lookup_page (start.window)));
  g_assert_nonnull (jd_ui_test_find_by_text (GTK_WIDGET (start.window),
                                             "1 tab was not reopened: its job took too long to show last time."));
  gtk_window_destroy (GTK_WINDOW (start.window));

  jd_ui_test_spin (50);
  jd_application_set_client (start.app, NULL);
  jd_demo_server_stop (start.server);
  g_clear_object (&start.server);
  g_clear_object (&start.app);
}

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

  g_test_add_func ("/ui/robustness/start-with-restored-freezing-job", test_start_with_restored_freezing_job);

  return g_test_run ();
}
