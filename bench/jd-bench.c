/* jd-bench.c: Job Desk's performance figures, against the command line
 * and a minimal libadwaita window.
 *
 * Run it through tools/run-benchmark, which builds a release build and
 * gives it a virtual display and a session bus. Each figure is measured
 * several times in one run and reported as median, min and max:
 *
 *  - lookup: JD_DEMO_JOB_HUGE (100,000 messages, ~11.7 MB of JSON, or
 *    --messages of them: 1,000,000 are 117 MB) from
 *    JdDemoServer in a thread of its own, as in the app. Through the
 *    client alone (request to JdJob), and through a real JdWindow: the
 *    job is looked up in the selected tab, as its entry does, and timed
 *    to the job view showing it (the tab holds the job, its state is
 *    "job", and the window has painted a frame). Against the same server,
 *    curl | jq '.messages | length' as a shell pipeline.
 *  - the longest time the main loop went without running during the
 *    window lookup (a 1 ms timeout that records gaps), and the most CPU
 *    time the main thread used within one gap: on a loaded machine a gap
 *    may be the scheduler's, and the second figure tells.
 *  - memory: VmRSS before, VmHWM during (reset through clear_refs), and
 *    VmRSS after the job was replaced by a small one (after malloc_trim).
 *  - start-up: exec to the first after-paint of the main window's frame
 *    clock (src/main.c prints it with JOBDESK_BENCH_FIRST_FRAME=1), for
 *    jobdesk and for bench/minimal-window. Two runs of jobdesk: a first
 *    start (settings in memory; the sign-in dialog opens over the window,
 *    and is not part of the window's first frame), and a start with a
 *    saved sign-in (the keyring is asked, asynchronously).
 *  - search and filter of the 100,000 messages in the window's job view:
 *    through the search entry's handler and the filter buttons, timed to
 *    the model being updated and to the next frame.
 *
 * It never fails on a target; it exits non-zero when something breaks.
 * JD_BENCH_VERBOSE=1 prints every main-loop gap over 8 ms and every frame
 * phase over 5 ms, for finding what a figure is made of.
 */
#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-application.h"
#include "jd-application-private.h"
#include "jd-client.h"
#include "jd-demo-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-message-filter-model.h"
#include "jd-window.h"
#include "jd-window-private.h"

#include "jd-bench-report.h"
#include "jd-bench-probe.h"

/* JD_DEMO_JOB_HUGE's messages: 100,000, or --messages */
static int huge_count = 100000;
#define HUGE_COUNT ((guint) huge_count)
/* any number of messages */
#define ANY_COUNT G_MAXUINT
#define LOOKUP_TIMEOUT_MS 120000

static gboolean skip_startup = FALSE;
static char *only = NULL;

static GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs per figure (default 5)", "N" },
  { "jobdesk", 0, 0, G_OPTION_ARG_FILENAME, &jobdesk_path, "The jobdesk executable", "PATH" },
  { "minimal", 0, 0, G_OPTION_ARG_FILENAME, &minimal_path, "The minimal-window executable", "PATH" },
  { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures here as JSON", "PATH" },
  { "skip-startup", 0, 0, G_OPTION_ARG_NONE, &skip_startup, "Leave out the start-up figures", NULL },
  { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only these figures: lookup, filter or startup, or several with commas", "PARTS" },
  { "messages", 0, 0, G_OPTION_ARG_INT, &huge_count, "Messages of the big job (default 100000; 1000000 is 117 MB)", "N" },
  { NULL }
};


/* ------------------------------------------------------------------ */
/* The bench                                                           */

typedef struct
{
  JdApplication *app;
  JdClient      *client;
  const char    *base_url;
  char          *token;
  JdWindow      *window;
  JdLookupPage  *page;
  Frames         frames;
} Bench;

/* Waits until the messages list has every item, then for a frame; the
 * time of that frame. */
static gint64
wait_until_settled (Bench *bench)
{
  guint paints;

  if (!wait_for (list_filled, bench->page, 5000))
    die ("the messages list was never handed all messages");

  paints = bench->frames.n_paints;
  return wait_for_paint (&bench->frames, paints, 1000) ?: g_get_monotonic_time ();
}

/* The window's lookup page shows a new job with this ID. */
typedef struct
{
  JdLookupPage *page;
  JdJob        *old_job;
  const char   *id;
  gint64        shown_at;
} ShownWait;

static gboolean
job_shown (gpointer data)
{
  ShownWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);
  JdLookupState state = jd_lookup_page_get_state (wait->page);

  if (state == JD_LOOKUP_STATE_ERROR)
    return TRUE;

  return job != NULL && job != wait->old_job &&
         g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0 &&
         state == JD_LOOKUP_STATE_JOB;
}

static void
on_page_notify_cb (JdLookupPage *page,
                   GParamSpec   *pspec,
                   ShownWait    *wait)
{
  if (wait->shown_at == 0 && job_shown (wait))
    wait->shown_at = g_get_monotonic_time ();
}

typedef struct
{
  gint64 start;
  gint64 job_shown;   /* the page holds the job, state "job" */
  gint64 painted;     /* the first frame after that */
  gint64 settled;     /* the frame after the list has all items */
  gint64 max_gap;
  gint64 max_gap_at;  /* since start */
  gint64 max_busy;
} WindowLookup;

/* The page's job holds all its messages: the lookup asks for the status
 * first (includeMessages=false) and the messages after. */
typedef struct
{
  JdLookupPage *page;
  guint         n_messages;
} MessagesWait;

static gboolean
messages_arrived (gpointer data)
{
  MessagesWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);

  return job != NULL && g_list_model_get_n_items (jd_job_get_messages (job)) >= wait->n_messages;
}

/* Looks up an ID through the window, as the entry does, and waits until
 * the job view shows it and a frame was painted (the status), then until
 * its messages are there and listed (settled). */
static WindowLookup
look_up_in_window (Bench      *bench,
                   const char *id,
                   guint       expected_messages)
{
  ShownWait wait = { bench->page, jd_lookup_page_get_job (bench->page), id, 0 };
  WindowLookup result = { 0 };
  GapProbe probe = { 0 };
  gulong handler;
  JdJob *job;
  guint paints;

  handler = g_signal_connect (bench->page, "notify", G_CALLBACK (on_page_notify_cb), &wait);

  gap_probe_start (&probe);
  result.start = g_get_monotonic_time ();
  /* as the job entry of the selected tab does (jd_window_look_up would
   * switch to another tab that already shows the job) */
  if (!jd_lookup_page_look_up_text (bench->page, id))
    die ("the window refused job ID %s", id);

  if (!wait_for (job_shown, &wait, LOOKUP_TIMEOUT_MS))
    die ("the window did not show job %s in time", id);
  if (jd_lookup_page_get_state (bench->page) != JD_LOOKUP_STATE_JOB)
    die ("the window could not look up job %s", id);

  result.job_shown = wait.shown_at != 0 ? wait.shown_at : g_get_monotonic_time ();
  if (g_getenv ("JD_BENCH_VERBOSE") != NULL)
    g_printerr ("    start %" G_GINT64_FORMAT " shown %" G_GINT64_FORMAT "\n", result.start / 1000, result.job_shown / 1000);
  paints = bench->frames.n_paints;
  result.painted = wait_for_paint (&bench->frames, paints, 5000);
  if (result.painted == 0)
    die ("the window painted no frame after showing job %s", id);
  if (expected_messages != ANY_COUNT)
    {
      MessagesWait messages = { bench->page, expected_messages };

      if (!wait_for (messages_arrived, &messages, LOOKUP_TIMEOUT_MS))
        die ("the window did not get the messages of job %s in time", id);
    }
  result.settled = wait_until_settled (bench);

  gap_probe_stop (&probe);
  g_signal_handler_disconnect (bench->page, handler);

  result.max_gap = probe.max_gap;
  result.max_gap_at = probe.max_gap_end - result.start;
  result.max_busy = probe.max_busy;

  job = jd_lookup_page_get_job (bench->page);
  if (expected_messages != ANY_COUNT &&
      g_list_model_get_n_items (jd_job_get_messages (job)) != expected_messages)
    die ("job %s shows %u messages, not %u", id,
         g_list_model_get_n_items (jd_job_get_messages (job)), expected_messages);

  return result;
}

typedef struct
{
  JdJob  *job;
  GError *error;
  gboolean done;
} ClientLookup;

static void
on_client_job_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClientLookup *lookup = user_data;

  lookup->job = jd_client_get_job_finish (JD_CLIENT (source), result, &lookup->error);
  lookup->done = TRUE;
}

static gboolean
client_lookup_done (gpointer data)
{
  return ((ClientLookup *) data)->done;
}

static double
look_up_with_client (Bench    *bench,
                     gint64   *max_gap)
{
  ClientLookup lookup = { 0 };
  GapProbe probe = { 0 };
  gint64 start, end;
  guint n;

  gap_probe_start (&probe);
  start = g_get_monotonic_time ();
  jd_client_get_job_async (bench->client, JD_DEMO_JOB_HUGE, TRUE, NULL, on_client_job_cb, &lookup);
  if (!wait_for (client_lookup_done, &lookup, LOOKUP_TIMEOUT_MS))
    die ("the client did not answer in time");
  end = g_get_monotonic_time ();
  gap_probe_stop (&probe);
  *max_gap = probe.max_gap;

  if (lookup.job == NULL)
    die ("the client lookup failed: %s", lookup.error->message);

  n = g_list_model_get_n_items (jd_job_get_messages (lookup.job));
  g_object_unref (lookup.job);
  if (n != HUGE_COUNT)
    die ("the client read %u messages, not %u", n, HUGE_COUNT);

  return ms_since (start, end);
}

static char *
run_shell (const char *command,
           gint64     *elapsed_us)
{
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    die ("could not run sh: %s", error->message);
  if (elapsed_us != NULL)
    *elapsed_us = g_get_monotonic_time () - start;

  if (!g_spawn_check_wait_status (status, &error))
    die ("“%s” failed: %s %s", command, error->message, err != NULL ? err : "");

  return g_strstrip (g_steal_pointer (&out));
}

static char *
get_token (Bench *bench)
{
  g_autofree char *command = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  command = g_strdup_printf ("curl -s -d grant_type=client_credentials -d client_id=%s -d client_secret=%s '%s/oauth2/token'",
                             JD_DEMO_API_KEY, JD_DEMO_API_SECRET, bench->base_url);
  answer = run_shell (command, NULL);

  if (!json_parser_load_from_data (parser, answer, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "access_token"))
    die ("the token endpoint answered: %s", answer);

  return g_strdup (json_object_get_string_member (json_node_get_object (root), "access_token"));
}

static double
curl_jq (Bench *bench)
{
  g_autofree char *command = NULL;
  g_autofree char *answer = NULL;
  gint64 elapsed;

  command = g_strdup_printf ("curl -s -H 'Authorization: Bearer %s' -H 'Accept: application/json' "
                             "'%s/v3/jobs/%s?includeMessages=true' | jq '.messages | length'",
                             bench->token, bench->base_url, JD_DEMO_JOB_HUGE);
  answer = run_shell (command, &elapsed);

  if (g_ascii_strtoll (answer, NULL, 10) != HUGE_COUNT)
    die ("curl | jq counted “%s” messages, not %u", answer, HUGE_COUNT);

  return elapsed / 1000.0;
}

/* The messages tab, as an analyst who reads them sees the job. */
static void
show_messages_tab (Bench *bench)
{
  GtkWidget *view = find_by_type (GTK_WIDGET (bench->page), JD_TYPE_JOB_VIEW);

  if (view == NULL || !gtk_widget_activate_action (view, "job-view.search-messages", NULL))
    die ("the job view's messages tab could not be shown");
}

static void
bench_lookup (Bench *bench)
{
  Series *ours_window = series_new ("lookup_window_ms", "Lookup, request → status painted", "ms");
  Series *settled = series_new ("lookup_window_settled_ms", "Lookup, request → all messages listed", "ms");
  Series *ours_client = series_new ("lookup_client_ms", "Lookup, request → JdJob (client only)", "ms");
  Series *curl = series_new ("curl_jq_ms", "curl | jq '.messages | length'", "ms");
  Series *gap = series_new ("main_loop_max_gap_ms", "Longest main-loop gap, window lookup", "ms");
  Series *gap_client = series_new ("main_loop_max_gap_client_ms", "Longest main-loop gap, client lookup", "ms");
  Series *busy = series_new ("main_loop_max_busy_ms", "Most main-thread CPU in one gap, window lookup", "ms");
  Series *shown = series_new ("lookup_window_job_shown_ms", "Lookup, request → job in the view (before paint)", "ms");
  Series *rss_before = series_new ("rss_before_mb", "Resident before the lookup", "MB");
  Series *rss_peak = series_new ("rss_peak_mb", "Resident at the peak (VmHWM)", "MB");
  Series *rss_shown = series_new ("rss_shown_mb", "Resident while the job is shown", "MB");
  Series *rss_after = series_new ("rss_after_mb", "Resident after the job was replaced", "MB");
  Series *peak_added = series_new ("peak_added_mb", "Peak added by the lookup", "MB");
  Series *held = series_new ("held_while_shown_mb", "Held while the job is shown", "MB");
  Series *retained = series_new ("retained_mb", "Retained after the job was replaced", "MB");
  gboolean can_reset_peak;

  g_print ("Lookup of %s (%u messages)…\n", JD_DEMO_JOB_HUGE, HUGE_COUNT);

  /* Warm-up: the server builds and caches its 11 MB answer, the client
   * gets its token and connection, GTK its row widgets. */
  look_up_in_window (bench, JD_DEMO_JOB_SUCCESS, ANY_COUNT);
  look_up_in_window (bench, JD_DEMO_JOB_HUGE, HUGE_COUNT);
  show_messages_tab (bench);
  spin (100);
  look_up_in_window (bench, JD_DEMO_JOB_SUCCESS, ANY_COUNT);
  {
    gint64 ignored;

    look_up_with_client (bench, &ignored);
  }
  curl_jq (bench);

  can_reset_peak = reset_peak ();
  if (!can_reset_peak)
    g_printerr ("jd-bench: /proc/self/clear_refs is not writable; the peak is the process's\n");

  for (int run = 0; run < n_runs; run++)
    {
      WindowLookup lookup;
      gint64 before, peak, while_shown, after;
      gint64 client_gap;

      series_add (curl, curl_jq (bench));

      series_add (ours_client, look_up_with_client (bench, &client_gap));
      series_add (gap_client, client_gap / 1000.0);

      /* a small job is shown before and after, as when an analyst goes
       * from job to job */
      spin (200);
      malloc_trim (0);
      before = read_status_kb ("VmRSS:");
      reset_peak ();

      lookup = look_up_in_window (bench, JD_DEMO_JOB_HUGE, HUGE_COUNT);
      peak = read_status_kb ("VmHWM:");
      spin (200);
      while_shown = read_status_kb ("VmRSS:");
      peak = MAX (peak, read_status_kb ("VmHWM:"));

      look_up_in_window (bench, JD_DEMO_JOB_SUCCESS, ANY_COUNT);
      spin (200);
      malloc_trim (0);
      after = read_status_kb ("VmRSS:");

      series_add (ours_window, ms_since (lookup.start, lookup.painted));
      series_add (settled, ms_since (lookup.start, lookup.settled));
      series_add (shown, ms_since (lookup.start, lookup.job_shown));
      series_add (gap, lookup.max_gap / 1000.0);
      series_add (busy, lookup.max_busy / 1000.0);
      series_add (rss_before, mb (before));
      series_add (rss_peak, mb (peak));
      series_add (rss_shown, mb (while_shown));
      series_add (rss_after, mb (after));
      series_add (peak_added, mb (peak - before));
      series_add (held, mb (while_shown - before));
      series_add (retained, mb (after - before));

      g_print ("  run %d: window %.0f ms (shown %.0f, gap %.1f ms at +%.0f ms), client %.0f ms, curl|jq %.0f ms, "
               "RSS %.0f → peak %.0f → shown %.0f → after %.0f MB\n",
               run + 1, ms_since (lookup.start, lookup.painted), ms_since (lookup.start, lookup.job_shown),
               lookup.max_gap / 1000.0, lookup.max_gap_at / 1000.0,
               g_array_index (ours_client->values, double, run),
               g_array_index (curl->values, double, run),
               mb (before), mb (peak), mb (while_shown), mb (after));
    }
}

/* ------------------------------------------------------------------ */
/* Search and filter                                                   */

typedef struct
{
  const char *name;
  const char *search;   /* NULL: a filter button instead */
  const char *toggle;   /* the filter button's id in jd-job-view.ui */
} Step;

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Edits the entry's text into text as typing does: a letter added or
 * taken away at the end (gtk_editable_set_text () would empty the entry
 * first, which a search entry takes as a cleared search at once). */
static void
type_into (GtkEditable *editable,
           const char  *text)
{
  const char *old = gtk_editable_get_text (editable);
  int common = 0;
  int position;

  while (old[common] != '\0' && old[common] == text[common])
    common++;
  /* ASCII steps only: bytes are characters */
  if (old[common] != '\0')
    gtk_editable_delete_text (editable, common, -1);
  position = common;
  if (text[common] != '\0')
    gtk_editable_insert_text (editable, text + common, -1, &position);
}

static gboolean
filter_not_busy (gpointer data)
{
  return !jd_message_filter_model_get_busy (data);
}

/* What a keystroke in the search entry does once its search delay has
 * passed, and what a click on a filter button does: both go through the
 * job view's own handlers, which update the filter model and the counts;
 * the list view is attached and shown. */
static void
bench_filter (Bench *bench)
{
  static const Step steps[] = {
    { "search “r”", "r" }, { "search “re”", "re" }, { "search “rec”", "rec" },
    { "search “rece”", "rece" }, { "search “recei”", "recei" }, { "search “receip”", "receip" },
    { "search “receipt”", "receipt" }, { "clear the search", "" },
    { "search “m”", "m" }, { "search “mo”", "mo" }, { "search “mov”", "mov" },
    { "search “move”", "move" }, { "search “movem”", "movem" }, { "search “moveme”", "moveme" },
    { "search “movemen”", "movemen" }, { "search “movement”", "movement" },
    { "search “movemen” (backspace)", "movemen" }, { "clear the search", "" },
    { "filter Errors", NULL, "errors_toggle" },
    { "filter Warnings", NULL, "warnings_toggle" },
    { "filter Files", NULL, "files_toggle" },
    { "filter Info", NULL, "info_toggle" },
    { "filter All", NULL, "all_toggle" },
  };
  Series *search_model = series_new ("search_model_ms", "Search keystroke, model and counts updated", "ms");
  Series *search_frame = series_new ("search_frame_ms", "Search keystroke, frame painted", "ms");
  Series *filter_model = series_new ("filter_model_ms", "Severity filter, model and counts updated", "ms");
  Series *filter_frame = series_new ("filter_frame_ms", "Severity filter, frame painted", "ms");
  Series *search_settled = series_new ("search_settled_ms", "Search keystroke, every row of the list there", "ms");
  Series *filter_settled = series_new ("filter_settled_ms", "Severity filter, every row of the list there", "ms");
  Series *search_cpu = series_new ("search_frame_cpu_ms", "Search keystroke to frame, main-thread CPU", "ms");
  Series *filter_cpu = series_new ("filter_frame_cpu_ms", "Severity filter to frame, main-thread CPU", "ms");
  Series *search_matched = series_new ("search_matched_ms", "Search keystroke, matches painted (worker thread)", "ms");
  Series *step_gap = series_new ("filter_max_gap_ms", "Longest main-loop gap, search or filter step", "ms");
  GapProbe probe = { 0 };
  JdMessageFilterModel *filter;
  GtkWidget *view;
  GtkWidget *entry;
  const char *worst_step = NULL;
  double worst = 0;

  g_print ("Search and filter of %u messages in the job view…\n", HUGE_COUNT);

  look_up_in_window (bench, JD_DEMO_JOB_HUGE, HUGE_COUNT);
  show_messages_tab (bench);
  spin (300);

  view = find_by_type (GTK_WIDGET (bench->page), JD_TYPE_JOB_VIEW);
  filter = find_message_filter (view);
  entry = find_by_id (view, "search_entry");
  if (filter == NULL || jd_message_filter_model_get_n_total (filter) != HUGE_COUNT || !GTK_IS_SEARCH_ENTRY (entry))
    die ("the job view's search and message filter were not found");

  for (int run = -1; run < n_runs; run++)   /* run -1 warms up */
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          const Step *step = &steps[i];
          GtkWidget *toggle = NULL;
          gint64 start, modelled, painted, matched, settled, cpu;
          guint paints;

          if (step->search == NULL)
            {
              toggle = find_by_id (view, step->toggle);
              if (!GTK_IS_TOGGLE_BUTTON (toggle))
                die ("the filter button %s was not found", step->toggle);
            }

          /* past the entry's own search delay, so its late
           * search-changed (which finds nothing new) lands here */
          spin (250);
          paints = bench->frames.n_paints;
          gap_probe_start (&probe);
          cpu = thread_cpu_time ();
          start = g_get_monotonic_time ();
          if (toggle != NULL)
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          else
            {
              type_into (GTK_EDITABLE (entry), step->search);
              g_signal_emit_by_name (entry, "search-changed");
            }
          modelled = g_get_monotonic_time ();
          painted = wait_for_paint (&bench->frames, paints, 2000);
          if (painted == 0)
            die ("no frame was painted after “%s”", step->name);
          cpu = thread_cpu_time () - cpu;
          /* a big search runs on a worker thread: then its matches */
          matched = painted;
          if (jd_message_filter_model_get_busy (filter))
            {
              if (!wait_for (filter_not_busy, filter, 10000))
                die ("the search “%s” never ended", step->name);
              matched = wait_for_paint (&bench->frames, bench->frames.n_paints, 2000);
            }
          settled = wait_until_settled (bench);
          gap_probe_stop (&probe);

          if (run < 0)
            continue;

          if (g_getenv ("JD_BENCH_VERBOSE") != NULL)
            g_print ("    %s: model %.1f ms, frame %.1f ms, matches %.1f ms, gap %.1f ms, %u of %u shown\n", step->name,
                     ms_since (start, modelled), ms_since (start, painted), ms_since (start, matched),
                     probe.max_gap / 1000.0,
                     g_list_model_get_n_items (G_LIST_MODEL (filter)), HUGE_COUNT);

          series_add (step_gap, probe.max_gap / 1000.0);
          if (toggle == NULL)
            series_add (search_matched, ms_since (start, matched));
          series_add (toggle != NULL ? filter_model : search_model, ms_since (start, modelled));
          series_add (toggle != NULL ? filter_frame : search_frame, ms_since (start, painted));
          series_add (toggle != NULL ? filter_cpu : search_cpu, cpu / 1000.0);
          series_add (toggle != NULL ? filter_settled : search_settled, ms_since (start, settled));
          if (ms_since (start, painted) > worst)
            {
              worst = ms_since (start, painted);
              worst_step = step->name;
            }
        }
    }

  if (jd_message_filter_model_get_kind (filter) != JD_MESSAGE_FILTER_ALL ||
      g_list_model_get_n_items (G_LIST_MODEL (filter)) != HUGE_COUNT)
    die ("the filter did not come back to all %u messages", HUGE_COUNT);

  g_print ("  slowest step: %s, %.1f ms to the frame\n", worst_step, worst);
}


/* ------------------------------------------------------------------ */

static gboolean
wants (const char *part)
{
  g_auto(GStrv) parts = NULL;

  if (only == NULL)
    return TRUE;
  parts = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) parts, part);
}

/* The app as `jobdesk --demo` runs it, with its window on screen. */
static void
bench_window (void)
{
  g_autoptr(JdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };

  /* Our own application ID, so the jobdesk we start for the start-up
   * figures is a primary instance of its own. */
  app = jd_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Bench");
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    die ("could not register the application: %s", error->message);

  /* The sample server in a thread of its own, as `jobdesk --demo` has it. */
  if (!jd_session_sign_in_demo (jd_application_get_session (app), &error))
    die ("could not start the sample server: %s", error->message);

  bench.app = app;
  bench.client = g_object_ref (jd_application_get_client (app));
  bench.base_url = jd_client_get_base_url (bench.client);
  bench.token = get_token (&bench);

  bench.window = jd_application_new_window (app);
  bench.page = jd_window_get_lookup_page (bench.window);
  gtk_window_present (GTK_WINDOW (bench.window));
  gtk_widget_realize (GTK_WIDGET (bench.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &bench.frames);
  if (g_getenv ("JD_BENCH_VERBOSE") != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));

      g_signal_connect (clock, "before-paint", G_CALLBACK (on_phase_start_cb), NULL);
      g_signal_connect (clock, "layout", G_CALLBACK (on_phase_end_cb), (gpointer) "layout (update)");
      g_signal_connect (clock, "paint", G_CALLBACK (on_phase_end_cb), (gpointer) "paint (layout)");
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_phase_end_cb), (gpointer) "after-paint (paint)");
    }
  if (wait_for_paint (&bench.frames, 0, 10000) == 0)
    die ("the window never painted: is there a display?");

  if (wants ("lookup"))
    bench_lookup (&bench);
  if (wants ("filter"))
    bench_filter (&bench);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&bench.client);
  g_free (bench.token);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Job Desk's performance figures");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("%s", error->message);
  if (n_runs < 1)
    die ("--runs must be at least 1");
  if (only != NULL && !wants ("lookup") && !wants ("filter") && !wants ("startup"))
    die ("--only takes lookup, filter or startup");
  if (huge_count < 1000 || huge_count > 5000000)
    die ("--messages takes 1000 to 5000000");
  {
    g_autofree char *count = g_strdup_printf ("%d", huge_count);

    /* the sample server's big job, before the server first builds it */
    g_setenv ("JD_DEMO_HUGE_MESSAGES", count, TRUE);
  }
  if (jobdesk_path == NULL)
    jobdesk_path = g_strdup (JD_BENCH_JOBDESK);
  if (minimal_path == NULL)
    minimal_path = g_strdup (JD_BENCH_MINIMAL);

  /* the app's settings from the build, in memory; no network proxies */
  g_setenv ("GSETTINGS_SCHEMA_DIR", JD_BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  all_series = g_ptr_array_new_with_free_func (series_free);
  load_at_start = read_load_average ();

  gtk_init ();
  adw_init ();

  if (wants ("lookup") || wants ("filter"))
    bench_window ();

  if (!skip_startup && wants ("startup"))
    bench_startup ();

  report ();

  g_ptr_array_unref (all_series);
  return 0;
}
