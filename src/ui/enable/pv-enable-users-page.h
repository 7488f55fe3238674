/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_USERS_PAGE (pv_enable_users_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableUsersPage, pv_enable_users_page, PV, ENABLE_USERS_PAGE, PvPage)

PvPage *pv_enable_users_page_new (PvEnableFlow *flow);
void    pv_enable_users_page_import_async  (PvEnableUsersPage   *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean pv_enable_users_page_import_finish (PvEnableUsersPage   *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
