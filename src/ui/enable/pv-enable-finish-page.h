/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enums.h"
#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_FINISH_PAGE (pv_enable_finish_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableFinishPage, pv_enable_finish_page, PV, ENABLE_FINISH_PAGE, PvPage)

PvPage     *pv_enable_finish_page_new         (PvEnableFlow       *flow);
void        pv_enable_finish_page_export_async  (PvEnableFinishPage  *self,
                                                 PvExportFormat       format,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    pv_enable_finish_page_export_finish (PvEnableFinishPage  *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void        pv_enable_finish_page_retry_failed  (PvEnableFinishPage  *self);

G_END_DECLS
