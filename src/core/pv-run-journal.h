/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-operation-result.h"
#include "pv-run-info.h"

G_BEGIN_DECLS

#define PV_RUN_JOURNAL_ERROR (pv_run_journal_error_quark ())

typedef enum
{
  PV_RUN_JOURNAL_ERROR_WRITE,
  PV_RUN_JOURNAL_ERROR_READ,
  PV_RUN_JOURNAL_ERROR_CORRUPT,
} PvRunJournalError;

GQuark pv_run_journal_error_quark (void);

#define PV_TYPE_RUN_JOURNAL (pv_run_journal_get_type ())

G_DECLARE_FINAL_TYPE (PvRunJournal, pv_run_journal, PV, RUN_JOURNAL, GObject)

PvRunJournal *pv_run_journal_new            (const char         *path,
                                             gboolean            append);
const char   *pv_run_journal_get_path       (PvRunJournal       *self);
void          pv_run_journal_begin          (PvRunJournal       *self,
                                             const char         *run_id,
                                             const char         *flow,
                                             guint               n_items,
                                             JsonNode           *plan,
                                             PvRunInfo          *info);
void          pv_run_journal_step_started   (PvRunJournal       *self,
                                             const char         *item,
                                             guint               step);
void          pv_run_journal_step_finished  (PvRunJournal       *self,
                                             guint               step,
                                             PvOperationResult  *result,
                                             gboolean            final);
void          pv_run_journal_end            (PvRunJournal       *self,
                                             gboolean            cancelled,
                                             const char         *waiting);
void          pv_run_journal_close_async    (PvRunJournal       *self,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean      pv_run_journal_close_finish   (PvRunJournal       *self,
                                             GAsyncResult       *result,
                                             GError            **error);

/* Where a run stands, as its journal says it. */
typedef enum
{
  /* It never recorded its end: killed, or running in another process. */
  PV_RUN_STATUS_INTERRUPTED,
  /* Stopped by the person before its end; it can be resumed. */
  PV_RUN_STATUS_STOPPED,
  /* It ended, but its flow says it waits for something (the reason). */
  PV_RUN_STATUS_WAITING,
  PV_RUN_STATUS_FINISHED,
} PvRunStatus;

/* What a journal says about a run, read back to resume it. */
#define PV_TYPE_RUN_STATE (pv_run_state_get_type ())

G_DECLARE_FINAL_TYPE (PvRunState, pv_run_state, PV, RUN_STATE, GObject)

const char        *pv_run_state_get_run_id          (PvRunState  *self);
const char        *pv_run_state_get_flow            (PvRunState  *self);
gboolean           pv_run_state_get_ended           (PvRunState  *self);
gboolean           pv_run_state_get_cancelled       (PvRunState  *self);
gint64             pv_run_state_get_started         (PvRunState  *self);
gint64             pv_run_state_get_ended_time      (PvRunState  *self);
PvRunStatus        pv_run_state_get_status          (PvRunState  *self);
const char        *pv_run_state_get_waiting         (PvRunState  *self);
PvRunInfo         *pv_run_state_get_info            (PvRunState  *self);
GPtrArray         *pv_run_state_dup_final_results   (PvRunState  *self);
guint              pv_run_state_get_n_items         (PvRunState  *self);
guint              pv_run_state_get_n_finished      (PvRunState  *self);
JsonNode          *pv_run_state_get_plan            (PvRunState  *self);
guint              pv_run_state_get_next_step       (PvRunState  *self,
                                                     const char  *item);
gboolean           pv_run_state_get_in_flight       (PvRunState  *self,
                                                     const char  *item);
PvOperationResult *pv_run_state_get_final_result    (PvRunState  *self,
                                                     const char  *item);

void               pv_run_state_load_async          (const char          *path,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PvRunState        *pv_run_state_load_finish         (GAsyncResult        *result,
                                                     GError             **error);
PvRunState        *pv_run_state_load                (const char          *path,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_END_DECLS
