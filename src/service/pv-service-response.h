/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_TYPE_SERVICE_RESPONSE (pv_service_response_get_type ())

G_DECLARE_FINAL_TYPE (PvServiceResponse, pv_service_response, PV, SERVICE_RESPONSE, GObject)

PvServiceResponse *pv_service_response_new        (guint        status,
                                                   JsonNode    *body,
                                                   const char  *location);
guint              pv_service_response_get_status   (PvServiceResponse *self);
JsonNode          *pv_service_response_get_body     (PvServiceResponse *self);
const char        *pv_service_response_get_location (PvServiceResponse *self);

G_END_DECLS
