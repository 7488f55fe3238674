/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_OPERATOR (pv_operator_get_type ())

G_DECLARE_FINAL_TYPE (PvOperator, pv_operator, PV, OPERATOR, GObject)

PvOperator         *pv_operator_new                 (void);
PvOperator         *pv_operator_new_from_json       (JsonNode    *node,
                                                     const char  *path,
                                                     GError     **error);
JsonNode           *pv_operator_to_json             (PvOperator *self);
const char         *pv_operator_get_id              (PvOperator *self);
void                pv_operator_set_id              (PvOperator *self,
                                                     const char *id);
const char         *pv_operator_get_name            (PvOperator *self);
void                pv_operator_set_name            (PvOperator *self,
                                                     const char *name);
const char * const *pv_operator_get_regions         (PvOperator *self);
void                pv_operator_set_regions         (PvOperator         *self,
                                                     const char * const *regions);
PvOperatorServices  pv_operator_get_services        (PvOperator *self);
void                pv_operator_set_services        (PvOperator         *self,
                                                     PvOperatorServices  services);
const char * const *pv_operator_get_countries       (PvOperator *self);
void                pv_operator_set_countries       (PvOperator         *self,
                                                     const char * const *countries);
PvEmergencyModel    pv_operator_get_emergency_model (PvOperator *self);
void                pv_operator_set_emergency_model (PvOperator       *self,
                                                     PvEmergencyModel  emergency_model);
gboolean            pv_operator_serves_country      (PvOperator *self,
                                                     const char *code);
PvOperator         *pv_operator_find                (GListModel *operators,
                                                     const char *id);

G_END_DECLS
