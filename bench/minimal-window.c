/* minimal-window.c: the yardstick for Job Desk's start-up.
 *
 * The least a libadwaita application can show: an AdwApplicationWindow
 * with a header bar, as large as Job Desk's window. With
 * JOBDESK_BENCH_FIRST_FRAME=1 it prints the CLOCK_MONOTONIC time (µs) at
 * which the window's frame clock ends its first paint, and quits, as
 * src/main.c does for Job Desk.
 */
#include "config.h"

#include <stdio.h>
#include <adwaita.h>

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb),
                    gtk_window_get_application (GTK_WINDOW (window)));
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, on_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  /* Job Desk's default size (window-width, window-height in data/). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 780);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.jobdesk.JobDesk.MinimalWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  if (g_strcmp0 (g_getenv ("JOBDESK_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
