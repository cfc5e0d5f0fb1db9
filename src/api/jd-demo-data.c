/* jd-demo-data.c: the sample jobs, workflows, messages and output files
 * that JdDemoServer serves.
 *
 * The data should look like what analysts see on a real Server: sales,
 * inventory and finance workflows, UNC paths, German and Japanese file
 * names, engine messages with their codes. It is built once per process
 * from fixed tables and seeded GRands, so every run serves the same bytes;
 * JSON is written straight into GStrings because the largest job has
 * 100,000 messages.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"

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

typedef enum
{
  TABLE_SALES,
  TABLE_INVENTORY,
} TableKind;

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
/* Sample values for generated rows and messages                       */

static const char *const regions[] = { "DACH", "Nordics", "Iberia", "Benelux", "UK & Ireland", "APAC" };
static const char *const cities[] = {
  "München", "Zürich", "Malmö", "São Paulo", "Kraków", "東京", "Köln", "Århus", "Sevilla", "Dublin", "Łódź", "大阪",
};
static const char *const categories[] = {
  "Outdoor & Garden", "Home \"Essentials\"", "Electronics", "Küche, Bad", "Toys", "Sports",
};
static const char *const products[] = {
  "Schraube M6, verzinkt", "Gartenschlauch 25 m", "USB-C cable 2 m", "Ceramic mug \"Nordic\"", "Akku-Bohrer 18 V",
  "LED bulb E27 (warm white)", "Kaffeebohnen 1 kg", "保存容器セット", "Yoga mat, 6 mm", "Mähroboter Pro",
};
static const char *const warehouses[] = { "Lager Süd", "DC Rotterdam", "Warehouse North", "倉庫 大阪" };
static const char *const tools[] = {
  "Input Data", "Select", "Filter", "Formula", "Join", "Summarize", "Sort", "Unique", "Cross Tab",
  "Multi-Row Formula", "Data Cleansing", "Union", "Output Data", "Browse",
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

void
jd_demo_data_append_json_string (GString    *json,
                                 const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (json, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        case '\b': g_string_append (json, "\\b"); break;
        case '\f': g_string_append (json, "\\f"); break;
        default:
          if (*p < 0x20)
            {
              g_string_append (json, "\\u00");
              g_string_append_c (json, hex[*p >> 4]);
              g_string_append_c (json, hex[*p & 0xf]);
            }
          else
            {
              /* UTF-8 passes through unchanged; the sources are valid. */
              g_string_append_c (json, (char) *p);
            }
          break;
        }
    }
  g_string_append_c (json, '"');
}

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

/* Thousands separators, as the engine writes counts. */
static void
append_count (GString *out,
              guint    value)
{
  char digits[16];
  gsize len;

  g_snprintf (digits, sizeof digits, "%u", value);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static const char *
file_basename (const char *path)
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
          append_count (text, 1000 + i * 37);
          g_string_append_printf (text, " records processed for %s", warehouse);
          break;
        case MSG_WARNING:
          g_string_append_printf (text, "Warning: SKU %06u has a negative stock level in %s", 100000 + i, warehouse);
          break;
        case MSG_ERROR:
          g_string_append_printf (text, "Error: Expected count for SKU %06u is missing in the ledger extract", 100000 + i);
          break;
        case MSG_COMPLETE:
          append_count (text, 500 + i * 11);
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

/* 100,000 messages of a long bulk load: information, file names, tool
 * completions and some warnings, about 110 bytes of JSON each. */
static void
emit_huge (MessageSink *sink)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
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
          append_count (text, 10000 + (i * 7919) % 900000);
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
  gboolean sales = job->workflow == SALES;
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
  append_count (text, records);
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
      append_count (text, records);
      g_string_append (text, " records were grouped into ");
      append_count (text, 20 + records / 50);
      g_string_append (text, " groups");
      emit (sink, MSG_COMPLETE, 6, text->str);

      for (guint i = 0; i < job->n_outputs; i++)
        {
          emit (sink, MSG_FILE_OUTPUT, 7 + (int) i, job->outputs[i].file_name);
          g_string_printf (text, "Output Data (%u): ", 7 + i);
          append_count (text, job->outputs[i].csv_rows);
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
    reserve = 12 * 1024 * 1024;
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

/* ------------------------------------------------------------------ */
/* Output files                                                        */

typedef struct
{
  guint        n_columns;
  const char  *headers[8];
} TableShape;

static const TableShape table_shapes[] = {
  [TABLE_SALES] = { 7, { "Region", "Store", "City", "Week", "Category", "Units", "Net_Revenue_EUR" } },
  [TABLE_INVENTORY] = { 6, { "SKU", "Description", "Warehouse", "Expected", "Counted", "Variance" } },
};

static TableKind
table_kind (const JdDemoJob *job)
{
  return job->workflow == INVENTORY ? TABLE_INVENTORY : TABLE_SALES;
}

/* One cell of row @row (0-based, after the header). Numbers are plain. */
static void
append_cell (GString   *out,
             TableKind  kind,
             guint      row,
             guint      column)
{
  guint mix = row * 2654435761u;

  if (kind == TABLE_SALES)
    {
      guint units = 1 + (mix >> 7) % 480;

      switch (column)
        {
        case 0: g_string_append (out, regions[row % G_N_ELEMENTS (regions)]); break;
        case 1: g_string_append_printf (out, "S-%04u", 1000 + (row * 37) % 9000); break;
        case 2: g_string_append (out, cities[(row / 3) % G_N_ELEMENTS (cities)]); break;
        case 3: g_string_append_printf (out, "2024-W%02u", 1 + (row / 11) % 38); break;
        case 4: g_string_append (out, categories[(row / 2) % G_N_ELEMENTS (categories)]); break;
        case 5: g_string_append_printf (out, "%u", units); break;
        case 6:
        default:
          g_string_append_printf (out, "%u.%02u", units * (3 + (mix >> 13) % 90), (mix >> 3) % 100);
          break;
        }
    }
  else
    {
      guint expected = 10 + (mix >> 9) % 900;
      int variance = (int) ((mix >> 5) % 11) - 5;

      switch (column)
        {
        case 0: g_string_append_printf (out, "SKU-%06u", 100000 + row * 13); break;
        case 1: g_string_append (out, products[row % G_N_ELEMENTS (products)]); break;
        case 2: g_string_append (out, warehouses[(row / 5) % G_N_ELEMENTS (warehouses)]); break;
        case 3: g_string_append_printf (out, "%u", expected); break;
        case 4: g_string_append_printf (out, "%u", (guint) ((int) expected + variance)); break;
        case 5:
        default:
          g_string_append_printf (out, "%d", variance);
          break;
        }
    }
}

static gboolean
column_is_numeric (TableKind kind,
                   guint     column)
{
  return kind == TABLE_SALES ? column >= 5 : column >= 3;
}

static GBytes *
build_csv (TableKind kind,
           guint     rows)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_sized_new (64 + rows * 64);
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint c = 0; c < shape->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, shape->headers[c]);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < rows; r++)
    {
      for (guint c = 0; c < shape->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');

          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          if (strpbrk (cell->str, ",\"\r\n") != NULL)
            {
              g_string_append_c (out, '"');
              for (const char *p = cell->str; *p; p++)
                {
                  if (*p == '"')
                    g_string_append_c (out, '"');
                  g_string_append_c (out, *p);
                }
              g_string_append_c (out, '"');
            }
          else
            {
              g_string_append_len (out, cell->str, cell->len);
            }
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static void
append_xml_escaped (GString    *out,
                    const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The preview formats (HTML, PDF, DOCX, XLSX) show at most this many rows. */
#define PREVIEW_ROWS 200

static GBytes *
build_html (const JdDemoJob    *job,
            const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  g_autoptr(GString) cell = g_string_new (NULL);
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);

  append_xml_escaped (out, file_basename (output->file_name));
  g_string_append (out, "</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
                        "td.n{text-align:right}</style>\n</head>\n<body>\n<h1>");
  append_xml_escaped (out, job->workflow != NULL ? job->workflow->name : "Job output");
  g_string_append_printf (out, "</h1>\n<p>Job %s</p>\n<table>\n<tr>", job->id);
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (out, "<th>%s</th>", shape->headers[c]);
  g_string_append (out, "</tr>\n");

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          g_string_append (out, column_is_numeric (kind, c) ? "<td class=\"n\">" : "<td>");
          append_xml_escaped (out, cell->str);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}

static void
append_pdf_text (GString    *out,
                 const char *text)
{
  /* The standard Helvetica font has no CJK glyphs: transliterate. */
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  g_string_append_c (out, '(');
  for (const char *p = ascii; *p; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append (out, ") Tj\n");
}

/* A one-page PDF with a correct cross-reference table. */
static GBytes *
build_pdf (const JdDemoJob    *job,
           const JdDemoOutput *output,
           TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GString) content = g_string_new ("BT\n/F1 16 Tf\n50 800 Td\n");
  g_autoptr(GString) line = g_string_new (NULL);
  gsize offsets[6];
  gsize xref;
  guint rows = MIN (output->csv_rows, 40);

  append_pdf_text (content, job->workflow != NULL ? job->workflow->name : "Job output");
  g_string_append (content, "/F1 9 Tf\n0 -20 Td\n");
  g_string_printf (line, "Job %s - %s", job->id, file_basename (output->file_name));
  append_pdf_text (content, line->str);

  g_string_truncate (line, 0);
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (line, "%s%s", c > 0 ? "  |  " : "", shape->headers[c]);
  g_string_append (content, "0 -24 Td\n");
  append_pdf_text (content, line->str);

  for (guint r = 0; r < rows; r++)
    {
      g_string_truncate (line, 0);
      for (guint c = 0; c < shape->n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, "  |  ");
          append_cell (line, kind, r, c);
        }
      g_string_append (content, "0 -16 Td\n");
      append_pdf_text (content, line->str);
    }
  g_string_append (content, "ET\n");

  offsets[1] = out->len;
  g_string_append (out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = out->len;
  g_string_append (out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = out->len;
  g_string_append (out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
  offsets[4] = out->len;
  g_string_append_printf (out, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", content->len);
  g_string_append_len (out, content->str, content->len);
  g_string_append (out, "endstream\nendobj\n");
  offsets[5] = out->len;
  g_string_append (out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                        "/Encoding /WinAnsiEncoding >>\nendobj\n");

  xref = out->len;
  g_string_append (out, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 1; i < 6; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (out);
}

/* A ZIP archive with stored (uncompressed) entries. */
typedef struct
{
  GByteArray *data;
  GByteArray *directory;
  guint16     n_entries;
} ZipWriter;

static void
put16 (GByteArray *array,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (array, bytes, 2);
}

static void
put32 (GByteArray *array,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };

  g_byte_array_append (array, bytes, 4);
}

static void
zip_add (ZipWriter    *zip,
         const char   *name,
         const guint8 *data,
         gsize         length)
{
  /* 2024-09-19 10:02:54 in MS-DOS form. */
  const guint dos_time = (10 << 11) | (2 << 5) | (54 / 2);
  const guint dos_date = ((2024 - 1980) << 9) | (9 << 5) | 19;
  guint32 crc = jd_demo_data_crc32 (0, data, length);
  guint32 offset = zip->data->len;
  gsize name_length = strlen (name);

  put32 (zip->data, 0x04034b50);
  put16 (zip->data, 20);                /* version needed */
  put16 (zip->data, 0x0800);            /* names are UTF-8 */
  put16 (zip->data, 0);                 /* stored */
  put16 (zip->data, dos_time);
  put16 (zip->data, dos_date);
  put32 (zip->data, crc);
  put32 (zip->data, (guint32) length);
  put32 (zip->data, (guint32) length);
  put16 (zip->data, (guint) name_length);
  put16 (zip->data, 0);
  g_byte_array_append (zip->data, (const guint8 *) name, (guint) name_length);
  g_byte_array_append (zip->data, data, (guint) length);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);           /* made by: MS-DOS, 2.0 */
  put16 (zip->directory, 20);
  put16 (zip->directory, 0x0800);
  put16 (zip->directory, 0);
  put16 (zip->directory, dos_time);
  put16 (zip->directory, dos_date);
  put32 (zip->directory, crc);
  put32 (zip->directory, (guint32) length);
  put32 (zip->directory, (guint32) length);
  put16 (zip->directory, (guint) name_length);
  put16 (zip->directory, 0);            /* extra */
  put16 (zip->directory, 0);            /* comment */
  put16 (zip->directory, 0);            /* disk */
  put16 (zip->directory, 0);            /* internal attributes */
  put32 (zip->directory, 0);            /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, (guint) name_length);

  zip->n_entries++;
}

static void
zip_add_string (ZipWriter  *zip,
                const char *name,
                GString    *text)
{
  zip_add (zip, name, (const guint8 *) text->str, text->len);
}

static GBytes *
zip_finish (ZipWriter *zip)
{
  guint32 directory_offset = zip->data->len;
  guint32 directory_size = zip->directory->len;

  g_byte_array_append (zip->data, zip->directory->data, zip->directory->len);
  put32 (zip->data, 0x06054b50);
  put16 (zip->data, 0);
  put16 (zip->data, 0);
  put16 (zip->data, zip->n_entries);
  put16 (zip->data, zip->n_entries);
  put32 (zip->data, directory_size);
  put32 (zip->data, directory_offset);
  put16 (zip->data, 0);

  g_byte_array_unref (zip->directory);
  return g_byte_array_free_to_bytes (zip->data);
}

static void
zip_init (ZipWriter *zip)
{
  zip->data = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  zip->n_entries = 0;
}

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static GBytes *
build_xlsx (const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);
  g_autoptr(GString) part = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  ZipWriter zip;

  zip_init (&zip);

  g_string_assign (part, XML_DECLARATION
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                   "</Types>");
  zip_add_string (&zip, "[Content_Types].xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "_rels/.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"" OFFICE_REL "\">"
                   "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip_add_string (&zip, "xl/workbook.xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "xl/_rels/workbook.xml.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  for (guint r = 0; r <= rows; r++)
    {
      g_string_append_printf (part, "<row r=\"%u\">", r + 1);
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          if (r == 0)
            g_string_append (cell, shape->headers[c]);
          else
            append_cell (cell, kind, r - 1, c);

          if (r > 0 && column_is_numeric (kind, c))
            {
              g_string_append_printf (part, "<c r=\"%c%u\"><v>%s</v></c>", 'A' + c, r + 1, cell->str);
            }
          else
            {
              g_string_append_printf (part, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>", 'A' + c, r + 1);
              append_xml_escaped (part, cell->str);
              g_string_append (part, "</t></is></c>");
            }
        }
      g_string_append (part, "</row>");
    }
  g_string_append (part, "</sheetData></worksheet>");
  zip_add_string (&zip, "xl/worksheets/sheet1.xml", part);

  return zip_finish (&zip);
}

static void
append_docx_paragraph (GString    *out,
                       const char *text,
                       gboolean    bold)
{
  g_string_append (out, bold ? "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
                             : "<w:p><w:r><w:t xml:space=\"preserve\">");
  append_xml_escaped (out, text);
  g_string_append (out, "</w:t></w:r></w:p>");
}

static GBytes *
build_docx (const JdDemoJob    *job,
            const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);
  g_autoptr(GString) part = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  ZipWriter zip;

  zip_init (&zip);

  g_string_assign (part, XML_DECLARATION
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                   "</Types>");
  zip_add_string (&zip, "[Content_Types].xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/officeDocument\" Target=\"word/document.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "_rels/.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  append_docx_paragraph (part, job->workflow != NULL ? job->workflow->name : "Job output", TRUE);
  g_string_truncate (cell, 0);
  g_string_append_printf (cell, "Job %s: %s", job->id, file_basename (output->file_name));
  append_docx_paragraph (part, cell->str, FALSE);

  g_string_append (part, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append (part, "<w:gridCol w:w=\"1300\"/>");
  g_string_append (part, "</w:tblGrid>");
  for (guint r = 0; r <= rows; r++)
    {
      g_string_append (part, "<w:tr>");
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          if (r == 0)
            g_string_append (cell, shape->headers[c]);
          else
            append_cell (cell, kind, r - 1, c);
          g_string_append (part, "<w:tc>");
          append_docx_paragraph (part, cell->str, r == 0);
          g_string_append (part, "</w:tc>");
        }
      g_string_append (part, "</w:tr>");
    }
  g_string_append (part, "</w:tbl><w:sectPr/></w:body></w:document>");
  zip_add_string (&zip, "word/document.xml", part);

  return zip_finish (&zip);
}

/* Not the real format, but it starts like one: a 512-byte header that
 * begins "Alteryx Database File", the record layout as UTF-16 XML, then
 * length-prefixed UTF-8 records. */
static GBytes *
build_yxdb (const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GByteArray *out = g_byte_array_sized_new (512 + output->csv_rows * 64);
  g_autoptr(GString) xml = g_string_new ("<RecordInfo>\n");
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree gunichar2 *utf16 = NULL;
  glong utf16_length = 0;
  guint8 header[512] = { 0 };

  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (xml, "\t<Field name=\"%s\" type=\"%s\" size=\"%u\"/>\n", shape->headers[c],
                            column_is_numeric (kind, c) ? "Double" : "V_WString",
                            column_is_numeric (kind, c) ? 8 : 254);
  g_string_append (xml, "</RecordInfo>\n");
  utf16 = g_utf8_to_utf16 (xml->str, -1, NULL, &utf16_length, NULL);

  memcpy (header, "Alteryx Database File", strlen ("Alteryx Database File"));
  header[64] = 0x01;                                  /* file id */
  header[104] = (guint8) (utf16_length & 0xff);       /* metadata length, UTF-16 units */
  header[105] = (guint8) ((utf16_length >> 8) & 0xff);
  header[108] = (guint8) (output->csv_rows & 0xff);
  header[109] = (guint8) ((output->csv_rows >> 8) & 0xff);
  header[110] = (guint8) ((output->csv_rows >> 16) & 0xff);
  g_byte_array_append (out, header, sizeof header);

  for (glong i = 0; i < utf16_length; i++)
    put16 (out, utf16[i]);

  for (guint r = 0; r < output->csv_rows; r++)
    {
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          put16 (out, (guint) cell->len);
          g_byte_array_append (out, (const guint8 *) cell->str, (guint) cell->len);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static GBytes *
build_zip (const JdDemoOutput *output,
           TableKind           kind)
{
  g_autoptr(GBytes) csv = build_csv (kind, output->csv_rows);
  g_autofree char *stem = g_strdup (file_basename (output->file_name));
  g_autofree char *name = NULL;
  char *dot = strrchr (stem, '.');
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (csv, &length);
  ZipWriter zip;

  if (dot != NULL)
    *dot = '\0';
  name = g_strconcat (stem, ".csv", NULL);

  zip_init (&zip);
  zip_add (&zip, name, data, length);
  return zip_finish (&zip);
}

typedef struct
{
  const char *format;
  const char *extension;
  const char *content_type;
} FormatInfo;

static const FormatInfo format_infos[] = {
  { "Csv", "csv", "text/csv; charset=utf-8" },
  { "Html", "html", "text/html; charset=utf-8" },
  { "Pdf", "pdf", "application/pdf" },
  { "Xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "Docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "Zip", "zip", "application/zip" },
  { "Yxdb", "yxdb", "application/octet-stream" },
};

static const FormatInfo *
find_format (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_infos); i++)
    {
      if (g_ascii_strcasecmp (format_infos[i].format, format) == 0)
        return &format_infos[i];
    }

  return NULL;
}

static const FormatInfo *
format_of_file (const char *file_name)
{
  const char *dot = strrchr (file_basename (file_name), '.');

  if (dot != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (format_infos); i++)
        {
          if (g_ascii_strcasecmp (format_infos[i].extension, dot + 1) == 0)
            return &format_infos[i];
        }
    }

  return &format_infos[0];
}

GBytes *
jd_demo_data_build_output (const JdDemoJob     *job,
                           const JdDemoOutput  *output,
                           const char          *format,
                           char               **content_type,
                           char               **file_name)
{
  TableKind kind = table_kind (job);
  gboolean raw = g_ascii_strcasecmp (format, "Raw") == 0;
  const FormatInfo *info = raw ? format_of_file (output->file_name) : find_format (format);
  GBytes *bytes;

  if (info == NULL)
    return NULL;

  if (g_str_equal (info->format, "Csv"))
    bytes = build_csv (kind, output->csv_rows);
  else if (g_str_equal (info->format, "Html"))
    bytes = build_html (job, output, kind);
  else if (g_str_equal (info->format, "Pdf"))
    bytes = build_pdf (job, output, kind);
  else if (g_str_equal (info->format, "Xlsx"))
    bytes = build_xlsx (output, kind);
  else if (g_str_equal (info->format, "Docx"))
    bytes = build_docx (job, output, kind);
  else if (g_str_equal (info->format, "Zip"))
    bytes = build_zip (output, kind);
  else
    bytes = build_yxdb (output, kind);

  if (content_type != NULL)
    *content_type = g_strdup (raw ? "application/octet-stream" : info->content_type);

  if (file_name != NULL)
    {
      const char *base = file_basename (output->file_name);
      const char *dot = strrchr (base, '.');

      if (raw || dot == NULL)
        *file_name = g_strdup (base);
      else
        *file_name = g_strdup_printf ("%.*s.%s", (int) (dot - base), base, info->extension);
    }

  return bytes;
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
      MessageSink counter = { NULL, 0 };

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

      /* Counting only: the sink has no JSON to write. */
      emit_messages (&counter, job, job->status);
      g_string_append_printf (out, "%s, %s: ", job->status, job->disposition);
      if (g_str_equal (job->status, "Completed") && job->n_outputs == 0)
        g_string_append (out, "no outputs, ");
      else if (g_str_equal (job->status, "Completed"))
        g_string_append_printf (out, "%u output%s, ", job->n_outputs, job->n_outputs == 1 ? "" : "s");
      if (counter.count == 0)
        {
          g_string_append (out, "no messages");
        }
      else
        {
          append_count (out, counter.count);
          g_string_append_printf (out, " message%s", counter.count == 1 ? "" : "s");
        }
      if (named->about != NULL)
        g_string_append_printf (out, "; %s", named->about);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "%s  does not exist: 404\n", JD_DEMO_JOB_UNKNOWN);

  return g_string_free (out, FALSE);
}
