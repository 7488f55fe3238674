/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_POOL_PAGE (pv_enable_pool_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnablePoolPage, pv_enable_pool_page, PV, ENABLE_POOL_PAGE, PvPage)

PvPage  *pv_enable_pool_page_new (PvEnableFlow *flow);
void     pv_enable_pool_page_import_async  (PvEnablePoolPage    *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean pv_enable_pool_page_import_finish (PvEnablePoolPage    *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
