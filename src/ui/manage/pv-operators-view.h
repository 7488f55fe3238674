/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-service-client.h"

G_BEGIN_DECLS

#define PV_TYPE_OPERATORS_VIEW (pv_operators_view_get_type ())

G_DECLARE_FINAL_TYPE (PvOperatorsView, pv_operators_view, PV, OPERATORS_VIEW, GtkWidget)

GtkWidget  *pv_operators_view_new                  (void);
void        pv_operators_view_set_client           (PvOperatorsView    *self,
                                                    PvServiceClient    *client);
gboolean    pv_operators_view_get_busy             (PvOperatorsView    *self);
GListModel *pv_operators_view_get_tenant_operators (PvOperatorsView    *self);
void        pv_operators_view_set_countries        (PvOperatorsView    *self,
                                                    const char         *operator_id,
                                                    const char * const *countries);

G_END_DECLS
