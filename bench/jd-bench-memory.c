/* jd-bench-memory.c: does Job Desk give back what a big job held?
 *
 * The real window against the sample server, its resident size read from
 * /proc/self/status (VmRSS). The server runs as a process of its own
 * (jobdesk-demo-server): in this one, its cache of the big job's 11 MB of
 * messages would be counted as the app's.
 *
 *  - idle: the window showing a small job, settled;
 *  - ten times: JD_DEMO_JOB_HUGE (100,000 messages) looked up in the
 *    tab, then the small job again: the size after each, beside idle
 *    (target: within 20 MB), and the growth from the first to the tenth
 *    (target: none beyond noise);
 *  - the big job in a tab of its own, the tab closed: the size after.
 *
 * The benchmark never calls malloc_trim itself: what it measures is what
 * the app does on its own. Run it with JD_NO_MALLOC_TRIM=1 to see the
 * same without the app's trim. It never fails on a target, only when
 * something breaks. tools/run-benchmark runs it after jd-bench.
 */
#define G_LOG_DOMAIN "jd-bench-memory"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "jd-application.h"
#include "jd-application-private.h"
#include "jd-client.h"
#include "jd-demo-server.h"
#include "jd-lookup-page.h"
#include "jd-memory.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define HUGE_COUNT 100000
#define LOOKUP_TIMEOUT_MS 120000
/* After a lookup or a close: the app's trim runs half a second after the
 * big job's messages are dropped. */
#define SETTLE_MS 1500
#define TARGET_RETAINED_MB 20.0

static int n_repeats = 10;

static GOptionEntry entries[] = {
  { "repeats", 'n', 0, G_OPTION_ARG_INT, &n_repeats, "Lookups of the big job (default 10)", "N" },
  { NULL }
};

static G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) void
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "jd-bench-memory: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_wait_timeout_cb, &timed_out);
  /* the sample server runs in a thread of its own: look again often */
  guint tick = g_timeout_add (20, keep_going, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_source_remove (tick);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
spin (guint ms)
{
  wait_for (never, NULL, ms);
}

/* Resident size in MB: VmRSS of /proc/self/status (what statm counts in
 * pages, here in kB, without asking for the page size). */
static double
rss_mb (void)
{
  g_autofree char *contents = NULL;
  const char *line;
  unsigned long kb = 0;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL) ||
      (line = strstr (contents, "VmRSS:")) == NULL ||
      sscanf (line + strlen ("VmRSS:"), "%lu", &kb) != 1)
    die ("cannot read VmRSS from /proc/self/status");

  return kb / 1024.0;
}

typedef struct
{
  JdLookupPage *page;
  const char   *id;
  guint         n_messages;
} ShownWait;

static gboolean
job_shown (gpointer data)
{
  ShownWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);
  JdLookupState state = jd_lookup_page_get_state (wait->page);

  if (state == JD_LOOKUP_STATE_ERROR)
    return TRUE;

  return job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0 &&
         state == JD_LOOKUP_STATE_JOB &&
         g_list_model_get_n_items (jd_job_get_messages (job)) >= wait->n_messages;
}

/* Looks id up in the selected tab, as its entry does, and waits until the
 * page shows it with at least n_messages messages and the window settled. */
static void
look_up (JdWindow   *window,
         const char *id,
         guint       n_messages)
{
  ShownWait wait = { jd_window_get_lookup_page (window), id, n_messages };

  if (!jd_lookup_page_look_up_text (wait.page, id))
    die ("the window refused job ID %s", id);
  if (!wait_for (job_shown, &wait, LOOKUP_TIMEOUT_MS))
    die ("the window did not show job %s in time", id);
  if (jd_lookup_page_get_state (wait.page) != JD_LOOKUP_STATE_JOB)
    die ("the window could not look up job %s", id);
}

/* jobdesk-demo-server, started; its first line of output is its URL. */
static GSubprocess *
start_demo_server (char **base_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *server;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             JD_BENCH_DEMO_SERVER, NULL);
  if (server == NULL)
    die ("could not start %s: %s", JD_BENCH_DEMO_SERVER, error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  *base_url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  if (*base_url == NULL)
    die ("the sample server said nothing: %s", error != NULL ? error->message : "end of output");

  return server;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "NOT met";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— memory Job Desk gives back");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdApplication) app = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  JdWindow *window;
  double idle, peak = 0, closed, growth, worst = 0;
  guint trims_before;

  /* as the app does, before any thread starts (GTK's and GIO's too) */
  jd_memory_init ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("%s", error->message);
  if (n_repeats < 2)
    die ("--repeats must be at least 2");

  g_setenv ("GSETTINGS_SCHEMA_DIR", JD_BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  gtk_init ();
  adw_init ();

  app = jd_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".BenchMemory");
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    die ("could not register the application: %s", error->message);

  server = start_demo_server (&base_url);
  client = jd_client_new (NULL, base_url);
  jd_client_set_timeout (client, 60);
  jd_client_set_api_key (client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_application_set_client (app, client);

  window = jd_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));

  g_print ("Memory: the window, JD_DEMO_JOB_HUGE (%u messages) against a small job%s\n",
           HUGE_COUNT, g_getenv ("JD_NO_MALLOC_TRIM") != NULL ? " (JD_NO_MALLOC_TRIM: the app does not trim)" : "");

  look_up (window, JD_DEMO_JOB_SUCCESS, 0);
  spin (SETTLE_MS);
  idle = rss_mb ();
  g_print ("  idle, a small job shown              %7.1f MB\n", idle);

  trims_before = jd_memory_get_n_trims ();
  for (int i = 0; i < n_repeats; i++)
    {
      double big, small;

      look_up (window, JD_DEMO_JOB_HUGE, HUGE_COUNT);
      spin (300);
      big = rss_mb ();
      peak = MAX (peak, big);

      look_up (window, JD_DEMO_JOB_SUCCESS, 0);
      spin (SETTLE_MS);
      small = rss_mb ();
      g_array_append_val (after, small);
      worst = MAX (worst, small - idle);
      g_print ("  lookup %2d: big job %7.1f MB, small job after it %7.1f MB (%+.1f MB beside idle)\n",
               i + 1, big, small, small - idle);
    }

  /* the big job in a tab of its own, and that tab closed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-tab", NULL));
  spin (200);
  look_up (window, JD_DEMO_JOB_HUGE, HUGE_COUNT);
  spin (300);
  g_print ("  a second tab with the big job        %7.1f MB\n", rss_mb ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  spin (SETTLE_MS);
  closed = rss_mb ();
  worst = MAX (worst, closed - idle);

  growth = g_array_index (after, double, after->len - 1) - g_array_index (after, double, 0);
  g_print ("  that tab closed                      %7.1f MB (%+.1f MB beside idle)\n", closed, closed - idle);
  g_print ("\n");
  g_print ("  highest with the big job             %7.1f MB\n", peak);
  g_print ("  retained after a small lookup or a close, worst: %+.1f MB beside idle"
           " (target ≤ %.0f MB: %s)\n", worst, TARGET_RETAINED_MB, verdict (worst <= TARGET_RETAINED_MB));
  g_print ("  growth from lookup 1 to lookup %d: %+.1f MB (target: none beyond 5 MB of noise: %s)\n",
           n_repeats, growth, verdict (growth <= 5.0));
  g_print ("  trims the app ran: %u\n", jd_memory_get_n_trims () - trims_before);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  jd_application_set_client (app, NULL);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  return 0;
}
