/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"
#include "pv-service-plan.h"

G_BEGIN_DECLS

/* Phone System (MCOEV) is recognised by its service plan, not by a SKU:
 * E5 and the add-on SKUs all carry this plan. */
#define PV_PHONE_SYSTEM_SERVICE_PLAN_ID "4828c8ec-dc2e-4779-b502-87ac9ce28ab7"

#define PV_TYPE_LICENCE_SKU (pv_licence_sku_get_type ())

G_DECLARE_FINAL_TYPE (PvLicenceSku, pv_licence_sku, PV, LICENCE_SKU, GObject)

PvLicenceSku *pv_licence_sku_new                 (void);
PvLicenceSku *pv_licence_sku_new_from_json       (JsonNode    *node,
                                                  const char  *path,
                                                  GError     **error);
JsonNode     *pv_licence_sku_to_json             (PvLicenceSku *self);
const char   *pv_licence_sku_get_sku_id          (PvLicenceSku *self);
void          pv_licence_sku_set_sku_id          (PvLicenceSku *self,
                                                  const char   *sku_id);
const char   *pv_licence_sku_get_sku_part_number (PvLicenceSku *self);
void          pv_licence_sku_set_sku_part_number (PvLicenceSku *self,
                                                  const char   *sku_part_number);
int           pv_licence_sku_get_consumed_units  (PvLicenceSku *self);
void          pv_licence_sku_set_consumed_units  (PvLicenceSku *self,
                                                  int           consumed_units);
int           pv_licence_sku_get_enabled_units   (PvLicenceSku *self);
void          pv_licence_sku_set_enabled_units   (PvLicenceSku *self,
                                                  int           enabled_units);
int           pv_licence_sku_get_suspended_units (PvLicenceSku *self);
void          pv_licence_sku_set_suspended_units (PvLicenceSku *self,
                                                  int           suspended_units);
int           pv_licence_sku_get_warning_units   (PvLicenceSku *self);
void          pv_licence_sku_set_warning_units   (PvLicenceSku *self,
                                                  int           warning_units);
GListModel   *pv_licence_sku_get_service_plans   (PvLicenceSku *self);
void          pv_licence_sku_add_service_plan    (PvLicenceSku  *self,
                                                  PvServicePlan *service_plan);
int                 pv_licence_sku_get_available_units (PvLicenceSku *self);
gboolean            pv_licence_sku_has_service_plan   (PvLicenceSku *self,
                                                       const char   *service_plan_id);
gboolean            pv_licence_sku_has_phone_system   (PvLicenceSku *self);

G_END_DECLS
