/* main.c: starts Job Desk. */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-window.h"

/* For bench/: with JOBDESK_BENCH_FIRST_FRAME=1 the app prints the
 * CLOCK_MONOTONIC time (µs) at which the main window's frame clock ends
 * its first paint, and quits. Nothing happens without the variable. */
static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, app);
  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_bench_realize_cb (GtkWidget *window,
                     gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb),
                    gtk_window_get_application (GTK_WINDOW (window)));
}

static void
on_bench_window_added_cb (GtkApplication *app,
                          GtkWindow      *window)
{
  /* The first main window; the sign-in dialog has a frame clock of its own. */
  if (!JD_IS_WINDOW (window))
    return;

  g_signal_handlers_disconnect_by_func (app, on_bench_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JdApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jd_application_new ();

  if (g_strcmp0 (g_getenv ("JOBDESK_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_bench_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
