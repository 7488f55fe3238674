/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"
#include "pv-run-journal.h"

G_BEGIN_DECLS

/* Creates one page of a flow. @state is the flow's shared state (its plan),
 * which pages bind to instead of knowing each other. A factory may return
 * NULL to leave its step out. */
typedef PvPage *(*PvPageFactory) (GObject *state);

typedef struct
{
  const char *id;
  /* Untranslated (N_()) strings, translated when shown. */
  const char *title;
  const char *description;
  const char *icon_name;
  /* Returns a new reference to the state shared by the flow's pages. */
  GObject *(*create_state) (void);
  /* NULL-terminated, in the order the wizard shows them. */
  const PvPageFactory *pages;
  /* Optional: the state of the flow continuing a run that stopped before
   * its end, read from the run's journal (whose flow name is @id). Its
   * page factories leave out the steps the run had already decided. */
  GObject *(*create_resume_state) (const char *journal_path,
                                   PvRunState *run);
  /* Optional: the state of the flow trying again the people a run of it
   * failed, each from the step that failed, read from the run's journal;
   * the history offers Retry Failed for the flows that have it. */
  GObject *(*create_retry_state)  (const char *journal_path,
                                   PvRunState *run);
  /* Whether create_resume_state also continues a run that ended waiting
   * for something outside it (an operator's upload), running again those
   * who wait: the history then offers to finish such a run. */
  gboolean continues_waiting;
  /* Optional: what a run of the flow waits for, as its journal says it,
   * whether the run ended or was killed; NULL when nobody waits. Reads
   * the state only, no file nor service. */
  char *(*dup_waiting) (PvRunState *run);
  /* Optional: checks again, reading the service only, whether what a
   * run of the flow waits for has come; finish gives what it still waits
   * for, or NULL in @still_waiting when it is ready to finish. */
  void     (*check_waiting_async)  (PvRunState          *run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
  gboolean (*check_waiting_finish) (GAsyncResult        *result,
                                    char               **still_waiting,
                                    GError             **error);
} PvFlowInfo;

const PvFlowInfo *const *pv_flows_get_registered (void);

G_END_DECLS
