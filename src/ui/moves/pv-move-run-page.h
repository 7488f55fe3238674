/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enums.h"
#include "pv-move-flow.h"
#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_MOVE_RUN_PAGE (pv_move_run_page_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveRunPage, pv_move_run_page, PV, MOVE_RUN_PAGE, PvPage)

PvPage   *pv_move_run_page_new            (PvMoveFlow          *flow);
void      pv_move_run_page_run_again      (PvMoveRunPage       *self);
PvRunner *pv_move_run_page_get_runner     (PvMoveRunPage       *self);
void      pv_move_run_page_export_async   (PvMoveRunPage       *self,
                                           PvExportFormat       format,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  pv_move_run_page_export_finish  (PvMoveRunPage       *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
