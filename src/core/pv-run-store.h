/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-journal.h"

G_BEGIN_DECLS

/* How many runs the history keeps at least, whatever their age. */
#define PV_RUN_STORE_KEEP_RUNS 100

typedef enum
{
  /* Every run with a readable journal, the most recent first. */
  PV_RUN_STORE_LIST_ALL,
  /* Only the runs a resume would continue: stopped or interrupted before
   * their end, with their plan recorded. */
  PV_RUN_STORE_LIST_RESUMABLE,
} PvRunStoreList;

char       *pv_run_store_dup_dir           (void);
char       *pv_run_store_new_run_id        (void);
gboolean    pv_run_store_is_run_id         (const char          *run_id);
char       *pv_run_store_dup_journal_path  (const char          *dir,
                                            const char          *run_id);
char       *pv_run_store_dup_results_path  (const char          *dir,
                                            const char          *run_id);
char       *pv_run_store_dup_run_id        (const char          *journal_path);

void        pv_run_store_list_async        (const char          *dir,
                                            PvRunStoreList       which,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray  *pv_run_store_list_finish       (GAsyncResult        *result,
                                            GError             **error);
GPtrArray  *pv_run_store_list              (const char          *dir,
                                            PvRunStoreList       which,
                                            GCancellable        *cancellable);

void        pv_run_store_discard_async     (const char          *dir,
                                            const char          *run_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    pv_run_store_discard_finish    (GAsyncResult        *result,
                                            GError             **error);

void        pv_run_store_prune_async       (const char          *dir,
                                            guint                keep_days,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
guint       pv_run_store_prune_finish      (GAsyncResult        *result,
                                            GError             **error);
guint       pv_run_store_prune             (const char          *dir,
                                            guint                keep_runs,
                                            guint                keep_days,
                                            gint64               now,
                                            GCancellable        *cancellable);

G_END_DECLS
