/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_ASSIGNED_LICENCE (pv_assigned_licence_get_type ())

G_DECLARE_FINAL_TYPE (PvAssignedLicence, pv_assigned_licence, PV, ASSIGNED_LICENCE, GObject)

PvAssignedLicence  *pv_assigned_licence_new                (void);
PvAssignedLicence  *pv_assigned_licence_new_from_json      (JsonNode    *node,
                                                            const char  *path,
                                                            GError     **error);
JsonNode           *pv_assigned_licence_to_json            (PvAssignedLicence *self);
const char         *pv_assigned_licence_get_sku_id         (PvAssignedLicence *self);
void                pv_assigned_licence_set_sku_id         (PvAssignedLicence *self,
                                                            const char        *sku_id);
const char * const *pv_assigned_licence_get_disabled_plans (PvAssignedLicence *self);
void                pv_assigned_licence_set_disabled_plans (PvAssignedLicence  *self,
                                                            const char * const *disabled_plans);

G_END_DECLS
