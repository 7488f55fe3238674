/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>

/* Startup benchmark: the median time from process start to the first
 * frame of the main window, for Provisio and for a bare GTK window that
 * this program draws itself, on the same machine and display. The ratio
 * is the figure that matters; absolute times depend on the machine.
 *
 * Both processes print "first-frame <monotonic µs>" once their first frame
 * is painted; CLOCK_MONOTONIC is shared between processes, so the time is
 * measured from just before the spawn. */

#define DEFAULT_RUNS 11

static gboolean painted;

static void
bare_after_paint_cb (GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  if (painted)
    return;

  painted = TRUE;
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
bare_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bare_after_paint_cb), NULL);
}

static int
run_bare_window (void)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Bare GTK window"));
  g_signal_connect (window, "realize", G_CALLBACK (bare_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static gint64
measure_once (const char *const *argv,
              gboolean           report_env)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  gint64 start, frame;

  if (report_env)
    g_subprocess_launcher_setenv (launcher, "PROVISIO_REPORT_FIRST_FRAME", "1", TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Could not start %s: %s", argv[0], error->message);

  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    g_error ("Could not read from %s: %s", argv[0], error->message);

  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    g_error ("%s did not report its first frame (exit status %d)", argv[0],
             g_subprocess_get_exit_status (process));

  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return frame - start;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *samples)
{
  g_array_sort (samples, compare_gint64);
  return g_array_index (samples, gint64, samples->len / 2) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *bare_argv[] = { argv[0], "--bare", NULL };
  const char *app_argv[] = { NULL, NULL };
  guint runs = DEFAULT_RUNS;
  double bare_ms, app_ms;

  if (argc == 2 && g_strcmp0 (argv[1], "--bare") == 0)
    return run_bare_window ();

  if (argc < 2)
    {
      g_printerr ("usage: %s PROVISIO [RUNS]\n", argv[0]);
      return 2;
    }
  app_argv[0] = argv[1];
  if (argc > 2)
    runs = (guint) CLAMP (g_ascii_strtoull (argv[2], NULL, 10), 1, 1000);

  /* One of each first, not counted: it warms the caches of both alike. */
  measure_once (bare_argv, FALSE);
  measure_once (app_argv, TRUE);

  /* Interleaved, so that a change in the machine's load affects both. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 t = measure_once (bare_argv, FALSE);
      g_array_append_val (bare, t);
      t = measure_once (app_argv, TRUE);
      g_array_append_val (app, t);
    }

  bare_ms = median_ms (bare);
  app_ms = median_ms (app);

  g_print ("Startup to first frame, median of %u runs\n", runs);
  g_print ("  bare GTK window: %8.1f ms\n", bare_ms);
  g_print ("  Provisio:        %8.1f ms\n", app_ms);
  g_print ("  ratio:           %8.2f\n", app_ms / bare_ms);

  return 0;
}
