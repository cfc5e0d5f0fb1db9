/* jd-workflow.c: one workflow, as GET /v3/workflows lists it
 * (ReducedWorkflowView) or GET /v3/workflows/{id} gives it (WorkflowView). */
#define G_LOG_DOMAIN "jd-workflow"

#include "config.h"

#include "jd-fields-private.h"
#include "jd-workflow.h"

struct _JdWorkflow
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *owner_id;
  GDateTime *created;
  char      *published_version;
  char      *published_version_id;
  char      *source_app_id;
  char      *comments;
  char      *worker_tag;
  char      *execution_mode;
  gint64     run_count;           /* -1: not given */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OWNER_ID,
  PROP_CREATED,
  PROP_PUBLISHED_VERSION,
  PROP_PUBLISHED_VERSION_ID,
  PROP_SOURCE_APP_ID,
  PROP_COMMENTS,
  PROP_WORKER_TAG,
  PROP_EXECUTION_MODE,
  PROP_RUN_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdWorkflow, jd_workflow, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
jd_workflow_finalize (GObject *object)
{
  JdWorkflow *self = (JdWorkflow *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->published_version, g_free);
  g_clear_pointer (&self->published_version_id, g_free);
  g_clear_pointer (&self->source_app_id, g_free);
  g_clear_pointer (&self->comments, g_free);
  g_clear_pointer (&self->worker_tag, g_free);
  g_clear_pointer (&self->execution_mode, g_free);

  G_OBJECT_CLASS (jd_workflow_parent_class)->finalize (object);
}

static void
jd_workflow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdWorkflow *self = JD_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_PUBLISHED_VERSION:
      g_value_set_string (value, self->published_version);
      break;

    case PROP_PUBLISHED_VERSION_ID:
      g_value_set_string (value, self->published_version_id);
      break;

    case PROP_SOURCE_APP_ID:
      g_value_set_string (value, self->source_app_id);
      break;

    case PROP_COMMENTS:
      g_value_set_string (value, self->comments);
      break;

    case PROP_WORKER_TAG:
      g_value_set_string (value, self->worker_tag);
      break;

    case PROP_EXECUTION_MODE:
      g_value_set_string (value, self->execution_mode);
      break;

    case PROP_RUN_COUNT:
      g_value_set_int64 (value, self->run_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_workflow_class_init (JdWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_workflow_finalize;
  object_class->get_property = jd_workflow_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER_ID] =
    g_param_spec_string ("owner-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* as text: Servers give it as a number or as a string */
  properties[PROP_PUBLISHED_VERSION] =
    g_param_spec_string ("published-version", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Only WorkflowView (GET /v3/workflows/{id}) gives these four. */
  properties[PROP_WORKER_TAG] =
    g_param_spec_string ("worker-tag", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED_VERSION_ID] =
    g_param_spec_string ("published-version-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMENTS] =
    g_param_spec_string ("comments", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_COUNT] =
    g_param_spec_int64 ("run-count", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Only ReducedWorkflowView (GET /v3/workflows) gives this one. */
  properties[PROP_SOURCE_APP_ID] =
    g_param_spec_string ("source-app-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* both views: e.g. "Standard" or "Safe" */
  properties[PROP_EXECUTION_MODE] =
    g_param_spec_string ("execution-mode", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_workflow_init (JdWorkflow *self)
{
  self->run_count = -1;
}

/**
 * jd_workflow_new:
 * @id: the workflow's ID
 * @name: (nullable): its name
 *
 * Returns: (transfer full): a new #JdWorkflow
 */
JdWorkflow *
jd_workflow_new (const char *id,
                 const char *name)
{
  JdWorkflow *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (JD_TYPE_WORKFLOW, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);

  return self;
}

const char *
jd_workflow_get_id (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->id;
}

const char *
jd_workflow_get_name (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->name;
}

const char *
jd_workflow_get_owner_id (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->owner_id;
}

/**
 * jd_workflow_get_created:
 * @self: a #JdWorkflow
 *
 * Returns: (transfer none) (nullable): when the workflow was created
 */
GDateTime *
jd_workflow_get_created (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->created;
}

const char *
jd_workflow_get_published_version (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->published_version;
}

const char *
jd_workflow_get_published_version_id (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->published_version_id;
}

const char *
jd_workflow_get_source_app_id (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->source_app_id;
}

const char *
jd_workflow_get_comments (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->comments;
}

const char *
jd_workflow_get_worker_tag (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->worker_tag;
}

const char *
jd_workflow_get_execution_mode (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), NULL);

  return self->execution_mode;
}

gint64
jd_workflow_get_run_count (JdWorkflow *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW (self), -1);

  return self->run_count;
}

void
jd_workflow_set_owner_id (JdWorkflow *self,
                          const char *owner_id)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->owner_id, owner_id, properties[PROP_OWNER_ID]);
}

void
jd_workflow_set_created (JdWorkflow *self,
                         GDateTime  *created)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_date_field (self, &self->created, created, properties[PROP_CREATED]);
}

void
jd_workflow_set_published_version (JdWorkflow *self,
                                   const char *version)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->published_version, version,
                    properties[PROP_PUBLISHED_VERSION]);
}

void
jd_workflow_set_published_version_id (JdWorkflow *self,
                                      const char *version_id)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->published_version_id, version_id,
                    properties[PROP_PUBLISHED_VERSION_ID]);
}

void
jd_workflow_set_source_app_id (JdWorkflow *self,
                               const char *source_app_id)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->source_app_id, source_app_id, properties[PROP_SOURCE_APP_ID]);
}

void
jd_workflow_set_comments (JdWorkflow *self,
                          const char *comments)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->comments, comments, properties[PROP_COMMENTS]);
}

void
jd_workflow_set_worker_tag (JdWorkflow *self,
                            const char *worker_tag)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->worker_tag, worker_tag, properties[PROP_WORKER_TAG]);
}

void
jd_workflow_set_execution_mode (JdWorkflow *self,
                                const char *execution_mode)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  jd_set_string_field (self, &self->execution_mode, execution_mode, properties[PROP_EXECUTION_MODE]);
}

/* run_count < 0: not given */
void
jd_workflow_set_run_count (JdWorkflow *self,
                           gint64      run_count)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  run_count = MAX (run_count, -1);
  if (self->run_count == run_count)
    return;

  self->run_count = run_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_COUNT]);
}
