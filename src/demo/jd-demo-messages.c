/* jd-demo-messages.c: the messages of the sample jobs, as the engine
 * writes them (codes, tool IDs, counts with thousands separators): fixed
 * tables for the named jobs, 5,000 and 100,000 generated ones for the
 * large samples, and a seeded GRand's choice for every generated job.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-ids.h"
#include "jd-demo-job.h"
#include "jd-demo-json.h"
#include "jd-demo-messages.h"
#include "jd-demo-samples.h"

/* Engine message codes; see DESIGN §1. */
enum {
  MSG_INFO             = 1,
  MSG_WARNING          = 2,
  MSG_ERROR            = 3,
  MSG_COMPLETE         = 4,
  MSG_FIELD_CONVERSION = 5,
  MSG_CONVERSION_LIMIT = 6,
  MSG_FILE_INPUT       = 8,
  MSG_FILE_OUTPUT      = 9,
  MSG_LOW_DISK         = 20,
  MSG_SAFE_MODE_ERROR  = 21,
  MSG_TRANSIENT        = 0x40000000,
};

#define ENGINE (-1)

typedef struct
{
  guint       code;
  int         tool_id;
  const char *text;
} Message;

typedef struct
{
  GString *json;
  guint    count;
} MessageSink;
/* ------------------------------------------------------------------ */
/* Fixed message tables                                                */

static const Message success_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8c\\Weekly Sales Rollup.yxmd at 2024-09-19 10:02:55" },
  { MSG_INFO, ENGINE, "Running on AYX-WORKER-02 with Alteryx Engine 2024.1.1.93 (8 cores, 32 GB)" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv" },
  { MSG_INFO, 1, "Input Data (1): 12,345 records were read from \"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv\"" },
  { MSG_FILE_INPUT, 2, "C:\\ProgramData\\Alteryx\\Data\\store_master.yxdb" },
  { MSG_INFO, 2, "Input Data (2): 418 records were read from \"C:\\ProgramData\\Alteryx\\Data\\store_master.yxdb\"" },
  { MSG_INFO | MSG_TRANSIENT, 5, "Join (5): 50% complete" },
  { MSG_COMPLETE, 6, "Summarize (6): 12,345 records were grouped into 1,204 groups" },
  { MSG_FILE_OUTPUT, 7, "\\\\fileserver\\share\\finance\\sales\\weekly\\Umsatz_Übersicht_2024_Q3.xlsx" },
  { MSG_INFO, 7, "Output Data (7): 1,204 records were written to \"\\\\fileserver\\share\\finance\\sales\\weekly\\Umsatz_Übersicht_2024_Q3.xlsx|||Sheet1\"" },
  { MSG_FILE_OUTPUT, 8, "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8c\\販売レポート.csv" },
  { MSG_INFO, -1, "Finished in 12.8 seconds" },
};

static const Message warning_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8d\\Weekly Sales Rollup.yxmd at 2024-09-19 10:17:31" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv" },
  { MSG_INFO, 1, "Input Data (1): 12,345 records were read from \"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv\"" },
  { MSG_FIELD_CONVERSION, 3, "Select (3): ConvError: Units: \"12 pcs\" is not a valid Int32 and was converted to [Null]" },
  { MSG_FIELD_CONVERSION, 3, "Select (3): ConvError: Units: \"n/a\" is not a valid Int32 and was converted to [Null]" },
  { MSG_CONVERSION_LIMIT, 3, "Select (3): Too many field conversion errors; no more will be reported" },
  { MSG_WARNING, 4, "Filter (4): Warning: 37 records had a null value in \"Store_ID\" and went to the False output" },
  { MSG_WARNING, 11, "Join (11): Warning: 37 records from the L input had no match in the store master" },
  { MSG_FILE_OUTPUT, 12, "\\\\fileserver\\share\\finance\\sales\\weekly\\exceptions\\Weekly_Sales_Rollup_2024-W38_unmatched_stores.csv" },
  { MSG_INFO, 12, "Output Data (12): 37 records were written to \"\\\\fileserver\\share\\finance\\sales\\weekly\\exceptions\\Weekly_Sales_Rollup_2024-W38_unmatched_stores.csv\"" },
  { MSG_FILE_OUTPUT, 15, "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8d\\Sales Dashboard – Week 38.html" },
  { MSG_INFO, ENGINE, "Finished in 9.6 seconds with 4 warnings" },
};

static const Message error_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8e\\Weekly Sales Rollup.yxmd at 2024-09-19 11:45:09" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv" },
  { MSG_INFO, 1, "Input Data (1): 12,345 records were read from \"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv\"" },
  { MSG_ERROR, 9, "Error: Formula (9): Parse Error at char(12): Unknown function \"DATEADD\"" },
  { MSG_INFO, ENGINE, "Finished in 4.2 seconds with 1 error" },
};

static const Message failed_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8f\\Inventory Reconciliation.yxmd at 2024-09-19 12:03:20" },
  { MSG_LOW_DISK, ENGINE, "Low disk space: 812 MB free on D:\\AlteryxTemp for temporary files" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\ops\\inventory\\wms_export_2024-09-19.csv" },
  { MSG_INFO, 1, "Input Data (1): 88,410 records were read from \"\\\\fileserver\\share\\ops\\inventory\\wms_export_2024-09-19.csv\"" },
  { MSG_SAFE_MODE_ERROR, 14, "Error: Run Command (14): This tool cannot run while the Server runs workflows in Safe Mode" },
  { MSG_ERROR, ENGINE, "Error: The job stopped after an error in Run Command (14)" },
  { MSG_INFO, ENGINE, "Finished in 2.9 seconds with 2 errors" },
};

static const Message cancelled_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d90\\Weekly Sales Rollup.yxmd at 2024-09-19 13:30:01" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_full_year.csv" },
  { MSG_INFO | MSG_TRANSIENT, 1, "Input Data (1): 2,480,000 records read so far" },
  { MSG_WARNING, ENGINE, "The job was cancelled by a user before it finished" },
  { MSG_INFO, ENGINE, "Cancelled after 3 minutes 12 seconds" },
};

static const Message running_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d92\\Weekly Sales Rollup.yxmd at 2024-09-20 08:58:14" },
  { MSG_INFO, ENGINE, "Running on AYX-GPU-01 with Alteryx Engine 2024.1.1.93 (16 cores, 64 GB)" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv" },
  { MSG_INFO, 1, "Input Data (1): 12,345 records were read from \"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv\"" },
  { MSG_INFO | MSG_TRANSIENT, 6, "Summarize (6): 41% complete" },
};

static const Message initializing_messages[] = {
  { MSG_INFO, ENGINE, "Preparing the job on AYX-WORKER-03: copying Inventory Reconciliation.yxzp (4.1 MB)" },
};

static const Message progressing_messages[] = {
  { MSG_INFO, ENGINE, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d98\\Weekly Sales Rollup.yxmd at 2024-09-20 09:01:17" },
  { MSG_INFO, ENGINE, "Running on AYX-WORKER-01 with Alteryx Engine 2024.1.1.93 (8 cores, 32 GB)" },
  { MSG_FILE_INPUT, 1, "\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024-09-20.csv" },
  { MSG_INFO, 1, "Input Data (1): 3,902 records were read from \"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024-09-20.csv\"" },
  /* What the job has said once it runs ends here. */
  { MSG_COMPLETE, 6, "Summarize (6): 3,902 records were grouped into 60 groups" },
  { MSG_FILE_OUTPUT, 7, "\\\\fileserver\\share\\finance\\sales\\daily\\Flash_Sales_2024-09-20.xlsx" },
  { MSG_INFO, 7, "Output Data (7): 60 records were written to \"\\\\fileserver\\share\\finance\\sales\\daily\\Flash_Sales_2024-09-20.xlsx|||Flash\"" },
  { MSG_FILE_OUTPUT, 8, "C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d98\\Flash_Sales_2024-09-20_summary.html" },
  { MSG_INFO, ENGINE, "Finished in 41.0 seconds" },
};
#define PROGRESSING_RUNNING_MESSAGES 4

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
emit (MessageSink *sink,
      guint        code,
      int          tool_id,
      const char  *text)
{
  if (sink->json != NULL)
    {
      if (sink->count > 0)
        g_string_append_c (sink->json, ',');
      g_string_append_printf (sink->json, "{\"status\":%u,\"text\":", code);
      jd_demo_data_append_json_string (sink->json, text);
      g_string_append_printf (sink->json, ",\"toolId\":%d}", tool_id);
    }
  sink->count++;
}

static void
emit_table (MessageSink   *sink,
            const Message *messages,
            guint          n_messages)
{
  for (guint i = 0; i < n_messages; i++)
    emit (sink, messages[i].code, messages[i].tool_id, messages[i].text);
}

/* 5,000 messages that use every code, so that severity filters have
 * something to do. */
static void
emit_many (MessageSink *sink)
{
  static const guint codes[] = {
    MSG_INFO, MSG_WARNING, MSG_ERROR, MSG_COMPLETE, MSG_FIELD_CONVERSION,
    MSG_CONVERSION_LIMIT, MSG_FILE_INPUT, MSG_FILE_OUTPUT, MSG_LOW_DISK, MSG_SAFE_MODE_ERROR,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 5000; i++)
    {
      guint code = codes[i % G_N_ELEMENTS (codes)];
      int tool_id = (i % 25 == 0) ? ENGINE : (int) (i % 40) + 1;
      const char *tool = tools[(i / 3) % G_N_ELEMENTS (tools)];
      const char *warehouse = warehouses[i % G_N_ELEMENTS (warehouses)];

      g_string_truncate (text, 0);
      if (tool_id != ENGINE && code != MSG_FILE_INPUT && code != MSG_FILE_OUTPUT)
        g_string_append_printf (text, "%s (%d): ", tool, tool_id);

      switch (code)
        {
        case MSG_INFO:
          jd_demo_data_append_count (text, 1000 + i * 37);
          g_string_append_printf (text, " records processed for %s", warehouse);
          break;
        case MSG_WARNING:
          g_string_append_printf (text, "Warning: SKU %06u has a negative stock level in %s", 100000 + i, warehouse);
          break;
        case MSG_ERROR:
          g_string_append_printf (text, "Error: Expected count for SKU %06u is missing in the ledger extract", 100000 + i);
          break;
        case MSG_COMPLETE:
          jd_demo_data_append_count (text, 500 + i * 11);
          g_string_append (text, " records were written to the next tool");
          break;
        case MSG_FIELD_CONVERSION:
          g_string_append_printf (text, "ConvError: Counted: \"%u,5 Stk\" is not a valid Double", i % 97);
          break;
        case MSG_CONVERSION_LIMIT:
          g_string_append (text, "Too many field conversion errors; no more will be reported");
          break;
        case MSG_FILE_INPUT:
          g_string_append_printf (text, "\\\\fileserver\\share\\ops\\inventory\\counts\\%s\\count_%04u.csv", warehouse, i);
          break;
        case MSG_FILE_OUTPUT:
          g_string_append_printf (text, "\\\\fileserver\\share\\ops\\inventory\\variances\\variance_%04u.yxdb", i);
          break;
        case MSG_LOW_DISK:
          g_string_append_printf (text, "Low disk space: %u MB free on D:\\AlteryxTemp", 900 - (i % 800));
          break;
        case MSG_SAFE_MODE_ERROR:
          g_string_append (text, "Error: Reading from \"C:\\Users\\Public\\stock.xlsx\" is not allowed in Safe Mode");
          break;
        default:
          g_assert_not_reached ();
        }

      if (i % 7 == 3 && (code == MSG_INFO || code == MSG_COMPLETE || code == MSG_WARNING))
        code |= MSG_TRANSIENT;

      emit (sink, code, tool_id, text->str);
    }
}

guint
jd_demo_data_huge_count (void)
{
  static guint count;

  if (count == 0)
    {
      const char *value = g_getenv ("JD_DEMO_HUGE_MESSAGES");
      guint64 n = 100000;

      if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, 5000000, &n, NULL))
        n = 100000;
      count = (guint) n;
    }
  return count;
}

/* 100,000 messages of a long bulk load: information, file names, tool
 * completions and some warnings, about 110 bytes of JSON each (or as
 * many as JD_DEMO_HUGE_MESSAGES says, for the benchmark). */
static void
emit_huge (MessageSink *sink)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint count = jd_demo_data_huge_count ();

  for (guint i = 0; i < count; i++)
    {
      int tool_id = (int) (i % 48) + 1;
      const char *tool = tools[i % G_N_ELEMENTS (tools)];
      const char *warehouse = warehouses[(i / 7) % G_N_ELEMENTS (warehouses)];
      guint code;

      g_string_truncate (text, 0);
      switch (i % 20)
        {
        case 0:
          code = MSG_FILE_INPUT;
          g_string_append_printf (text, "\\\\fileserver\\share\\ops\\inventory\\bulk\\movements\\batch_%06u.csv", i / 20);
          break;
        case 7:
          code = MSG_WARNING;
          g_string_append_printf (text, "%s (%d): Warning: movement %u for %s has no matching receipt",
                                  tool, tool_id, 9000000 + i, warehouse);
          break;
        case 13:
          code = MSG_FIELD_CONVERSION;
          g_string_append_printf (text, "%s (%d): ConvError: Quantity: \"%u pcs\" is not a valid Int32",
                                  tool, tool_id, i % 1000);
          break;
        case 19:
          code = MSG_FILE_OUTPUT;
          g_string_append_printf (text, "\\\\fileserver\\share\\ops\\inventory\\bulk\\staged\\movements_%06u.yxdb", i / 20);
          break;
        default:
          code = (i % 3 == 0) ? MSG_COMPLETE : MSG_INFO;
          g_string_append_printf (text, "%s (%d): ", tool, tool_id);
          jd_demo_data_append_count (text, 10000 + (i * 7919) % 900000);
          g_string_append_printf (text, " stock movements were processed for %s (batch %u)", warehouse, i / 20);
          if (i % 11 == 5)
            code |= MSG_TRANSIENT;
          break;
        }

      emit (sink, code, tool_id, text->str);
    }
}

/* The messages of a generated job, from its own seeded GRand. */
static void
emit_generated (MessageSink     *sink,
                const JdDemoJob *job)
{
  gboolean sales = job->workflow != NULL && g_str_equal (job->workflow->id, JD_DEMO_WORKFLOW_SALES);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((sales ? 0x5a1e5000u : 0x1b7e0000u) + job->index);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (job->create_ms / 1000 + 2);
  g_autofree char *when = g_date_time_format (created, "%Y-%m-%d %H:%M:%S");
  g_autofree char *day = g_date_time_format (created, "%Y-%m-%d");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *input = NULL;
  guint records = 2000 + g_rand_int_range (rand, 0, 60000);
  guint warnings = 0;
  guint errors = 0;
  double seconds = (job->complete_ms - job->create_ms) / 1000.0;

  if (sales)
    input = g_strdup_printf ("\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_%d_w%02d.csv",
                             g_date_time_get_year (created), g_date_time_get_week_of_year (created));
  else
    input = g_strdup_printf ("\\\\fileserver\\share\\ops\\inventory\\wms_export_%s.csv", day);

  g_string_printf (text, "Started running C:\\ProgramData\\Alteryx\\Service\\Staging\\%s\\%s.yxmd at %s",
                   job->id, job->workflow->name, when);
  emit (sink, MSG_INFO, ENGINE, text->str);

  if (g_str_equal (job->status, "Error"))
    {
      g_string_printf (text, "Error: The worker AYX-WORKER-%02d stopped responding; the job was ended",
                       g_rand_int_range (rand, 1, 6));
      emit (sink, MSG_ERROR, ENGINE, text->str);
      g_string_printf (text, "Finished in %.1f seconds with 1 error", seconds);
      emit (sink, MSG_INFO, ENGINE, text->str);
      return;
    }

  emit (sink, MSG_FILE_INPUT, 1, input);
  g_string_assign (text, "Input Data (1): ");
  jd_demo_data_append_count (text, records);
  g_string_append_printf (text, " records were read from \"%s\"", input);
  emit (sink, MSG_INFO, 1, text->str);

  if (g_str_equal (job->status, "Cancelled"))
    {
      emit (sink, MSG_WARNING, ENGINE, "The job was cancelled by a user before it finished");
      return;
    }

  if (g_str_equal (job->disposition, "Warning"))
    {
      guint nulls = 1 + g_rand_int_range (rand, 0, 80);

      g_string_printf (text, "Filter (4): Warning: %u records had a null value in \"%s\" and went to the False output",
                       nulls, sales ? "Store_ID" : "SKU");
      emit (sink, MSG_WARNING, 4, text->str);
      emit (sink, MSG_FIELD_CONVERSION, 3,
            sales ? "Select (3): ConvError: Units: \"12 pcs\" is not a valid Int32 and was converted to [Null]"
                  : "Select (3): ConvError: Counted: \"4,5 Stk\" is not a valid Double and was converted to [Null]");
      warnings = 2;
    }

  if (g_str_equal (job->disposition, "Error"))
    {
      static const char *const failures[] = {
        "Error: Formula (9): Parse Error at char(12): Unknown function \"DATEADD\"",
        "Error: Join (5): The field \"Store_ID\" is missing from the R input",
        "Error: Output Data (7): The file is locked by another user; the workbook is open in Excel",
      };

      emit (sink, MSG_ERROR, 9, failures[g_rand_int_range (rand, 0, G_N_ELEMENTS (failures))]);
      errors = 1;
    }
  else
    {
      g_string_assign (text, "Summarize (6): ");
      jd_demo_data_append_count (text, records);
      g_string_append (text, " records were grouped into ");
      jd_demo_data_append_count (text, 20 + records / 50);
      g_string_append (text, " groups");
      emit (sink, MSG_COMPLETE, 6, text->str);

      for (guint i = 0; i < job->n_outputs; i++)
        {
          emit (sink, MSG_FILE_OUTPUT, 7 + (int) i, job->outputs[i].file_name);
          g_string_printf (text, "Output Data (%u): ", 7 + i);
          jd_demo_data_append_count (text, job->outputs[i].csv_rows);
          g_string_append_printf (text, " records were written to \"%s\"", job->outputs[i].file_name);
          emit (sink, MSG_INFO, 7 + (int) i, text->str);
        }
    }

  g_string_printf (text, "Finished in %.1f seconds", seconds);
  if (errors > 0)
    g_string_append_printf (text, " with %u error%s", errors, errors == 1 ? "" : "s");
  else if (warnings > 0)
    g_string_append_printf (text, " with %u warnings", warnings);
  emit (sink, MSG_INFO, ENGINE, text->str);
}

static void
emit_messages (MessageSink     *sink,
               const JdDemoJob *job,
               const char      *status)
{
  gboolean cancelled_now = g_str_equal (status, "Cancelled") && !g_str_equal (job->status, "Cancelled");

  switch (job->kind)
    {
    case JD_DEMO_KIND_GENERATED:
      emit_generated (sink, job);
      break;
    case JD_DEMO_KIND_SUCCESS:
      emit_table (sink, success_messages, G_N_ELEMENTS (success_messages));
      break;
    case JD_DEMO_KIND_WARNING:
      emit_table (sink, warning_messages, G_N_ELEMENTS (warning_messages));
      break;
    case JD_DEMO_KIND_ERROR:
      emit_table (sink, error_messages, G_N_ELEMENTS (error_messages));
      break;
    case JD_DEMO_KIND_FAILED:
      emit_table (sink, failed_messages, G_N_ELEMENTS (failed_messages));
      break;
    case JD_DEMO_KIND_CANCELLED:
      emit_table (sink, cancelled_messages, G_N_ELEMENTS (cancelled_messages));
      break;
    case JD_DEMO_KIND_RUNNING:
      emit_table (sink, running_messages, G_N_ELEMENTS (running_messages));
      break;
    case JD_DEMO_KIND_INITIALIZING:
      emit_table (sink, initializing_messages, G_N_ELEMENTS (initializing_messages));
      break;
    case JD_DEMO_KIND_MANY_MESSAGES:
      emit_many (sink);
      break;
    case JD_DEMO_KIND_HUGE:
      emit_huge (sink);
      break;
    case JD_DEMO_KIND_PROGRESSING:
      if (g_str_equal (status, "Completed"))
        emit_table (sink, progressing_messages, G_N_ELEMENTS (progressing_messages));
      else if (!g_str_equal (status, "Queued"))
        emit_table (sink, progressing_messages, PROGRESSING_RUNNING_MESSAGES);
      break;
    case JD_DEMO_KIND_QUEUED:
    case JD_DEMO_KIND_LONG_QUEUED:
    case JD_DEMO_KIND_CREATED:
    case JD_DEMO_KIND_NO_MESSAGES:
    case JD_DEMO_KIND_SPARSE:
    default:
      break;
    }

  if (cancelled_now)
    emit (sink, MSG_WARNING, ENGINE, "The job was cancelled by a user before it finished");
}

gboolean
jd_demo_data_job_has_messages (const JdDemoJob *job)
{
  return job->kind != JD_DEMO_KIND_SPARSE;
}

GBytes *
jd_demo_data_build_messages (const JdDemoJob *job,
                             const char      *status,
                             guint           *n_messages)
{
  MessageSink sink = { NULL, 0 };
  gsize reserve = 256;

  if (job->kind == JD_DEMO_KIND_HUGE)
    reserve = (gsize) jd_demo_data_huge_count () * 120;
  else if (job->kind == JD_DEMO_KIND_MANY_MESSAGES)
    reserve = 600 * 1024;

  sink.json = g_string_sized_new (reserve);
  g_string_append_c (sink.json, '[');
  emit_messages (&sink, job, status);
  g_string_append_c (sink.json, ']');

  if (n_messages != NULL)
    *n_messages = sink.count;

  return g_string_free_to_bytes (sink.json);
}

guint
jd_demo_data_count_messages (const JdDemoJob *job,
                             const char      *status)
{
  /* Counting only: the sink has no JSON to write. */
  MessageSink counter = { NULL, 0 };

  emit_messages (&counter, job, status);

  return counter.count;
}
