/* jd-job-page.c: one answer of a job list, with its PaginationInfo.
 *
 * Immutable: the readers set everything at construction, through the
 * construct-only properties, and the UI only reads.
 */
#define G_LOG_DOMAIN "jd-job-page"

#include "config.h"

#include "jd-job-page.h"
#include "jd-job-summary.h"

struct _JdJobPage
{
  GObject     parent_instance;

  GListModel *jobs;
  guint       n_unreadable;
  gint64      current_page;
  gint64      page_size;
  gint64      total_items;
  gint64      total_pages;

  guint       has_pagination : 1;
  guint       has_next_page : 1;
  guint       has_previous_page : 1;
};

enum {
  PROP_0,
  PROP_JOBS,
  PROP_N_UNREADABLE,
  PROP_HAS_PAGINATION,
  PROP_CURRENT_PAGE,
  PROP_PAGE_SIZE,
  PROP_TOTAL_ITEMS,
  PROP_TOTAL_PAGES,
  PROP_HAS_NEXT_PAGE,
  PROP_HAS_PREVIOUS_PAGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdJobPage, jd_job_page, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gint64 *
number_field (JdJobPage *self,
              guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      return &self->current_page;
    case PROP_PAGE_SIZE:
      return &self->page_size;
    case PROP_TOTAL_ITEMS:
      return &self->total_items;
    case PROP_TOTAL_PAGES:
      return &self->total_pages;
    default:
      return NULL;
    }
}

static void
jd_job_page_dispose (GObject *object)
{
  JdJobPage *self = (JdJobPage *)object;

  g_clear_object (&self->jobs);

  G_OBJECT_CLASS (jd_job_page_parent_class)->dispose (object);
}

static void
jd_job_page_constructed (GObject *object)
{
  JdJobPage *self = (JdJobPage *)object;

  G_OBJECT_CLASS (jd_job_page_parent_class)->constructed (object);

  if (self->jobs == NULL)
    self->jobs = G_LIST_MODEL (g_list_store_new (JD_TYPE_JOB_SUMMARY));
}

static void
jd_job_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdJobPage *self = JD_JOB_PAGE (object);
  gint64 *number = number_field (self, prop_id);

  if (number != NULL)
    {
      g_value_set_int64 (value, *number);
      return;
    }

  switch (prop_id)
    {
    case PROP_JOBS:
      g_value_set_object (value, self->jobs);
      break;

    case PROP_N_UNREADABLE:
      g_value_set_uint (value, self->n_unreadable);
      break;

    case PROP_HAS_PAGINATION:
      g_value_set_boolean (value, self->has_pagination);
      break;

    case PROP_HAS_NEXT_PAGE:
      g_value_set_boolean (value, self->has_next_page);
      break;

    case PROP_HAS_PREVIOUS_PAGE:
      g_value_set_boolean (value, self->has_previous_page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JdJobPage *self = JD_JOB_PAGE (object);
  gint64 *number = number_field (self, prop_id);

  if (number != NULL)
    {
      *number = g_value_get_int64 (value);
      return;
    }

  switch (prop_id)
    {
    case PROP_JOBS:
      self->jobs = g_value_dup_object (value);
      break;

    case PROP_N_UNREADABLE:
      self->n_unreadable = g_value_get_uint (value);
      break;

    case PROP_HAS_PAGINATION:
      self->has_pagination = g_value_get_boolean (value);
      break;

    case PROP_HAS_NEXT_PAGE:
      self->has_next_page = g_value_get_boolean (value);
      break;

    case PROP_HAS_PREVIOUS_PAGE:
      self->has_previous_page = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
number_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL,
                             -1, G_MAXINT64, -1,
                             (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
flag_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL,
                               FALSE,
                               (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
jd_job_page_class_init (JdJobPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jd_job_page_constructed;
  object_class->dispose = jd_job_page_dispose;
  object_class->get_property = jd_job_page_get_property;
  object_class->set_property = jd_job_page_set_property;

  properties[PROP_JOBS] =
    g_param_spec_object ("jobs", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_UNREADABLE] =
    g_param_spec_uint ("n-unreadable", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_PAGINATION] = flag_pspec ("has-pagination");
  properties[PROP_CURRENT_PAGE] = number_pspec ("current-page");
  properties[PROP_PAGE_SIZE] = number_pspec ("page-size");
  properties[PROP_TOTAL_ITEMS] = number_pspec ("total-items");
  properties[PROP_TOTAL_PAGES] = number_pspec ("total-pages");
  properties[PROP_HAS_NEXT_PAGE] = flag_pspec ("has-next-page");
  properties[PROP_HAS_PREVIOUS_PAGE] = flag_pspec ("has-previous-page");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_job_page_init (JdJobPage *self)
{
  self->current_page = -1;
  self->page_size = -1;
  self->total_items = -1;
  self->total_pages = -1;
}

/**
 * jd_job_page_new:
 * @jobs: (nullable): a #GListModel of #JdJobSummary; %NULL for none
 * @n_unreadable: rows that could not be read
 *
 * Returns: (transfer full): a page without pagination
 */
JdJobPage *
jd_job_page_new (GListModel *jobs,
                 guint       n_unreadable)
{
  g_return_val_if_fail (jobs == NULL || G_IS_LIST_MODEL (jobs), NULL);

  return g_object_new (JD_TYPE_JOB_PAGE,
                       "jobs", jobs,
                       "n-unreadable", n_unreadable,
                       NULL);
}

/**
 * jd_job_page_get_jobs:
 * @self: a #JdJobPage
 *
 * Returns: (transfer none): the rows that could be read, as #JdJobSummary
 */
GListModel *
jd_job_page_get_jobs (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), NULL);

  return self->jobs;
}

guint
jd_job_page_get_n_unreadable (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), 0);

  return self->n_unreadable;
}

gboolean
jd_job_page_get_has_pagination (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), FALSE);

  return self->has_pagination;
}

gint64
jd_job_page_get_current_page (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), -1);

  return self->current_page;
}

gint64
jd_job_page_get_page_size (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), -1);

  return self->page_size;
}

gint64
jd_job_page_get_total_items (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), -1);

  return self->total_items;
}

gint64
jd_job_page_get_total_pages (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), -1);

  return self->total_pages;
}

gboolean
jd_job_page_get_has_next_page (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), FALSE);

  return self->has_next_page;
}

gboolean
jd_job_page_get_has_previous_page (JdJobPage *self)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE (self), FALSE);

  return self->has_previous_page;
}
