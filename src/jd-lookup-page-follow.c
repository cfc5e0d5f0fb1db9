/* jd-lookup-page-follow.c: following the job a lookup page shows: the
 * bar that says how a queued or running job stands and when it is
 * checked again, and the follower that keeps it current. */
#define G_LOG_DOMAIN "jd-lookup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-lookup-page-private.h"
#include "jd-job-cells.h"
#include "jd-job-follower.h"

/* ------------------------------------------------------------------ */
/* Following                                                           */

static void update_follow_bar (JdLookupPage *self);

static gboolean
on_follow_tick_cb (gpointer user_data)
{
  update_follow_bar (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_follow_bar (JdLookupPage *self)
{
  JdJobFollower *follower = self->follower;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  gboolean following;
  JdJob *job;

  if (follower == NULL || jd_job_follower_get_finished (follower) ||
      !jd_job_follower_should_follow (jd_job_follower_get_job (follower)))
    {
      gtk_revealer_set_reveal_child (self->follow_revealer, FALSE);
      gtk_spinner_set_spinning (self->follow_spinner, FALSE);
      g_clear_handle_id (&self->follow_tick, g_source_remove);
      return;
    }

  job = jd_job_follower_get_job (follower);
  following = jd_job_follower_get_following (follower);

  switch (jd_job_summary_get_state (JD_JOB_SUMMARY (job)))
    {
    case JD_JOB_STATE_RUNNING:
      if (jd_job_follower_get_running_since (follower) != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          GTimeSpan span = g_date_time_difference (now, jd_job_follower_get_running_since (follower));
          g_autofree char *duration = jd_job_cells_format_duration (MAX (0, span / G_USEC_PER_SEC));

          title = g_strdup_printf (_("Running for %s"), duration);
        }
      else
        title = g_strdup (_("Running"));
      break;

    case JD_JOB_STATE_QUEUED:
      title = g_strdup (_("Waiting in the queue"));
      break;

    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_UNKNOWN:
    case JD_JOB_STATE_COMPLETED:
    case JD_JOB_STATE_CANCELLED:
    case JD_JOB_STATE_ERROR:
    default:
      title = g_strdup (_("Starting"));
      break;
    }

  if (following)
    {
      gint64 next = jd_job_follower_get_next_check (follower);
      gint64 left = next > 0 ? MAX (0, (next - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
      g_autofree char *when = NULL;

      if (next == 0)
        when = g_strdup (_("Checking now."));
      else
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Checking again in %d second.",
                                             "Checking again in %d seconds.", (gulong) left),
                                (int) left);

      if (jd_job_follower_get_last_error (follower) != NULL)
        detail = g_strdup_printf (_("The last check failed: %s %s"), jd_job_follower_get_last_error (follower), when);
      else
        detail = g_strdup_printf (_("%s You will get a notification when it ends, even with the window closed."), when);

      gtk_button_set_label (self->follow_button, _("Stop Following"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop following this job"), -1);
    }
  else
    {
      if (jd_job_follower_get_last_error (follower) != NULL)
        detail = g_strdup_printf (_("Stopped following: %s"), jd_job_follower_get_last_error (follower));
      else
        detail = g_strdup (_("Not following. Follow the job to see it change and to be told when it ends."));

      gtk_button_set_label (self->follow_button, _("Follow"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follow this job"), -1);
    }

  gtk_label_set_text (self->follow_title, title);
  gtk_label_set_text (self->follow_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_spinner), following);
  gtk_spinner_set_spinning (self->follow_spinner, following);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_icon), !following);
  gtk_revealer_set_reveal_child (self->follow_revealer, TRUE);

  if (following && self->follow_tick == 0)
    self->follow_tick = g_timeout_add_seconds (1, on_follow_tick_cb, self);
  else if (!following)
    g_clear_handle_id (&self->follow_tick, g_source_remove);
}

static void
on_follower_job_cb (JdLookupPage *self)
{
  /* The page shows the newer state, while it still shows that job. */
  gtk_widget_activate_action (GTK_WIDGET (self), "lookup-page.show-followed-job", NULL);
  update_follow_bar (self);
}

static void
on_follower_changed_cb (JdLookupPage *self)
{
  update_follow_bar (self);
}

void
jd_lookup_page_set_follower (JdLookupPage  *self,
              JdJobFollower *follower)
{
  if (self->follower == follower)
    return;

  if (self->follower != NULL)
    g_signal_handlers_disconnect_by_data (self->follower, self);

  g_set_object (&self->follower, follower);

  if (follower != NULL)
    {
      g_signal_connect_object (follower, "notify::job", G_CALLBACK (on_follower_job_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (follower, "notify::following", G_CALLBACK (on_follower_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (follower, "notify::last-error", G_CALLBACK (on_follower_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (follower, "notify::next-check", G_CALLBACK (on_follower_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (follower, "notify::finished", G_CALLBACK (on_follower_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_follow_bar (self);
}

/* A queued or running job is followed as soon as it is shown. */
void
jd_lookup_page_follow_if_active (JdLookupPage *self,
                  JdJob        *job)
{
  JdJobFollower *follower = NULL;

  if (self->followed_jobs != NULL && jd_job_follower_should_follow (job))
    {
      follower = jd_followed_jobs_lookup (self->followed_jobs, jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
      /* One the user stopped stays stopped until they ask again. */
      if (follower == NULL || jd_job_follower_get_finished (follower))
        follower = jd_followed_jobs_follow (self->followed_jobs, job);
    }

  jd_lookup_page_set_follower (self, follower);
}

static void
on_follow_clicked_cb (JdLookupPage *self)
{
  if (self->follower == NULL || self->followed_jobs == NULL)
    return;

  if (jd_job_follower_get_following (self->follower))
    jd_followed_jobs_stop (self->followed_jobs, jd_job_follower_get_job_id (self->follower));
  else
    {
      JdJobFollower *follower = jd_followed_jobs_follow (self->followed_jobs, jd_job_follower_get_job (self->follower));

      jd_lookup_page_set_follower (self, follower);
    }
}


void
jd_lookup_page_class_add_follow (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_follow_clicked_cb);
}
