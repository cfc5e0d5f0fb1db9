/* jd-demo-data.c: the sample jobs, workflows, messages and output files
 * that JdDemoServer serves.
 *
 * The data should look like what analysts see on a real Server: sales,
 * inventory and finance workflows, UNC paths, German and Japanese file
 * names, engine messages with their codes. It is built once per process
 * from fixed tables and seeded GRands, so every run serves the same bytes;
 * JSON is written straight into GStrings because the largest job has
 * 100,000 messages.
 *
 * This file holds the tables of workflows, users and named jobs and the
 * job table made of them; the messages are made in jd-demo-messages.c and
 * the output files in jd-demo-files.c.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-data.h"
#include "jd-demo-ids.h"

/* ------------------------------------------------------------------ */
/* Workflows                                                           */

static const JdDemoWorkflow workflows[] = {
  {
    JD_DEMO_WORKFLOW_SALES,
    "Weekly Sales Rollup",
    JD_DEMO_USER_CURATOR_ID,
    "2024-01-02T08:15:31.204Z",
    7,
    "Rolls up point-of-sale transactions by region, store and category every Monday and Thursday.",
    "5f3a0c9e1b2d4e0012345600",
    "",
    "Standard",
    TRUE,
    TRUE,
    FALSE,
  },
  {
    JD_DEMO_WORKFLOW_INVENTORY,
    "Inventory Reconciliation",
    "5e1f2a3b4c5d6e7f80910a1c",
    "2024-01-03T13:47:09.918Z",
    12,
    "Compares the warehouse management export with the ledger and lists the variances.",
    "5f3a0c9e1b2d4e0012345601",
    "ops-west",
    "Safe",
    FALSE,
    TRUE,
    TRUE,
  },
};

#define SALES     (&workflows[0])
#define INVENTORY (&workflows[1])

/* ------------------------------------------------------------------ */
/* Users                                                               */

static const JdDemoUser users[] = {
  { JD_DEMO_USER_CURATOR_ID, JD_DEMO_USER_CURATOR_NAME },   /* owns the sales workflow */
  { "5e1f2a3b4c5d6e7f80910a1c", "Kenji Watanabe" },         /* owns the reconciliation */
  { "5e1f2a3b4c5d6e7f80910a1d", "Sofía Marques" },
  { JD_DEMO_USER_VIEWER_ID, JD_DEMO_USER_VIEWER_NAME },
};

#define DANA  (&users[0])
#define KENJI (&users[1])
#define SOFIA (&users[2])
#define LUKAS (&users[3])

/* ------------------------------------------------------------------ */
/* Outputs of the named jobs                                           */

static const char *const formats_raw_xlsx_csv[] = { "Raw", "Xlsx", "Csv", NULL };
static const char *const formats_raw_csv_html_pdf[] = { "Raw", "Csv", "Html", "Pdf", NULL };
static const char *const formats_everything[] = { "Yxdb", "Csv", "Xlsx", "Docx", "Html", "Pdf", "Zip", NULL };
static const char *const formats_raw_csv[] = { "Raw", "Csv", NULL };
static const char *const formats_raw_html_pdf[] = { "Raw", "Html", "Pdf", NULL };
static const char *const formats_raw_pdf[] = { "Raw", "Pdf", NULL };
static const char *const formats_xlsx_csv_zip[] = { "Xlsx", "Csv", "Zip", NULL };
static const char *const formats_yxdb_csv[] = { "Yxdb", "Csv", NULL };
static const char *const formats_raw_docx[] = { "Raw", "Docx", NULL };
static const char *const formats_raw_xlsx_csv_pdf[] = { "Raw", "Xlsx", "Csv", "Pdf", NULL };
static const char *const formats_raw_html[] = { "Raw", "Html", NULL };
static const char *const formats_yxdb_csv_xlsx_html[] = { "Yxdb", "Csv", "Xlsx", "Html", NULL };
static const char *const formats_raw_csv_zip[] = { "Raw", "Csv", "Zip", NULL };

static const JdDemoOutput success_outputs[] = {
  {
    "66ebd1a03d6200007e000e01",
    "\\\\fileserver\\share\\finance\\sales\\weekly\\Umsatz_Übersicht_2024_Q3.xlsx",
    formats_raw_xlsx_csv,
    48,
  },
  {
    "66ebd1a03d6200007e000e02",
    "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8c\\販売レポート.csv",
    formats_raw_csv_html_pdf,
    24,
  },
  {
    /* Large enough (about 2 MB as CSV) that a download shows progress. */
    "66ebd1a03d6200007e000e03",
    "\\\\fileserver\\share\\finance\\sales\\regional\\EMEA\\Weekly_Sales_Rollup_by_Region_Channel_"
    "Product_Category_and_Store_Cluster_incl_Returns_and_Promotions_FY2024_W38_final_v3.yxdb",
    formats_everything,
    36000,
  },
};

static const JdDemoOutput warning_outputs[] = {
  {
    "66ebd1b23d6200007e000e11",
    "\\\\fileserver\\share\\finance\\sales\\weekly\\exceptions\\Weekly_Sales_Rollup_2024-W38_unmatched_stores.csv",
    formats_raw_csv,
    37,
  },
  {
    "66ebd1b23d6200007e000e12",
    "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8d\\Sales Dashboard – Week 38.html",
    formats_raw_html_pdf,
    12,
  },
};

static const JdDemoOutput no_messages_outputs[] = {
  {
    "66ebd1c43d6200007e000e21",
    "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d95\\Regional_Margin_Report.pdf",
    formats_raw_pdf,
    10,
  },
};

static const JdDemoOutput many_messages_outputs[] = {
  {
    "66ebd1c93d6200007e000e31",
    "\\\\fileserver\\share\\ops\\inventory\\Bestandsabweichungen_Lager_Süd_2024-09-19.xlsx",
    formats_xlsx_csv_zip,
    150,
  },
};

static const JdDemoOutput huge_outputs[] = {
  {
    "66ebd1d13d6200007e000e41",
    "\\\\fileserver\\share\\ops\\inventory\\bulk\\stock_movements_2024-09-19.yxdb",
    formats_yxdb_csv,
    5000,
  },
  {
    "66ebd1d13d6200007e000e42",
    "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d97\\在庫照合_2024年9月.docx",
    formats_raw_docx,
    30,
  },
};

static const JdDemoOutput progressing_outputs[] = {
  {
    "66ebd1e03d6200007e000e51",
    "\\\\fileserver\\share\\finance\\sales\\daily\\Flash_Sales_2024-09-20.xlsx",
    formats_raw_xlsx_csv_pdf,
    60,
  },
  {
    "66ebd1e03d6200007e000e52",
    "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d98\\Flash_Sales_2024-09-20_summary.html",
    formats_raw_html,
    8,
  },
};

/* ------------------------------------------------------------------ */
/* The named sample jobs                                               */

typedef struct
{
  const char           *id;
  JdDemoKind            kind;
  const JdDemoWorkflow *workflow;
  int                   year, month, day, hour, minute, second, millisecond;
  guint                 duration_ms;      /* 0: not finished */
  const char           *status;
  const char           *disposition;
  const char           *priority;
  const char           *worker_tag;
  gboolean              run_with_e2;
  const JdDemoOutput   *outputs;
  guint                 n_outputs;
  const JdDemoUser     *submitted_by;
  const char           *about;            /* for describe_jobs */
} NamedJob;

static const NamedJob named_jobs[] = {
  { JD_DEMO_JOB_SUCCESS, JD_DEMO_KIND_SUCCESS, SALES,
    2024, 9, 19, 10, 2, 54, 589, 12800,
    "Completed", "Success", "Default", "", TRUE,
    success_outputs, G_N_ELEMENTS (success_outputs), DANA,
    "German, Japanese and > 120-character file names; one output is about 2 MB" },
  { JD_DEMO_JOB_WARNING, JD_DEMO_KIND_WARNING, SALES,
    2024, 9, 19, 10, 17, 31, 42, 9600,
    "Completed", "Warning", "Medium", "finance-east", FALSE,
    warning_outputs, G_N_ELEMENTS (warning_outputs), SOFIA,
    "warnings and field conversion errors" },
  { JD_DEMO_JOB_ERROR, JD_DEMO_KIND_ERROR, SALES,
    2024, 9, 19, 11, 45, 8, 730, 4200,
    "Completed", "Error", "High", "", TRUE,
    NULL, 0, DANA,
    "a Formula parse error" },
  { JD_DEMO_JOB_FAILED, JD_DEMO_KIND_FAILED, INVENTORY,
    2024, 9, 19, 12, 3, 19, 115, 2900,
    "Error", "Error", "Critical", "gpu", TRUE,
    NULL, 0, KENJI,
    "low disk space and a safe-mode error" },
  { JD_DEMO_JOB_CANCELLED, JD_DEMO_KIND_CANCELLED, SALES,
    2024, 9, 19, 13, 30, 0, 4, 192000,
    "Cancelled", "Cancelled", "Low", "", FALSE,
    NULL, 0, SOFIA,
    "cancelled by a user" },
  { JD_DEMO_JOB_QUEUED, JD_DEMO_KIND_QUEUED, SALES,
    2024, 9, 20, 8, 59, 41, 377, 0,
    "Queued", "None", "High", "finance-east", TRUE,
    NULL, 0, DANA,
    "waiting for a worker; DELETE removes it" },
  { JD_DEMO_JOB_RUNNING, JD_DEMO_KIND_RUNNING, SALES,
    2024, 9, 20, 8, 58, 12, 906, 0,
    "Running", "None", "Default", "gpu", TRUE,
    NULL, 0, DANA,
    "DELETE cancels it" },
  { JD_DEMO_JOB_CREATED, JD_DEMO_KIND_CREATED, INVENTORY,
    2024, 9, 20, 9, 0, 2, 250, 0,
    "Created", "None", "Medium", "", FALSE,
    NULL, 0, KENJI,
    "not queued yet" },
  { JD_DEMO_JOB_INITIALIZING, JD_DEMO_KIND_INITIALIZING, INVENTORY,
    2024, 9, 20, 8, 59, 58, 481, 0,
    "Initializing", "None", "Default", "", TRUE,
    NULL, 0, KENJI,
    "a worker is preparing it" },
  { JD_DEMO_JOB_NO_MESSAGES, JD_DEMO_KIND_NO_MESSAGES, SALES,
    2024, 9, 19, 14, 12, 45, 600, 31400,
    "Completed", "Success", "Low", "reporting", TRUE,
    no_messages_outputs, G_N_ELEMENTS (no_messages_outputs), DANA,
    "\"messages\": []" },
  { JD_DEMO_JOB_MANY_MESSAGES, JD_DEMO_KIND_MANY_MESSAGES, INVENTORY,
    2024, 9, 19, 15, 20, 10, 318, 418300,
    "Completed", "Error", "Default", "", TRUE,
    many_messages_outputs, G_N_ELEMENTS (many_messages_outputs), KENJI,
    "every message code, some transient" },
  { JD_DEMO_JOB_HUGE, JD_DEMO_KIND_HUGE, INVENTORY,
    2024, 9, 19, 16, 5, 27, 951, 2712500,
    "Completed", "Warning", "Default", "bulk-loads", FALSE,
    huge_outputs, G_N_ELEMENTS (huge_outputs), KENJI,
    "about 11 MB of JSON" },
  { JD_DEMO_JOB_PROGRESSING, JD_DEMO_KIND_PROGRESSING, SALES,
    2024, 9, 20, 9, 1, 15, 777, 41000,
    "Completed", "Success", "Medium", "", TRUE,
    progressing_outputs, G_N_ELEMENTS (progressing_outputs), DANA,
    NULL },
  { JD_DEMO_JOB_SPARSE, JD_DEMO_KIND_SPARSE, NULL,
    0, 0, 0, 0, 0, 0, 0, 0,
    "Complete", NULL, "Urgent", NULL, FALSE,
    NULL, 0, LUKAS,
    NULL },
  { JD_DEMO_JOB_LONG_QUEUED, JD_DEMO_KIND_LONG_QUEUED, INVENTORY,
    2024, 6, 2, 8, 0, 0, 0, 0,
    "Queued", "None", "Low", "legacy-gpu", FALSE,
    NULL, 0, SOFIA,
    "no worker has its tag \"legacy-gpu\"" },
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

char *
jd_demo_data_format_time (gint64 unix_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_ms / 1000);
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", text, (int) (unix_ms % 1000));
}

gboolean
jd_demo_data_is_object_id (const char *text)
{
  gsize i;

  if (text == NULL)
    return FALSE;

  for (i = 0; text[i] != '\0'; i++)
    {
      if (!g_ascii_isxdigit (text[i]) || i >= 24)
        return FALSE;
    }

  return i == 24;
}

guint32
jd_demo_data_crc32 (guint32       crc,
                    const guint8 *data,
                    gsize         length)
{
  static gsize table_ready = 0;
  static guint32 table[256];

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return ~crc;
}

static gint64
utc_ms (int year,
        int month,
        int day,
        int hour,
        int minute,
        int second,
        int millisecond)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt) * 1000 + millisecond;
}

const char *
jd_demo_data_file_basename (const char *path)
{
  const char *slash = strrchr (path, '\\');
  const char *other = strrchr (path, '/');

  if (other != NULL && (slash == NULL || other > slash))
    slash = other;

  return slash != NULL ? slash + 1 : path;
}

/* ------------------------------------------------------------------ */
/* The job table                                                       */

typedef struct
{
  const JdDemoJob **jobs;
  guint             n_jobs;
  GHashTable       *by_id;
} JobTable;

/* Fills in the outputs of a generated job that finished with outputs. */
static void
generate_outputs (JdDemoJob *job,
                  GRand     *rand)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (job->create_ms / 1000);
  g_autofree char *day = g_date_time_format (created, "%Y-%m-%d");
  guint32 done = (guint32) (job->complete_ms / 1000);
  JdDemoOutput *outputs = g_new0 (JdDemoOutput, 3);
  guint n = 0;

  if (job->workflow == SALES)
    {
      int week = g_date_time_get_week_of_year (created);

      outputs[n].file_name = g_strdup_printf ("\\\\fileserver\\share\\finance\\sales\\weekly\\Weekly_Sales_Rollup_%d-W%02d.xlsx",
                                              g_date_time_get_year (created), week);
      outputs[n].formats = formats_raw_xlsx_csv;
      outputs[n].csv_rows = 40 + g_rand_int_range (rand, 0, 200);
      n++;
      outputs[n].file_name = g_strdup_printf ("C:\\ProgramData\\Alteryx\\Service\\Staging\\%s\\sales_by_region.yxdb", job->id);
      outputs[n].formats = formats_yxdb_csv_xlsx_html;
      outputs[n].csv_rows = 6 + g_rand_int_range (rand, 0, 30);
      n++;
      if (g_str_equal (job->disposition, "Warning"))
        {
          outputs[n].file_name = g_strdup_printf ("\\\\fileserver\\share\\finance\\sales\\weekly\\exceptions\\unmatched_stores_%d-W%02d.csv",
                                                  g_date_time_get_year (created), week);
          outputs[n].formats = formats_raw_csv;
          outputs[n].csv_rows = 1 + g_rand_int_range (rand, 0, 60);
          n++;
        }
    }
  else
    {
      outputs[n].file_name = g_strdup_printf ("\\\\fileserver\\share\\ops\\inventory\\reconciliation\\Inventory_Reconciliation_%s.csv", day);
      outputs[n].formats = formats_raw_csv_zip;
      outputs[n].csv_rows = 200 + g_rand_int_range (rand, 0, 800);
      n++;
      if (g_str_equal (job->disposition, "Warning"))
        {
          outputs[n].file_name = g_strdup_printf ("\\\\fileserver\\share\\ops\\inventory\\reconciliation\\Bestandsabweichungen_%s.xlsx", day);
          outputs[n].formats = formats_raw_xlsx_csv_pdf;
          outputs[n].csv_rows = 5 + g_rand_int_range (rand, 0, 40);
          n++;
        }
    }

  for (guint i = 0; i < n; i++)
    outputs[i].id = g_strdup_printf ("%08x%.10s%06x", done, job->id + 8, (job->index << 4) | i);

  job->outputs = outputs;
  job->n_outputs = n;
}

/* How long a finished job waited for a worker: from under a second to
 * half a minute, never more than a third of its whole time. */
static gint64
queue_wait_ms (const JdDemoJob *job)
{
  guint32 crc = jd_demo_data_crc32 (0, (const guint8 *) job->id, strlen (job->id));
  gint64 wait = 400 + crc % 30000;

  return MIN (wait, (job->complete_ms - job->create_ms) / 3);
}

static void
generate_workflow_jobs (GPtrArray            *jobs,
                        const JdDemoWorkflow *workflow,
                        guint                 n_jobs)
{
  gboolean sales = workflow == SALES;
  g_autoptr(GRand) rand = g_rand_new_with_seed (sales ? 20240101 : 20240103);
  /* Sales runs on Mondays and Thursdays at 06:00 UTC; the
   * reconciliation every four days at 22:30 UTC. */
  gint64 start = sales ? utc_ms (2024, 1, 1, 6, 0, 0, 0) : utc_ms (2024, 1, 3, 22, 30, 0, 0);
  const char *machine = sales ? "a3f19c2e07" : "b81d4e6f20";

  for (guint i = 0; i < n_jobs; i++)
    {
      JdDemoJob *job = g_new0 (JdDemoJob, 1);
      gint64 offset_days;
      guint roll;

      if (sales)
        offset_days = (gint64) (i / 2) * 7 + (i % 2) * 3;
      else
        offset_days = (gint64) i * 4;

      job->kind = JD_DEMO_KIND_GENERATED;
      job->workflow = workflow;
      job->index = i;
      job->create_ms = start + offset_days * G_TIME_SPAN_DAY / 1000
                       + g_rand_int_range (rand, 0, 240000)   /* scheduler jitter */
                       + g_rand_int_range (rand, 0, 1000);
      g_snprintf (job->id, sizeof job->id, "%08x%s%06x",
                  (guint32) (job->create_ms / 1000), machine, 0x1a2b00 + i);

      roll = g_rand_int_range (rand, 0, 100);
      if (roll < 66)
        {
          job->status = "Completed";
          job->disposition = "Success";
        }
      else if (roll < 80)
        {
          job->status = "Completed";
          job->disposition = "Warning";
        }
      else if (roll < 89)
        {
          job->status = "Completed";
          job->disposition = "Error";
        }
      else if (roll < 95)
        {
          job->status = "Error";
          job->disposition = "Error";
        }
      else
        {
          job->status = "Cancelled";
          job->disposition = "Cancelled";
        }

      job->complete_ms = job->create_ms + 15000 + g_rand_int_range (rand, 0, sales ? 600000 : 1800000);
      job->start_ms = job->create_ms + queue_wait_ms (job);

      /* Scheduled runs go as the workflow's owner; now and then someone
       * runs it by hand. (Arithmetic, not the GRand: the rest of the data
       * stays as it always was.) */
      if (i % 7 == 3)
        job->submitted_by = SOFIA;
      else if (i % 11 == 5)
        job->submitted_by = LUKAS;
      else
        job->submitted_by = sales ? DANA : KENJI;

      roll = g_rand_int_range (rand, 0, 10);
      job->priority = roll < 6 ? "Default" : roll < 7 ? "Low" : roll < 8 ? "Medium" : roll < 9 ? "High" : "Critical";
      roll = g_rand_int_range (rand, 0, 10);
      if (sales)
        job->worker_tag = roll < 7 ? "" : "finance-east";
      else
        job->worker_tag = roll < 5 ? "" : roll < 8 ? "gpu" : "ops-west";
      job->run_with_e2 = g_rand_int_range (rand, 0, 3) != 0;

      if (g_str_equal (job->status, "Completed") && !g_str_equal (job->disposition, "Error"))
        generate_outputs (job, rand);

      g_ptr_array_add (jobs, job);
    }
}

static JobTable *
build_job_table (void)
{
  JobTable *table = g_new0 (JobTable, 1);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  gint64 now_ms = g_get_real_time () / 1000;

  for (guint i = 0; i < G_N_ELEMENTS (named_jobs); i++)
    {
      const NamedJob *named = &named_jobs[i];
      JdDemoJob *job = g_new0 (JdDemoJob, 1);

      g_strlcpy (job->id, named->id, sizeof job->id);
      job->kind = named->kind;
      job->workflow = named->workflow;
      job->index = G_MAXUINT;
      if (named->year != 0)
        job->create_ms = utc_ms (named->year, named->month, named->day,
                                 named->hour, named->minute, named->second,
                                 named->millisecond);
      if (named->duration_ms != 0 && job->create_ms != 0)
        job->complete_ms = job->create_ms + named->duration_ms;
      /* Jobs still under way were created moments ago, not in 2024:
       * "Running for 14 minutes" must read true when someone tries it.
       * The one stuck in the queue since June 2024 is meant to be old. */
      if (named->kind == JD_DEMO_KIND_PROGRESSING)
        job->create_ms = now_ms - 10 * 1000;
      else if (g_strcmp0 (named->status, "Running") == 0)
        job->create_ms = now_ms - 14 * 60 * 1000;
      else if (named->kind == JD_DEMO_KIND_QUEUED)
        job->create_ms = now_ms - 3 * 60 * 1000;
      else if (g_strcmp0 (named->status, "Initializing") == 0)
        job->create_ms = now_ms - 40 * 1000;
      else if (g_strcmp0 (named->status, "Created") == 0)
        job->create_ms = now_ms - 20 * 1000;

      /* A worker took the running job 25 s after it was queued, the
       * initializing one 5 s ago; the progressing job keeps its own
       * clock in the server. */
      if (job->complete_ms != 0 && named->kind != JD_DEMO_KIND_PROGRESSING)
        job->start_ms = job->create_ms + queue_wait_ms (job);
      else if (g_strcmp0 (named->status, "Running") == 0)
        job->start_ms = job->create_ms + 25 * 1000;
      else if (g_strcmp0 (named->status, "Initializing") == 0)
        job->start_ms = job->create_ms + 35 * 1000;

      job->submitted_by = named->submitted_by;
      job->status = named->status;
      job->disposition = named->disposition;
      job->priority = named->priority;
      job->worker_tag = named->worker_tag;
      job->run_with_e2 = named->run_with_e2;
      job->outputs = named->outputs;
      job->n_outputs = named->n_outputs;
      g_ptr_array_add (jobs, job);
    }

  /* With the named jobs: 75 and 65 jobs. */
  generate_workflow_jobs (jobs, SALES, 67);
  generate_workflow_jobs (jobs, INVENTORY, 59);

  table->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < jobs->len; i++)
    {
      JdDemoJob *job = g_ptr_array_index (jobs, i);

      g_assert (!g_hash_table_contains (table->by_id, job->id));
      g_assert (jd_demo_data_is_object_id (job->id));
      g_hash_table_insert (table->by_id, job->id, job);
    }

  table->n_jobs = jobs->len;
  table->jobs = (const JdDemoJob **) g_ptr_array_free (g_steal_pointer (&jobs), FALSE);

  return table;
}

static JobTable *
get_job_table (void)
{
  static JobTable *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_job_table ());

  return table;
}

const JdDemoWorkflow *
jd_demo_data_get_workflows (guint *n_workflows)
{
  *n_workflows = G_N_ELEMENTS (workflows);
  return workflows;
}

const JdDemoWorkflow *
jd_demo_data_find_workflow (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    {
      if (g_ascii_strcasecmp (workflows[i].id, id) == 0)
        return &workflows[i];
    }

  return NULL;
}

guint
jd_demo_data_count_jobs (const JdDemoWorkflow *workflow)
{
  JobTable *table = get_job_table ();
  guint count = 0;

  for (guint i = 0; i < table->n_jobs; i++)
    {
      if (table->jobs[i]->workflow == workflow)
        count++;
    }

  return count;
}

const JdDemoUser *
jd_demo_data_find_user (const char *id_or_name)
{
  g_autofree char *wanted = NULL;

  if (id_or_name == NULL || !g_utf8_validate (id_or_name, -1, NULL))
    return NULL;

  wanted = g_utf8_casefold (id_or_name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *name = g_utf8_casefold (users[i].name, -1);

      if (g_ascii_strcasecmp (users[i].id, id_or_name) == 0 || g_str_equal (name, wanted))
        return &users[i];
    }

  return NULL;
}

void
jd_demo_data_get_times (const JdDemoJob *job,
                        JdDemoTimes     *times)
{
  /* a job is queued as it is created */
  times->queue_ms = job->create_ms;
  times->start_ms = job->start_ms;
  times->end_ms = job->complete_ms;
}

const JdDemoJob **
jd_demo_data_get_jobs (guint *n_jobs)
{
  JobTable *table = get_job_table ();

  *n_jobs = table->n_jobs;
  return table->jobs;
}

const JdDemoJob *
jd_demo_data_find_job (const char *id)
{
  JobTable *table = get_job_table ();
  char lower[25];

  if (!jd_demo_data_is_object_id (id))
    return NULL;

  /* ObjectIds are case-insensitive hex; ours are stored in lower case. */
  for (guint i = 0; i < 25; i++)
    lower[i] = g_ascii_tolower (id[i]);

  return g_hash_table_lookup (table->by_id, lower);
}

const JdDemoOutput *
jd_demo_data_find_output (const JdDemoJob *job,
                          const char      *output_id)
{
  for (guint i = 0; i < job->n_outputs; i++)
    {
      if (g_ascii_strcasecmp (job->outputs[i].id, output_id) == 0)
        return &job->outputs[i];
    }

  return NULL;
}

gboolean
jd_demo_data_output_has_format (const JdDemoOutput *output,
                                const char         *format)
{
  for (guint i = 0; output->formats[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (output->formats[i], format) == 0)
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Description                                                         */

char *
jd_demo_data_describe_jobs (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (named_jobs); i++)
    {
      const NamedJob *named = &named_jobs[i];
      const JdDemoJob *job = jd_demo_data_find_job (named->id);
      guint n_messages;

      g_string_append_printf (out, "%s  ", named->id);

      if (named->kind == JD_DEMO_KIND_PROGRESSING)
        {
          g_string_append (out, "Queued, then Running, then Completed, Success, counted from its first lookup\n");
          continue;
        }
      if (named->kind == JD_DEMO_KIND_SPARSE)
        {
          g_string_append (out, "status \"Complete\", priority \"Urgent\", most fields missing, one unknown field\n");
          continue;
        }
      if (named->kind == JD_DEMO_KIND_LONG_QUEUED)
        {
          g_string_append_printf (out, "Queued since %04d-%02d-%02d; %s\n",
                                  named->year, named->month, named->day, named->about);
          continue;
        }

      n_messages = jd_demo_data_count_messages (job, job->status);
      g_string_append_printf (out, "%s, %s: ", job->status, job->disposition);
      if (g_str_equal (job->status, "Completed") && job->n_outputs == 0)
        g_string_append (out, "no outputs, ");
      else if (g_str_equal (job->status, "Completed"))
        g_string_append_printf (out, "%u output%s, ", job->n_outputs, job->n_outputs == 1 ? "" : "s");
      if (n_messages == 0)
        {
          g_string_append (out, "no messages");
        }
      else
        {
          jd_demo_data_append_count (out, n_messages);
          g_string_append_printf (out, " message%s", n_messages == 1 ? "" : "s");
        }
      if (named->about != NULL)
        g_string_append_printf (out, "; %s", named->about);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "%s  does not exist: 404\n", JD_DEMO_JOB_UNKNOWN);

  return g_string_free (out, FALSE);
}
