/* jd-workflow.c: one workflow as GET /v3/workflows lists it. */
#define G_LOG_DOMAIN "jd-workflow"

#include "config.h"

#include "jd-workflow.h"

struct _JdWorkflow
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *owner_id;
  GDateTime *created;
  char      *published_version;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OWNER_ID,
  PROP_CREATED,
  PROP_PUBLISHED_VERSION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdWorkflow, jd_workflow, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Replaces *field and notifies pspec, if the value really changes. */
static void
set_string_field (JdWorkflow  *self,
                  char       **field,
                  const char  *value,
                  GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
jd_workflow_finalize (GObject *object)
{
  JdWorkflow *self = (JdWorkflow *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->published_version, g_free);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_workflow_init (JdWorkflow *self)
{
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

void
jd_workflow_set_owner_id (JdWorkflow *self,
                          const char *owner_id)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  set_string_field (self, &self->owner_id, owner_id, properties[PROP_OWNER_ID]);
}

void
jd_workflow_set_created (JdWorkflow *self,
                         GDateTime  *created)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  if (self->created == created ||
      (self->created != NULL && created != NULL && g_date_time_equal (self->created, created)))
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  if (created != NULL)
    self->created = g_date_time_ref (created);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

void
jd_workflow_set_published_version (JdWorkflow *self,
                                   const char *version)
{
  g_return_if_fail (JD_IS_WORKFLOW (self));

  set_string_field (self, &self->published_version, version,
                    properties[PROP_PUBLISHED_VERSION]);
}
