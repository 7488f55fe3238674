/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-flow.h"

G_BEGIN_DECLS

#define PV_TYPE_ASSISTANT (pv_assistant_get_type ())

G_DECLARE_FINAL_TYPE (PvAssistant, pv_assistant, PV, ASSISTANT, GtkWidget)

GtkWidget *pv_assistant_new                (const PvFlowInfo *flow);
GtkWidget        *pv_assistant_new_with_state  (const PvFlowInfo *flow,
                                                GObject          *state);
const PvFlowInfo *pv_assistant_get_flow        (PvAssistant  *self);
GObject   *pv_assistant_get_state          (PvAssistant  *self);
PvPage    *pv_assistant_get_current_page   (PvAssistant  *self);
guint      pv_assistant_get_n_pages        (PvAssistant  *self);
PvPage    *pv_assistant_get_page           (PvAssistant  *self,
                                            guint         index);
gboolean   pv_assistant_get_applying       (PvAssistant  *self);
gboolean   pv_assistant_get_modified       (PvAssistant  *self);
char      *pv_assistant_dup_step_label     (PvAssistant  *self);
void       pv_assistant_locale_changed     (PvAssistant  *self);
void       pv_assistant_confirm_discard_async  (PvAssistant         *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   pv_assistant_confirm_discard_finish (PvAssistant         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
