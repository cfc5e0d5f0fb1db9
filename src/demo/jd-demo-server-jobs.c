/* jd-demo-server-jobs.c: the sample server's jobs as they stand now (the
 * data's state, changed by cancels and the progressing job's clock), and
 * the routes that read them: a job, its messages, DELETE, a workflow's
 * jobs, GET /v3/jobs with its filters, sorting and paging, and the
 * workflows.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "jd-demo-server-private.h"

/* ------------------------------------------------------------------ */
/* Job state                                                           */

/* The state the job has on this server now: the data's, changed by a
 * DELETE, or the progressing job's clock. FALSE when a DELETE removed it.
 * Call with the mutex held. */
static gboolean
job_state_locked (JdDemoServer     *self,
                  const JdDemoJob  *job,
                  gboolean          start_clock,
                  const char      **status,
                  const char      **disposition)
{
  Override *override = g_hash_table_lookup (self->overrides, job->id);

  if (override != NULL)
    {
      *status = override->status;
      *disposition = override->disposition;
      return !override->removed;
    }

  if (job->kind == JD_DEMO_KIND_PROGRESSING)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 step = (gint64) self->progress_step * 1000;
      gint64 elapsed;

      if (self->progress_started == 0 && start_clock)
        {
          self->progress_started = now;
          self->progress_started_ms = g_get_real_time () / 1000;
        }
      elapsed = self->progress_started != 0 ? now - self->progress_started : 0;

      if (elapsed < step)
        {
          *status = "Queued";
          *disposition = "None";
        }
      else if (elapsed < 2 * step)
        {
          *status = "Running";
          *disposition = "None";
        }
      else
        {
          *status = job->status;
          *disposition = job->disposition;
        }
      return TRUE;
    }

  *status = job->status;
  *disposition = job->disposition;
  return TRUE;
}

static gboolean
job_state (JdDemoServer     *self,
           const JdDemoJob  *job,
           gboolean          start_clock,
           const char      **status,
           const char      **disposition)
{
  gboolean exists;

  g_mutex_lock (&self->mutex);
  exists = job_state_locked (self, job, start_clock, status, disposition);
  g_mutex_unlock (&self->mutex);

  return exists;
}

/* When the job was queued, started and ended, in the state
 * job_state_locked () gave it. Call with the mutex held. */
static void
job_times_locked (JdDemoServer    *self,
                  const JdDemoJob *job,
                  const char      *status,
                  JdDemoTimes     *times)
{
  Override *override = g_hash_table_lookup (self->overrides, job->id);

  jd_demo_data_get_times (job, times);

  if (override != NULL)
    {
      /* cancelled while it ran: it ended then */
      times->end_ms = times->start_ms != 0 ? override->cancelled_ms : 0;
    }
  else if (job->kind == JD_DEMO_KIND_PROGRESSING)
    {
      gint64 step_ms = self->progress_step;

      times->queue_ms = self->progress_started != 0 ? self->progress_started_ms : job->create_ms;
      times->start_ms = 0;
      times->end_ms = 0;
      if (!jd_demo_status_is (status, "Queued"))
        times->start_ms = times->queue_ms + step_ms;
      if (jd_demo_status_is (status, "Completed"))
        times->end_ms = times->start_ms + step_ms;
    }
}

/* Looks the job up and answers 400 or 404 when there is none. */
const JdDemoJob *
jd_demo_server_find_job (JdDemoServer       *self,
                         SoupServerMessage  *msg,
                         const char         *id,
                         gboolean            start_clock,
                         const char        **status,
                         const char        **disposition)
{
  const JdDemoJob *job;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job ID is not valid.");
      return NULL;
    }

  job = jd_demo_data_find_job (id);
  if (job == NULL || !job_state (self, job, start_clock, status, disposition))
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No job was found with the ID %s.", id);
      return NULL;
    }

  return job;
}

/* The messages array, generated once per job and state. */
static GBytes *
dup_messages (JdDemoServer    *self,
              const JdDemoJob *job,
              const char      *status)
{
  g_autofree char *key = g_strdup_printf ("%s|%s", job->id, status);
  GBytes *bytes;
  GBytes *existing;

  g_mutex_lock (&self->mutex);
  bytes = g_hash_table_lookup (self->cache, key);
  if (bytes != NULL)
    g_bytes_ref (bytes);
  g_mutex_unlock (&self->mutex);

  if (bytes != NULL)
    return bytes;

  /* Built without the lock: 100,000 messages take a moment, and the
   * result is the same whoever builds it. */
  bytes = jd_demo_data_build_messages (job, status, NULL);

  g_mutex_lock (&self->mutex);
  existing = g_hash_table_lookup (self->cache, key);
  if (existing != NULL)
    {
      g_bytes_unref (bytes);
      bytes = g_bytes_ref (existing);
    }
  else
    {
      g_hash_table_insert (self->cache, g_steal_pointer (&key), g_bytes_ref (bytes));
    }
  g_mutex_unlock (&self->mutex);

  return bytes;
}

/* ------------------------------------------------------------------ */
/* Handlers                                                            */

/* A JobView of the job as it stands. */
static void
respond_job (JdDemoServer      *self,
             SoupServerMessage *msg,
             const JdDemoJob   *job,
             const char        *status,
             const char        *disposition,
             gboolean           with_messages)
{
  char *head = jd_demo_data_build_job_head (job, status, disposition);
  char *tail = jd_demo_data_build_job_tail (job);
  SoupMessageBody *body;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Type", JD_DEMO_JSON_CONTENT_TYPE);

  /* Chunks, so that a cached 11 MB array goes out without a copy. */
  body = soup_server_message_get_response_body (msg);
  soup_message_body_append_take (body, (guchar *) head, strlen (head));
  if (with_messages && jd_demo_data_job_has_messages (job))
    {
      g_autoptr(GBytes) messages = dup_messages (self, job, status);

      soup_message_body_append (body, SOUP_MEMORY_STATIC, ",\"messages\":", strlen (",\"messages\":"));
      soup_message_body_append_bytes (body, messages);
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, ",", 1);
  soup_message_body_append_take (body, (guchar *) tail, strlen (tail));
}

void
jd_demo_server_handle_get_job (JdDemoServer      *self,
                               SoupServerMessage *msg,
                               GHashTable        *query,
                               const char        *id)
{
  const char *include = jd_demo_query_get (query, "includeMessages");
  gboolean with_messages = TRUE;
  const char *status;
  const char *disposition;
  const JdDemoJob *job;

  if (include != NULL)
    {
      if (g_ascii_strcasecmp (include, "false") == 0)
        with_messages = FALSE;
      else if (g_ascii_strcasecmp (include, "true") != 0)
        {
          jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST,
                            "The value '%s' is not valid for includeMessages.", include);
          return;
        }
    }

  job = jd_demo_server_find_job (self, msg, id, TRUE, &status, &disposition);
  if (job == NULL)
    return;

  respond_job (self, msg, job, status, disposition, with_messages);
}

void
jd_demo_server_handle_get_messages (JdDemoServer      *self,
                                    SoupServerMessage *msg,
                                    const char        *id)
{
  g_autoptr(GBytes) messages = NULL;
  const char *status;
  const char *disposition;
  const JdDemoJob *job;

  job = jd_demo_server_find_job (self, msg, id, TRUE, &status, &disposition);
  if (job == NULL)
    return;

  messages = dup_messages (self, job, status);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Type", JD_DEMO_JSON_CONTENT_TYPE);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), messages);
}

void
jd_demo_server_handle_delete_job (JdDemoServer      *self,
                                  SoupServerMessage *msg,
                                  const char        *id)
{
  const char *status;
  const char *disposition;
  const JdDemoJob *job;
  gboolean exists;
  gboolean changed = FALSE;
  gboolean removed = FALSE;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job ID is not valid.");
      return;
    }

  job = jd_demo_data_find_job (id);

  /* Check and change in one step, so that two DELETEs cannot both win. */
  g_mutex_lock (&self->mutex);
  exists = job != NULL && job_state_locked (self, job, FALSE, &status, &disposition);
  if (exists)
    {
      removed = jd_demo_status_is (status, "Queued") || jd_demo_status_is (status, "Created");
      changed = removed || jd_demo_status_is (status, "Running") || jd_demo_status_is (status, "Initializing");

      if (changed)
        {
          Override *override = g_new0 (Override, 1);

          override->status = "Cancelled";
          override->disposition = "Cancelled";
          override->removed = removed;
          override->cancelled_ms = g_get_real_time () / 1000;
          g_hash_table_replace (self->overrides, g_strdup (job->id), override);
        }
    }
  g_mutex_unlock (&self->mutex);

  if (!exists)
    jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No job was found with the ID %s.", id);
  else if (!changed)
    jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job has already finished.");
  else
    {
      g_debug ("job %s %s", job->id, removed ? "removed from the queue" : "cancelled");
      /* The Swagger answers the JobView as the job now stands. */
      respond_job (self, msg, job, "Cancelled", "Cancelled", TRUE);
    }
}

static int
priority_rank (const char *priority)
{
  static const char *const order[] = { "Low", "Default", "Medium", "High", "Critical" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (jd_demo_status_is (priority, order[i]))
        return (int) i;
    }

  return G_N_ELEMENTS (order);
}

static int
compare_listed (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const ListedJob *left = a;
  const ListedJob *right = b;
  const SortOrder *order = user_data;
  int result = 0;

  switch (order->field)
    {
    case SORT_APP_NAME:
      result = g_strcmp0 (left->job->workflow->name, right->job->workflow->name);
      break;
    case SORT_COMPLETION:
      result = (left->job->complete_ms > right->job->complete_ms) - (left->job->complete_ms < right->job->complete_ms);
      break;
    case SORT_PRIORITY:
      result = priority_rank (left->job->priority) - priority_rank (right->job->priority);
      break;
    case SORT_STATUS:
      result = g_ascii_strcasecmp (left->status, right->status);
      break;
    case SORT_CREATE_DATE:
    default:
      break;
    }

  /* Ties, and the default, go by creation time, then by ID. */
  if (result == 0)
    result = (left->job->create_ms > right->job->create_ms) - (left->job->create_ms < right->job->create_ms);
  if (result == 0)
    result = strcmp (left->job->id, right->job->id);

  return order->ascending ? result : -result;
}

static gboolean
parse_sort_field (SoupServerMessage *msg,
                  GHashTable        *query,
                  gboolean           all_fields,
                  SortField         *field)
{
  static const struct { const char *name; SortField field; } fields[] = {
    { "createDate", SORT_CREATE_DATE },
    { "createDateTime", SORT_CREATE_DATE },
    { "status", SORT_STATUS },
    { "priority", SORT_PRIORITY },
    { "appName", SORT_APP_NAME },
    { "completionDateTime", SORT_COMPLETION },
  };
  const char *text = jd_demo_query_get (query, "sortField");
  guint n_fields = all_fields ? G_N_ELEMENTS (fields) : 4;

  *field = SORT_CREATE_DATE;
  if (text == NULL)
    return TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_ascii_strcasecmp (text, fields[i].name) == 0)
        {
          *field = fields[i].field;
          return TRUE;
        }
    }

  jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for sortField.", text);
  return FALSE;
}

static gboolean
status_matches (const char *job_status,
                const char *wanted)
{
  return g_strcmp0 (jd_demo_canonical_status (job_status), wanted) == 0;
}

/* The jobs of @workflow (all workflows when NULL) that exist now. */
static GArray *
list_jobs (JdDemoServer         *self,
           const JdDemoWorkflow *workflow)
{
  GArray *listed = g_array_new (FALSE, FALSE, sizeof (ListedJob));
  const JdDemoJob **jobs;
  guint n_jobs;

  jobs = jd_demo_data_get_jobs (&n_jobs);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < n_jobs; i++)
    {
      ListedJob item = { jobs[i], NULL, NULL, { 0, } };

      if (jobs[i]->workflow == NULL || (workflow != NULL && jobs[i]->workflow != workflow))
        continue;
      if (job_state_locked (self, jobs[i], FALSE, &item.status, &item.disposition))
        {
          job_times_locked (self, jobs[i], item.status, &item.times);
          g_array_append_val (listed, item);
        }
    }
  g_mutex_unlock (&self->mutex);

  return listed;
}

/* Looks the workflow up and answers 400 or 404 when there is none. */
static const JdDemoWorkflow *
find_workflow (SoupServerMessage *msg,
               const char        *id)
{
  const JdDemoWorkflow *workflow;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The workflow ID is not valid.");
      return NULL;
    }

  workflow = jd_demo_data_find_workflow (id);
  if (workflow == NULL)
    jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No workflow was found with the ID %s.", id);

  return workflow;
}

void
jd_demo_server_handle_workflow_jobs (JdDemoServer      *self,
                                     SoupServerMessage *msg,
                                     GHashTable        *query,
                                     const char        *workflow_id)
{
  const JdDemoWorkflow *workflow;
  const char *status_filter = jd_demo_query_get (query, "status");
  const char *result_filter = jd_demo_query_get (query, "resultCode");
  const char *wanted_status = NULL;
  g_autoptr(GArray) listed = NULL;
  SortOrder order;
  guint offset = 0;
  guint limit = 0;
  guint shown = 0;
  GString *json;

  workflow = find_workflow (msg, workflow_id);
  if (workflow == NULL)
    return;

  if (!parse_sort_field (msg, query, FALSE, &order.field) ||
      !jd_demo_query_get_direction (msg, query, &order.ascending) ||
      !jd_demo_query_get_uint (msg, query, "offset", &offset) ||
      !jd_demo_query_get_uint (msg, query, "limit", &limit))
    return;

  if (status_filter != NULL && (wanted_status = jd_demo_canonical_status (status_filter)) == NULL)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for status.", status_filter);
      return;
    }

  if (result_filter != NULL &&
      !jd_demo_status_is (result_filter, "Success") && !jd_demo_status_is (result_filter, "Warning") &&
      !jd_demo_status_is (result_filter, "Error") && !jd_demo_status_is (result_filter, "Cancelled") &&
      !jd_demo_status_is (result_filter, "None"))
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for resultCode.", result_filter);
      return;
    }

  listed = list_jobs (self, workflow);
  g_array_sort_with_data (listed, compare_listed, &order);

  json = g_string_new ("[");
  for (guint i = 0, matched = 0; i < listed->len; i++)
    {
      const ListedJob *item = &g_array_index (listed, ListedJob, i);

      if (wanted_status != NULL && !status_matches (item->status, wanted_status))
        continue;
      if (result_filter != NULL && !jd_demo_status_is (item->disposition, result_filter))
        continue;

      /* A limit of 0 (or none) means every job. */
      if (matched++ < offset || (limit > 0 && shown >= limit))
        continue;

      if (shown++ > 0)
        g_string_append_c (json, ',');
      jd_demo_data_append_workflow_job (json, item->job, item->status);
    }
  g_string_append_c (json, ']');

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

/* What GET /v3/jobs was asked for. */
typedef struct
{
  GStrv      statuses;        /* canonical */
  GStrv      workflow_names;
  GStrv      priorities;      /* canonical */
  GPtrArray *users;           /* const JdDemoUser; NULL: any */
  gint64     after;           /* completed, Unix ms; G_MININT64: any */
  gint64     before;          /* G_MAXINT64: any */
} JobsFilter;

static void
jobs_filter_clear (JobsFilter *filter)
{
  g_clear_pointer (&filter->statuses, g_strfreev);
  g_clear_pointer (&filter->workflow_names, g_strfreev);
  g_clear_pointer (&filter->priorities, g_strfreev);
  g_clear_pointer (&filter->users, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JobsFilter, jobs_filter_clear)

/* Reads the filters of the query; answers 400 for what is not valid. The
 * caller's own jobs, unless allUsers or users say otherwise. */
static gboolean
jobs_filter_parse (SoupServerMessage *msg,
                   GHashTable        *query,
                   Role               role,
                   JobsFilter        *filter)
{
  g_auto(GStrv) users = NULL;
  gboolean all_users;

  filter->after = G_MININT64;
  filter->before = G_MAXINT64;

  if (!jd_demo_query_get_list (msg, query, "statuses", jd_demo_canonical_status, &filter->statuses) ||
      !jd_demo_query_get_list (msg, query, "workflowNames", NULL, &filter->workflow_names) ||
      !jd_demo_query_get_list (msg, query, "priorities", jd_demo_canonical_priority, &filter->priorities) ||
      !jd_demo_query_get_list (msg, query, "users", NULL, &users) ||
      !jd_demo_query_get_boolean (msg, query, "allUsers", &all_users) ||
      !jd_demo_query_get_date (msg, query, "completedAfter", &filter->after) ||
      !jd_demo_query_get_date (msg, query, "completedBefore", &filter->before))
    return FALSE;

  if (users != NULL)
    {
      /* a user this Server does not know has no jobs */
      filter->users = g_ptr_array_new ();
      for (guint i = 0; users[i] != NULL; i++)
        {
          const JdDemoUser *user = jd_demo_data_find_user (users[i]);

          if (user != NULL)
            g_ptr_array_add (filter->users, (gpointer) user);
        }
    }
  else if (!all_users)
    {
      filter->users = g_ptr_array_new ();
      g_ptr_array_add (filter->users, (gpointer) jd_demo_data_find_user (role == ROLE_CURATOR
                                                                         ? JD_DEMO_USER_CURATOR_ID
                                                                         : JD_DEMO_USER_VIEWER_ID));
    }

  return TRUE;
}

static gboolean
any_equal (GStrv       values,
           const char *value)
{
  for (guint k = 0; values[k] != NULL; k++)
    {
      if (g_ascii_strcasecmp (values[k], value) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
jobs_filter_matches (const JobsFilter *filter,
                     const ListedJob  *item)
{
  if (filter->statuses != NULL &&
      (jd_demo_canonical_status (item->status) == NULL || !any_equal (filter->statuses, jd_demo_canonical_status (item->status))))
    return FALSE;

  if (filter->workflow_names != NULL && !any_equal (filter->workflow_names, item->job->workflow->name))
    return FALSE;

  if (filter->priorities != NULL && !any_equal (filter->priorities, item->job->priority))
    return FALSE;

  if (filter->users != NULL && !g_ptr_array_find (filter->users, item->job->submitted_by, NULL))
    return FALSE;

  if (filter->after != G_MININT64 || filter->before != G_MAXINT64)
    {
      gboolean finished = item->job->complete_ms != 0 && g_str_equal (item->status, item->job->status);

      return finished && item->job->complete_ms >= filter->after && item->job->complete_ms < filter->before;
    }

  return TRUE;
}

void
jd_demo_server_handle_jobs (JdDemoServer      *self,
                            SoupServerMessage *msg,
                            GHashTable        *query,
                            Role               role)
{
  g_auto(JobsFilter) filter = { 0, };
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  SortOrder order;
  guint offset = 0;
  guint limit = 0;
  guint total_pages;
  GString *json;

  if (!parse_sort_field (msg, query, TRUE, &order.field) ||
      !jd_demo_query_get_direction (msg, query, &order.ascending) ||
      !jd_demo_query_get_uint (msg, query, "offset", &offset) ||
      !jd_demo_query_get_uint (msg, query, "limit", &limit) ||
      !jobs_filter_parse (msg, query, role, &filter))
    return;

  if (limit == 0)
    limit = DEFAULT_PAGE_SIZE;

  listed = list_jobs (self, NULL);
  g_array_sort_with_data (listed, compare_listed, &order);

  for (guint i = 0; i < listed->len; i++)
    {
      ListedJob *item = &g_array_index (listed, ListedJob, i);

      if (jobs_filter_matches (&filter, item))
        g_ptr_array_add (matching, item);
    }

  json = g_string_new ("{\"data\":[");
  for (guint i = offset; i < matching->len && i < (guint64) offset + limit; i++)
    {
      const ListedJob *item = g_ptr_array_index (matching, i);

      if (i > offset)
        g_string_append_c (json, ',');
      jd_demo_data_append_job_summary (json, item->job, item->status, &item->times);
    }

  total_pages = (matching->len + limit - 1) / limit;
  g_string_append_printf (json,
                          "],\"pagination\":{\"currentPage\":%u,\"pageSize\":%u,\"totalItems\":%u,"
                          "\"totalPages\":%u,\"hasNextPage\":%s,\"hasPreviousPage\":%s}}",
                          offset / limit + 1, limit, matching->len, total_pages,
                          (guint64) offset + limit < matching->len ? "true" : "false",
                          offset > 0 ? "true" : "false");

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

void
jd_demo_server_handle_workflows (JdDemoServer      *self,
                                 SoupServerMessage *msg,
                                 GHashTable        *query)
{
  const char *name = jd_demo_query_get (query, "name");
  const char *view = jd_demo_query_get (query, "view");
  g_autofree char *wanted = NULL;
  const JdDemoWorkflow *workflows;
  guint n_workflows;
  gboolean first = TRUE;
  GString *json;

  /* Both views answer ReducedWorkflowView, the one object the Swagger
   * names for this list. */
  if (view != NULL && g_ascii_strcasecmp (view, "Full") != 0 && g_ascii_strcasecmp (view, "Default") != 0)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for view.", view);
      return;
    }

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    wanted = g_utf8_casefold (name, -1);

  workflows = jd_demo_data_get_workflows (&n_workflows);
  json = g_string_new ("[");
  for (guint i = 0; i < n_workflows; i++)
    {
      g_autofree char *folded = g_utf8_casefold (workflows[i].name, -1);

      if (name != NULL && (wanted == NULL || strstr (folded, wanted) == NULL))
        continue;

      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      jd_demo_data_append_workflow (json, &workflows[i]);
    }
  g_string_append_c (json, ']');

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

void
jd_demo_server_handle_get_workflow (JdDemoServer      *self,
                                    SoupServerMessage *msg,
                                    const char        *workflow_id)
{
  const JdDemoWorkflow *workflow;
  GString *json;

  workflow = find_workflow (msg, workflow_id);
  if (workflow == NULL)
    return;

  json = g_string_new (NULL);
  jd_demo_data_append_workflow_view (json, workflow);
  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}
