/* jd-bench-parse.c: how long reading a big job takes, beside curl | jq.
 *
 * Builds the JobView of the sample server's 100,000-message job (the very
 * bytes the server sends) and one with 1,000,000 messages (its messages
 * ten times over, about 117 MB), writes both to files and times, in the
 * same run and alternating so that load on the machine hits both alike:
 *
 *  - jd_json_read_job (), what the client does with the answer (json-glib,
 *    with the messages array parsed in slices on a thread pool above the
 *    reader's threshold), with JD_PARSE_THREADS=1, 2 and the default;
 *  - curl -s file://… | jq '.messages | length', the yardstick: reading
 *    the same bytes and counting the messages with a C JSON parser.
 *
 * Prints medians and the ratios, and checks that every thread count reads
 * exactly the same messages.
 * Usage: jd-bench-parse [--runs N] [--quick] [--json FILE]
 */
#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <malloc.h>
#include <sys/resource.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jd-demo-data.h"
#include "jd-demo-ids.h"
#include "jd-job.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"

/* JD_PARSE_THREADS for each figure; NULL: the reader's default */
static const char *thread_settings[] = { "1", "2", NULL };
static guint n_thread_settings = G_N_ELEMENTS (thread_settings);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  if (values->len == 0)
    return 0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);

  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* The 100,000-message job as the sample server sends it, with its
 * messages array repeated @times times. */
static GBytes *
build_job (guint  times,
           guint *n_messages)
{
  const JdDemoJob *job = jd_demo_data_find_job (JD_DEMO_JOB_HUGE);
  g_autofree char *head = jd_demo_data_build_job_head (job, job->status, job->disposition);
  g_autofree char *tail = jd_demo_data_build_job_tail (job);
  g_autoptr(GBytes) messages = jd_demo_data_build_messages (job, job->status, n_messages);
  gsize length;
  const char *array = g_bytes_get_data (messages, &length);
  GString *body = g_string_sized_new (strlen (head) + strlen (tail) + times * length + 32);

  g_string_append (body, head);
  g_string_append (body, ",\"messages\":[");
  for (guint i = 0; i < times; i++)
    {
      if (i > 0)
        g_string_append_c (body, ',');
      /* the elements, without the array's brackets */
      g_string_append_len (body, array + 1, length - 2);
    }
  g_string_append (body, "],");
  g_string_append (body, tail);

  *n_messages *= times;

  return g_string_free_to_bytes (body);
}

static double
time_curl_jq (const char *path,
              guint       expected)
{
  g_autofree char *command = g_strdup_printf ("curl -s 'file://%s' | jq '.messages | length'", path);
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("curl | jq: %s", error->message);

  if (g_ascii_strtoull (out, NULL, 10) != expected)
    g_error ("curl | jq counted “%s” messages, not %u", g_strstrip (out), expected);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A digest of every message, to check that each thread count reads the
 * same ones in the same order. */
static char *
digest_messages (JdJob *job)
{
  JdMessageList *list = JD_MESSAGE_LIST (jd_job_get_messages (job));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < n; i++)
    {
      guint code = jd_message_list_get_code (list, i);
      gint32 tool_id = jd_message_list_get_tool_id (list, i);
      const char *text = jd_message_list_get_text (list, i);

      g_checksum_update (checksum, (const guchar *) &code, sizeof code);
      g_checksum_update (checksum, (const guchar *) &tool_id, sizeof tool_id);
      if (text != NULL)
        g_checksum_update (checksum, (const guchar *) text, strlen (text) + 1);
    }

  return g_strdup_printf ("%u %u %s", n, jd_message_list_get_n_unreadable (list),
                          g_checksum_get_string (checksum));
}

/* CPU time of the whole process, every thread's, in ms */
static double
process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
time_read_job (GBytes      *body,
               guint        expected,
               const char  *threads,
               char       **digest,
               double      *cpu_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  gint64 start;
  double cpu_start;
  double ms;

  if (threads != NULL)
    g_setenv ("JD_PARSE_THREADS", threads, TRUE);
  else
    g_unsetenv ("JD_PARSE_THREADS");

  cpu_start = process_cpu_ms ();
  start = g_get_monotonic_time ();
  job = jd_json_read_job (body, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = process_cpu_ms () - cpu_start;

  if (job == NULL)
    g_error ("jd_json_read_job: %s", error->message);
  if (g_list_model_get_n_items (jd_job_get_messages (job)) != expected)
    g_error ("jd_json_read_job read %u messages, not %u",
             g_list_model_get_n_items (jd_job_get_messages (job)), expected);

  if (digest != NULL)
    *digest = digest_messages (job);

  g_clear_object (&job);
  /* what the app gives back after a lookup: not part of the parse */
  malloc_trim (0);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1, 10 };
  int runs = 5;
  gboolean quick = FALSE;
  g_autofree char *threads = NULL;
  g_autofree char *json_path = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (default 5)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only the 100,000-message job", NULL },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads, "Only this JD_PARSE_THREADS (for valgrind --tool=callgrind)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures as JSON to FILE", "FILE" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— parse time of big jobs beside curl | jq");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = CLAMP (runs, 1, 50);
  if (threads != NULL)
    {
      thread_settings[0] = threads;
      n_thread_settings = 1;
    }

  g_print ("Reading a big job (jd_json_read_job) beside curl | jq on the same bytes, "
           "medians of %d runs, %u processors\n", runs, g_get_num_processors ());

  for (guint s = 0; s < (quick ? 1 : G_N_ELEMENTS (sizes)); s++)
    {
      guint n_messages = 0;
      g_autoptr(GBytes) body = build_job (sizes[s], &n_messages);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "jd-bench-parse.json", NULL);
      g_autoptr(GArray) curl = g_array_new (FALSE, FALSE, sizeof (double));
      GArray *parse[G_N_ELEMENTS (thread_settings)];
      GArray *cpu[G_N_ELEMENTS (thread_settings)];
      g_autofree char *first_digest = NULL;
      double curl_ms;
      double cpu_ms;

      if (!g_file_set_contents (path, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error))
        g_error ("%s", error->message);

      for (guint t = 0; t < n_thread_settings; t++)
        {
          parse[t] = g_array_new (FALSE, FALSE, sizeof (double));
          cpu[t] = g_array_new (FALSE, FALSE, sizeof (double));
        }

      /* one of each first, to warm the caches and the thread pool */
      time_curl_jq (path, n_messages);
      time_read_job (body, n_messages, threads, &first_digest, &cpu_ms);

      for (int run = 0; run < runs; run++)
        {
          double ms = time_curl_jq (path, n_messages);

          g_array_append_val (curl, ms);
          for (guint t = 0; t < n_thread_settings; t++)
            {
              g_autofree char *digest = NULL;

              ms = time_read_job (body, n_messages, thread_settings[t], &digest, &cpu_ms);
              g_array_append_val (parse[t], ms);
              g_array_append_val (cpu[t], cpu_ms);
              if (g_strcmp0 (digest, first_digest) != 0)
                g_error ("%s thread(s) read other messages than the default: %s, not %s",
                         thread_settings[t] ? thread_settings[t] : "default", digest, first_digest);
            }
        }

      curl_ms = median (curl);
      g_print ("%u messages (%.1f MB): curl | jq %.0f ms\n", n_messages,
               g_bytes_get_size (body) / 1e6, curl_ms);
      g_string_append_printf (json, "%s\"%u\":{\"bytes\":%" G_GSIZE_FORMAT ",\"curl_jq_ms\":%.1f",
                              s > 0 ? "," : "", n_messages, g_bytes_get_size (body), curl_ms);

      for (guint t = 0; t < n_thread_settings; t++)
        {
          const char *name = thread_settings[t] != NULL ? thread_settings[t] : "default";
          double ms = median (parse[t]);
          double cpu_median = median (cpu[t]);

          g_print ("  jd_json_read_job, %s thread(s): %.0f ms = %.2f x curl | jq (target <= 1.0 at 100,000), "
                   "CPU %.0f ms\n", name, ms, ms / curl_ms, cpu_median);
          g_string_append_printf (json, ",\"read_job_ms_threads_%s\":%.1f,\"ratio_threads_%s\":%.3f"
                                  ",\"read_job_cpu_ms_threads_%s\":%.1f",
                                  name, ms, name, ms / curl_ms, name, cpu_median);
          g_array_unref (parse[t]);
          g_array_unref (cpu[t]);
        }
      g_string_append_c (json, '}');

      g_unlink (path);
    }

  g_string_append (json, "}\n");
  if (json_path != NULL && !g_file_set_contents (json_path, json->str, -1, &error))
    g_error ("%s", error->message);

  return 0;
}
