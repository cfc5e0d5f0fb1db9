/* jd-bench-report.c: the benchmark's figures (series of measurements),
 * its start-up measurement, and the report with the targets, printed and
 * written as JSON. The measurements of the window are in jd-bench.c. */
#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-bench-report.h"

/* ------------------------------------------------------------------ */
/* Options (set by jd-bench.c's command line)                          */

int n_runs = 5;
char *jobdesk_path = NULL;
char *minimal_path = NULL;
char *json_path = NULL;

/* ------------------------------------------------------------------ */
/* Figures                                                             */

GPtrArray *all_series;

void
series_free (gpointer data)
{
  Series *series = data;

  g_array_unref (series->values);
  g_free (series);
}

Series *
series_new (const char *key,
            const char *label,
            const char *unit)
{
  Series *series = g_new0 (Series, 1);

  series->key = key;
  series->label = label;
  series->unit = unit;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (all_series, series);
  return series;
}

void
series_add (Series *series,
            double  value)
{
  g_array_append_val (series->values, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
series_stat (Series     *series,
             const char *what)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = series->values->len;

  if (n == 0)
    return 0;

  sorted = g_array_copy (series->values);
  g_array_sort (sorted, compare_doubles);

  if (g_str_equal (what, "min"))
    return g_array_index (sorted, double, 0);
  if (g_str_equal (what, "max"))
    return g_array_index (sorted, double, n - 1);

  /* median */
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

Series *
find_series (const char *key)
{
  for (guint i = 0; i < all_series->len; i++)
    {
      Series *series = g_ptr_array_index (all_series, i);

      if (g_str_equal (series->key, key))
        return series;
    }

  return NULL;
}

void
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "jd-bench: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

/* ------------------------------------------------------------------ */
/* Start-up                                                            */

/* exec to first frame, in ms; the child prints its time and quits */
static double
first_frame (const char         *path,
             const char * const *extra_env,
             double             *cpu_ms)
{
  struct rusage before, after;
  const char *argv[] = { path, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  gint64 start, painted;

  envp = g_environ_setenv (envp, "JOBDESK_BENCH_FIRST_FRAME", "1", TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);

  /* g_spawn_sync blocks our main loop; nothing in this process waits on it */
  getrusage (RUSAGE_CHILDREN, &before);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    die ("could not start %s: %s", path, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    die ("%s failed: %s\n%s", path, error->message, err);

  painted = g_ascii_strtoll (out, NULL, 10);
  if (painted <= start)
    die ("%s printed no first-frame time: “%s”\n%s", path, out, err);

  getrusage (RUSAGE_CHILDREN, &after);
  if (cpu_ms != NULL)
    *cpu_ms = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000.0 +
              (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1000.0;

  return ms_since (start, painted);
}

void
bench_startup (void)
{
  Series *app = series_new ("startup_jobdesk_ms", "Start-up, jobdesk (first run: sign-in dialog)", "ms");
  Series *returning = series_new ("startup_jobdesk_signed_in_ms", "Start-up, jobdesk (saved sign-in)", "ms");
  Series *minimal = series_new ("startup_minimal_ms", "Start-up, minimal libadwaita window", "ms");
  Series *app_cpu = series_new ("startup_jobdesk_cpu_ms", "Start-up to exit, jobdesk CPU (first run)", "ms");
  Series *minimal_cpu = series_new ("startup_minimal_cpu_ms", "Start-up to exit, minimal window CPU", "ms");
  g_autofree char *config = NULL;
  g_autofree char *keyfile_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autoptr(GError) error = NULL;
  const char *first_run_env[] = { "GSETTINGS_BACKEND", "memory", NULL };
  const char *returning_env[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", NULL, NULL };

  g_print ("Start-up (exec → first frame of the main window)…\n");

  /* A returning user: the settings name a server, the keyring is asked
   * for its credentials (there are none here, which answers as fast). */
  config = g_dir_make_tmp ("jd-bench-XXXXXX", &error);
  if (config == NULL)
    die ("%s", error->message);
  keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_mkdir_with_parents (keyfile_dir, 0700);
  keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  if (!g_file_set_contents (keyfile,
                            "[io/github/jobdesk/JobDesk]\n"
                            "server-address='http://127.0.0.1:9/webapi'\n"
                            "sign-in-kind='api-key'\n", -1, &error))
    die ("%s", error->message);
  returning_env[3] = config;

  /* warm the page cache */
  first_frame (jobdesk_path, first_run_env, NULL);
  first_frame (minimal_path, first_run_env, NULL);

  for (int run = 0; run < n_runs; run++)
    {
      double cpu;

      series_add (minimal, first_frame (minimal_path, first_run_env, &cpu));
      series_add (minimal_cpu, cpu);
      series_add (app, first_frame (jobdesk_path, first_run_env, &cpu));
      series_add (app_cpu, cpu);
      series_add (returning, first_frame (jobdesk_path, returning_env, NULL));
      g_print ("  run %d: jobdesk %.0f ms, signed in %.0f ms, minimal %.0f ms\n", run + 1,
               g_array_index (app->values, double, run),
               g_array_index (returning->values, double, run),
               g_array_index (minimal->values, double, run));
    }

  g_unlink (keyfile);
  g_rmdir (keyfile_dir);
  {
    g_autofree char *glib_dir = g_path_get_dirname (keyfile_dir);

    g_rmdir (glib_dir);
  }
  g_rmdir (config);
}

/* ------------------------------------------------------------------ */
/* Report                                                              */

/* The machine's load: on a busy machine, wall-clock figures grow. */
char *load_at_start;

char *
read_load_average (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("unknown");

  fields = g_strsplit (contents, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("unknown");

  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

static double
ratio (const char *a,
       const char *b,
       const char *what)
{
  Series *x = find_series (a), *y = find_series (b);

  if (x == NULL || y == NULL || series_stat (y, what) == 0)
    return 0;

  return series_stat (x, what) / series_stat (y, what);
}

static char *
read_first_line (const char *path,
                 const char *prefix)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        {
          const char *colon = strchr (lines[i], ':');

          return g_strstrip (g_strdup (colon != NULL ? colon + 1 : lines[i]));
        }
    }

  return g_strdup ("unknown");
}

typedef struct
{
  const char *key;
  const char *label;
  const char *numerator;
  const char *denominator;
  const char *stat;
  const char *target;
  double      limit;
} Target;

static const Target targets[] = {
  { "lookup_ratio", "Lookup, status ÷ curl|jq (medians)", "lookup_window_ms", "curl_jq_ms", "median", "≤ 1.0", 1.0 },
  { "lookup_messages_ratio", "Lookup, all messages ÷ curl|jq (medians)", "lookup_window_settled_ms", "curl_jq_ms", "median", "≤ 1.0", 1.0 },
  { "startup_ratio", "Start-up ÷ minimal (medians)", "startup_jobdesk_ms", "startup_minimal_ms", "median", "≤ 1.25", 1.25 },
  { "startup_signed_in_ratio", "Start-up signed in ÷ minimal (medians)", "startup_jobdesk_signed_in_ms", "startup_minimal_ms", "median", "≤ 1.25", 1.25 },
  { "startup_cpu_ratio", "Start-up CPU ÷ minimal (medians; not a target)", "startup_jobdesk_cpu_ms", "startup_minimal_cpu_ms", "median", "(≤ 1.25)", 1.25 },
};

static const Target limits[] = {
  { "main_loop_max_gap_ms", "Longest main-loop gap (max)", NULL, NULL, "max", "≤ 16 ms", 16 },
  { "peak_added_mb", "Peak added (max)", NULL, NULL, "max", "≤ 80 MB", 80 },
  { "retained_mb", "Retained (max)", NULL, NULL, "max", "≤ 40 MB", 40 },
  { "search_frame_ms", "Search keystroke to frame (max)", NULL, NULL, "max", "< 50 ms", 50 },
  { "filter_frame_ms", "Filter change to frame (max)", NULL, NULL, "max", "< 50 ms", 50 },
  { "filter_max_gap_ms", "Main-loop gap, search or filter (max)", NULL, NULL, "max", "≤ 50 ms", 50 },
};

void
report (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cpu = read_first_line ("/proc/cpuinfo", "model name");
  g_autofree char *mem = read_first_line ("/proc/meminfo", "MemTotal");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *load_at_end = read_load_average ();

  g_print ("\nJob Desk benchmark, %d runs each: %u CPUs (%s), %s RAM, %s\n"
           "Load average at the start %s, at the end %s\n\n",
           n_runs, g_get_num_processors (), cpu, mem, when, load_at_start, load_at_end);
  g_print ("%-52s %10s %10s %10s\n", "figure", "median", "min", "max");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "machine");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nproc");
  json_builder_add_int_value (builder, g_get_num_processors ());
  json_builder_set_member_name (builder, "cpu");
  json_builder_add_string_value (builder, cpu);
  json_builder_set_member_name (builder, "memory");
  json_builder_add_string_value (builder, mem);
  json_builder_set_member_name (builder, "load_average_start");
  json_builder_add_string_value (builder, load_at_start);
  json_builder_set_member_name (builder, "load_average_end");
  json_builder_add_string_value (builder, load_at_end);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, n_runs);

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_object (builder);
  for (guint i = 0; i < all_series->len; i++)
    {
      Series *series = g_ptr_array_index (all_series, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", series->label, series->unit);

      g_print ("%-52s %10.1f %10.1f %10.1f\n", label,
               series_stat (series, "median"), series_stat (series, "min"), series_stat (series, "max"));

      json_builder_set_member_name (builder, series->key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, series->label);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, series->unit);
      json_builder_set_member_name (builder, "median");
      json_builder_add_double_value (builder, series_stat (series, "median"));
      json_builder_set_member_name (builder, "min");
      json_builder_add_double_value (builder, series_stat (series, "min"));
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, series_stat (series, "max"));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint j = 0; j < series->values->len; j++)
        json_builder_add_double_value (builder, g_array_index (series->values, double, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  g_print ("\n%-52s %10s %10s %8s\n", "target", "value", "target", "met");
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (targets) + G_N_ELEMENTS (limits); i++)
    {
      const Target *target = i < G_N_ELEMENTS (targets) ? &targets[i] : &limits[i - G_N_ELEMENTS (targets)];
      Series *series = find_series (target->key);
      double value;

      if (target->numerator != NULL)
        {
          if (find_series (target->numerator) == NULL || find_series (target->denominator) == NULL)
            continue;
          value = ratio (target->numerator, target->denominator, target->stat);
        }
      else if (series != NULL)
        value = series_stat (series, target->stat);
      else
        continue;

      g_print ("%-52s %10.2f %10s %8s\n", target->label, value, target->target,
               value <= target->limit ? "yes" : "NO");

      json_builder_set_member_name (builder, target->key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, value);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, target->target);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, value <= target->limit);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (json_path != NULL)
    {
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      if (!json_generator_to_file (generator, json_path, &error))
        die ("could not write %s: %s", json_path, error->message);
      g_print ("\nFigures written to %s\n", json_path);
    }
}
