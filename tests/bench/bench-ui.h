/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bench-util.h"

G_BEGIN_DECLS

/* What the benchmarks of a page on a virtual display share: the frames
 * its window paints, the moment a search entry reports a change, the
 * keystrokes of a search, and the figures of loading.  Figures only;
 * nothing is asserted about time. */

void         bench_iterate            (void);

/* Items of @shown (a GtkFilterListModel or a PvUserSearch) not yet
 * looked at for the current search or filter. */
guint        bench_pending            (GListModel  *shown);

/* TRUE when a label below @widget reads @text. */
gboolean     bench_shows_label        (GtkWidget   *widget,
                                       const char  *text);

typedef struct _BenchFrames BenchFrames;

/* Waits for @window, presented, to paint its first frame, and from then
 * on records every frame it paints and every "search-changed" of a
 * search entry. */
BenchFrames *bench_frames_new         (GtkWindow   *window);
void         bench_frames_free        (BenchFrames *frames);
/* Asks @widget to be drawn again before waiting for the next frame,
 * since nothing may have changed on screen (a spinner stopped, the rows
 * stayed). */
void         bench_frames_set_redraw  (BenchFrames *frames,
                                       GtkWidget   *widget);
/* µs, monotonic; 0 before the first frame. */
gint64       bench_frames_last_paint  (BenchFrames *frames);
/* The next frame painted after now. */
gint64       bench_frames_next_paint  (BenchFrames *frames);
/* Longest gap between two frames painted in [from, to], in ms. */
double       bench_frames_longest_gap (BenchFrames *frames,
                                       gint64       from,
                                       gint64       to,
                                       guint       *n_frames);

/* Types @text into @entry as a person would, one more character each
 * time (or erases it one character at a time), and prints a row of the
 * table bench_print_typing_header() starts for each keystroke, from the
 * search change to the first frame after @shown settled. */
void         bench_type_text          (BenchFrames     *frames,
                                       GtkEditable     *entry,
                                       GListModel      *shown,
                                       const char      *text,
                                       gboolean         erase,
                                       BenchStallWatch *watch);
void         bench_print_typing_header (void);

/* A page or a view loading its list: bench_load_begin() just before
 * it starts, bench_load_end() once everything is loaded and filtered. */
typedef struct
{
  gint64   start;
  gint64   loaded;
  gint64   painted;      /* the next frame after loaded */
  gint64   rss_before;
  gint64   rss_loaded;
  gint64   peak;
  gboolean peak_reset;
} BenchLoad;

void         bench_load_begin         (BenchLoad       *load);
void         bench_load_end           (BenchLoad       *load,
                                       BenchFrames     *frames);
/* The last lines of a loading table: until the next frame, the frames
 * and main-loop iterations meanwhile, memory; @what is what the process
 * holds besides the client and the sandbox ("page", "view"). */
void         bench_load_print         (BenchLoad       *load,
                                       BenchFrames     *frames,
                                       BenchStallWatch *watch,
                                       const char      *what);

G_END_DECLS
