/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-sandbox-server.h"

G_BEGIN_DECLS

/* What the benchmarks of the client, the runner and the Select users
 * page share: an in-process sandbox over a temporary state, memory read
 * from /proc, and a watch on how long the main loop goes without
 * polling.  Benchmarks print figures; they assert nothing about time. */

typedef struct
{
  char            *folder;
  PvSandboxServer *server;
  double           seed_seconds;
} BenchSandbox;

void    bench_sandbox_start (BenchSandbox *sandbox,
                             const char   *seed_path,
                             guint         generated_users);
/* The seed's people, and @generated_numbers phone numbers more. */
void    bench_sandbox_start_numbers (BenchSandbox *sandbox,
                                     const char   *seed_path,
                                     guint         generated_numbers);
void    bench_sandbox_stop  (BenchSandbox *sandbox);

/* Kilobytes, from /proc/self/status; -1 if unknown. */
gint64   bench_rss_kb           (void);
gint64   bench_peak_rss_kb      (void);
/* Restarts the peak (VmHWM) at the current RSS; FALSE where the kernel
 * does not allow it, and the peak is then the process's since start. */
gboolean bench_reset_peak_rss   (void);

/* A source of the highest priority that is never dispatched: its check
 * runs right after the poll and its prepare at the start of the next
 * iteration, so the time between them is what that iteration spent
 * dispatching, during which nothing else (a frame, an input event) could
 * run. */
typedef struct _BenchStallWatch BenchStallWatch;

BenchStallWatch *bench_stall_watch_new    (void);
void             bench_stall_watch_reset  (BenchStallWatch *watch);
void             bench_stall_watch_free   (BenchStallWatch *watch);
guint            bench_stall_watch_count  (BenchStallWatch *watch);
/* Milliseconds; @fraction in [0, 1]. */
double           bench_stall_watch_quantile (BenchStallWatch *watch,
                                             double           fraction);
guint            bench_stall_watch_n_over   (BenchStallWatch *watch,
                                             double           ms);
double           bench_stall_watch_total_ms (BenchStallWatch *watch);

/* Milliseconds of a sorted copy of @samples (gint64 µs). */
double           bench_quantile_ms          (GArray          *samples,
                                             double           fraction);

#define BENCH_FRAME_MS (1000.0 / 60.0)

G_END_DECLS
