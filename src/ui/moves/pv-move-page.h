/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enums.h"
#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvMoveFlow PvMoveFlow;

/* The five pages of a guided move share one template: what each shows
 * is in its rows. */
typedef enum
{
  PV_MOVE_PAGE_PEOPLE,
  PV_MOVE_PAGE_OPERATOR,
  PV_MOVE_PAGE_WARNING,
  PV_MOVE_PAGE_REVIEW,
  PV_MOVE_PAGE_RUN,
} PvMovePageRole;

#define PV_TYPE_MOVE_PAGE (pv_move_page_get_type ())

G_DECLARE_FINAL_TYPE (PvMovePage, pv_move_page, PV, MOVE_PAGE, PvPage)

PvPage     *pv_move_page_new             (PvMoveFlow          *flow,
                                          PvMovePageRole       role);
PvMovePageRole pv_move_page_get_role     (PvMovePage          *self);
void        pv_move_page_run_again       (PvMovePage          *self);
void        pv_move_page_export_async    (PvMovePage          *self,
                                          PvExportFormat       format,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    pv_move_page_export_finish   (PvMovePage          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
