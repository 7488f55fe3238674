/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-numbers-model.h"
#include "pv-phone-number.h"
#include "pv-service-client.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_NUMBERS_VIEW (pv_numbers_view_get_type ())

G_DECLARE_FINAL_TYPE (PvNumbersView, pv_numbers_view, PV, NUMBERS_VIEW, GtkWidget)

GtkWidget       *pv_numbers_view_new               (void);
void             pv_numbers_view_set_client        (PvNumbersView  *self,
                                                    PvServiceClient *client);
PvNumbersModel  *pv_numbers_view_get_model         (PvNumbersView  *self);
gboolean         pv_numbers_view_get_loading       (PvNumbersView  *self);
gboolean         pv_numbers_view_get_busy          (PvNumbersView  *self);
GListModel      *pv_numbers_view_get_shown         (PvNumbersView  *self);
void             pv_numbers_view_set_filter        (PvNumbersView  *self,
                                                    const char     *operator_id,
                                                    const char     *country_code);
void             pv_numbers_view_set_search        (PvNumbersView  *self,
                                                    const char     *text);
gboolean         pv_numbers_view_select            (PvNumbersView  *self,
                                                    const char     *telephone_number);
PvPhoneNumber   *pv_numbers_view_get_selected      (PvNumbersView  *self);
void             pv_numbers_view_assign_to         (PvNumbersView  *self,
                                                    PvUser         *person);

G_END_DECLS
