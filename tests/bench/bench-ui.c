/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-ui.h"
#include "pv-test-util.h"

void
bench_iterate (void)
{
  g_main_context_iteration (NULL, TRUE);
}

guint
bench_pending (GListModel *shown)
{
  guint n;

  g_object_get (shown, "pending", &n, NULL);
  return n;
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
bench_shows_label (GtkWidget  *widget,
                   const char *text)
{
  return pv_test_find_widget (widget, match_label, text) != NULL;
}

struct _BenchFrames
{
  GdkFrameClock *clock;       /* weak */
  gulong         paint_handler;
  gulong         change_hook;
  GtkWidget     *redraw;      /* weak */
  GArray        *paints;      /* gint64 µs of every after-paint */
  gint64         last_paint;
  gint64         change;      /* search-changed, 0 when not waiting */
};

static void
after_paint_cb (GdkFrameClock *clock,
                BenchFrames   *frames)
{
  frames->last_paint = g_get_monotonic_time ();
  g_array_append_val (frames->paints, frames->last_paint);
}

/* An emission hook rather than a handler: it runs before the page's own
 * handler, which may filter for a long time before returning. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  BenchFrames *frames = user_data;

  frames->change = g_get_monotonic_time ();
  return TRUE;
}

BenchFrames *
bench_frames_new (GtkWindow *window)
{
  BenchFrames *frames = g_new0 (BenchFrames, 1);

  frames->paints = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    bench_iterate ();
  frames->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_object_add_weak_pointer (G_OBJECT (frames->clock), (gpointer *) &frames->clock);
  frames->paint_handler = g_signal_connect (frames->clock, "after-paint", G_CALLBACK (after_paint_cb),
                                            frames);
  while (frames->last_paint == 0)
    bench_iterate ();
  frames->change_hook = g_signal_add_emission_hook (g_signal_lookup ("search-changed",
                                                                     GTK_TYPE_SEARCH_ENTRY),
                                                    0, search_changed_hook, frames, NULL);
  return frames;
}

void
bench_frames_free (BenchFrames *frames)
{
  g_signal_remove_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY),
                                 frames->change_hook);
  if (frames->clock != NULL)
    {
      g_signal_handler_disconnect (frames->clock, frames->paint_handler);
      g_object_remove_weak_pointer (G_OBJECT (frames->clock), (gpointer *) &frames->clock);
    }
  bench_frames_set_redraw (frames, NULL);
  g_array_unref (frames->paints);
  g_free (frames);
}

void
bench_frames_set_redraw (BenchFrames *frames,
                         GtkWidget   *widget)
{
  if (frames->redraw != NULL)
    g_object_remove_weak_pointer (G_OBJECT (frames->redraw), (gpointer *) &frames->redraw);
  frames->redraw = widget;
  if (frames->redraw != NULL)
    g_object_add_weak_pointer (G_OBJECT (frames->redraw), (gpointer *) &frames->redraw);
}

gint64
bench_frames_last_paint (BenchFrames *frames)
{
  return frames->last_paint;
}

gint64
bench_frames_next_paint (BenchFrames *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->redraw != NULL)
    gtk_widget_queue_draw (frames->redraw);
  while (frames->last_paint < now)
    bench_iterate ();
  return frames->last_paint;
}

double
bench_frames_longest_gap (BenchFrames *frames,
                          gint64       from,
                          gint64       to,
                          guint       *n_frames)
{
  gint64 previous = 0, longest = 0;

  *n_frames = 0;
  for (guint i = 0; i < frames->paints->len; i++)
    {
      gint64 t = g_array_index (frames->paints, gint64, i);

      if (t < from || t > to)
        continue;
      if (previous != 0)
        longest = MAX (longest, t - previous);
      previous = t;
      (*n_frames)++;
    }
  return longest / 1000.0;
}

void
bench_print_typing_header (void)
{
  printf ("  %-12s %7s %10s %11s %12s %12s %10s %10s\n", "text", "shown", "entry wait",
          "1st frame", "filtered", "next frame", "frame gap", "max stall");
}

void
bench_type_text (BenchFrames     *frames,
                 GtkEditable     *entry,
                 GListModel      *shown,
                 const char      *text,
                 gboolean         erase,
                 BenchStallWatch *watch)
{
  glong length = g_utf8_strlen (text, -1);

  for (glong i = erase ? length - 1 : 1; erase ? i >= 0 : i <= length; erase ? i-- : i++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i);
      gint64 typed, change, first_frame = 0, settled, painted;
      guint n_frames;
      double gap;

      frames->change = 0;
      bench_stall_watch_reset (watch);
      typed = g_get_monotonic_time ();
      /* A keystroke: one character added at the end, or the last one
       * deleted (gtk_editable_set_text() would empty the entry first,
       * which a search entry reports at once). */
      if (erase)
        gtk_editable_delete_text (entry, (int) i, -1);
      else
        {
          g_autofree char *character = g_utf8_substring (text, i - 1, i);
          int position = (int) (i - 1);

          gtk_editable_insert_text (entry, character, -1, &position);
        }
      while (frames->change == 0)
        bench_iterate ();
      change = frames->change;
      while (bench_pending (shown) > 0)
        {
          bench_iterate ();
          if (first_frame == 0 && frames->last_paint > change)
            first_frame = frames->last_paint;
        }
      settled = g_get_monotonic_time ();
      painted = bench_frames_next_paint (frames);
      if (first_frame == 0)
        first_frame = painted;
      gap = bench_frames_longest_gap (frames, change, painted, &n_frames);

      printf ("  %-12s %7u %10.1f %11.1f %12.1f %12.1f %10.1f %10.1f\n",
              *prefix != '\0' ? prefix : "(empty)",
              g_list_model_get_n_items (shown),
              (change - typed) / 1000.0, (first_frame - change) / 1000.0,
              (settled - change) / 1000.0, (painted - change) / 1000.0,
              gap, bench_stall_watch_quantile (watch, 1.0));
    }
}

void
bench_load_begin (BenchLoad *load)
{
  memset (load, 0, sizeof *load);
  load->rss_before = bench_rss_kb ();
  load->peak_reset = bench_reset_peak_rss ();
  load->start = g_get_monotonic_time ();
}

void
bench_load_end (BenchLoad   *load,
                BenchFrames *frames)
{
  load->loaded = g_get_monotonic_time ();
  load->painted = bench_frames_next_paint (frames);
  load->peak = bench_peak_rss_kb ();
  load->rss_loaded = bench_rss_kb ();
}

void
bench_load_print (BenchLoad       *load,
                  BenchFrames     *frames,
                  BenchStallWatch *watch,
                  const char      *what)
{
  guint n_frames;
  double gap = bench_frames_longest_gap (frames, load->start, load->painted, &n_frames);

  printf ("  loaded and filtered, next frame     %9.0f ms  (loaded at %.0f ms)\n",
          (load->painted - load->start) / 1000.0, (load->loaded - load->start) / 1000.0);
  printf ("  frames painted meanwhile            %9u     longest gap between frames %.1f ms\n",
          n_frames, gap);
  printf ("  main loop: longest iteration %.1f ms, p99 %.1f ms, %u of %u over %.1f ms\n",
          bench_stall_watch_quantile (watch, 1.0), bench_stall_watch_quantile (watch, 0.99),
          bench_stall_watch_n_over (watch, BENCH_FRAME_MS), bench_stall_watch_count (watch),
          BENCH_FRAME_MS);
  printf ("  RSS before %.0f MB, after %.0f MB, peak %.0f MB (the process: %s, client and sandbox)%s\n\n",
          load->rss_before / 1024.0, load->rss_loaded / 1024.0, load->peak / 1024.0, what,
          load->peak_reset ? "" : " [peak since start]");
}
