/* test-models.c: the job, output, message and workflow models. */
#include "config.h"

#include "jd-api-enums.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-job-summary-private.h"
#include "jd-message-list.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"

typedef struct
{
  GPtrArray *names;
} NotifyLog;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  NotifyLog *log = user_data;

  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify_cb), log);
}

static gboolean
notify_log_has (NotifyLog  *log,
                const char *name)
{
  for (guint i = 0; i < log->names->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (log->names, i), name))
        return TRUE;
    }

  return FALSE;
}

static void
notify_log_clear (NotifyLog *log)
{
  g_ptr_array_set_size (log->names, 0);
}

static void
test_job_new_is_not_given (void)
{
  JdJob *job = jd_job_new (JOB_ID);

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_null (jd_job_get_app_id (job));
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_status (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_null (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_null (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_false (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  /* lists are never NULL, so views can bind to them at once */
  g_assert_true (G_IS_LIST_MODEL (jd_job_get_outputs (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 0);
  g_assert_true (g_list_model_get_item_type (jd_job_get_outputs (job)) == JD_TYPE_JOB_OUTPUT);
  g_assert_true (G_IS_LIST_MODEL (jd_job_get_messages (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  g_assert_true (g_list_model_get_item_type (jd_job_get_messages (job)) == JD_TYPE_JOB_MESSAGE);

  g_assert_finalize_object (job);
}

static void
test_job_properties (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 9, 19, 10, 2, 54.589);
  g_autoptr(GDateTime) created_read = NULL;
  g_autoptr(GListModel) outputs = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autofree char *id = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *worker_tag = NULL;
  JdJobState state;
  JdDisposition kind;
  gboolean has_e2;
  gboolean e2;
  gboolean included;

  jd_job_set_app_id (job, "5f3a0c9e1b2d4e0012345678");
  jd_job_summary_set_created (JD_JOB_SUMMARY (job), created);
  jd_job_summary_set_status (JD_JOB_SUMMARY (job), "Completed");
  jd_job_summary_set_disposition (JD_JOB_SUMMARY (job), "Warning");
  jd_job_summary_set_priority (JD_JOB_SUMMARY (job), "High");
  jd_job_summary_set_worker_tag (JD_JOB_SUMMARY (job), "gpu");
  jd_job_summary_set_run_with_e2 (JD_JOB_SUMMARY (job), TRUE);

  g_object_get (job,
                "id", &id,
                "app-id", &app_id,
                "created", &created_read,
                "status", &status,
                "state", &state,
                "disposition", &disposition,
                "disposition-kind", &kind,
                "priority", &priority,
                "worker-tag", &worker_tag,
                "has-run-with-e2", &has_e2,
                "run-with-e2", &e2,
                "outputs", &outputs,
                "messages", &messages,
                "messages-included", &included,
                NULL);

  g_assert_cmpstr (id, ==, JOB_ID);
  g_assert_cmpstr (app_id, ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_true (g_date_time_equal (created_read, created));
  g_assert_cmpstr (status, ==, "Completed");
  g_assert_cmpint (state, ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (disposition, ==, "Warning");
  g_assert_cmpint (kind, ==, JD_DISPOSITION_WARNING);
  g_assert_cmpstr (priority, ==, "High");
  g_assert_cmpstr (worker_tag, ==, "gpu");
  g_assert_true (has_e2);
  g_assert_true (e2);
  g_assert_true (outputs == jd_job_get_outputs (job));
  g_assert_true (messages == jd_job_get_messages (job));
  g_assert_false (included);
  g_assert_true (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  g_clear_object (&outputs);
  g_clear_object (&messages);
  g_assert_finalize_object (job);
}

/* A full job is a summary: what a job list shows of it reads the same
 * properties, and the summary's setters fill the job's. */
static void
test_job_is_a_summary (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  JdJobSummary *summary = JD_JOB_SUMMARY (job);
  g_autofree char *workflow_name = NULL;
  NotifyLog log;

  g_assert_true (g_type_is_a (JD_TYPE_JOB, JD_TYPE_JOB_SUMMARY));
  g_assert_cmpstr (jd_job_summary_get_id (summary), ==, JOB_ID);
  g_assert_cmpfloat (jd_job_summary_get_execution_time (summary), ==, -1);

  notify_log_init (&log, job);
  jd_job_summary_set_workflow_name (summary, "Nightly load");
  jd_job_set_app_id (job, "5f3a0c9e1b2d4e0012345678");
  g_assert_true (notify_log_has (&log, "workflow-name"));
  g_assert_true (notify_log_has (&log, "app-id"));
  g_assert_cmpuint (log.names->len, ==, 2);

  g_object_get (job, "workflow-name", &workflow_name, NULL);
  g_assert_cmpstr (workflow_name, ==, "Nightly load");

  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
}

/* A list row learns the result its endpoint never gave from the job it
 * opens; what the job does not say is kept. */
static void
test_summary_update_from (void)
{
  JdJobSummary *row = g_object_new (JD_TYPE_JOB_SUMMARY, NULL);
  JdJob *job = jd_job_new (JOB_ID);
  NotifyLog log;

  jd_job_summary_set_id (row, JOB_ID);
  jd_job_summary_set_status (row, "Complete");
  jd_job_summary_set_priority (row, "High");
  jd_job_summary_set_disposition (JD_JOB_SUMMARY (job), "Error");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (row), ==, JD_DISPOSITION_UNKNOWN);

  notify_log_init (&log, row);
  jd_job_summary_update_from (row, JD_JOB_SUMMARY (job));
  g_assert_cmpstr (jd_job_summary_get_disposition (row), ==, "Error");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (row), ==, JD_DISPOSITION_ERROR);
  g_assert_true (notify_log_has (&log, "disposition-kind"));
  /* the job said no status: the row keeps its own */
  g_assert_cmpstr (jd_job_summary_get_status (row), ==, "Complete");
  g_assert_cmpstr (jd_job_summary_get_priority (row), ==, "High");

  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
  g_assert_finalize_object (row);
}

static void
test_job_properties_are_read_only (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  GParamSpec **pspecs;
  guint n_pspecs;

  /* JdJobSummary's 17 (the 7 only GET /v3/jobs gives among them) and
   * JdJob's own 6 */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (job), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 23);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
    }
  g_free (pspecs);

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (job), "state")) == JD_TYPE_JOB_STATE);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (job), "disposition-kind")) == JD_TYPE_DISPOSITION);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (job), "created")) == G_TYPE_DATE_TIME);

  g_assert_finalize_object (job);
}

static void
test_job_notifies_only_changes (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 9, 19, 10, 2, 54);
  g_autoptr(GDateTime) same_created = g_date_time_new_utc (2024, 9, 19, 10, 2, 54);
  NotifyLog log;

  notify_log_init (&log, job);

  jd_job_summary_set_status (JD_JOB_SUMMARY (job), "Running");
  g_assert_true (notify_log_has (&log, "status"));
  g_assert_true (notify_log_has (&log, "state"));
  notify_log_clear (&log);

  jd_job_summary_set_status (JD_JOB_SUMMARY (job), "Running");
  g_assert_cmpuint (log.names->len, ==, 0);

  /* the raw text changes, the state does not */
  jd_job_summary_set_status (JD_JOB_SUMMARY (job), "RUNNING");
  g_assert_true (notify_log_has (&log, "status"));
  g_assert_false (notify_log_has (&log, "state"));
  notify_log_clear (&log);

  jd_job_summary_set_disposition (JD_JOB_SUMMARY (job), "None");
  g_assert_true (notify_log_has (&log, "disposition"));
  g_assert_true (notify_log_has (&log, "disposition-kind"));
  notify_log_clear (&log);

  jd_job_summary_set_created (JD_JOB_SUMMARY (job), created);
  g_assert_true (notify_log_has (&log, "created"));
  notify_log_clear (&log);
  jd_job_summary_set_created (JD_JOB_SUMMARY (job), same_created);
  g_assert_cmpuint (log.names->len, ==, 0);

  jd_job_summary_set_run_with_e2 (JD_JOB_SUMMARY (job), FALSE);
  g_assert_true (notify_log_has (&log, "has-run-with-e2"));
  g_assert_false (notify_log_has (&log, "run-with-e2"));
  notify_log_clear (&log);
  jd_job_summary_set_run_with_e2 (JD_JOB_SUMMARY (job), FALSE);
  g_assert_cmpuint (log.names->len, ==, 0);
  jd_job_summary_set_run_with_e2 (JD_JOB_SUMMARY (job), TRUE);
  g_assert_true (notify_log_has (&log, "run-with-e2"));
  notify_log_clear (&log);

  jd_job_set_app_id (job, NULL);
  jd_job_summary_set_priority (JD_JOB_SUMMARY (job), NULL);
  jd_job_summary_set_worker_tag (JD_JOB_SUMMARY (job), NULL);
  g_assert_cmpuint (log.names->len, ==, 0);

  g_signal_handlers_disconnect_by_data (job, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
}

static void
test_job_set_messages (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  JdMessageList *list = jd_message_list_new ();
  GListModel *before = jd_job_get_messages (job);
  NotifyLog log;

  g_assert_nonnull (before);
  notify_log_init (&log, job);

  /* the default empty list stays */
  jd_job_set_messages (job, NULL);
  g_assert_true (jd_job_get_messages (job) == before);
  g_assert_cmpuint (log.names->len, ==, 0);

  jd_message_list_append (list, 3, "Boom", 7);
  jd_job_set_messages (job, G_LIST_MODEL (list));
  g_assert_true (jd_job_get_messages (job) == G_LIST_MODEL (list));
  g_assert_true (jd_job_get_messages_included (job));
  g_assert_true (notify_log_has (&log, "messages"));
  g_assert_true (notify_log_has (&log, "messages-included"));
  notify_log_clear (&log);

  jd_job_set_messages (job, G_LIST_MODEL (list));
  g_assert_cmpuint (log.names->len, ==, 0);

  /* NULL goes back to an empty list that was not included */
  jd_job_set_messages (job, NULL);
  g_assert_nonnull (jd_job_get_messages (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  g_assert_false (jd_job_get_messages_included (job));

  g_signal_handlers_disconnect_by_data (job, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
  g_assert_finalize_object (list);
}

static void
test_job_set_outputs (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  GListStore *store = g_list_store_new (JD_TYPE_JOB_OUTPUT);
  JdJobOutput *output = jd_job_output_new ("o1", "out.csv", NULL);

  g_list_store_append (store, output);
  g_object_unref (output);

  jd_job_set_outputs (job, G_LIST_MODEL (store));
  g_assert_true (jd_job_get_outputs (job) == G_LIST_MODEL (store));
  jd_job_set_outputs (job, NULL);
  g_assert_nonnull (jd_job_get_outputs (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 0);

  g_assert_finalize_object (job);
  g_assert_finalize_object (store);
}

static void
test_state_from_string (void)
{
  g_assert_cmpint (jd_job_state_from_string (NULL), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_cmpint (jd_job_state_from_string (""), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_cmpint (jd_job_state_from_string ("Created"), ==, JD_JOB_STATE_CREATED);
  g_assert_cmpint (jd_job_state_from_string ("queued"), ==, JD_JOB_STATE_QUEUED);
  g_assert_cmpint (jd_job_state_from_string ("INITIALIZING"), ==, JD_JOB_STATE_INITIALIZING);
  g_assert_cmpint (jd_job_state_from_string ("Running"), ==, JD_JOB_STATE_RUNNING);
  g_assert_cmpint (jd_job_state_from_string ("Completed"), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_state_from_string ("Complete"), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_state_from_string ("complete"), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_state_from_string (" Completed "), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_state_from_string ("Cancelled"), ==, JD_JOB_STATE_CANCELLED);
  g_assert_cmpint (jd_job_state_from_string ("Error"), ==, JD_JOB_STATE_ERROR);
  g_assert_cmpint (jd_job_state_from_string ("Completedd"), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_cmpint (jd_job_state_from_string ("Paused"), ==, JD_JOB_STATE_UNKNOWN);
}

static void
test_disposition_from_string (void)
{
  g_assert_cmpint (jd_disposition_from_string (NULL), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_cmpint (jd_disposition_from_string ("Success"), ==, JD_DISPOSITION_SUCCESS);
  g_assert_cmpint (jd_disposition_from_string ("warning"), ==, JD_DISPOSITION_WARNING);
  g_assert_cmpint (jd_disposition_from_string ("ERROR"), ==, JD_DISPOSITION_ERROR);
  g_assert_cmpint (jd_disposition_from_string ("Cancelled"), ==, JD_DISPOSITION_CANCELLED);
  g_assert_cmpint (jd_disposition_from_string ("None"), ==, JD_DISPOSITION_NONE);
  g_assert_cmpint (jd_disposition_from_string ("PartialSuccess"), ==, JD_DISPOSITION_UNKNOWN);
}

static void
test_job_is_finished (void)
{
  static const struct {
    const char *status;
    gboolean    finished;
  } cases[] = {
    { "Created", FALSE }, { "Queued", FALSE }, { "Initializing", FALSE },
    { "Running", FALSE }, { "Completed", TRUE }, { "Complete", TRUE },
    { "Cancelled", TRUE }, { "Error", TRUE }, { "Mystery", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JdJob) job = jd_job_new (JOB_ID);

      jd_job_summary_set_status (JD_JOB_SUMMARY (job), cases[i].status);
      g_assert_cmpint (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)), ==, cases[i].finished);
    }
}

static void
test_output (void)
{
  const char * const formats[] = { "Raw", "Csv", NULL };
  JdJobOutput *output = jd_job_output_new ("o1", "sales.csv", formats);
  JdJobOutput *bare = jd_job_output_new (NULL, NULL, NULL);
  g_auto(GStrv) formats_read = NULL;
  g_autofree char *file_name = NULL;

  g_assert_cmpstr (jd_job_output_get_id (output), ==, "o1");
  g_assert_cmpstr (jd_job_output_get_file_name (output), ==, "sales.csv");
  g_assert_cmpstrv (jd_job_output_get_formats (output), formats);

  g_object_get (output, "formats", &formats_read, "file-name", &file_name, NULL);
  g_assert_cmpstrv (formats_read, formats);
  g_assert_cmpstr (file_name, ==, "sales.csv");

  g_assert_null (jd_job_output_get_id (bare));
  g_assert_null (jd_job_output_get_file_name (bare));
  g_assert_nonnull (jd_job_output_get_formats (bare));
  g_assert_null (jd_job_output_get_formats (bare)[0]);

  g_assert_finalize_object (output);
  g_assert_finalize_object (bare);
}

static void
test_severity_from_code (void)
{
  g_assert_cmpint (jd_message_severity_from_code (3), ==, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_cmpint (jd_message_severity_from_code (21), ==, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_cmpint (jd_message_severity_from_code (2), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpint (jd_message_severity_from_code (5), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpint (jd_message_severity_from_code (6), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpint (jd_message_severity_from_code (20), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpint (jd_message_severity_from_code (8), ==, JD_MESSAGE_SEVERITY_FILE);
  g_assert_cmpint (jd_message_severity_from_code (9), ==, JD_MESSAGE_SEVERITY_FILE);
  g_assert_cmpint (jd_message_severity_from_code (1), ==, JD_MESSAGE_SEVERITY_INFO);
  g_assert_cmpint (jd_message_severity_from_code (4), ==, JD_MESSAGE_SEVERITY_INFO);
  g_assert_cmpint (jd_message_severity_from_code (0), ==, JD_MESSAGE_SEVERITY_INFO);
  g_assert_cmpint (jd_message_severity_from_code (999), ==, JD_MESSAGE_SEVERITY_INFO);
  /* the transient flag is cleared first */
  g_assert_cmpint (jd_message_severity_from_code (0x40000003), ==, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_cmpint (jd_message_severity_from_code (0x40000002), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpint (jd_message_severity_from_code (0x40000009), ==, JD_MESSAGE_SEVERITY_FILE);
  g_assert_cmpint (jd_message_severity_from_code (0x40000001), ==, JD_MESSAGE_SEVERITY_INFO);
}

static void
test_message (void)
{
  JdJobMessage *message = jd_job_message_new (0x40000003, "Tool failed", 12);
  JdJobMessage *engine = jd_job_message_new (1, NULL, -1);
  g_autofree char *text = NULL;
  JdMessageSeverity severity;
  gboolean transient;
  guint code;
  int tool_id;

  g_assert_cmpuint (jd_job_message_get_code (message), ==, 0x40000003);
  g_assert_cmpint (jd_job_message_get_severity (message), ==, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_true (jd_job_message_get_transient (message));
  g_assert_cmpstr (jd_job_message_get_text (message), ==, "Tool failed");
  g_assert_cmpint (jd_job_message_get_tool_id (message), ==, 12);

  g_object_get (message,
                "code", &code,
                "severity", &severity,
                "transient", &transient,
                "text", &text,
                "tool-id", &tool_id,
                NULL);
  g_assert_cmpuint (code, ==, 0x40000003);
  g_assert_cmpint (severity, ==, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_true (transient);
  g_assert_cmpstr (text, ==, "Tool failed");
  g_assert_cmpint (tool_id, ==, 12);

  g_assert_false (jd_job_message_get_transient (engine));
  g_assert_null (jd_job_message_get_text (engine));
  g_assert_cmpint (jd_job_message_get_tool_id (engine), ==, -1);

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (message), "severity")) == JD_TYPE_MESSAGE_SEVERITY);

  g_assert_finalize_object (message);
  g_assert_finalize_object (engine);
}

static void
test_message_list_counts (void)
{
  JdMessageList *list = jd_message_list_new ();

  jd_message_list_append (list, 3, "error", 1);
  jd_message_list_append (list, 21, "safe mode", 1);
  jd_message_list_append (list, 0x40000002, "transient warning", 2);
  jd_message_list_append (list, 20, "low disk", -1);
  jd_message_list_append (list, 8, "C:\\in.csv", 3);
  jd_message_list_append (list, 9, "C:\\out.csv", 4);
  jd_message_list_append (list, 4, "done", 4);
  jd_message_list_append (list, 1, NULL, JD_JOB_MESSAGE_NO_TOOL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_FILE), ==, 2);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_INFO), ==, 2);

  g_assert_cmpuint (jd_message_list_get_code (list, 2), ==, 0x40000002);
  g_assert_cmpint (jd_message_list_get_severity (list, 2), ==, JD_MESSAGE_SEVERITY_WARNING);
  g_assert_cmpstr (jd_message_list_get_text (list, 4), ==, "C:\\in.csv");
  g_assert_cmpint (jd_message_list_get_tool_id (list, 3), ==, -1);
  g_assert_null (jd_message_list_get_text (list, 7));
  g_assert_cmpint (jd_message_list_get_tool_id (list, 7), ==, JD_JOB_MESSAGE_NO_TOOL);

  g_assert_finalize_object (list);
}

static void
test_message_list_get_item (void)
{
  JdMessageList *list = jd_message_list_new ();
  g_autoptr(GObject) past_end = NULL;
  JdJobMessage *item;

  jd_message_list_append (list, 2, "careful", 5);
  jd_message_list_append (list, 0x40000009, "wrote out.csv", 6);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == JD_TYPE_JOB_MESSAGE);

  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (JD_IS_JOB_MESSAGE (item));
  g_assert_cmpuint (jd_job_message_get_code (item), ==, 0x40000009);
  g_assert_cmpint (jd_job_message_get_severity (item), ==, JD_MESSAGE_SEVERITY_FILE);
  g_assert_true (jd_job_message_get_transient (item));
  g_assert_cmpstr (jd_job_message_get_text (item), ==, "wrote out.csv");
  g_assert_cmpint (jd_job_message_get_tool_id (item), ==, 6);

  past_end = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_null (past_end);

  /* an item outlives its list */
  g_assert_finalize_object (list);
  g_assert_cmpstr (jd_job_message_get_text (item), ==, "wrote out.csv");
  g_assert_finalize_object (item);
}

static void
test_message_list_many (void)
{
  JdMessageList *list = jd_message_list_new ();
  g_autoptr(JdJobMessage) last = NULL;
  const guint n = 100000;

  for (guint i = 0; i < n; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Tool %u: record %u processed", i % 300, i);
      jd_message_list_append (list, i % 10, text, (gint32)(i % 300) - 1);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  /* codes 0..9 in turn: 3 error; 2, 5, 6 warning; 8, 9 file; 0, 1, 4, 7 info */
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_ERROR), ==, n / 10);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_WARNING), ==, 3 * n / 10);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_FILE), ==, 2 * n / 10);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_INFO), ==, 4 * n / 10);

  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_cmpstr (jd_job_message_get_text (last), ==, "Tool 99: record 99999 processed");
  g_assert_cmpint (jd_job_message_get_tool_id (last), ==, 98);

  g_assert_finalize_object (list);
}

static void
test_workflow_job (void)
{
  JdJobSummary *job = jd_job_summary_new (JOB_ID);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 1, 2, 3, 4, 5);
  g_autofree char *name = NULL;
  JdJobState state;
  NotifyLog log;

  g_assert_cmpstr (jd_job_summary_get_id (job), ==, JOB_ID);
  g_assert_null (jd_job_summary_get_created (job));
  g_assert_null (jd_job_summary_get_status (job));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (job));
  g_assert_null (jd_job_summary_get_workflow_name (job));

  notify_log_init (&log, job);
  jd_job_summary_set_created (job, created);
  jd_job_summary_set_status (job, "Complete");
  jd_job_summary_set_disposition (job, "Error");
  jd_job_summary_set_priority (job, "Low");
  jd_job_summary_set_worker_tag (job, "");
  jd_job_summary_set_run_with_e2 (job, FALSE);
  jd_job_summary_set_workflow_name (job, "Sales");
  g_assert_true (notify_log_has (&log, "state"));
  g_assert_true (notify_log_has (&log, "disposition-kind"));
  g_assert_true (notify_log_has (&log, "workflow-name"));
  notify_log_clear (&log);
  jd_job_summary_set_status (job, "Complete");
  jd_job_summary_set_workflow_name (job, "Sales");
  g_assert_cmpuint (log.names->len, ==, 0);

  g_assert_true (g_date_time_equal (jd_job_summary_get_created (job), created));
  g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (jd_job_summary_get_disposition (job), ==, "Error");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (job), ==, JD_DISPOSITION_ERROR);
  g_assert_cmpstr (jd_job_summary_get_priority (job), ==, "Low");
  g_assert_cmpstr (jd_job_summary_get_worker_tag (job), ==, "");
  g_assert_true (jd_job_summary_get_has_run_with_e2 (job));
  g_assert_false (jd_job_summary_get_run_with_e2 (job));

  g_object_get (job, "state", &state, "workflow-name", &name, NULL);
  g_assert_cmpint (state, ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (name, ==, "Sales");

  g_signal_handlers_disconnect_by_data (job, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
}

static void
test_workflow (void)
{
  JdWorkflow *workflow = jd_workflow_new ("5f3a0c9e1b2d4e0012345678", "Sales report");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2023, 5, 6, 7, 8, 9);
  g_autofree char *version = NULL;

  g_assert_cmpstr (jd_workflow_get_id (workflow), ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_cmpstr (jd_workflow_get_name (workflow), ==, "Sales report");
  g_assert_null (jd_workflow_get_owner_id (workflow));
  g_assert_null (jd_workflow_get_created (workflow));
  g_assert_null (jd_workflow_get_published_version (workflow));

  jd_workflow_set_owner_id (workflow, "owner");
  jd_workflow_set_created (workflow, created);
  jd_workflow_set_published_version (workflow, "7");

  g_assert_cmpstr (jd_workflow_get_owner_id (workflow), ==, "owner");
  g_assert_true (g_date_time_equal (jd_workflow_get_created (workflow), created));
  g_object_get (workflow, "published-version", &version, NULL);
  g_assert_cmpstr (version, ==, "7");

  g_assert_finalize_object (workflow);
}

static void
test_workflow_job_summary_fields (void)
{
  JdJobSummary *job = jd_job_summary_new (JOB_ID);
  g_autoptr(GDateTime) queued = g_date_time_new_utc (2024, 6, 2, 8, 0, 0);
  g_autoptr(GDateTime) started = g_date_time_new_utc (2024, 6, 2, 8, 0, 30);
  g_autoptr(GDateTime) same_start = g_date_time_new_utc (2024, 6, 2, 8, 0, 30);
  g_autoptr(GDateTime) queue_time = NULL;
  g_autofree char *text = NULL;
  double seconds = 0;
  NotifyLog log;

  g_assert_null (jd_job_summary_get_workflow_id (job));
  g_assert_null (jd_job_summary_get_submitted_by (job));
  g_assert_null (jd_job_summary_get_queue_time (job));
  g_assert_null (jd_job_summary_get_start_time (job));
  g_assert_cmpfloat (jd_job_summary_get_execution_time (job), ==, -1);
  g_assert_null (jd_job_summary_get_execution_time_text (job));

  notify_log_init (&log, job);
  jd_job_summary_set_workflow_id (job, "5f3a0c9e1b2d4e0012345678");
  jd_job_summary_set_submitted_by (job, "Dana Whitfield");
  jd_job_summary_set_queue_time (job, queued);
  jd_job_summary_set_start_time (job, started);
  jd_job_summary_set_execution_time (job, "00:05:12.5000000", 312.5);
  g_assert_true (notify_log_has (&log, "workflow-id"));
  g_assert_true (notify_log_has (&log, "submitted-by"));
  g_assert_true (notify_log_has (&log, "queue-time"));
  g_assert_true (notify_log_has (&log, "start-time"));
  g_assert_true (notify_log_has (&log, "execution-time"));
  g_assert_true (notify_log_has (&log, "execution-time-text"));

  /* the same again changes nothing */
  notify_log_clear (&log);
  jd_job_summary_set_start_time (job, same_start);
  jd_job_summary_set_execution_time (job, "00:05:12.5000000", 312.5);
  g_assert_cmpuint (log.names->len, ==, 0);

  g_object_get (job, "queue-time", &queue_time, "execution-time", &seconds, "execution-time-text", &text, NULL);
  g_assert_true (g_date_time_equal (queue_time, queued));
  g_assert_cmpfloat (seconds, ==, 312.5);
  g_assert_cmpstr (text, ==, "00:05:12.5000000");
  g_assert_cmpstr (jd_job_summary_get_submitted_by (job), ==, "Dana Whitfield");

  /* text that could not be read is kept; its seconds are not given */
  jd_job_summary_set_execution_time (job, "a while", -5);
  g_assert_cmpstr (jd_job_summary_get_execution_time_text (job), ==, "a while");
  g_assert_cmpfloat (jd_job_summary_get_execution_time (job), ==, -1);
  jd_job_summary_set_start_time (job, NULL);
  g_assert_null (jd_job_summary_get_start_time (job));

  g_signal_handlers_disconnect_by_data (job, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
}

static void
test_workflow_view_fields (void)
{
  JdWorkflow *workflow = jd_workflow_new ("5f3a0c9e1b2d4e0012345678", NULL);
  gint64 run_count = 0;
  NotifyLog log;

  g_assert_null (jd_workflow_get_name (workflow));
  g_assert_cmpint (jd_workflow_get_run_count (workflow), ==, -1);
  g_assert_null (jd_workflow_get_comments (workflow));
  g_assert_null (jd_workflow_get_worker_tag (workflow));
  g_assert_null (jd_workflow_get_execution_mode (workflow));
  g_assert_null (jd_workflow_get_source_app_id (workflow));
  g_assert_null (jd_workflow_get_published_version_id (workflow));

  notify_log_init (&log, workflow);
  jd_workflow_set_run_count (workflow, 75);
  jd_workflow_set_comments (workflow, "Every Monday");
  jd_workflow_set_worker_tag (workflow, "");
  jd_workflow_set_execution_mode (workflow, "Safe");
  jd_workflow_set_source_app_id (workflow, "5f3a0c9e1b2d4e0012345600");
  jd_workflow_set_published_version_id (workflow, "5f3a0c9e1b2d4e0000000007");
  g_assert_cmpuint (log.names->len, ==, 6);
  notify_log_clear (&log);
  jd_workflow_set_run_count (workflow, 75);
  jd_workflow_set_execution_mode (workflow, "Safe");
  g_assert_cmpuint (log.names->len, ==, 0);

  g_object_get (workflow, "run-count", &run_count, NULL);
  g_assert_cmpint (run_count, ==, 75);
  g_assert_cmpstr (jd_workflow_get_comments (workflow), ==, "Every Monday");
  g_assert_cmpstr (jd_workflow_get_worker_tag (workflow), ==, "");
  g_assert_cmpstr (jd_workflow_get_execution_mode (workflow), ==, "Safe");
  g_assert_cmpstr (jd_workflow_get_source_app_id (workflow), ==, "5f3a0c9e1b2d4e0012345600");
  g_assert_cmpstr (jd_workflow_get_published_version_id (workflow), ==, "5f3a0c9e1b2d4e0000000007");

  /* below zero is "not given" */
  jd_workflow_set_run_count (workflow, -9);
  g_assert_cmpint (jd_workflow_get_run_count (workflow), ==, -1);

  g_signal_handlers_disconnect_by_data (workflow, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (workflow);
}

static void
test_job_page (void)
{
  g_autoptr(GListStore) jobs = g_list_store_new (JD_TYPE_JOB_SUMMARY);
  g_autoptr(JdJobSummary) job = jd_job_summary_new (JOB_ID);
  JdJobPage *empty = jd_job_page_new (NULL, 0);
  JdJobPage *plain = NULL;
  JdJobPage *paged = NULL;
  gint64 total = 0;
  guint n_unreadable = 0;

  /* nothing given: no jobs, no pagination, nothing unreadable */
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_page_get_jobs (empty)), ==, 0);
  g_assert_true (g_list_model_get_item_type (jd_job_page_get_jobs (empty)) == JD_TYPE_JOB_SUMMARY);
  g_assert_false (jd_job_page_get_has_pagination (empty));
  g_assert_cmpint (jd_job_page_get_current_page (empty), ==, -1);
  g_assert_cmpint (jd_job_page_get_page_size (empty), ==, -1);
  g_assert_cmpint (jd_job_page_get_total_items (empty), ==, -1);
  g_assert_cmpint (jd_job_page_get_total_pages (empty), ==, -1);
  g_assert_false (jd_job_page_get_has_next_page (empty));
  g_assert_false (jd_job_page_get_has_previous_page (empty));
  g_assert_finalize_object (empty);

  g_list_store_append (jobs, job);
  plain = jd_job_page_new (G_LIST_MODEL (jobs), 3);
  g_assert_true (jd_job_page_get_jobs (plain) == G_LIST_MODEL (jobs));
  g_assert_cmpuint (jd_job_page_get_n_unreadable (plain), ==, 3);
  g_assert_finalize_object (plain);

  paged = g_object_new (JD_TYPE_JOB_PAGE, "jobs", jobs, "n-unreadable", 1, "has-pagination", TRUE,
                        "current-page", (gint64) 2, "page-size", (gint64) 50, "total-items", (gint64) 140,
                        "total-pages", (gint64) 3, "has-next-page", TRUE, "has-previous-page", TRUE, NULL);
  g_object_get (paged, "total-items", &total, "n-unreadable", &n_unreadable, NULL);
  g_assert_cmpint (total, ==, 140);
  g_assert_cmpuint (n_unreadable, ==, 1);
  g_assert_cmpint (jd_job_page_get_current_page (paged), ==, 2);
  g_assert_cmpint (jd_job_page_get_page_size (paged), ==, 50);
  g_assert_cmpint (jd_job_page_get_total_pages (paged), ==, 3);
  g_assert_true (jd_job_page_get_has_next_page (paged));
  g_assert_true (jd_job_page_get_has_previous_page (paged));
  g_assert_finalize_object (paged);
}

static void
test_job_unreadable_counts (void)
{
  JdJob *job = jd_job_new (JOB_ID);
  g_autoptr(JdMessageList) messages = jd_message_list_new ();
  NotifyLog log;

  g_assert_cmpuint (jd_job_get_n_unreadable_outputs (job), ==, 0);
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, 0);

  jd_message_list_append (messages, 3, "ok", 1);
  jd_message_list_add_unreadable (messages);
  jd_message_list_add_unreadable (messages);
  g_assert_cmpuint (jd_message_list_get_n_unreadable (messages), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 1);

  notify_log_init (&log, job);
  jd_job_set_n_unreadable_outputs (job, 4);
  jd_job_set_messages (job, G_LIST_MODEL (messages));
  g_assert_true (notify_log_has (&log, "n-unreadable-outputs"));
  g_assert_true (notify_log_has (&log, "n-unreadable-messages"));
  g_assert_cmpuint (jd_job_get_n_unreadable_outputs (job), ==, 4);
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, 2);

  /* back to "not included": nothing unreadable either */
  notify_log_clear (&log);
  jd_job_set_messages (job, NULL);
  g_assert_true (notify_log_has (&log, "n-unreadable-messages"));
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, 0);

  g_signal_handlers_disconnect_by_data (job, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (job);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/models/job/new-is-not-given", test_job_new_is_not_given);
  g_test_add_func ("/api/models/job/properties", test_job_properties);
  g_test_add_func ("/api/models/job/properties-are-read-only", test_job_properties_are_read_only);
  g_test_add_func ("/api/models/job/is-a-summary", test_job_is_a_summary);
  g_test_add_func ("/api/models/summary/update-from-newer", test_summary_update_from);
  g_test_add_func ("/api/models/job/notifies-only-changes", test_job_notifies_only_changes);
  g_test_add_func ("/api/models/job/set-messages", test_job_set_messages);
  g_test_add_func ("/api/models/job/set-outputs", test_job_set_outputs);
  g_test_add_func ("/api/models/job/state-from-string", test_state_from_string);
  g_test_add_func ("/api/models/job/disposition-from-string", test_disposition_from_string);
  g_test_add_func ("/api/models/job/is-finished", test_job_is_finished);
  g_test_add_func ("/api/models/job-output/fields", test_output);
  g_test_add_func ("/api/models/job-message/severity-from-code", test_severity_from_code);
  g_test_add_func ("/api/models/job-message/fields", test_message);
  g_test_add_func ("/api/models/message-list/counts-per-severity", test_message_list_counts);
  g_test_add_func ("/api/models/message-list/get-item-makes-messages", test_message_list_get_item);
  g_test_add_func ("/api/models/message-list/100000-appends", test_message_list_many);
  g_test_add_func ("/api/models/workflow-job/fields", test_workflow_job);
  g_test_add_func ("/api/models/workflow/fields", test_workflow);
  g_test_add_func ("/api/models/workflow/workflow-view-fields", test_workflow_view_fields);
  g_test_add_func ("/api/models/workflow-job/summary-fields", test_workflow_job_summary_fields);
  g_test_add_func ("/api/models/job-page/fields", test_job_page);
  g_test_add_func ("/api/models/job/unreadable-counts", test_job_unreadable_counts);

  return g_test_run ();
}
