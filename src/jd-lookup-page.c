/* jd-lookup-page.c: the job-ID entry, recent lookups, and the state of the
 * lookup.
 *
 * A lookup starts from any text: the ID is taken out of it, or the entry
 * says why not and nothing is sent. A newer lookup cancels the older one;
 * the spinner shows only after 250 ms so quick answers do not flash it.
 *
 * Status first: a lookup asks for the job without its messages
 * (includeMessages=false), which answers as quickly for a million
 * messages as for none, and shows the job from that; then it asks for the
 * whole job, and the messages fill in when it comes.
 */
#define G_LOG_DOMAIN "jd-lookup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-error-text.h"
#include "jd-history.h"
#include "jd-job-follower.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-lookup-page-private.h"
#include "jd-network-watch.h"
#include "jd-object-id.h"

#define SPINNER_DELAY_MS 250

/* struct _JdLookupPage is in jd-lookup-page-private.h */

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SETTINGS,
  PROP_STATE,
  PROP_JOB,
  PROP_HISTORY,
  PROP_JOB_ID,
  PROP_TITLE,
  PROP_ICON,
  PROP_LOADING,
  PROP_FOLLOWED_JOBS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdLookupPage, jd_lookup_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void start_lookup (JdLookupPage *self,
                          const char   *id);

static void
set_state (JdLookupPage  *self,
           JdLookupState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  gtk_stack_set_visible_child_name (self->state_stack, jd_lookup_state_to_child_name (state));
  gtk_spinner_set_spinning (self->spinner, state == JD_LOOKUP_STATE_LOADING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
clear_spinner_timeout (JdLookupPage *self)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
}

static void
show_entry_error (JdLookupPage *self,
                  const char   *message)
{
  gtk_label_set_text (self->entry_error_label, message);
  gtk_revealer_set_reveal_child (self->entry_error_revealer, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->job_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->job_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->job_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->job_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->job_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->job_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("A job ID, or any text that holds one"),
                                      -1);
    }
}

/* ------------------------------------------------------------------ */
/* Lookup                                                              */

static const char *
icon_name_for_job (JdJob *job)
{
  if (job == NULL)
    return NULL;

  switch (jd_job_summary_get_state (JD_JOB_SUMMARY (job)))
    {
    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:
      return "alarm-symbolic";
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:
      return "media-playback-start-symbolic";
    case JD_JOB_STATE_CANCELLED:
      return "process-stop-symbolic";
    case JD_JOB_STATE_ERROR:
      return "dialog-error-symbolic";
    case JD_JOB_STATE_COMPLETED:
      switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)))
        {
        case JD_DISPOSITION_WARNING:
          return "dialog-warning-symbolic";
        case JD_DISPOSITION_ERROR:
          return "dialog-error-symbolic";
        case JD_DISPOSITION_CANCELLED:
          return "process-stop-symbolic";
        case JD_DISPOSITION_SUCCESS:
        case JD_DISPOSITION_NONE:
        case JD_DISPOSITION_UNKNOWN:
        default:
          return "emblem-ok-symbolic";
        }
    case JD_JOB_STATE_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

static void on_refresh_requested_cb (JdLookupPage *self);

/* A tab that never shows a job never pays for the job view: start-up
 * and a new tab are quicker without it. */
static JdJobView *
ensure_job_view (JdLookupPage *self)
{
  if (self->job_view == NULL)
    {
      self->job_view = JD_JOB_VIEW (jd_job_view_new ());
      jd_job_view_set_client (self->job_view, self->client);
      jd_job_view_set_settings (self->job_view, self->settings);
      /* The job view asks for a fresh look after cancelling a job. */
      g_signal_connect_object (self->job_view, "refresh-requested",
                               G_CALLBACK (on_refresh_requested_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->job_view_bin, GTK_WIDGET (self->job_view));
    }

  return self->job_view;
}

/* The job shown, in the job view (made with the first job). */
static void
jd_lookup_page_show_job (JdLookupPage *self,
                         JdJob        *job)
{
  if (g_set_object (&self->job, job))
    {
      if (job != NULL || self->job_view != NULL)
        jd_job_view_set_job (ensure_job_view (self), job);
      /* A job without its messages while the full answer is on its way
       * (the status, or a follower's light poll): they are coming. */
      if (job != NULL && self->messages_cancellable != NULL && !jd_job_get_messages_included (job))
        jd_job_view_set_messages_pending (self->job_view, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON]);
    }
}


/* ------------------------------------------------------------------ */
/* Lookup                                                              */

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  JdLookupPage *self = user_data;

  self->spinner_timeout = 0;
  set_state (self, JD_LOOKUP_STATE_LOADING);
  return G_SOURCE_REMOVE;
}

static void
show_error (JdLookupPage *self,
            const GError *error)
{
  gboolean unauthorized = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  const char *title = jd_error_title (error);

  if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND))
    title = _("Job Not Found");

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  adw_status_page_set_icon_name (self->error_page, jd_error_icon_name (error));
  gtk_widget_set_visible (self->sign_in_again_button, unauthorized);
  gtk_widget_set_visible (self->retry_button, !unauthorized);
  set_state (self, JD_LOOKUP_STATE_ERROR);
}

static void
set_loading (JdLookupPage *self,
             GCancellable *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL && cancellable == NULL)
    g_clear_object (&self->cancellable);
  else if (cancellable != NULL)
    g_set_object (&self->cancellable, cancellable);

  if (was_loading != (self->cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cancel_messages (JdLookupPage *self)
{
  if (self->messages_cancellable == NULL)
    return;

  g_cancellable_cancel (self->messages_cancellable);
  g_clear_object (&self->messages_cancellable);
  if (self->job_view != NULL)
    jd_job_view_set_messages_pending (self->job_view, FALSE);
}

static void
on_full_job_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JdLookupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *sentence = NULL;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);

  /* A newer lookup, a cancel, or a closed window. */
  if (jd_client_error_is_cancelled (error))
    return;

  g_clear_object (&self->messages_cancellable);

  if (job != NULL && self->job != NULL &&
      g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), jd_job_summary_get_id (JD_JOB_SUMMARY (self->job))) == 0)
    {
      /* An answer larger than Job Desk reads, read up to the limit (it
       * has no raw JSON): its members after the messages may be missing,
       * so the job shown keeps its own and takes the messages. */
      if (jd_job_get_raw_json (job) == NULL && jd_job_get_raw_json (self->job) != NULL)
        {
          jd_job_set_messages (self->job, jd_job_get_messages (job));
          jd_job_view_set_messages_pending (self->job_view, FALSE);
          return;
        }
      jd_lookup_page_show_job (self, job);
      return;
    }

  if (job != NULL || self->job_view == NULL)
    return;

  /* The status stays; only the messages are missing, and why. */
  sentence = g_strdup_printf (_("The messages could not be loaded. %s"), error->message);
  jd_job_view_messages_failed (self->job_view, sentence);
}

/* The whole job, messages and all, after its status is on screen. */
static void
start_full_lookup (JdLookupPage *self,
                   const char   *id)
{
  cancel_messages (self);
  self->messages_cancellable = g_cancellable_new ();
  jd_job_view_set_messages_pending (ensure_job_view (self), TRUE);
  jd_client_get_job_async (self->client, id, TRUE, self->messages_cancellable,
                           on_full_job_cb, g_object_ref (self));
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JdLookupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);

  /* A newer lookup, a cancel, or a closed window: say nothing. */
  if (jd_client_error_is_cancelled (error))
    return;

  clear_spinner_timeout (self);
  set_loading (self, NULL);
  self->failed_offline = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK);

  if (job == NULL)
    {
      jd_lookup_page_show_job (self, NULL);
      jd_lookup_page_set_follower (self, NULL);
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN))
        set_state (self, JD_LOOKUP_STATE_SIGNED_OUT);
      else
        show_error (self, error);
      return;
    }

  jd_lookup_page_show_job (self, job);
  set_state (self, JD_LOOKUP_STATE_JOB);
  if (self->history != NULL)
    jd_history_add_job (self->history, job);
  jd_lookup_page_follow_if_active (self, job);

  /* Status first: the messages come with the full answer. */
  if (!jd_job_get_messages_included (job))
    start_full_lookup (self, jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
}

static void
start_lookup (JdLookupPage *self,
              const char   *id)
{
  g_autofree char *loading = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  jd_lookup_page_cancel (self);
  self->look_up_when_mapped = FALSE;

  if (g_strcmp0 (self->current_id, id) != 0)
    {
      g_free (self->current_id);
      self->current_id = g_strdup (id);
      jd_lookup_page_set_follower (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  if (self->client == NULL)
    {
      g_free (self->pending_id);
      self->pending_id = g_strdup (id);
      set_state (self, JD_LOOKUP_STATE_SIGNED_OUT);
      return;
    }

  loading = g_strdup_printf (_("Looking up job %s…"), id);
  gtk_label_set_text (self->loading_label, loading);

  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  jd_client_get_job_async (self->client, id, FALSE, cancellable, on_job_cb, g_object_ref (self));
}

static gboolean
search_messages_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (widget);

  if (self->job_view == NULL || self->job == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->job_view), "job-view.search-messages", NULL);
}

/* What failed for lack of network is tried again once it is back. */
static void
on_network_back_cb (JdLookupPage *self)
{
  if (self->failed_offline && self->state == JD_LOOKUP_STATE_ERROR)
    jd_lookup_page_refresh (self);
}

static void
on_refresh_requested_cb (JdLookupPage *self)
{
  jd_lookup_page_refresh (self);
}

static void
on_entry_activate_cb (JdLookupPage *self)
{
  jd_lookup_page_look_up (self);
}

static void
on_entry_changed_cb (JdLookupPage *self)
{
  show_entry_error (self, NULL);
}

static void
on_cancel_clicked_cb (JdLookupPage *self)
{
  jd_lookup_page_cancel (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_lookup_page_dispose (GObject *object)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->messages_cancellable);
  g_clear_object (&self->messages_cancellable);
  clear_spinner_timeout (self);
  g_clear_handle_id (&self->follow_tick, g_source_remove);
  jd_lookup_page_set_follower (self, NULL);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_LOOKUP_PAGE);

  G_OBJECT_CLASS (jd_lookup_page_parent_class)->dispose (object);
}

static void
jd_lookup_page_finalize (GObject *object)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->followed_jobs);
  g_clear_object (&self->job);
  g_free (self->current_id);
  g_free (self->pending_id);

  G_OBJECT_CLASS (jd_lookup_page_parent_class)->finalize (object);
}

/* A restored tab is looked up when first shown, not at start. */
static void
jd_lookup_page_map (GtkWidget *widget)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (widget);

  GTK_WIDGET_CLASS (jd_lookup_page_parent_class)->map (widget);

  if (self->look_up_when_mapped)
    {
      g_autofree char *id = g_strdup (self->current_id);

      self->look_up_when_mapped = FALSE;
      start_lookup (self, id);
    }
}

static void
jd_lookup_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_JOB_ID:
      g_value_set_string (value, self->current_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, jd_lookup_page_get_title (self));
      break;

    case PROP_ICON:
      {
        const char *name = icon_name_for_job (self->job);

        g_value_take_object (value, name != NULL ? g_themed_icon_new (name) : NULL);
      }
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    case PROP_FOLLOWED_JOBS:
      g_value_set_object (value, self->followed_jobs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_lookup_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      jd_lookup_page_set_client (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      jd_lookup_page_set_settings (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jd_lookup_page_set_history (self, g_value_get_object (value));
      break;

    case PROP_FOLLOWED_JOBS:
      self->followed_jobs = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ------------------------------------------------------------------ */
/* Actions: how the page's parts (-recent.c, -follow.c) ask the page to
 * act, so that they call into the page no more than it calls into them. */

static void
look_up_id_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  jd_lookup_page_look_up_text (JD_LOOKUP_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
show_followed_job_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (widget);
  JdJob *job;

  if (self->follower == NULL)
    return;

  job = jd_job_follower_get_job (self->follower);
  /* Only while this page still shows that job. */
  if (job != NULL && self->job != NULL
      && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)), jd_job_summary_get_id (JD_JOB_SUMMARY (job))) == 0)
    jd_lookup_page_show_job (self, job);
}

static void
jd_lookup_page_class_init (JdLookupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_lookup_page_dispose;
  object_class->finalize = jd_lookup_page_finalize;
  object_class->get_property = jd_lookup_page_get_property;
  object_class->set_property = jd_lookup_page_set_property;
  widget_class->map = jd_lookup_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_LOOKUP_STATE, JD_LOOKUP_STATE_EMPTY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL,
                         JD_TYPE_JOB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JD_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB_ID] =
    g_param_spec_string ("job-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON] =
    g_param_spec_object ("icon", NULL, NULL, G_TYPE_ICON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The queued and running jobs shown are followed through these. */
  properties[PROP_FOLLOWED_JOBS] =
    g_param_spec_object ("followed-jobs", NULL, NULL,
                         JD_TYPE_FOLLOWED_JOBS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-lookup-page.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, job_entry);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, entry_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, entry_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_popover);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_popover_list);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, job_view_bin);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_icon);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_title);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_detail);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, follow_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  jd_lookup_page_class_add_recent (widget_class);
  jd_lookup_page_class_add_follow (widget_class);
  gtk_widget_class_install_action (widget_class, "lookup-page.look-up-id", "s", look_up_id_action);
  gtk_widget_class_install_action (widget_class, "lookup-page.show-followed-job", NULL, show_followed_job_action);

  /* Ctrl+F searches the messages from anywhere on the page, the Job ID
   * entry included, where the focus sits after every lookup. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_messages_cb, NULL);
}

static void
jd_lookup_page_init (JdLookupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  set_state (self, JD_LOOKUP_STATE_SIGNED_OUT);
  gtk_widget_set_visible (self->recent_box, FALSE);
  g_signal_connect_object (jd_network_watch_get_default (), "network-back",
                           G_CALLBACK (on_network_back_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_lookup_page_new (void)
{
  return g_object_new (JD_TYPE_LOOKUP_PAGE, NULL);
}

JdClient *
jd_lookup_page_get_client (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->client;
}

void
jd_lookup_page_set_client (JdLookupPage *self,
                           JdClient     *client)
{
  g_autofree char *pending = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (!g_set_object (&self->client, client))
    return;

  jd_lookup_page_cancel (self);
  jd_lookup_page_set_follower (self, NULL);
  if (self->job_view != NULL)
    jd_job_view_set_client (self->job_view, client);

  if (client == NULL)
    {
      jd_lookup_page_show_job (self, NULL);
      set_state (self, JD_LOOKUP_STATE_SIGNED_OUT);
    }
  else if ((pending = g_steal_pointer (&self->pending_id)) != NULL)
    start_lookup (self, pending);
  else
    {
      /* Another server: the job shown belonged to the old one. */
      jd_lookup_page_show_job (self, NULL);
      set_state (self, JD_LOOKUP_STATE_EMPTY);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

GSettings *
jd_lookup_page_get_settings (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->settings;
}

void
jd_lookup_page_set_settings (JdLookupPage *self,
                             GSettings    *settings)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  if (!g_set_object (&self->settings, settings))
    return;

  if (self->job_view != NULL)
    jd_job_view_set_settings (self->job_view, settings);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

gboolean
jd_lookup_page_look_up_text (JdLookupPage *self,
                             const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);

  id = jd_object_id_extract (text, JD_OBJECT_ID_JOB, &error);
  if (id == NULL)
    {
      if (text != gtk_editable_get_text (GTK_EDITABLE (self->job_entry)))
        gtk_editable_set_text (GTK_EDITABLE (self->job_entry), text != NULL ? text : "");
      show_entry_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->job_entry));
      return FALSE;
    }

  /* Show what is being looked up: the ID alone. */
  gtk_editable_set_text (GTK_EDITABLE (self->job_entry), id);
  gtk_editable_set_position (GTK_EDITABLE (self->job_entry), -1);
  show_entry_error (self, NULL);
  start_lookup (self, id);
  return TRUE;
}

void
jd_lookup_page_look_up_when_shown (JdLookupPage *self,
                                   const char   *job_id)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));
  g_return_if_fail (jd_object_id_is_valid (job_id));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      jd_lookup_page_look_up_text (self, job_id);
      return;
    }

  /* The tab shows the ID (and the window saves it) before anything is
   * sent. */
  jd_lookup_page_cancel (self);
  gtk_editable_set_text (GTK_EDITABLE (self->job_entry), job_id);
  g_free (self->current_id);
  self->current_id = g_strdup (job_id);
  self->look_up_when_mapped = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
jd_lookup_page_get_looked_up (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);
  return self->current_id != NULL && !self->look_up_when_mapped;
}

void
jd_lookup_page_look_up (JdLookupPage *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->job_entry)));
  jd_lookup_page_look_up_text (self, text);
}

void
jd_lookup_page_refresh (JdLookupPage *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (self->current_id == NULL)
    {
      jd_lookup_page_look_up (self);
      return;
    }

  id = g_strdup (self->current_id);
  start_lookup (self, id);
}

void
jd_lookup_page_cancel (JdLookupPage *self)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  clear_spinner_timeout (self);
  cancel_messages (self);

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  set_loading (self, NULL);

  /* Back to what was there before. */
  if (self->state == JD_LOOKUP_STATE_LOADING)
    set_state (self, self->job != NULL ? JD_LOOKUP_STATE_JOB : JD_LOOKUP_STATE_EMPTY);
}

void
jd_lookup_page_focus_entry (JdLookupPage *self)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->job_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->job_entry), 0, -1);
}

JdHistory *
jd_lookup_page_get_history (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->history;
}

void
jd_lookup_page_set_history (JdLookupPage *self,
                            JdHistory    *history)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  if (!g_set_object (&self->history, history))
    return;

  if (history != NULL)
    g_signal_connect_object (history, "items-changed",
                             G_CALLBACK (jd_lookup_page_on_history_changed), self, G_CONNECT_SWAPPED);
  jd_lookup_page_update_recent (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

const char *
jd_lookup_page_get_job_id (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->current_id;
}

const char *
jd_lookup_page_get_title (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->current_id != NULL ? self->current_id : _("New Lookup");
}

gboolean
jd_lookup_page_is_blank (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);
  return self->current_id == NULL && self->cancellable == NULL;
}

JdJobFollower *
jd_lookup_page_get_follower (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->follower;
}

JdJob *
jd_lookup_page_get_job (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->job;
}

JdLookupState
jd_lookup_page_get_state (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), JD_LOOKUP_STATE_EMPTY);
  return self->state;
}

gboolean
jd_lookup_page_copy_all_file_names (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);

  if (self->job == NULL)
    return FALSE;

  return jd_job_view_copy_all_file_names (ensure_job_view (self));
}
