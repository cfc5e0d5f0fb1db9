/* jd-bench-follow.c: what following a running job costs, in bytes.
 *
 * A SoupServer of the benchmark's own serves one running job with 100,000
 * messages (the sample server's big job, its status Running): the status
 * answer (includeMessages=false), the full answer and the messages
 * endpoint, counting the bytes of each. The app's own JdJobFollower
 * follows it for ten minutes of its clock, sped up SPEED times (its
 * intervals divided by SPEED; a long answer still takes its real time, so
 * the sped-up run makes fewer checks than a real one, never more): once
 * with the Messages view closed, once with it open (messages-wanted).
 *
 * Beside each: what the same checks cost when every one asked for the
 * whole job, as following did before it was made light.
 * Usage: jd-bench-follow [--minutes N]
 */
#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libsoup/soup.h>

#include "jd-client.h"
#include "jd-demo-data.h"
#include "jd-demo-ids.h"
#include "jd-demo-messages.h"
#include "jd-job-follower.h"
#include "jd-job-summary.h"

#define SPEED 20
#define RUNNING_ID "66ebd18d3d6200007e00f011"

static int minutes = 10;

static GOptionEntry entries[] = {
  { "minutes", 'm', 0, G_OPTION_ARG_INT, &minutes, "Minutes of the follower's clock (default 10)", "N" },
  { NULL }
};

typedef struct
{
  GBytes *status;     /* includeMessages=false */
  GBytes *full;       /* includeMessages=true */
  GBytes *messages;   /* …/messages */
  guint   n_messages;
  /* what was sent */
  guint   n_status;
  guint   n_full;
  guint64 bytes;
} Server;

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "jd-bench-follow: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

/* The sample server's big job, running: HEAD [,"messages":[…]] , TAIL */
static void
build_answers (Server *server)
{
  const JdDemoJob *job = jd_demo_data_find_job (JD_DEMO_JOB_HUGE);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *running_head = NULL;
  const char *id_at;
  GString *body;

  if (job == NULL)
    fail ("the sample server has no job %s", JD_DEMO_JOB_HUGE);
  head = jd_demo_data_build_job_head (job, "Running", "None");
  tail = jd_demo_data_build_job_tail (job);
  server->messages = jd_demo_data_build_messages (job, "Running", &server->n_messages);

  /* under an ID of its own, so that nothing mistakes it for the
   * completed job */
  if ((id_at = strstr (head, JD_DEMO_JOB_HUGE)) == NULL)
    fail ("the job's JSON does not hold its ID");
  running_head = g_strdup (head);
  memcpy (running_head + (id_at - head), RUNNING_ID, strlen (RUNNING_ID));

  body = g_string_new (running_head);
  g_string_append_c (body, ',');
  g_string_append (body, tail);
  server->status = g_string_free_to_bytes (body);

  body = g_string_sized_new (g_bytes_get_size (server->messages) + strlen (head) + strlen (tail) + 16);
  g_string_append (body, running_head);
  g_string_append (body, ",\"messages\":");
  g_string_append_len (body, g_bytes_get_data (server->messages, NULL), g_bytes_get_size (server->messages));
  g_string_append_c (body, ',');
  g_string_append (body, tail);
  server->full = g_string_free_to_bytes (body);
}

static void
on_request_cb (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Server *server = user_data;
  const char *include = query != NULL ? g_hash_table_lookup (query, "includeMessages") : NULL;
  GBytes *answer;

  if (g_str_has_suffix (path, "/v3/jobs/" RUNNING_ID "/messages"))
    answer = server->messages, server->n_full++;
  else if (g_str_has_suffix (path, "/v3/jobs/" RUNNING_ID) && g_strcmp0 (include, "true") == 0)
    answer = server->full, server->n_full++;
  else if (g_str_has_suffix (path, "/v3/jobs/" RUNNING_ID))
    answer = server->status, server->n_status++;
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  server->bytes += g_bytes_get_size (answer);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  JdJob **job = user_data;

  *job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);
  if (*job == NULL)
    fail ("the status could not be read: %s", error->message);
}

static gboolean
on_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  guint   checks;
  guint   n_status;
  guint   n_full;
  guint64 bytes;
} Cost;

/* Follows the job for the given minutes of the follower's clock. */
static Cost
follow (Server   *server,
        JdClient *client,
        JdJob    *job,
        gboolean  messages_wanted)
{
  g_autoptr(JdJobFollower) follower = jd_job_follower_new (client, job);
  gboolean done = FALSE;
  Cost cost;

  server->n_status = server->n_full = 0;
  server->bytes = 0;

  jd_job_follower_set_intervals (follower, JD_JOB_FOLLOWER_MIN_INTERVAL_MS / SPEED,
                                 JD_JOB_FOLLOWER_MAX_INTERVAL_MS / SPEED);
  jd_job_follower_set_messages_wanted (follower, messages_wanted);
  jd_job_follower_start (follower);
  g_timeout_add ((guint) minutes * 60000u / SPEED, on_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  jd_job_follower_stop (follower);

  if (jd_job_follower_get_last_error (follower) != NULL)
    fail ("following failed: %s", jd_job_follower_get_last_error (follower));

  cost.checks = jd_job_follower_get_check_count (follower);
  cost.n_status = server->n_status;
  cost.n_full = server->n_full;
  cost.bytes = server->bytes;
  return cost;
}

static void
print_cost (const char *what,
            Cost        cost,
            Server     *server)
{
  double per_minute = (double) cost.bytes / minutes;
  /* every check with all the messages, as before */
  double whole = (double) cost.checks * g_bytes_get_size (server->full) / minutes;
  g_autofree char *ours = g_format_size ((guint64) per_minute);
  g_autofree char *before = g_format_size ((guint64) whole);

  printf ("  %-28s %3u checks (%u light, %u with messages): %s a minute; whole job every check: %s a minute — ratio %.4f\n",
           what, cost.checks, cost.n_status, cost.n_full, ours, before, whole > 0 ? per_minute / whole : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— what following a running job costs");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) soup = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *full_size = NULL;
  g_autofree char *status_size = NULL;
  Server server = { 0 };
  GSList *uris;
  Cost closed, open;

  /* printf, not g_print: the figures' UTF-8 as it is, whatever the locale */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("%s", error->message);
  if (minutes < 1 || minutes > 120)
    fail ("--minutes takes 1 to 120");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  build_answers (&server);
  soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (soup, "/webapi", on_request_cb, &server, NULL);
  if (!soup_server_listen_local (soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    fail ("could not listen: %s", error->message);
  uris = soup_server_get_uris (soup);
  base_url = g_strdup_printf ("http://127.0.0.1:%d/webapi", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = jd_client_new (NULL, base_url);
  jd_client_set_access_token (client, "bench-token");
  jd_client_get_job_async (client, RUNNING_ID, FALSE, NULL, on_job_cb, &job);
  while (job == NULL)
    g_main_context_iteration (NULL, TRUE);

  full_size = g_format_size (g_bytes_get_size (server.full));
  status_size = g_format_size (g_bytes_get_size (server.status));
  printf ("Following a running job with %u messages (whole answer %s, status %s) for %d min of its clock, %d× sped up…\n",
           server.n_messages, full_size, status_size, minutes, SPEED);

  closed = follow (&server, client, job, FALSE);
  print_cost ("Messages view closed:", closed, &server);
  open = follow (&server, client, job, TRUE);
  print_cost ("Messages view open:", open, &server);

  soup_server_disconnect (soup);
  g_bytes_unref (server.status);
  g_bytes_unref (server.full);
  g_bytes_unref (server.messages);
  return 0;
}
